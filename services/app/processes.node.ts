/** Other processes on this machine, as far as files left behind need to know them. */
import fs from 'node:fs';

/**
 * Whether process `pid` is running (one we may not signal is running too). A zombie is not: it has died and
 * only waits for a parent to collect it, which may never happen when its parent died first.
 */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  if (process.platform !== 'linux') return true;
  try {
    // The state follows the command name, which is in parentheses and may hold spaces.
    return !fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.startsWith('Z');
  } catch {
    return false;
  }
}
