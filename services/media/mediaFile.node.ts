/** Whether a path the user named is a photo or video SafeTake handles, before anything reads its content. */
import fs from 'node:fs';
import path from 'node:path';
import { PHOTO_EXTENSIONS, VIDEO_EXTENSIONS, mediaKindForExtension } from '../../core/media/probe.std';
import type { MediaKind } from '../../core/media/probe.std';
import { UserError } from '../../core/shared/errors.std';
import { t } from '../../core/i18n/i18n.std';

/** The kind of media `input` is by its extension, once it is known to be a readable, non-empty file. */
export async function checkMediaFile(input: string): Promise<MediaKind> {
  const name = path.basename(input);
  // ExifTool is handed file names one to a line: a line break (or another control character) in a path
  // cannot reach it, and the audit that proves a copy clean would fail after the whole encode.
  // eslint-disable-next-line no-control-regex -- control characters are what is looked for
  if (/[\u0000-\u001f\u007f]/.test(input)) {
    throw new UserError(t('mediaFile.controlCharacter', { name: JSON.stringify(name) }));
  }
  const stat = await fs.promises.stat(input).catch(() => undefined);
  if (!stat) throw new UserError(t('mediaFile.notFound', { name }));
  if (stat.isDirectory()) {
    const readable = await fs.promises.access(input, fs.constants.R_OK | fs.constants.X_OK).then(() => true, () => false);
    throw new UserError(t(readable ? 'mediaFile.isFolder' : 'mediaFile.folderNotReadable', { name }));
  }
  if (!stat.isFile()) throw new UserError(t('mediaFile.notAFile', { name }));
  const kind = mediaKindForExtension(path.extname(input));
  if (!kind) {
    throw new UserError(t('mediaFile.notMediaType', { name, videos: VIDEO_EXTENSIONS.join(' '), photos: PHOTO_EXTENSIONS.join(' ') }));
  }
  if (stat.size === 0) throw new UserError(t('mediaFile.empty', { name }));
  await fs.promises.access(input, fs.constants.R_OK).catch(() => {
    throw new UserError(t('mediaFile.notReadable', { name }));
  });
  return kind;
}

/**
 * Throws unless `file` is still the very file it was when it was chosen: a path resolved once (every link
 * followed) that now leads elsewhere was swapped for a link in between, and is not read.
 */
export async function assertUnchangedPath(file: string): Promise<void> {
  const now = await fs.promises.realpath(file).catch(() => file);
  if (now !== file) throw new UserError(t('mediaFile.replacedByLink', { name: path.basename(file) }));
}
