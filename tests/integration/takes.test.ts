/**
 * Takes stream to disk chunk by chunk: a crash mid-take keeps every chunk that was acknowledged, and chunks
 * can only arrive in order. Chunks here are slices of a real WebM, as MediaRecorder hands them over.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../core/shared/errors.std';
import { resolveFfmpeg } from '../../services/media/binaries.node';
import { readLog } from '../../services/sessions/eventLog.node';
import { decodeCheck } from '../../services/media/ffmpeg.node';
import { SessionsService } from '../../services/sessions/sessions.node';
import { TakeRecorder } from '../../services/sessions/takes.node';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-takes-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function webmChunks(seconds: number, count: number): Buffer[] {
  const file = path.join(dataDir, `source-${seconds}.webm`);
  execFileSync(resolveFfmpeg().path, ['-v', 'error', '-y', '-f', 'lavfi', '-i', `testsrc2=size=320x240:rate=15:duration=${seconds}`, '-c:v', 'libvpx', '-deadline', 'realtime', '-g', '15', file]);
  const bytes = fs.readFileSync(file);
  const size = Math.ceil(bytes.length / count);
  return Array.from({ length: count }, (_, i) => bytes.subarray(i * size, (i + 1) * size));
}

describe('TakeRecorder', () => {
  it('keeps what was streamed when the app dies mid-take, and the part that arrived plays', async () => {
    const sessions = new SessionsService(dataDir);
    await sessions.start({ platform: 'Acme', task: '', terms: { amount: 1, currency: 'USD', per: 'clip' } });
    const recorder = new TakeRecorder(dataDir, sessions);
    const { takeId, file } = await recorder.begin();
    const chunks = webmChunks(4, 4);
    await recorder.chunk(takeId, 0, chunks[0]!);
    await recorder.chunk(takeId, 1, chunks[1]!);
    await expect(recorder.chunk(takeId, 3, chunks[3]!)).rejects.toThrow(UserError);
    // "Crash": the recorder is gone without finish(). What was acknowledged is on disk, byte for byte.
    expect(fs.readFileSync(file).equals(Buffer.concat([chunks[0]!, chunks[1]!]))).toBe(true);
    const decoded = await decodeCheck(file, '0:v:0');
    expect(decoded.frames).toBeGreaterThan(10);
    await sessions.close();

    const log = await readLog(dataDir);
    expect(log.entries.at(-1)?.event).toMatchObject({ type: 'take.started', takeId, file });

    // The app opens again: the take nobody finishes is closed with what reached the disk, its time ending
    // when its last chunk was written, and waits for Keep or Retake like any other.
    const lastWrite = fs.statSync(file).mtime;
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const reopened = new SessionsService(dataDir);
    try {
      // Asked twice at once (a tab left and opened again), it closes the take once.
      const recorderAgain = new TakeRecorder(dataDir, reopened);
      const [{ closed, waiting }, second] = await Promise.all([recorderAgain.closeUnfinished(), recorderAgain.closeUnfinished()]);
      expect(second.closed).toEqual(closed);
      expect((await readLog(dataDir)).entries.filter(({ event }) => event.type === 'take.stopped')).toHaveLength(1);
      expect(waiting).toBe(false);
      expect(closed).toEqual([{ takeId, durationSeconds: decoded.decodedSeconds }]);
      const session = (await reopened.active())!;
      expect(session.takes).toMatchObject([{ takeId, kept: true, durationSeconds: decoded.decodedSeconds }]);
      const phase = session.phases.find((candidate) => candidate.phaseId === takeId)!;
      expect(phase.end).toBe(lastWrite.getTime());
      // Asked again, there is nothing left to close.
      expect(await new TakeRecorder(dataDir, reopened).closeUnfinished()).toEqual({ closed: [], waiting: false });
    } finally {
      await reopened.close();
    }
  });

  it('leaves a take its recorder still feeds, and closes it once nothing does (a window reloaded mid-take)', async () => {
    const dir = fs.mkdtempSync(path.join(dataDir, 'reload-'));
    const sessions = new SessionsService(dir);
    try {
      await sessions.start({ platform: 'Acme', task: '', terms: { amount: 1, currency: 'USD', per: 'clip' } });
      const recorder = new TakeRecorder(dir, sessions);
      const { takeId } = await recorder.begin();
      await recorder.chunk(takeId, 0, webmChunks(2, 1)[0]!);
      expect(await recorder.closeUnfinished()).toEqual({ closed: [], waiting: true });
      await new Promise((resolve) => setTimeout(resolve, 2600));
      const { closed } = await recorder.closeUnfinished();
      expect(closed.map((take) => take.takeId)).toEqual([takeId]);
      // The page that reloaded cannot go on with it.
      await expect(recorder.chunk(takeId, 1, Buffer.alloc(10))).rejects.toThrow(UserError);

      // Cut off before any picture reached the disk: it counts as redone, and its time ends all the same.
      const empty = await recorder.begin();
      await recorder.chunk(empty.takeId, 0, webmChunks(2, 1)[0]!.subarray(0, 64));
      await new Promise((resolve) => setTimeout(resolve, 2600));
      expect((await recorder.closeUnfinished()).closed).toEqual([]);
      const session = (await sessions.active())!;
      expect(session.takes.find((take) => take.takeId === empty.takeId)).toMatchObject({ kept: false });
      expect(session.phases.find((phase) => phase.phaseId === empty.takeId)).toMatchObject({ phase: 'retake', end: expect.any(Number) });

      // A take whose recording failed, discarded by its recorder, is closed and its time ends too.
      const failed = await recorder.begin();
      await recorder.discard(failed.takeId);
      const after = (await sessions.active())!;
      expect(after.phases.find((phase) => phase.phaseId === failed.takeId)).toMatchObject({ phase: 'retake', end: expect.any(Number) });
      await expect(recorder.chunk(failed.takeId, 0, webmChunks(2, 1)[0]!)).rejects.toThrow(UserError);
    } finally {
      await sessions.close();
    }
  });
});
