/**
 * The session log against an unlucky user: a disk that fills mid-append, an export aimed at the log itself,
 * a line edited by hand, an editor that re-saves the file. Each ends with a plain message, every acknowledged
 * event intact, and nothing counted that cannot be verified.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LOG_FILE_NAME } from '../../core/app/dataFolder.std';
import type { EventData } from '../../core/sessions/eventLog.std';
import { replaySessions } from '../../core/sessions/replay.std';
import { EventLog, readLog } from '../../services/sessions/eventLog.node';
import { SessionsService } from '../../services/sessions/sessions.node';
import { runCli } from './cli.node';
import { canMount, mountTmpfs, unmountAll } from './tmpfs.node';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-log-faults-'));
afterAll(() => {
  unmountAll();
  fs.rmSync(scratch, { recursive: true, force: true });
});

const started = { type: 'session.started', sessionId: 's', platform: 'Acme', task: 't', terms: { amount: 1, currency: 'EUR', per: 'clip' } } as const;
const paid = (amount: number): EventData => ({ type: 'pay.received', sessionId: 's', amount, currency: 'EUR' });

/** A log of a session with `payments` entered, one event a line. */
async function logWith(dir: string, payments: number[]): Promise<string> {
  const { log } = await EventLog.open(dir);
  await log.append(started);
  for (const amount of payments) await log.append(paid(amount));
  await log.close();
  return path.join(dir, LOG_FILE_NAME);
}

describe('a full disk', () => {
  it.skipIf(!canMount)('fails the append that did not fit with "the disk is full", cuts it back, and keeps every acknowledged event', async () => {
    const disk = mountTmpfs(path.join(scratch, 'full'), 'size=64k');
    expect(disk).toBeDefined();
    const { log } = await EventLog.open(disk!);
    await log.append(started);
    // Fill the disk but for a few bytes: the next line fits in part, or not at all.
    const filler = path.join(disk!, 'filler');
    const free = () => fs.statfsSync(disk!).bavail * fs.statfsSync(disk!).bsize;
    fs.writeFileSync(filler, Buffer.alloc(Math.max(0, free() - 4096)));
    let acknowledged = 1;
    let failure: unknown;
    for (let i = 0; i < 500 && !failure; i++) {
      try {
        await log.append(paid(i));
        acknowledged++;
      } catch (error) {
        failure = error;
      }
    }
    expect((failure as Error).message).toMatch(/disk is full.*everything saved before is intact/);
    const afterFailure = await readLog(disk!);
    expect(afterFailure.broken).toBeUndefined();
    expect(afterFailure.torn).toBeUndefined();
    expect(afterFailure.entries).toHaveLength(acknowledged);
    // With room again, the same log goes on where it stopped.
    fs.rmSync(filler);
    await log.append(paid(99));
    await log.close();
    const resumed = await readLog(disk!);
    expect(resumed.broken).toBeUndefined();
    expect(resumed.entries.map((entry) => entry.seq)).toEqual([...Array(acknowledged + 1).keys()]);
  });
});

describe('safetake log export', () => {
  it('never writes over the log, an existing file only with --force, and explains a folder', async () => {
    const dir = fs.mkdtempSync(path.join(scratch, 'export-'));
    const file = await logWith(dir, [1]);
    const before = fs.readFileSync(file);
    const env = { SAFETAKE_DATA_DIR: dir };

    const ontoLog = runCli(['log', 'export', '--csv', file], env);
    expect(ontoLog.code).toBe(1);
    expect(ontoLog.stderr + ontoLog.stdout).toMatch(/does not write exports into its own data folder/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);

    const target = path.join(scratch, 'sessions.csv');
    fs.writeFileSync(target, 'my own notes');
    const existing = runCli(['log', 'export', '--csv', target], env);
    expect(existing.code).toBe(1);
    expect(existing.stderr + existing.stdout).toMatch(/already exists.*--force/);
    expect(fs.readFileSync(target, 'utf8')).toBe('my own notes');
    expect(runCli(['log', 'export', '--csv', target, '--force'], env).code).toBe(0);
    expect(fs.readFileSync(target, 'utf8')).toMatch(/^row,date,platform/);

    const folder = runCli(['log', 'export', '--csv', scratch], env);
    expect(folder.code).toBe(1);
    expect(folder.stderr + folder.stdout).toMatch(/is a folder: give the name of the file/);
    expect(folder.stderr + folder.stdout).not.toMatch(/EISDIR/);
  });
});

