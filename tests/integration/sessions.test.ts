/**
 * The Sessions services over the real IPC dispatcher and a real log: rules a worker relies on, and the
 * sanitizing phase timed automatically while a batch runs inside a session.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { IpcResult, SessionViewData } from '../../core/ipc/contract.std';
import { dispatchIpc } from '../../core/ipc/dispatch.std';
import { replaySessions } from '../../core/sessions/replay.std';
import { createAppServices } from '../../services/app/ipcHandlers.node';
import { readLog } from '../../services/sessions/eventLog.node';
import { closeExiftool } from '../../services/media/exiftool.node';
import { resolveFfmpeg } from '../../services/media/binaries.node';
import { pathPolicyFor } from '../../services/app/pathPolicy.node';
import { SessionsService } from '../../services/sessions/sessions.node';
import { TakeRecorder } from '../../services/sessions/takes.node';
import { printPdfWithChromium } from '../e2e/launchChromium.node';
import { CORPUS_DIR } from './corpus.node';

const sha256Of = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-sessions-'));
const exportsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-exports-'));
const sessions = new SessionsService(dataDir);
/** The app's services on a data folder, with dialogs that answer nothing and exports saved in `exportsDir`. */
const context = (data: string, log: SessionsService) => ({
  dataDir: data,
  sessions: log,
  takes: new TakeRecorder(data, log),
  pathPolicy: pathPolicyFor(data),
  emit: () => undefined,
  pickMedia: async () => [],
  pickEvidence: async () => [],
  pickFolder: async () => undefined,
  pickSaveFile: async (name: string) => path.join(exportsDir, name),
  printPdf: printPdfWithChromium,
  defaultOutputDir: path.join(exportsDir, 'Videos', 'SafeTake'),
  showInFolder: async () => undefined,
  openFile: async () => undefined,
});
const { handlers, stop } = createAppServices(context(dataDir, sessions));
afterAll(async () => {
  await stop();
  await sessions.close();
  await closeExiftool();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(exportsDir, { recursive: true, force: true });
});

async function ipc(channel: string, payload: unknown): Promise<IpcResult<unknown>> {
  return dispatchIpc(handlers, channel, payload);
}

