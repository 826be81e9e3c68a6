/**
 * The Sessions services over the real IPC dispatcher and a real log: rules a worker relies on, and the
 * sanitizing phase timed automatically while a batch runs inside a session.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { IpcResult } from '../../core/ipc/contract.std';
import { dispatchIpc } from '../../core/ipc/dispatch.std';
import { createIpcHandlers } from '../../services/appServices.node';
import { readLog } from '../../services/eventLog.node';
import { closeExiftool } from '../../services/exiftool.node';
import { pathPolicyFor } from '../../services/pathPolicy.node';
import { SessionsService } from '../../services/sessions.node';
import { TakeRecorder } from '../../services/takes.node';
import { CORPUS_DIR } from './corpus.node';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-sessions-'));
const sessions = new SessionsService(dataDir);
const handlers = createIpcHandlers({
  dataDir,
  sessions,
  takes: new TakeRecorder(dataDir, sessions),
  pathPolicy: pathPolicyFor(dataDir),
  emit: () => undefined,
  pickMedia: async () => [],
  pickFolder: async () => undefined,
});
afterAll(async () => {
  await sessions.close();
  await closeExiftool();
  fs.rmSync(dataDir, { recursive: true, force: true });
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
    expect(log.entries.map((entry) => entry.event.type)).toEqual(['session.started', 'phase.started', 'phase.stopped', 'session.ended']);
  });
});
