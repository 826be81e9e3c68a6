import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../core/shared/errors.std';
import { LOG_FILE_NAME } from '../../core/app/dataFolder.std';
import { EventLog, readLog } from '../../services/sessions/eventLog.node';
import { runCli } from './cli.node';

const started = { type: 'session.started', sessionId: 's', platform: 'Acme', task: 't', terms: { amount: 1, currency: 'EUR', per: 'clip' } } as const;

describe('EventLog on disk', () => {
  it('sets a torn last line aside, keeps every earlier event, and goes on appending', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-log-'));
    const first = await EventLog.open(dir);
    await first.log.append(started);
    await first.log.append({ type: 'session.paused', sessionId: 's' });
    await first.log.close();
    fs.appendFileSync(path.join(dir, LOG_FILE_NAME), '{"v":1,"seq":2,"at":"2026-'); // a crash mid-write

    const second = await EventLog.open(dir);
    expect(second.report.tornSetAside?.lineNumber).toBe(3);
    expect(fs.readFileSync(second.report.tornSetAside!.file, 'utf8')).toBe('{"v":1,"seq":2,"at":"2026-');
    expect(second.log.entries.map((entry) => entry.event.type)).toEqual(['session.started', 'session.paused']);
    await second.log.append({ type: 'session.resumed', sessionId: 's' });
    await second.log.close();
    const verified = await readLog(dir);
    expect(verified.broken).toBeUndefined();
    expect(verified.entries.map((entry) => entry.seq)).toEqual([0, 1, 2]);
  });

  it('refuses to write after a broken chain, naming the first bad line', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-log-'));
    const { log } = await EventLog.open(dir);
    await log.append(started);
    await log.append({ type: 'session.paused', sessionId: 's' });
    await log.append({ type: 'session.resumed', sessionId: 's' });
    await log.close();
    const file = path.join(dir, LOG_FILE_NAME);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"Acme"', '"Acme Corp"'));
    const error = await EventLog.open(dir).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(/damaged at line 1: line 1 or line 2 was changed/);
  });
});

describe('safetake log', () => {
  it('verifies, summarises and exports a real log, and exits 1 on a broken chain', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-log-cli-'));
    const { log } = await EventLog.open(dir);
    await log.append(started, new Date('2026-11-23T08:00:00Z'));
    await log.append({ type: 'session.ended', sessionId: 's' }, new Date('2026-11-23T10:00:00Z'));
    await log.append({ type: 'pay.received', sessionId: 's', amount: 10, currency: 'EUR' }, new Date('2026-11-24T10:00:00Z'));
    await log.append({ type: 'cost.added', costId: 'c', platform: 'Acme', label: 'Platform fee', basis: 'share-of-pay', amount: 20 }, new Date('2026-11-24T10:00:00Z'));
    await log.close();
    const env = { SAFETAKE_DATA_DIR: dir };

    const verified = runCli(['log', 'verify'], env);
    expect(verified).toMatchObject({ code: 0, stdout: expect.stringContaining('4 events, every link in the chain intact') });
    expect(verified.stdout).toContain(`head ${(await readLog(dir)).lastHash}`);
    // Before and after costs (a 20 % fee), and the report card's six factors, each with its reason.
    const summary = runCli(['log', 'summary'], env).stdout;
    expect(summary).toContain('Acme: 1 session, 2.00 h, received EUR\u00a010.00, EUR\u00a05.00 per hour before costs, EUR\u00a04.00 per hour after costs (costs EUR\u00a02.00)');
    expect(summary).toMatch(/\n {2}platform trust: unknown\. No terms read yet; ask the platform the questions below\.\n/);
    expect(summary.match(/^ {2}[a-z ]+: (lower risk|higher risk|unknown)\. /gm)).toHaveLength(6);
    const csv = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-export-')), 'export.csv'); // never inside the data folder
    expect(runCli(['log', 'export', '--csv', csv], env).code).toBe(0);
    expect(fs.readFileSync(csv, 'utf8').split('\r\n')[1]).toMatch(/,2\.0000,10\.00,EUR,5\.00,{12},0\.0000,0\.0000$/);

    const file = path.join(dir, LOG_FILE_NAME);
    // A changed line is caught by the next line's link; the last line by the head hash the user noted.
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"platform":"Acme"', '"platform":"Acme Ltd"'));
    const broken = runCli(['log', 'verify'], env);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('breaks at line 1: line 1 or line 2 was changed');
  });
});
