/** Whether a path the user named is a photo or video SafeTake handles, before anything reads its content. */
import fs from 'node:fs';
import path from 'node:path';
import { PHOTO_EXTENSIONS, VIDEO_EXTENSIONS, mediaKindForExtension } from '../../core/media/probe.std';
import type { MediaKind } from '../../core/media/probe.std';
import { UserError } from '../../core/shared/errors.std';

/** The kind of media `input` is by its extension, once it is known to be a readable, non-empty file. */
export async function checkMediaFile(input: string): Promise<MediaKind> {
  const name = path.basename(input);
  // ExifTool is handed file names one to a line: a line break (or another control character) in a path
  // cannot reach it, and the audit that proves a copy clean would fail after the whole encode.
  // eslint-disable-next-line no-control-regex -- control characters are what is looked for
  if (/[\u0000-\u001f\u007f]/.test(input)) {
    throw new UserError(`The name of ${JSON.stringify(name)} (or of a folder it is in) has a line break or another control character, which SafeTake's metadata check cannot read. Rename it, then try again.`);
  }
  const stat = await fs.promises.stat(input).catch(() => undefined);
  if (!stat) throw new UserError(`${name} cannot be found. It may have been moved or deleted.`);
  if (stat.isDirectory()) throw new UserError(`${name} is a folder: name the videos and photos in it.`);
  if (!stat.isFile()) throw new UserError(`${name} is not a file.`);
  const kind = mediaKindForExtension(path.extname(input));
  if (!kind) {
    throw new UserError(
      `${name} is not a video or photo SafeTake handles. Videos: ${VIDEO_EXTENSIONS.join(' ')}; photos: ${PHOTO_EXTENSIONS.join(' ')}.`,
    );
  }
  if (stat.size === 0) throw new UserError(`${name} is empty (0 bytes): there is no picture or sound in it.`);
  await fs.promises.access(input, fs.constants.R_OK).catch(() => {
    throw new UserError(`SafeTake may not read ${name}. Check the file's permissions.`);
  });
  return kind;
}

/**
 * Throws unless `file` is still the very file it was when it was chosen: a path resolved once (every link
 * followed) that now leads elsewhere was swapped for a link in between, and is not read.
 */
export async function assertUnchangedPath(file: string): Promise<void> {
  const now = await fs.promises.realpath(file).catch(() => file);
  if (now !== file) throw new UserError(`${path.basename(file)} was replaced by a link to another file after it was chosen, so it was not read. Choose it again.`);
}