describe('sessions over IPC', () => {
  it('runs one session at a time and times sanitizing inside it by itself', async () => {
    const terms = { amount: 0.5, currency: 'USD', per: 'clip' };
    expect(await ipc('sessions:start', { platform: 'Acme', task: 'wave', terms })).toMatchObject({ ok: true });
    expect(await ipc('sessions:start', { platform: 'Other', task: '', terms })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/already running/) } });
    expect(await ipc('sessions:start', { platform: '', task: '', terms })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await ipc('sessions:pay', { sessionId: 'x', amount: -1, currency: 'USD' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });

    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-sessions-media-'));
    fs.copyFileSync(path.join(CORPUS_DIR, 'video-metadata/android-gps.mp4'), path.join(work, 'take.mp4'));
    const started = await ipc('sanitize:start', { inputs: [{ path: path.join(work, 'take.mp4') }], outputDir: work, options: {} });
    expect(started).toMatchObject({ ok: true });
    expect((await sessions.active())!.phases.map((phase) => phase.phase)).toEqual(['sanitizing']);
    await expect.poll(async () => (await sessions.active())!.phases[0]!.end, { timeout: 60_000 }).toBeDefined();
    expect(fs.readdirSync(work).sort()).toEqual(['clip-001.mp4', 'take.mp4']);

    expect(await ipc('sessions:end', {})).toMatchObject({ ok: true, value: { ended: true } });
    expect(await ipc('sessions:phase', { action: 'start', phase: 'waiting' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/no session running/) } });
    const log = await readLog(dataDir);
    expect(log.broken).toBeUndefined();

    // The worker's own takes, in the data folder, can be audited and sanitized; the log beside them cannot.
    const take = path.join(dataDir, 'takes', 'some-session', 'take-001.mp4');
    fs.mkdirSync(path.dirname(take), { recursive: true });
    fs.copyFileSync(path.join(CORPUS_DIR, 'video-metadata/android-gps.mp4'), take);
    expect(await ipc('sanitize:audit', { path: take })).toMatchObject({ ok: true });
    expect(await ipc('sanitize:audit', { path: path.join(dataDir, 'sessions.jsonl') })).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    // The file sanitized in the session joined it as a clip, with its clean copy's fingerprint.
    expect(log.entries.map((entry) => entry.event.type)).toEqual(['session.started', 'phase.started', 'clip.added', 'clip.sanitized', 'phase.stopped', 'session.ended']);
    const [clip] = replaySessions(log.entries)[0]!.clips;
    expect(clip).toMatchObject({ origin: 'added', file: path.join(work, 'take.mp4'), sha256: sha256Of(path.join(work, 'take.mp4')) });
    expect(clip!.sanitized).toEqual({ output: path.join(work, 'clip-001.mp4'), sha256: sha256Of(path.join(work, 'clip-001.mp4')), identifyingLeft: 0 });

    // Cleaned again later, while another session runs, the clip's copy joins its own (ended) session, not
    // the running one.
    const first = replaySessions(log.entries)[0]!.id;
    const other = (await ipc('sessions:start', { platform: 'Other', task: '', terms })) as { value: SessionViewData };
    expect(await ipc('sanitize:start', { inputs: [{ path: path.join(work, 'take.mp4') }], outputDir: work, options: {} })).toMatchObject({ ok: true });
    await expect.poll(async () => (await sessions.viewOf(first)).clips[0]!.sanitized?.output, { timeout: 60_000 }).toBe(path.join(work, 'clip-002.mp4'));
    expect((await sessions.viewOf(other.value.id)).clips).toEqual([]);
    await expect.poll(async () => (await sessions.active())!.phases.filter((phase) => phase.end === undefined)).toEqual([]);
    expect(await ipc('sessions:end', {})).toMatchObject({ ok: true });
  });

  it('a double click on Start or End session starts or ends one session, and says so of the second', async () => {
    const clickDir = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-sessions-double-'));
    const log = new SessionsService(clickDir);
    const app = createAppServices(context(clickDir, log));
    const click = (channel: string, payload: unknown) => dispatchIpc(app.handlers, channel, payload);
    try {
      const terms = { amount: 0.5, currency: 'USD', per: 'clip' };
      const started = await Promise.all([click('sessions:start', { platform: 'Acme', task: 'wave', terms }), click('sessions:start', { platform: 'Acme', task: 'wave', terms })]);
      expect(started.filter((result) => result.ok)).toHaveLength(1);
      expect(started.find((result) => !result.ok)).toMatchObject({ error: { message: expect.stringMatching(/already running/) } });
      const ended = await Promise.all([click('sessions:end', {}), click('sessions:end', {})]);
      expect(ended.filter((result) => result.ok)).toHaveLength(1);
      expect(ended.find((result) => !result.ok)).toMatchObject({ error: { message: expect.stringMatching(/no session running/) } });
      expect((await readLog(clickDir)).entries.map((entry) => entry.event.type)).toEqual(['session.started', 'session.ended']);
    } finally {
      await app.stop();
      await log.close();
      fs.rmSync(clickDir, { recursive: true, force: true });
    }
  });

  it('quitting mid-sanitize cancels the copy being made, logs the copies already made and starts no more', async () => {
    // An app of its own: this one quits.
    const quitDir = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-sessions-quit-data-'));
    const quitSessions = new SessionsService(quitDir);
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-sessions-quit-'));
    const app = createAppServices(context(quitDir, quitSessions));
    const quitIpc = (channel: string, payload: unknown) => dispatchIpc(app.handlers, channel, payload);
    try {
      const terms = { amount: 0.5, currency: 'USD', per: 'clip' };
      expect(await quitIpc('sessions:start', { platform: 'Acme', task: 'quit', terms })).toMatchObject({ ok: true });
      fs.copyFileSync(path.join(CORPUS_DIR, 'video-metadata/android-gps.mp4'), path.join(work, 'short.mp4'));
      // A minute of 720p: its copy is still being written when the app quits.
      execFileSync(resolveFfmpeg().path, ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=s=1280x720:r=30:d=60', '-c:v', 'libx264', '-preset', 'ultrafast', path.join(work, 'long.mp4')]);
      const inputs = ['short.mp4', 'long.mp4'].map((name) => ({ path: path.join(work, name) }));
      expect(await quitIpc('sanitize:start', { inputs, outputDir: work, options: {} })).toMatchObject({ ok: true });
      // The first copy is made, and the second one's partial file is being written.
      await expect.poll(() => fs.readdirSync(work).some((name) => name.endsWith('.partial.mp4')) && fs.readdirSync(work).includes('clip-001.mp4'), { timeout: 60_000 }).toBe(true);

      await app.stop();
      // Nothing of the unfinished copy is left; the finished one is in the log, and the sanitizing phase ended.
      expect(fs.readdirSync(work).sort()).toEqual(['clip-001.mp4', 'long.mp4', 'short.mp4']);
      const session = (await quitSessions.active())!;
      expect(session.clips.map((clip) => [path.basename(clip.file), clip.sanitized && path.basename(clip.sanitized.output)])).toEqual([['short.mp4', 'clip-001.mp4']]);
      expect(session.phases.map((phase) => [phase.phase, phase.end !== undefined])).toEqual([['sanitizing', true]]);
      // Quitting, the app starts no new copy.
      expect(await quitIpc('sanitize:start', { inputs, outputDir: work, options: {} })).toMatchObject({ ok: false, error: { code: 'cancelled' } });
      expect((await readLog(quitDir)).broken).toBeUndefined();
    } finally {
      // Also when a check above failed before it: no copy runs on after the test.
      await app.stop();
      await quitSessions.close();
      fs.rmSync(quitDir, { recursive: true, force: true });
      fs.rmSync(work, { recursive: true, force: true });
    }
  });

  it('adds phone clips with their fingerprints, records outcomes, keeps evidence, and exports CSV and a PDF report', async () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-session-files-'));
    const phoneClip = path.join(work, 'IMG_0042.mov');
    fs.copyFileSync(path.join(CORPUS_DIR, 'video-metadata/iphone6-gps.mov'), phoneClip);
    const notes = path.join(work, 'notes.mov');
    fs.writeFileSync(notes, 'not a video');
    const rateCard = path.join(work, 'rate-card.png');
    fs.copyFileSync(path.join(CORPUS_DIR, 'documents/bill.png'), rateCard);
    const originals = [phoneClip, rateCard].map(sha256Of);

    const started = await ipc('sessions:start', { platform: 'Acme <Data>', task: 'fold towels', terms: { amount: 0.5, currency: 'USD', per: 'clip' } });
    const sessionId = (started as { value: { id: string } }).value.id;
    const added = await ipc('sessions:addClips', { sessionId, paths: [phoneClip, notes, '/etc/passwd', phoneClip] });
    expect(added).toMatchObject({
      ok: true,
      value: {
        refused: [
          { path: notes, reason: expect.stringMatching(/notes\.mov is a TXT file, not a video or photo/) },
          { path: '/etc/passwd', reason: expect.stringMatching(/only works on files in your home folder/) },
        ],
      },
    });
    // The same file twice is one clip.
    const [clip, ...others] = (added as { value: { session: SessionViewData } }).value.session.clips;
    expect(others).toEqual([]);
    expect(clip).toMatchObject({ origin: 'added', file: phoneClip, sha256: sha256Of(phoneClip) });
    expect(clip!.durationSeconds).toBeGreaterThan(1);

    expect(await ipc('sessions:outcome', { sessionId, clipId: clip!.clipId, outcome: 'approved', paidOn: '2026-13-01' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await ipc('sessions:outcome', { sessionId, clipId: 'nope', outcome: 'approved' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/not in the session/) } });
    const outcome = await ipc('sessions:outcome', { sessionId, clipId: clip!.clipId, outcome: 'approved', paid: { amount: 0.5, currency: 'USD' }, paidOn: '2026-11-30' });
    expect(outcome).toMatchObject({ ok: true, value: { received: [{ amount: 0.5, currency: 'USD' }], clips: [{ outcome: { outcome: 'approved', paidOn: '2026-11-30' } }] } });
    // Paid on a clip, the session takes no payout of its own: the same money entered twice would count twice.
    expect(await ipc('sessions:pay', { sessionId, amount: 0.5, currency: 'USD' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/entered on its clips' decisions/) } });
    expect((await sessions.viewOf(sessionId)).received).toEqual([{ amount: 0.5, currency: 'USD' }]);
    expect((await sessions.viewOf(sessionId)).payEnteredAs).toBe('clips');

    // Evidence is copied into the session's folder, fingerprinted; a second file of the same name keeps both.
    const attached = await ipc('sessions:attach', { sessionId, paths: [rateCard, rateCard, work] });
    const { session, refused } = (attached as { value: { session: SessionViewData; refused: Array<{ reason: string }> } }).value;
    expect(refused.map((item) => item.reason)).toEqual([expect.stringMatching(/is a folder/)]);
    expect(session.evidence.map((item) => item.name)).toEqual(['rate-card.png', 'rate-card (2).png']);
    for (const item of session.evidence) {
      expect(path.dirname(item.file)).toBe(path.join(dataDir, 'sessions', sessionId, 'evidence'));
      expect(sha256Of(item.file)).toBe(sha256Of(rateCard));
    }
    expect(fs.readdirSync(path.dirname(session.evidence[0]!.file)).filter((name) => name.includes('partial'))).toEqual([]);

    const csv = await ipc('sessions:exportCsv', {});
    const csvFile = (csv as { value: { file: string } }).value.file;
    const rows = fs.readFileSync(csvFile, 'utf8').trim().split('\r\n');
    expect(rows.filter((row) => row.startsWith('clip,')).some((row) => row.includes(`${phoneClip},${sha256Of(phoneClip)}`) && row.endsWith(',approved,,0.50,USD,2026-11-30,,'))).toBe(true);

    // The PDF, printed by a real Chromium, holds the clip's and the evidence's fingerprints and the log's head.
    const report = await ipc('sessions:report', { sessionId });
    const { file, sha256 } = (report as { value: { file: string; sha256: string } }).value;
    expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    expect(sha256).toBe(sha256Of(file));
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString().replace(/\s+/g, ' ');
    expect(text).toContain('Work session evidence: Acme <Data>, fold towels');
    for (const hash of [sha256Of(phoneClip), sha256Of(rateCard), (await readLog(dataDir)).lastHash]) {
      // pdftotext may wrap a long hash; compare without spaces.
      expect(text.replace(/ /g, '')).toContain(hash);
    }
    // Adding, attaching and reporting only read the worker's files.
    expect([phoneClip, rateCard].map(sha256Of)).toEqual(originals);
    expect(await ipc('sessions:report', { sessionId: '../../etc' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/not in the log/) } });
    await ipc('sessions:end', {});
  });
});
