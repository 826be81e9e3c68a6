/**
 * One writer per session log, and the CLI under the same session rules as the app: a second writer is
 * refused in plain words while the first goes on, `safetake sanitize` logs its clean copies in the running
 * session, and when the app holds the log the copies are still made and the user is told they were not logged.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { replaySessions } from '../../core/sessions/replay.std';
import { sha256File } from '../../services/media/hash.node';
import { EventLog, readLog } from '../../services/sessions/eventLog.node';
import { SessionsService } from '../../services/sessions/sessions.node';
import { runCli } from './cli.node';
import { CORPUS_DIR } from './corpus.node';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-writers-'));
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-writers-media-'));
afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(work, { recursive: true, force: true });
});
const terms = { amount: 0.5, currency: 'USD', per: 'clip' as const };

describe('the session log has one writer', () => {
  it('refuses a second writer in plain words, and the first one goes on with an intact chain', async () => {
    const first = new SessionsService(dataDir);
    const second = new SessionsService(dataDir);
    await first.start({ platform: 'Acme', task: 'wave', terms });
    await expect(second.start({ platform: 'Other', task: '', terms })).rejects.toThrow(/open in another SafeTake/);
    await expect(EventLog.open(dataDir)).rejects.toThrow(/open in another SafeTake/);
    await first.phase('start', 'waiting');
    await first.close();
    // Once the other one has closed the log, the one that was refused can write: no restart needed.
    await second.phase('stop', 'waiting');
    await second.close();
    const log = await readLog(dataDir);
    expect(log.broken).toBeUndefined();
    expect(log.entries.map((entry) => entry.event.type)).toEqual(['session.started', 'phase.started', 'phase.stopped']);
  });

  it('lets `safetake sanitize` make its copies while the app holds the log, and says they were not logged', async () => {
    const app = new SessionsService(dataDir);
    expect(await app.active()).toBeDefined();
    const input = path.join(work, 'phone.mp4');
    fs.copyFileSync(path.join(CORPUS_DIR, 'video-metadata/android-gps.mp4'), input);
    const out = fs.mkdtempSync(path.join(work, 'busy-'));
    const result = runCli(['sanitize', input, '-o', out], { SAFETAKE_DATA_DIR: dataDir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/app has the session log open: these copies are not logged/);
    expect(fs.readdirSync(out)).toEqual(['clip-001.mp4']);
    await app.close();
    expect((await readLog(dataDir)).broken).toBeUndefined();
  });

  it('logs the clean copies of `safetake sanitize` in the running session, timed as sanitizing', async () => {
    const input = path.join(work, 'phone.mp4');
    const out = fs.mkdtempSync(path.join(work, 'logged-'));
    const result = runCli(['sanitize', input, '-o', out], { SAFETAKE_DATA_DIR: dataDir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/logged in the running session/);
    const log = await readLog(dataDir);
    expect(log.broken).toBeUndefined();
    expect(log.entries.slice(-4).map((entry) => entry.event.type)).toEqual(['phase.started', 'clip.added', 'clip.sanitized', 'phase.stopped']);
    const session = replaySessions(log.entries)[0]!;
    expect(session.phases.at(-1)).toMatchObject({ phase: 'sanitizing' });
    expect(session.clips).toEqual([
      expect.objectContaining({
        file: input,
        sha256: await sha256File(input),
        sanitized: { output: path.join(out, 'clip-001.mp4'), sha256: await sha256File(path.join(out, 'clip-001.mp4')), identifyingLeft: 0 },
      }),
    ]);
    // Nothing is left holding the log once the command is done.
    const { log: reopened } = await EventLog.open(dataDir);
    await reopened.close();
  });
});
