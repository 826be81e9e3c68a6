/**
 * Crash safety of the session log: a child appending events is killed with SIGKILL at random moments, 100
 * times. After each kill the log must open, hold every event the child had acknowledged, and verify.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EventLog, readLog } from '../../services/sessions/eventLog.node';

const FIXTURE = path.join(__dirname, 'fixtures/appendUntilKilled.ts');
const KILLS = 100;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-crash-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/** Runs the child until it has acknowledged at least one append, then kills it after a random delay. */
function runAndKill(delayMs: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let armed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (!armed && stdout.includes('ack ')) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (_code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`child ended without being killed: ${stderr}`));
      // Only whole "ack N" lines count: a line cut by the kill was never fully acknowledged.
      resolve([...stdout.matchAll(/^ack (\d+)$/gm)].map((match) => Number(match[1])));
    });
  });
}

describe('session log under SIGKILL', () => {
  it(`keeps every acknowledged event across ${KILLS} kills`, async () => {
    let torn = 0;
    for (let kill = 0; kill < KILLS; kill++) {
      const acknowledged = await runAndKill(Math.floor(Math.random() * 40));
      expect(acknowledged.length).toBeGreaterThan(0);
      const { log, report } = await EventLog.open(dataDir);
      if (report.tornSetAside) torn++;
      const seqs = new Set(log.entries.map((entry) => entry.seq));
      for (const seq of acknowledged) expect(seqs.has(seq), `event ${seq} after kill ${kill}`).toBe(true);
      await log.close();
      const verified = await readLog(dataDir);
      expect(verified.broken).toBeUndefined();
      expect(verified.torn).toBeUndefined();
    }
    console.log(`[crash test] ${KILLS} kills, ${(await readLog(dataDir)).entries.length} events kept, ${torn} torn last lines set aside`);
  }, 600_000);
});