describe('a line changed by hand', () => {
  it('is named with the line before it, and neither is counted: a forged payment never reaches the summary', async () => {
    const dir = fs.mkdtempSync(path.join(scratch, 'edited-'));
    const file = await logWith(dir, [1, 2, 3, 4, 5, 6, 7, 8]);
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    lines[6] = lines[6]!.replace('"amount":6', '"amount":125'); // line 7
    fs.writeFileSync(file, lines.join('\n'));
    const verify = runCli(['log', 'verify'], { SAFETAKE_DATA_DIR: dir });
    expect(verify.code).toBe(1);
    expect(verify.stdout).toMatch(/breaks at line 7: line 7 or line 8 was changed/);
    const summary = runCli(['log', 'summary'], { SAFETAKE_DATA_DIR: dir });
    expect(summary.stdout).toContain('received EUR\u00a015.00'); // 1 + 2 + 3 + 4 + 5: not 6, not 125
    expect(summary.stdout).not.toContain('125');
  });
});

describe('an editor that saves the log again', () => {
  it('diagnoses CRLF line endings, and `safetake log repair` gives back every event with a record of the repair', async () => {
    const dir = fs.mkdtempSync(path.join(scratch, 'crlf-'));
    const file = await logWith(dir, [1, 2]);
    const original = await readLog(dir);
    fs.writeFileSync(file, `\uFEFF${fs.readFileSync(file, 'utf8').replaceAll('\n', '\r\n')}`);
    const damagedBytes = fs.readFileSync(file);
    const env = { SAFETAKE_DATA_DIR: dir };

    const verify = runCli(['log', 'verify'], env);
    expect(verify.code).toBe(1);
    expect(verify.stdout).toMatch(/byte-order mark; run "safetake log repair"/);
    await expect(new SessionsService(dir).overview()).rejects.toThrow(/damaged at line 1.*safetake log repair/);

    const repair = runCli(['log', 'repair'], env);
    expect(repair.code, repair.stderr).toBe(0);
    expect(repair.stdout).toMatch(/3 events kept, 0 lines dropped/);
    const damagedFile = /kept, unchanged, as (.+)\.\n/.exec(repair.stdout)![1]!;
    expect(fs.readFileSync(damagedFile).equals(damagedBytes)).toBe(true);

    const repaired = await readLog(dir);
    expect(repaired.broken).toBeUndefined();
    expect(repaired.entries.slice(0, 3)).toEqual(original.entries);
    expect(repaired.entries[3]!.event).toMatchObject({ type: 'log.repaired', keptEvents: 3, droppedLines: 0, damagedFile });
    expect(replaySessions(repaired.entries)[0]!.payments).toEqual([{ amount: 1, currency: 'EUR' }, { amount: 2, currency: 'EUR' }]);
    expect(runCli(['log', 'verify'], env).code).toBe(0);
    expect(runCli(['log', 'repair'], env).stdout).toMatch(/nothing to repair/);
  });

  it('keeps the events before a hand-edited line, drops the rest, and says what was dropped', async () => {
    const dir = fs.mkdtempSync(path.join(scratch, 'repair-edit-'));
    const file = await logWith(dir, [1, 2, 3]);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"amount":2', '"amount":200')); // line 3
    const repair = runCli(['log', 'repair'], { SAFETAKE_DATA_DIR: dir });
    expect(repair.stdout).toMatch(/line 3 or line 4 was changed.*\n.*2 events kept, 2 lines dropped/);
    const repaired = await readLog(dir);
    expect(repaired.broken).toBeUndefined();
    expect(replaySessions(repaired.entries)[0]!.payments).toEqual([{ amount: 1, currency: 'EUR' }]);
  });

  it('keeps a last line whose newline was dropped, and the app puts the newline back and says so', async () => {
    const dir = fs.mkdtempSync(path.join(scratch, 'newline-'));
    const file = await logWith(dir, [1]);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').slice(0, -1));
    expect(runCli(['log', 'verify'], { SAFETAKE_DATA_DIR: dir }).stdout).toMatch(/! the last line has lost its line break[\s\S]*2 events, every link in the chain intact/);
    const sessions = new SessionsService(dir);
    const overview = await sessions.overview();
    expect(overview.notice).toMatch(/lost its line break.*put back/);
    expect(overview.active?.received).toEqual([{ amount: 1, currency: 'EUR' }]);
    await sessions.recordPay('s', { amount: 2, currency: 'EUR' });
    await sessions.close();
    const after = await readLog(dir);
    expect(after.broken).toBeUndefined();
    expect(after.entries).toHaveLength(3);
  });
});
