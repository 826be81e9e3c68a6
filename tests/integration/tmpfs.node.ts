/**
 * Small tmpfs mounts (root only): the honest way to fill a disk or make a read-only folder in a test. Where the
 * tests do not run as root, `canMount` is false and the specs that need a mount say they were skipped.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

export const canMount = process.getuid?.() === 0 && spawnSync('which', ['mount']).status === 0;

const mounted: string[] = [];

/** Mounts a tmpfs with `options` (e.g. "size=512k", "size=4m,ro") on `dir`, made if need be; undefined on failure. */
export function mountTmpfs(dir: string, options: string): string | undefined {
  fs.mkdirSync(dir, { recursive: true });
  const result = spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir]);
  if (result.status !== 0) return undefined;
  mounted.push(dir);
  return dir;
}

/** Unmounts every tmpfs this process mounted (call it in afterAll). */
export function unmountAll(): void {
  for (const dir of mounted.splice(0)) spawnSync('umount', [dir]);
}
