/**
 * Reading a photo or video the user named, for any job: is it a media file SafeTake handles, what does
 * ffprobe find in it, and how does it stand upright. Every refusal is a UserError in plain words.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AuditReport } from '../../core/media/audit.std';
import { orientationFromExifTool } from '../../core/media/ffmpegArgs.std';
import { PHOTO_EXTENSIONS, VIDEO_EXTENSIONS, displaySize, mainVideoStream, mediaKindForExtension } from '../../core/media/probe.std';
import type { MediaKind, MediaProbe } from '../../core/media/probe.std';
import { UserError } from '../../core/shared/errors.std';
import { auditFile } from './audit.node';
import { probeMedia } from './ffmpeg.node';

/** The kind of media `input` is by its extension, once it is known to be a readable, non-empty file. */
export async function checkMediaFile(input: string): Promise<MediaKind> {
  const name = path.basename(input);
  const stat = await fs.promises.stat(input).catch(() => undefined);
  if (!stat) throw new UserError(`${name} cannot be found. It may have been moved or deleted.`);
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

/** EXIF orientation (1..8) of a photo, as ExifTool read it. */
export function photoOrientation(audit: AuditReport): number | undefined {
  return orientationFromExifTool(audit.tags.find((tag) => tag.name === 'Orientation' && /^IFD0$|^XMP/.test(tag.group))?.value);
}

type Picture = { input: string; kind: MediaKind; probe: MediaProbe; photoOrientation?: number };

/** A readable photo or video with a picture: what it is and how to stand it upright. Else a UserError. */
export async function readPicture(input: string): Promise<Picture> {
  const kind = await checkMediaFile(input);
  const probe = await probeMedia(input);
  const video = mainVideoStream(probe);
  if (!video || !displaySize(video)) throw new UserError(`${path.basename(input)} has no picture SafeTake can read.`);
  return { input, kind, probe, photoOrientation: kind === 'photo' ? photoOrientation(await auditFile(input)) : undefined };
}
