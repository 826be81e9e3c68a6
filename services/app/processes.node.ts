/** Other processes on this machine, as far as files left behind need to know them. */
import fs from 'node:fs';

/** The fields of /proc/<pid>/stat after the command name (which is in parentheses and may hold anything). */
function procStat(pid: number): string[] | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? [] : undefined;
  }
}

/**
 * Whether process `pid` is running (one we may not signal is running too). A zombie is not: it has died and
 * only waits for a parent to collect it, which may never happen when its parent died first.
 */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  if (process.platform !== 'linux') return true;
  const fields = procStat(pid);
  if (fields === undefined) return true; // /proc unreadable here: trust the signal
  return fields.length > 0 && fields[0] !== 'Z' && fields[0] !== 'X';
}

/**
 * When process `pid` started (Linux: clock ticks since boot), or undefined where that cannot be known. A
 * process id can be reused; a lock that names a live process id with another start time is an old one.
 */
export function processStartTime(pid: number): string | undefined {
  if (process.platform !== 'linux') return undefined;
  return procStat(pid)?.[19];
}
