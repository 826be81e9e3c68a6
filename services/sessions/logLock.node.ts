/**
 * One writer per session log. Two processes appending to the same log (two app windows, the app and
 * `safetake sanitize`) would each chain their lines to their own idea of the last one, and the log would be
 * refused from then on. Whoever opens the log for appending holds `sessions.jsonl.lock`, which names its
 * process; a second writer is told plainly who has it.
 *
 * Not proper-lockfile: its locks go stale by age alone, so after a crash (or the crash test's SIGKILL) the
 * worker would be locked out of their own log for seconds. Here a lock whose process is gone is taken over at
 * once, and so is one whose process id now belongs to a process that started later (a reused id). A lock
 * from another machine sharing the folder goes stale by age (isAbandoned).
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import { UserError } from '../../core/shared/errors.std';
import { isProcessAlive, processStartTime } from '../app/processes.node';
import { t } from '../../core/i18n/i18n.std';

/** How often the holder touches its lock, and how old a lock must be to count as stale where only age can tell. */
const REFRESH_EVERY_MS = 10_000;
const STALE_AFTER_MS = 60_000;

type LockOwner = { pid: number; host: string; command: string; started?: string };

/** A lock file that is still empty or half written may be a writer's that is writing it this moment. */
const UNREADABLE_GRACE_MS = 5_000;

/** The log is another process's to write. */
export class LogBusyError extends UserError {}


async function readOwner(lockFile: string): Promise<{ owner?: LockOwner; ageMs: number } | undefined> {
  const stat = await fs.stat(lockFile).catch(() => undefined);
  if (!stat) return undefined;
  const owner = await fs
    .readFile(lockFile, 'utf8')
    .then((text) => JSON.parse(text) as LockOwner)
    .catch(() => undefined);
  return { owner, ageMs: Date.now() - stat.mtimeMs };
}

/**
 * Creates `file` with `content`, whole, unless it exists: written beside it first and linked into place, so
 * that no other process ever reads it empty. Where the file system has no hard links, created exclusively.
 */
async function createWhole(file: string, content: string): Promise<boolean> {
  const temp = `${file}.${process.pid}-${Date.now()}`;
  await fs.writeFile(temp, content, { flush: true });
  try {
    await fs.link(temp, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') throw error;
    return fs.writeFile(file, content, { flag: 'wx', flush: true }).then(
      () => true,
      (failure: NodeJS.ErrnoException) => {
        if (failure.code === 'EEXIST') return false;
        throw failure;
      },
    );
  } finally {
    await fs.rm(temp, { force: true });
  }
}

/**
 * Whether a lock someone holds may be taken over: its process is gone (or its id now belongs to a process
 * that started later); on another machine sharing the folder, or where start times are unknown, once it has
 * not been refreshed for STALE_AFTER_MS.
 */
function isAbandoned(held: { owner?: LockOwner; ageMs: number }, host: string): boolean {
  const { owner, ageMs } = held;
  if (!owner) return ageMs > UNREADABLE_GRACE_MS;
  if (owner.host !== host) return ageMs > STALE_AFTER_MS;
  if (!isProcessAlive(owner.pid)) return true;
  const started = processStartTime(owner.pid);
  if (owner.started && started) return owner.started !== started;
  return ageMs > STALE_AFTER_MS;
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
    const started = processStartTime(process.pid);
    const me: LockOwner = { pid: process.pid, host: os.hostname(), command, ...(started ? { started } : {}) };
    for (let attempt = 0; attempt < 3; attempt++) {
      if (await createWhole(lockFile, JSON.stringify(me))) return new LogLock(lockFile);
      const held = await readOwner(lockFile);
      if (!held) continue; // released meanwhile
      if (!isAbandoned(held, me.host)) throw new LogBusyError(t('eventLog.busy'));
      await fs.rm(lockFile, { force: true });
    }
    throw new LogBusyError(t('eventLog.busyOpening'));
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
    if (owner?.pid !== process.pid || owner.host !== os.hostname()) throw new LogBusyError(t('eventLog.busy'));
  }

  /** Removes the lock, if it is still this process's: a lock taken over since belongs to its new holder. */
  async release(): Promise<void> {
    clearInterval(this.refresh);
    if (await this.assertHeld().then(() => true, () => false)) await fs.rm(this.lockFile, { force: true });
  }
}
