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


export const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

type OpenReport = {
  /** Where a torn last line was set aside, if there was one. */
  tornSetAside?: { lineNumber: number; file: string };
};

/** Reads and checks the log without changing it (for `safetake log verify` and exports). */
export async function readLog(dataDir: string): Promise<ParsedLog & { file: string }> {
  const file = path.join(dataDir, LOG_FILE_NAME);
  const text = await fs.readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '';
    throw error;
  });
  return { ...parseLog(text, sha256Hex), file };
}

export class EventLog {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly handle: fs.FileHandle,
    private readonly lock: LogLock,
    private state: Pick<ParsedLog, 'entries' | 'lastHash'>,
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
      throw new UserError(`The session log is damaged at line ${parsed.broken.lineNumber}: ${parsed.broken.reason}. SafeTake will not write to it; run "safetake log verify" for details.`);
    }
    const report: OpenReport = {};
    if (parsed.torn) {
      const aside = `${parsed.file}.torn-${Date.now()}`;
      await fs.writeFile(aside, parsed.torn.text, { flush: true });
      const whole = Buffer.byteLength((await fs.readFile(parsed.file, 'utf8')).slice(0, -parsed.torn.text.length), 'utf8');
      await fs.truncate(parsed.file, whole);
      report.tornSetAside = { lineNumber: parsed.torn.lineNumber, file: aside };
    }
    const handle = await fs.open(parsed.file, 'a');
    return { log: new EventLog(handle, lock, parsed), report };
  }

  get entries(): readonly LogEntry[] {
    return this.state.entries;
  }

  /** The hash of the last line: it pins every line before it. */
  get head(): string {
    return this.state.lastHash;
  }

  /** Appends one event; resolves once the line is on disk. Appends run strictly one after another. */
  append(event: EventData, now = new Date()): Promise<LogEntry> {
    const write = this.queue.then(async () => {
      await this.lock.assertHeld();
      const entry = nextEntry(this.state, event, localTimestamp(now));
      const line = formatLine(entry);
      await this.handle.write(`${line}\n`);
      await this.handle.datasync();
      this.state.entries.push(entry);
      this.state.lastHash = sha256Hex(line);
      return entry;
    });
    this.queue = write.catch(() => undefined);
    return write;
  }

  async close(): Promise<void> {
    await this.queue;
    await this.handle.close();
    await this.lock.release();
  }
}
