/** Turns what the user gave (files and folders) into the media files to work on. */
import fs from 'node:fs';
import path from 'node:path';
import { mediaKindForExtension } from '../../core/media/probe.std';

/**
 * Files stay as given (a wrong type gets its own clear error later); folders contribute the videos and
 * photos inside them, sub-folders included, hidden files and SafeTake's own partial copies left out.
 */
export function expandMediaPaths(paths: string[]): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      // A folder that may not be read is one item that fails (checkMediaFile says why), not the end of all.
      found.push(dir);
      return;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && mediaKindForExtension(path.extname(entry.name))) found.push(full);
    }
  };
  for (const given of paths) {
    // Resolved once, every link followed: what is read later is checked against this (assertUnchangedPath).
    const resolved = fs.existsSync(given) ? fs.realpathSync(given) : path.resolve(given);
    if (fs.statSync(resolved, { throwIfNoEntry: false })?.isDirectory()) walk(resolved);
    else found.push(resolved);
  }
  return [...new Set(found)];
}
