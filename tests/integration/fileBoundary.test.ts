/**
 * The file boundary, tried as an attacker in the renderer would: whatever it names, ffmpeg and ExifTool read
 * only the photo or video the user chose. A playlist that names a file outside, a take that is no WebM, a
 * credentials file under any name, a file swapped for a link after it was checked: each is refused in plain
 * words, nothing outside is read, and the originals are unchanged.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BatchUpdate, IpcResult } from '../../core/ipc/contract.std';
import { dispatchIpc } from '../../core/ipc/dispatch.std';
import { createAppServices } from '../../services/app/ipcHandlers.node';
import { pathPolicyFor } from '../../services/app/pathPolicy.node';
import { closeExiftool } from '../../services/media/exiftool.node';
import { decodeCheck, probeMedia } from '../../services/media/ffmpeg.node';
import { sha256File } from '../../services/media/hash.node';
import { SessionsService } from '../../services/sessions/sessions.node';
import { TakeRecorder } from '../../services/sessions/takes.node';
import { CORPUS_DIR } from './corpus.node';

const home = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-home-'));
const work = path.join(home, 'Videos');
const dataDir = path.join(home, '.config', 'SafeTake');
// Outside every allowed folder (home, temp, removable drives): what an attack would want read.
const outside = fs.mkdtempSync('/var/tmp/safetake-outside-');
const secretClip = path.join(outside, 'secret.mp4');
const credentials = path.join(home, '.config', 'gcloud', 'application_default_credentials.json');
const SECRET = '"refresh_token": "1//secret-token-of-the-worker"';

let ipc: (channel: string, payload: unknown) => Promise<IpcResult<unknown>>;
/** What main pushed to the renderer: Sanitize's progress. */
const updates: BatchUpdate[] = [];
let sessions: SessionsService;
let stopApp: () => Promise<void>;
/** Files the system was asked to show in a folder or play. */
const shown: string[] = [];
beforeAll(() => {
  fs.mkdirSync(work, { recursive: true });
  fs.mkdirSync(path.dirname(credentials), { recursive: true });
  fs.writeFileSync(credentials, `{ "type": "authorized_user", ${SECRET} }`);
  fs.copyFileSync(path.join(CORPUS_DIR, 'video-metadata/android-gps.mp4'), secretClip);
  // The policy of a user whose home is `home` (os.homedir() reads HOME).
  const realHome = process.env.HOME;
  process.env.HOME = home;
  const pathPolicy = pathPolicyFor(dataDir);
  process.env.HOME = realHome;
  sessions = new SessionsService(dataDir);
  const { handlers, stop } = createAppServices({
    dataDir,
    sessions,
    takes: new TakeRecorder(dataDir, sessions),
    pathPolicy,
    emit: (_event, payload) => updates.push(payload),
    pickMedia: async () => [],
    pickEvidence: async () => [],
    pickFolder: async () => undefined,
    pickSaveFile: async () => undefined,
    printPdf: async () => Buffer.alloc(0),
    defaultOutputDir: path.join(home, 'Videos', 'SafeTake'),
    showInFolder: async (file) => void shown.push(file),
    openFile: async (file) => void shown.push(file),
  });
  ipc = (channel, payload) => dispatchIpc(handlers, channel, payload);
  stopApp = stop;
});
afterAll(async () => {
  await stopApp();
  await sessions.close();
  await closeExiftool();
  fs.rmSync(home, { recursive: true, force: true });
  fs.rmSync(outside, { recursive: true, force: true });
});

const refusal = (result: IpcResult<unknown>) => (result.ok ? '' : result.error.message);

/** An HLS playlist under a video's name, listing a clip outside every allowed folder. */
function playlist(name: string): string {
  const file = path.join(work, name);
  fs.writeFileSync(file, `#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:10,\n${secretClip}\n#EXT-X-ENDLIST\n`);
  return file;
}

describe('a playlist named as a video', () => {
  it('is read by nothing: no preview, no clip, no clean copy of the file it names', async () => {
    const file = playlist('inc.webm');
    const before = await sha256File(secretClip);
    expect(refusal(await ipc('sanitize:previewFrame', { path: file }))).toMatch(/inc\.webm is a TXT file, not a video or photo/);
    const started = await ipc('sessions:start', { platform: 'Acme', task: '', terms: { amount: 1, currency: 'USD', per: 'clip' } });
    const sessionId = (started as { value: { id: string } }).value.id;
    const added = await ipc('sessions:addClips', { sessionId, paths: [file] });
    expect(added).toMatchObject({ ok: true, value: { refused: [{ path: file, reason: expect.stringMatching(/not a video or photo/) }] } });
    expect(refusal(await ipc('sanitize:audit', { path: playlist('inc.mp4') }))).toMatch(/not a video or photo/);
    // ffmpeg itself, asked directly, reads no playlist: the demuxers it may use are media ones only.
    await expect(probeMedia(file)).rejects.toThrow(/playlist or another kind of file/);
    const decoded = await decodeCheck(file, '0');
    expect(decoded.frames).toBe(0);
    expect(decoded.exitCode).not.toBe(0);
    expect(decoded.errors.join(' ')).toMatch(/not on whitelist/);
    expect(await sha256File(secretClip)).toBe(before);
  });

  it('cannot be written as a take: a take must be the camera\'s WebM', async () => {
    const take = await ipc('takes:begin', {});
    const { takeId, file } = (take as { value: { takeId: string; file: string } }).value;
    const chunk = Buffer.from(`#EXTM3U\n#EXTINF:10,\n${secretClip}\n`).toString('base64');
    expect(refusal(await ipc('takes:chunk', { takeId, index: 0, data: chunk }))).toMatch(/must be WebM/);
    expect(fs.statSync(file).size).toBe(0);
  });
});

