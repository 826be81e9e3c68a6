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


/** The EBML header every WebM file starts with. */
const WEBM_MAGIC = Buffer.from([0x1a, 0x45, 0xdf, 0xa3]);

type OpenTake = { sessionId: string; file: string; handle: fs.FileHandle; nextIndex: number };

export class TakeRecorder {
  private readonly open = new Map<string, OpenTake>();

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
      this.open.set(takeId, { sessionId: session.id, file, handle, nextIndex: 0 });
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
    await take.handle.write(data);
    await take.handle.datasync();
    take.nextIndex++;
    return { bytes: (await take.handle.stat()).size };
  }

  async finish(takeId: string): Promise<{ file: string; durationSeconds: number; sha256: string }> {
    const take = this.open.get(takeId);
    if (!take) throw new UserError(t('takes.notRecording'));
    this.open.delete(takeId);
    await take.handle.close();
    // MediaRecorder's WebM declares no duration: measure what really decodes.
    const decoded = await decodeCheck(take.file, '0:v:0');
    if (decoded.frames === 0) throw new UserError(t('takes.noPicture'));
    const sha256 = await sha256File(take.file);
    await this.sessions.recordTake({ type: 'take.stopped', sessionId: take.sessionId, takeId, durationSeconds: decoded.decodedSeconds, sha256 });
    return { file: take.file, durationSeconds: decoded.decodedSeconds, sha256 };
  }

  /** Logs a risk seen while the take records (someone walked in, a phone lit up), at its time in the take. */
  async risk(takeId: string, risk: { atSeconds: number; category: RiskCategory; label: string }): Promise<void> {
    const take = this.open.get(takeId);
    if (!take) throw new UserError(t('takes.notRecording'));
    await this.sessions.recordTake({ type: 'take.risk', sessionId: take.sessionId, takeId, ...risk });
  }

  /** Marks a finished take as redone: its time counts as a retake; the file stays as evidence of the work. */
  async discard(takeId: string): Promise<void> {
    const session = await this.sessions.active();
    if (!session?.takes.some((take) => take.takeId === takeId)) throw new UserError(t('takes.notInSession'));
    await this.sessions.recordTake({ type: 'take.discarded', sessionId: session.id, takeId });
  }
}
