/**
 * One writer per session log. Two processes appending to the same log (two app windows, the app and
 * `safetake sanitize`) would each chain their lines to their own idea of the last one, and the log would be
 * refused from then on. Whoever opens the log for appending holds `sessions.jsonl.lock`, which names its
 * process; a second writer is told plainly who has it.
 *
 * Not proper-lockfile: its locks go stale by age alone, so after a crash (or the crash test's SIGKILL) the
 * worker would be locked out of their own log for seconds. Here a lock whose process is gone is taken over at
 * once; a lock whose process id is alive but that has not been refreshed for STALE_AFTER_MS belongs to a
 * reused process id and is taken over too.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import { UserError } from '../../core/shared/errors.std';
import { isProcessAlive } from '../app/processes.node';

/** How often the holder touches its lock, and how old a lock of a live process id must be to count as stale. */
const REFRESH_EVERY_MS = 10_000;
const STALE_AFTER_MS = 60_000;

type LockOwner = { pid: number; host: string; command: string };

/** The log is another process's to write. */
export class LogBusyError extends UserError {}

const BUSY =
  'The session log is open in another SafeTake (the app, or a safetake command). Only one may write to it at a time, so that no line is lost: close the other one and try again.';

async function readOwner(lockFile: string): Promise<{ owner?: LockOwner; ageMs: number } | undefined> {
  const stat = await fs.stat(lockFile).catch(() => undefined);
  if (!stat) return undefined;
  const owner = await fs
    .readFile(lockFile, 'utf8')
    .then((text) => JSON.parse(text) as LockOwner)
    .catch(() => undefined);
  return { owner, ageMs: Date.now() - stat.mtimeMs };
}

export class LogLock {
  private readonly refresh: NodeJS.Timeout;

  private constructor(readonly lockFile: string) {
    this.refresh = setInterval(() => {
      const now = new Date();
      void fs.utimes(this.lockFile, now, now).catch(() => undefined);
    }, REFRESH_EVERY_MS);
    this.refresh.unref();
  }

  /** Takes the lock on `logFile`, or throws a UserError naming the process that holds it. */
  static async take(logFile: string, command = process.argv.slice(1, 3).join(' ')): Promise<LogLock> {
    const lockFile = `${logFile}.lock`;
    const me: LockOwner = { pid: process.pid, host: os.hostname(), command };
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await fs.writeFile(lockFile, JSON.stringify(me), { flag: 'wx', flush: true });
        return new LogLock(lockFile);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const held = await readOwner(lockFile);
      if (!held) continue; // released meanwhile
      const sameHost = held.owner?.host === me.host;
      const abandoned = !held.owner || (sameHost && !isProcessAlive(held.owner.pid)) || held.ageMs > STALE_AFTER_MS;
      if (!abandoned) {
        throw new LogBusyError(BUSY);
      }
      await fs.rm(lockFile, { force: true });
    }
    throw new LogBusyError('The session log is being opened by another SafeTake at this very moment. Try again.');
  }

  /**
   * Throws unless this process still holds the lock: two processes that took over the same stale lock at
   * the same moment, or a lock removed by hand, must not both write.
   */
  async assertHeld(): Promise<void> {
    const owner = await fs
      .readFile(this.lockFile, 'utf8')
      .then((text) => JSON.parse(text) as LockOwner)
      .catch(() => undefined);
    if (owner?.pid !== process.pid || owner.host !== os.hostname()) throw new LogBusyError(BUSY);
  }

  async release(): Promise<void> {
    clearInterval(this.refresh);
    await fs.rm(this.lockFile, { force: true });
  }
}
