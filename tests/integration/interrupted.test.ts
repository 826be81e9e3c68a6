/**
 * `safetake sanitize` interrupted as a user or a system would: SIGTERM or SIGHUP (a service manager, a closed
 * terminal) cancels like Ctrl-C; SIGKILL of the command or of its worker takes ffmpeg and ExifTool down with
 * it; a partial copy a killed run leaves behind is removed by the next run in that folder. The original is
 * unchanged every time.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveFfmpeg } from '../../services/media/binaries.node';
import { sha256File } from '../../services/media/hash.node';
import { runCli } from './cli.node';

const BIN = path.resolve(__dirname, '../../bin/safetake.cjs');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-interrupted-'));
const env = { ...process.env, SAFETAKE_DATA_DIR: path.join(scratch, 'data') };
let long: string;
let originalHash: string;

beforeAll(async () => {
  // Long enough that an encode is still running when the signal comes: 40 s of 720p with sound.
  long = path.join(scratch, 'long.mp4');
  execFileSync(resolveFfmpeg().path, ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=30:duration=40', '-f', 'lavfi', '-i', 'sine=duration=40',
    '-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac', '-shortest', long]);
  originalHash = await sha256File(long);
}, 120_000);
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** Processes still running whose command line mentions `text` (Linux /proc). */
function processesMentioning(text: string): number[] {
  return fs
    .readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(text);
      } catch {
        return false;
      }
    })
    .map(Number);
}

/**
 * Starts a sanitize of the long clip into a folder of its own and waits until its partial copy exists;
 * `stderr` gathers what the command says there.
 */
async function sanitizeUntilEncoding(name: string): Promise<{ launcher: ChildProcess; out: string; stderr: () => string; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> }> {
  const out = path.join(scratch, name);
  fs.mkdirSync(out);
  const launcher = spawn(process.execPath, [BIN, 'sanitize', long, '-o', out], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let said = '';
  launcher.stderr!.on('data', (chunk: Buffer) => (said += chunk.toString()));
  const stderr = () => said;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => launcher.on('exit', (code, signal) => resolve({ code, signal })));
  await expect.poll(() => fs.readdirSync(out).some((file) => file.includes('.partial')), { timeout: 30_000, interval: 100 }).toBe(true);
  await expect.poll(() => processesMentioning(out).length, { timeout: 10_000 }).toBeGreaterThan(0); // ffmpeg is writing
  return { launcher, out, stderr, exited };
}

describe.skipIf(process.platform !== 'linux')('an interrupted sanitize', () => {
  it.each(['SIGTERM', 'SIGHUP', 'SIGINT'] as const)('cancels on %s: no ffmpeg left, no partial copy, the original unchanged, and ends by that signal', async (signal) => {
    const { launcher, out, exited } = await sanitizeUntilEncoding(signal);
    launcher.kill(signal);
    // Ended by the signal once the work is cancelled and cleaned up, so a script or a shell loop stops too.
    expect(await exited).toEqual({ code: null, signal });
    await expect.poll(() => processesMentioning(out), { timeout: 10_000 }).toEqual([]);
    expect(fs.readdirSync(out)).toEqual([]);
    expect(await sha256File(long)).toBe(originalHash);
  }, 90_000);

  it('pressed twice, Ctrl-C still removes the partial copy before the command ends; a third time, it ends at once', async () => {
    const partialThere = (out: string) => fs.readdirSync(out).some((file) => file.includes('.partial'));
    const twice = await sanitizeUntilEncoding('twice');
    // The second comes while the first cancel is under way (a few ms apart, the two are not merged into one).
    twice.launcher.kill('SIGINT');
    await new Promise((resolve) => setTimeout(resolve, 5));
    const secondInTime = partialThere(twice.out);
    twice.launcher.kill('SIGINT');
    expect(await twice.exited).toEqual({ code: null, signal: 'SIGINT' });
    if (secondInTime) expect(twice.stderr()).toContain('Cancelling: cleaning up');
    await expect.poll(() => processesMentioning(twice.out), { timeout: 10_000 }).toEqual([]);
    expect(fs.readdirSync(twice.out)).toEqual([]);

    // Three times: ended by the signal, ffmpeg with it (a partial copy may stay for the next run to remove).
    const thrice = await sanitizeUntilEncoding('thrice');
    for (const _ of [1, 2, 3]) {
      thrice.launcher.kill('SIGINT');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(await thrice.exited).toEqual({ code: null, signal: 'SIGINT' });
    await expect.poll(() => processesMentioning(thrice.out), { timeout: 10_000 }).toEqual([]);
    expect(await sha256File(long)).toBe(originalHash);
  }, 120_000);

  it('takes ffmpeg down when the command is killed with SIGKILL, and the next run there removes the partial copy', async () => {
    const { launcher, out, exited } = await sanitizeUntilEncoding('kill-launcher');
    launcher.kill('SIGKILL');
    await exited;
    await expect.poll(() => processesMentioning(out), { timeout: 10_000 }).toEqual([]);
    const left = fs.readdirSync(out);
    expect(left.every((file) => file.includes('.partial'))).toBe(true);

    const small = path.join(scratch, 'small.mp4');
    execFileSync(resolveFfmpeg().path, ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=30:duration=1', '-c:v', 'libx264', small]);
    expect(runCli(['sanitize', small, '-o', out], { SAFETAKE_DATA_DIR: env.SAFETAKE_DATA_DIR }).code).toBe(0);
    expect(fs.readdirSync(out)).toEqual(['clip-001.mp4']);
    expect(await sha256File(long)).toBe(originalHash);
  }, 90_000);

  it('takes ffmpeg down when the worker itself is killed with SIGKILL', async () => {
    const { launcher, out, exited } = await sanitizeUntilEncoding('kill-worker');
    const worker = Number(fs.readFileSync(`/proc/${launcher.pid}/task/${launcher.pid}/children`, 'utf8').trim().split(/\s+/)[0]);
    process.kill(worker, 'SIGKILL');
    expect((await exited).code).not.toBe(0);
    await expect.poll(() => processesMentioning(out), { timeout: 10_000 }).toEqual([]);
    expect(await sha256File(long)).toBe(originalHash);
  }, 90_000);
});
