/** Other processes on this machine, as far as files left behind need to know them. */

/** Whether process `pid` is running (one we may not signal is running too). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
