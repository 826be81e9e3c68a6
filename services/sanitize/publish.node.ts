/**
 * The last step of a clean copy: flushed to disk, then given its name in the output folder without ever
 * replacing a file that is already there.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fillNameTemplate } from '../../core/sanitize/outputName.std';
import { UserError } from '../../core/shared/errors.std';

/** The first free name for the template in `dir`. */
async function allocateOutputPath(dir: string, template: string, originalBase: string, extension: string): Promise<string> {
  for (let counter = 1; counter < 100_000; counter++) {
    const candidate = path.join(dir, fillNameTemplate(template, counter, originalBase) + extension);
    if (!fs.existsSync(candidate)) return candidate;
  }
  throw new UserError(`The output folder ${dir} has no free name left for this template.`);
}

/** Moves the verified copy into place without ever replacing an existing file. */
export async function publish(temp: string, dir: string, template: string, originalBase: string, extension: string): Promise<string> {
  for (;;) {
    const target = await allocateOutputPath(dir, template, originalBase, extension);
    try {
      await fs.promises.link(temp, target); // fails if target appeared meanwhile: never clobbers
      await fs.promises.unlink(temp);
      return target;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') continue;
      if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EXDEV' || code === 'EMLINK') {
        // File systems without hard links (FAT, exFAT on USB sticks): rename after a last check.
        if (fs.existsSync(target)) continue;
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
