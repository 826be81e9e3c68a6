/**
 * Takes recorded in the app, streamed to disk as they happen: the renderer's MediaRecorder sends a chunk
 * every second over IPC, each is appended and flushed, so a crash mid-take keeps everything up to the last
 * chunk and memory never holds a whole recording. Files live in the data folder, per session.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { RiskCategory } from '../../core/corner/risks.std';
import { TAKES_FOLDER } from '../../core/app/dataFolder.std';
import { UserError } from '../../core/shared/errors.std';
import { decodeCheck } from '../media/ffmpeg.node';
import { sha256File } from '../media/hash.node';
import type { SessionsService } from './sessions.node';
import { t } from '../../core/i18n/i18n.std';
import { TAKE_UNFED_AFTER_MS } from '../../core/sessions/takes.std';


/** The EBML header every WebM file starts with. */
const WEBM_MAGIC = Buffer.from([0x1a, 0x45, 0xdf, 0xa3]);

type OpenTake = { sessionId: string; file: string; handle: fs.FileHandle; nextIndex: number; lastWriteAt: number };


export class TakeRecorder {
  private readonly open = new Map<string, OpenTake>();
  /** Takes being finished: their recorder has stopped them and they are not in the log as stopped yet. */
  private readonly finishing = new Set<string>();
  /** The closing of unfinished takes under way: a second ask (a tab left and opened again) waits for it. */
  private closing: Promise<{ closed: Array<{ takeId: string; durationSeconds: number }>; waiting: boolean }> | undefined;

  constructor(
    private readonly dataDir: string,
    private readonly sessions: SessionsService,
  ) {}

