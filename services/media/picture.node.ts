/**
 * Reading a photo or video the user named, for any job: what ffprobe finds in it, and how it stands upright.
 * Every refusal is a UserError in plain words.
 */
import path from 'node:path';
import { type AuditReport, notMediaReason } from '../../core/media/audit.std';
import { orientationFromExifTool } from '../../core/media/ffmpegArgs.std';
import { displaySize, mainVideoStream } from '../../core/media/probe.std';
import type { MediaKind, MediaProbe } from '../../core/media/probe.std';
import { UserError } from '../../core/shared/errors.std';
import { auditFile } from './audit.node';
import { probeMedia } from './ffmpeg.node';
import { checkMediaFile } from './mediaFile.node';
import { t } from '../../core/i18n/i18n.std';

/** EXIF orientation (1..8) of a photo, as ExifTool read it. */
export function photoOrientation(audit: AuditReport): number | undefined {
  return orientationFromExifTool(audit.tags.find((tag) => tag.name === 'Orientation' && /^IFD0$|^XMP/.test(tag.group))?.value);
}

type Picture = { input: string; kind: MediaKind; probe: MediaProbe; photoOrientation?: number };

/** A readable photo or video with a picture: what it is and how to stand it upright. Else a UserError. */
export async function readPicture(input: string): Promise<Picture> {
  const kind = await checkMediaFile(input);
  const probe = await probeMedia(input).catch(async (error: unknown) => {
    // ffprobe's reasons are about media ("incomplete", "damaged"): a text file named .mp4 is no media at all.
    const notMedia = notMediaReason(await auditFile(input), path.basename(input));
    throw notMedia ? new UserError(notMedia) : error;
  });
  const video = mainVideoStream(probe);
  if (!video || !displaySize(video)) throw new UserError(t('mediaFile.noReadablePicture', { name: path.basename(input) }));
  return { input, kind, probe, photoOrientation: kind === 'photo' ? photoOrientation(await auditFile(input)) : undefined };
}
