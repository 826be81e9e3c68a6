/**
 * The last step of a clean copy: flushed to disk, then given its name in the output folder without ever
 * replacing a file that is already there.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fillNameTemplate } from '../../core/sanitize/outputName.std';
import { UserError } from '../../core/shared/errors.std';
import { isProcessAlive } from '../app/processes.node';
import { t } from '../../core/i18n/i18n.std';

/** A copy being made: hidden, named after the process making it, so that a later run knows whose it is. */
const PARTIAL = /^\.safetake-(\d+)-[0-9a-f]+\.partial\.\w+$/;

/** Where a copy is written until it has passed every check: hidden in the output folder itself. */
export function partialPath(outputDir: string, extension: string): string {
  return path.join(outputDir, `.safetake-${process.pid}-${randomBytes(6).toString('hex')}.partial${extension}`);
}

/**
 * Removes the partial copies of runs that died without cleaning up (killed, a power cut): their process is
 * gone, and nothing will ever finish them.
 */
export async function removeStalePartials(outputDir: string): Promise<void> {
  const names = await fs.promises.readdir(outputDir).catch(() => []);
  for (const name of names) {
    const owner = PARTIAL.exec(name)?.[1];
    if (owner && !isProcessAlive(Number(owner))) await fs.promises.rm(path.join(outputDir, name), { force: true });
  }
}

/** A name as a file system that ignores case and Unicode form compares it (Windows, macOS, FAT sticks). */
const foldName = (name: string) => name.normalize('NFC').toLowerCase();

/**
 * The first name for the template that no file in `dir` has, whatever its extension or case, nor any name in
 * `refused` (one that turned out to be taken): a batch of a video and a photo gives clip-001.mp4 and
 * clip-002.jpg, never two clip-001s a platform's upload form would confuse.
 */
async function allocateOutputPath(dir: string, template: string, originalBase: string, extension: string, refused: ReadonlySet<string>): Promise<string> {
  const taken = new Set([...(await fs.promises.readdir(dir)).map((name) => foldName(path.parse(name).name)), ...refused]);
  for (let counter = 1; counter < 100_000; counter++) {
    const name = fillNameTemplate(template, counter, originalBase);
    if (!taken.has(foldName(name))) return path.join(dir, name + extension);
  }
  throw new UserError(t('sanitizeFile.noFreeName', { dir }));
}

/** Moves the verified copy into place without ever replacing an existing file. */
export async function publish(temp: string, dir: string, template: string, originalBase: string, extension: string): Promise<string> {
  // Names found taken at the last moment (another program, a name that differs only in case): never offered again.
  const refused = new Set<string>();
  for (;;) {
    const target = await allocateOutputPath(dir, template, originalBase, extension, refused);
    const refuse = () => refused.add(foldName(path.parse(target).name));
    try {
      await fs.promises.link(temp, target); // fails if target appeared meanwhile: never clobbers
      await fs.promises.unlink(temp);
      return target;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') {
        refuse();
        continue;
      }
      if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EXDEV' || code === 'EMLINK') {
        // File systems without hard links (FAT, exFAT on USB sticks): rename after a last check.
        if (fs.existsSync(target)) {
          refuse();
          continue;
        }
        await fs.promises.rename(temp, target);
        return target;
      }
      throw error;
    }
  }
}

export async function flushToDisk(file: string): Promise<void> {
  const handle = await fs.promises.open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