describe('secrets', () => {
  it('are never audited, previewed or attached from where programs keep them', async () => {
    for (const channel of ['sanitize:audit', 'sanitize:previewFrame']) {
      const result = await ipc(channel, { path: credentials });
      expect(result).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
      expect(JSON.stringify(result)).not.toContain('secret-token');
    }
    const sessionId = (await sessions.active())!.id;
    const attached = await ipc('sessions:attach', { sessionId, paths: [credentials] });
    expect(attached).toMatchObject({ ok: true, value: { refused: [{ path: credentials }], session: { evidence: [] } } });
  });

  it('are refused under a video\'s name, or as evidence, wherever they are', async () => {
    const disguised = path.join(work, 'holiday.mp4');
    fs.copyFileSync(credentials, disguised);
    const audit = await ipc('sanitize:audit', { path: disguised });
    expect(refusal(audit)).toMatch(/holiday\.mp4 is a JSON file, not a video or photo/);
    expect(JSON.stringify(audit)).not.toContain('secret-token');
    const copied = path.join(work, 'application_default_credentials.json');
    fs.copyFileSync(credentials, copied);
    const sessionId = (await sessions.active())!.id;
    const attached = await ipc('sessions:attach', { sessionId, paths: [copied] });
    expect(attached).toMatchObject({ ok: true, value: { refused: [{ reason: expect.stringMatching(/not a kind of file SafeTake keeps as evidence/) }] } });
    expect(fs.existsSync(path.join(dataDir, 'sessions', sessionId, 'evidence'))).toBe(false);
  });
});

describe('show in folder and play', () => {
  it('reach the system only for a video or photo the worker may name', async () => {
    const clip = path.join(work, 'clip.mov');
    fs.copyFileSync(path.join(CORPUS_DIR, 'video-metadata/iphone6-gps.mov'), clip);
    const disguised = path.join(work, 'run-me.mp4');
    fs.writeFileSync(disguised, '#!/bin/sh\necho hello\n');
    const script = path.join(work, 'run-me.sh');
    fs.writeFileSync(script, '#!/bin/sh\necho hello\n');
    for (const channel of ['files:open', 'files:showInFolder']) {
      expect(await ipc(channel, { path: credentials })).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
      expect(await ipc(channel, { path: secretClip })).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
      expect(refusal(await ipc(channel, { path: script }))).toMatch(/run-me\.sh is not a video or photo/);
      expect(refusal(await ipc(channel, { path: path.join(work, 'gone.mp4') }))).toMatch(/gone\.mp4 cannot be found/);
    }
    // A media file SafeTake does not know (no take, clip or clean copy of its own), or one named like a clip
    // and made of a script, is not handed to the system.
    expect(refusal(await ipc('files:open', { path: disguised }))).toMatch(/run-me\.mp4 is not a take, clip or clean copy SafeTake knows/);
    expect(refusal(await ipc('files:open', { path: clip }))).toMatch(/clip\.mov is not a take, clip or clean copy SafeTake knows/);
    expect(shown).toEqual([]);
    // Once it is a clip of a session, it can be played and shown.
    const sessionId = (await sessions.active())!.id;
    expect(await ipc('sessions:addClips', { sessionId, paths: [clip] })).toMatchObject({ ok: true, value: { refused: [] } });
    expect(await ipc('files:open', { path: clip })).toMatchObject({ ok: true });
    expect(await ipc('files:showInFolder', { path: clip })).toMatchObject({ ok: true });
    expect(shown).toEqual([clip, clip]);
  });
});

describe('a file swapped for a link after it was checked', () => {
  it('is not read through the link: the batch reports it and the rest goes ahead', async () => {
    const first = path.join(work, 'first.mov');
    const second = path.join(work, 'second.mp4');
    fs.copyFileSync(path.join(CORPUS_DIR, 'video-metadata/iphone6-gps.mov'), first);
    fs.copyFileSync(path.join(CORPUS_DIR, 'video-metadata/android-gps.mp4'), second);
    const out = fs.mkdtempSync(path.join(work, 'clean-'));
    const started = await ipc('sanitize:start', { inputs: [{ path: first }, { path: second }], outputDir: out, options: {} });
    expect(started).toMatchObject({ ok: true });
    // While the first file encodes, the second is replaced by a link to a clip outside.
    fs.rmSync(second);
    fs.symlinkSync(secretClip, second);
    await expect.poll(() => updates.at(-1)?.finished, { timeout: 120_000 }).toBe(true);
    const [done, swapped] = updates.at(-1)!.items;
    expect(done).toMatchObject({ status: 'done' });
    expect(swapped).toMatchObject({ status: 'failed', error: expect.stringMatching(/second\.mp4 was replaced by a link to another file after it was chosen/) });
    expect(fs.readdirSync(out)).toEqual(['clip-001.mp4']);
  });
});