  async begin(): Promise<{ takeId: string; file: string }> {
    const session = await this.sessions.active();
    if (!session) throw new UserError(t('takes.noSession'));
    const dir = path.join(this.dataDir, TAKES_FOLDER, session.id);
    await fs.mkdir(dir, { recursive: true });
    for (let n = session.takes.length + 1; ; n++) {
      const file = path.join(dir, `take-${String(n).padStart(3, '0')}.webm`);
      const handle = await fs.open(file, 'wx').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'EEXIST') return undefined;
        throw error;
      });
      if (!handle) continue;
      const takeId = randomUUID();
      this.open.set(takeId, { sessionId: session.id, file, handle, nextIndex: 0, lastWriteAt: Date.now() });
      await this.sessions.recordTake({ type: 'take.started', sessionId: session.id, takeId, file });
      return { takeId, file };
    }
  }

  /** Appends chunk `index` (they must arrive in order) and flushes it before answering. */
  async chunk(takeId: string, index: number, data: Buffer): Promise<{ bytes: number }> {
    const take = this.open.get(takeId);
    if (!take) throw new UserError(t('takes.notRecording'));
    if (index !== take.nextIndex) throw new UserError(t('takes.outOfOrder', { index, expected: take.nextIndex }));
    // A take is the camera's WebM and nothing else: a file of any other kind in the takes folder (a playlist
    // naming files elsewhere) would be read by ffmpeg as if the worker had filmed it.
    if (index === 0 && !data.subarray(0, WEBM_MAGIC.length).equals(WEBM_MAGIC)) throw new UserError(t('takes.notWebm'));
    // Fed as it arrives, however long the disk then takes to write it.
    take.lastWriteAt = Date.now();
    await take.handle.write(data);
    await take.handle.datasync();
    take.nextIndex++;
    return { bytes: (await take.handle.stat()).size };
  }

  async finish(takeId: string): Promise<{ file: string; durationSeconds: number; sha256: string }> {
    const take = this.open.get(takeId);
    if (!take) throw new UserError(t('takes.notRecording'));
    this.open.delete(takeId);
    this.finishing.add(takeId);
    try {
      await take.handle.close();
      const recorded = await measuredTake(take.file);
      if (!recorded) throw new UserError(t('takes.noPicture'));
      await this.sessions.recordTake({ type: 'take.stopped', sessionId: take.sessionId, takeId, ...recorded });
      return { file: take.file, ...recorded };
    } finally {
      this.finishing.delete(takeId);
    }
  }

  /**
   * Closes the running session's takes that were begun and never finished, and that nothing feeds any more:
   * the window reloaded, or the app closed, while one recorded. What reached the disk (every chunk is flushed
   * before the next is sent) is the take: it is stopped in the log, its time ending when its last chunk was
   * written, not now; a take with no picture on disk counts as redone, its time ended the same way. Without
   * this, the take's clock ran on until the session ended and counted idle time as filming. One closing at a
   * time: a second ask waits for the first and closes nothing twice.
   */
  closeUnfinished(): Promise<{ closed: Array<{ takeId: string; durationSeconds: number }>; waiting: boolean }> {
    this.closing ??= this.closeUnfinishedNow().finally(() => {
      this.closing = undefined;
    });
    return this.closing;
  }

  private async closeUnfinishedNow(): Promise<{ closed: Array<{ takeId: string; durationSeconds: number }>; waiting: boolean }> {
    const closed: Array<{ takeId: string; durationSeconds: number }> = [];
    let waiting = false;
    const session = await this.sessions.active();
    if (!session) return { closed, waiting };
    for (const take of session.takes) {
      if (!take.kept || take.durationSeconds !== undefined || this.finishing.has(take.takeId)) continue;
      const open = this.open.get(take.takeId);
      if (open && Date.now() - open.lastWriteAt < TAKE_UNFED_AFTER_MS) {
        waiting = true;
        continue;
      }
      this.open.delete(take.takeId);
      await open?.handle.close();
      const lastWrite = await fs.stat(take.file).then((stat) => stat.mtime, () => undefined);
      // A file that cannot be measured now (ffmpeg failed to start, say) is left for the next ask, not redone.
      const recorded = lastWrite ? await measuredTake(take.file).then((measured) => measured ?? 'no picture', () => 'not measured' as const) : 'no picture';
      if (recorded === 'not measured') continue;
      if (recorded === 'no picture') await this.sessions.recordTake({ type: 'take.discarded', sessionId: session.id, takeId: take.takeId });
      else await this.sessions.recordTake({ type: 'take.stopped', sessionId: session.id, takeId: take.takeId, ...recorded });
      const endedAt = new Date(Math.max(lastWrite?.getTime() ?? 0, session.start));
      await this.sessions.correctTime(session.id, take.takeId, endedAt.toISOString()).catch(() => undefined);
      if (recorded !== 'no picture') closed.push({ takeId: take.takeId, durationSeconds: recorded.durationSeconds });
    }
    return { closed, waiting };
  }

  /** Logs a risk seen while the take records (someone walked in, a phone lit up), at its time in the take. */
  async risk(takeId: string, risk: { atSeconds: number; category: RiskCategory; label: string }): Promise<void> {
    const take = this.open.get(takeId);
    if (!take) throw new UserError(t('takes.notRecording'));
    await this.sessions.recordTake({ type: 'take.risk', sessionId: take.sessionId, takeId, ...risk });
  }

  /**
   * Marks a take as redone: its time counts as a retake; the file stays as evidence of the work. A take that
   * never finished (its recording failed) is closed too, and its time ends now: it is not left running.
   */
  async discard(takeId: string): Promise<void> {
    const session = await this.sessions.active();
    const take = session?.takes.find((candidate) => candidate.takeId === takeId);
    if (!session || !take) throw new UserError(t('takes.notInSession'));
    const open = this.open.get(takeId);
    this.open.delete(takeId);
    await open?.handle.close();
    await this.sessions.recordTake({ type: 'take.discarded', sessionId: session.id, takeId });
    if (take.durationSeconds === undefined) await this.sessions.correctTime(session.id, takeId, new Date().toISOString()).catch(() => undefined);
  }
}

/** A take's length as it decodes (MediaRecorder's WebM declares none) and its fingerprint; undefined with no picture. */
async function measuredTake(file: string): Promise<{ durationSeconds: number; sha256: string } | undefined> {
  const decoded = await decodeCheck(file, '0:v:0');
  if (decoded.frames === 0) return undefined;
  return { durationSeconds: decoded.decodedSeconds, sha256: await sha256File(file) };
}
