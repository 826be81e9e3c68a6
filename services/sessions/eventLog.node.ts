/**
 * The session log on disk: `sessions.jsonl` in the data folder. Each event is one line, written and flushed
 * (fdatasync) before append() resolves, so whatever the UI shows as saved survives a crash. A torn last line
 * is moved to a side file, reported, and the log continues from the last whole line.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { LOG_FILE_NAME } from '../../core/app/dataFolder.std';
import { UserError } from '../../core/shared/errors.std';
import { LogLock } from './logLock.node';
import { type EventData, type LogEntry, type ParsedLog, formatLine, localTimestamp, nextEntry, parseLog } from '../../core/sessions/eventLog.std';
import { t } from '../../core/i18n/i18n.std';


/** SHA-256 in hex of a line's bytes (a string is taken as its UTF-8 bytes). */
export const sha256Hex = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/** What opening the log found and put right, in words the UI and the CLI show. */
export type OpenReport = {
  /** Where a torn last line was set aside, if there was one. */
  tornSetAside?: { lineNumber: number; file: string };
  /** The last line's newline was missing (an editor dropped it) and was written back. */
  newlineRestored?: boolean;
};

/** Errors of a write that mean the disk (or the user's quota) has no room left. */
const NO_ROOM = new Set(['ENOSPC', 'EDQUOT', 'EFBIG']);

/** Reads and checks the log without changing it (for `safetake log verify` and exports). */
export async function readLog(dataDir: string): Promise<ParsedLog & { file: string; raw: Buffer }> {
  const file = path.join(dataDir, LOG_FILE_NAME);
  const raw = await fs.readFile(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return Buffer.alloc(0);
    throw error;
  });
  return { ...parseLog(raw, sha256Hex), file, raw };
}

/** A notice for the worker about what opening the log put right, or undefined when there was nothing. */
export function describeOpenReport(report: OpenReport): string | undefined {
  const notes: string[] = [];
  if (report.tornSetAside) {
    notes.push(t('eventLog.tornSetAside', { line: String(report.tornSetAside.lineNumber), file: report.tornSetAside.file }));
  }
  if (report.newlineRestored) notes.push(t('eventLog.newlineRestored'));
  return notes.length ? notes.join(' ') : undefined;
}

export class EventLog {
  private queue: Promise<unknown> = Promise.resolve();

  /** Set once a failed append could not be cut back: nothing more is written until the log is opened again. */
  private unusable: string | undefined;

  private constructor(
    private readonly file: string,
    private readonly handle: fs.FileHandle,
    private readonly lock: LogLock,
    private state: Pick<ParsedLog, 'entries' | 'lastHash'>,
    /** The log's length in bytes after its last whole line: where a failed append is cut back to. */
    private size: number,
  ) {}

  /** Opens the log for appending: sets a torn tail aside, refuses a broken chain (never writes after one). */
  static async open(dataDir: string): Promise<{ log: EventLog; report: OpenReport }> {
    await fs.mkdir(dataDir, { recursive: true });
    const lock = await LogLock.take(path.join(dataDir, LOG_FILE_NAME));
    try {
      return await EventLog.openLocked(dataDir, lock);
    } catch (error) {
      await lock.release();
      throw error;
    }
  }

  private static async openLocked(dataDir: string, lock: LogLock): Promise<{ log: EventLog; report: OpenReport }> {
    const parsed = await readLog(dataDir);
    if (parsed.broken) {
      const line = String(parsed.broken.lineNumber);
      const reason = parsed.broken.reason;
      throw new UserError(parsed.broken.repairable ? t('eventLog.damagedRepairable', { line, reason }) : t('eventLog.damaged', { line, reason }));
    }
    const report: OpenReport = {};
    let size = parsed.raw.length;
    if (parsed.torn || parsed.missingFinalNewline) await lock.assertHeld();
    if (parsed.torn) {
      const aside = `${parsed.file}.torn-${Date.now()}`;
      await fs.writeFile(aside, parsed.raw.subarray(size - parsed.torn.bytes), { flush: true });
      size -= parsed.torn.bytes;
      await fs.truncate(parsed.file, size);
      report.tornSetAside = { lineNumber: parsed.torn.lineNumber, file: aside };
    }
    const handle = await fs.open(parsed.file, 'a');
    if (parsed.missingFinalNewline) {
      await handle.write('\n');
      await handle.datasync();
      size += 1;
      report.newlineRestored = true;
    }
    return { log: new EventLog(parsed.file, handle, lock, parsed, size), report };
  }

  get entries(): readonly LogEntry[] {
    return this.state.entries;
  }

  /** The hash of the last line: it pins every line before it. */
  get head(): string {
    return this.state.lastHash;
  }

  /**
   * Appends one event; resolves once the line is on disk. Appends run strictly one after another. A write
   * that fails or falls short (a full disk) is cut back to the last whole line, so the log stays whole and
   * every event acknowledged before it stays intact; the append fails with a plain reason.
   */
  append(event: EventData, now = new Date()): Promise<LogEntry> {
    const write = this.queue.then(async () => {
      if (this.unusable) throw new UserError(this.unusable);
      await this.lock.assertHeld();
      const entry = nextEntry(this.state, event, localTimestamp(now));
      const line = formatLine(entry);
      const bytes = Buffer.from(`${line}\n`, 'utf8');
      try {
        const { bytesWritten } = await this.handle.write(bytes, 0, bytes.length, null);
        if (bytesWritten !== bytes.length) throw Object.assign(new Error('short write'), { code: 'ENOSPC' });
        await this.handle.datasync();
      } catch (error) {
        // By path: a handle opened to append may not truncate (Windows gives it append access only).
        await fs.truncate(this.file, this.size).catch(() => {
          this.unusable = t('eventLog.unusable');
        });
        const code = (error as NodeJS.ErrnoException).code ?? '';
        if (NO_ROOM.has(code)) throw new UserError(t('eventLog.diskFull'));
        throw new UserError(t('eventLog.notWritten', { cause: code || (error as Error).message }));
      }
      this.size += bytes.length;
      this.state.entries.push(entry);
      this.state.lastHash = sha256Hex(line);
      return entry;
    });
    this.queue = write.catch(() => undefined);
    return write;
  }

  async close(): Promise<void> {
    await this.queue;
    try {
      await this.handle.close();
    } finally {
      await this.lock.release();
    }
  }
}
