/**
 * Turns ffmpeg's stderr into a sentence the user can act on. ffmpeg's own words stay in the log, not the UI.
 */
import { type MessageId, t } from '../i18n/i18n.std';

const EXPLANATIONS: ReadonlyArray<[RegExp, MessageId]> = [
  // ffmpeg names the demuxer it refused: "[hls @ 0x…] Format not on whitelist". Playlists and lists of files
  // get their own sentence; anything else (random bytes can look like an audio or subtitle format) is just
  // not a video or photo.
  [/\[(?:hls|dash|concat|ffconcat|sdp|rtp|rtsp|mpd|smil|webm_dash_manifest) @[^\]]*\] Format not on whitelist/i, 'media.ffmpeg.playlist'],
  [/not on whitelist/i, 'media.ffmpeg.otherFormat'],
  [/No space left on device|ENOSPC/i, 'media.ffmpeg.diskFull'],
  [/File too large|EFBIG/i, 'media.ffmpeg.fileTooLarge'],
  [/Permission denied|EACCES|EPERM|Read-only file system|EROFS/i, 'media.ffmpeg.noPermission'],
  [/moov atom not found|partial file|End of file|Truncated|truncated/i, 'media.ffmpeg.incomplete'],
  [/Invalid data found when processing input|could not find codec parameters|Unknown format|does not contain any stream/i, 'media.ffmpeg.damaged'],
  [/Decoder \(codec .*\) not found|Unsupported codec|no decoder/i, 'media.ffmpeg.noDecoder'],
];

export function explainFfmpegFailure(stderr: string, fileExtension = ''): string {
  // HEIC/HEIF needs an ffmpeg newer than many systems ship; say so instead of calling the photo damaged.
  if (/^\.hei[cf]$/i.test(fileExtension)) return t('media.ffmpeg.heicUnsupported');
  for (const [pattern, message] of EXPLANATIONS) if (pattern.test(stderr)) return t(message);
  return t('media.ffmpeg.failed');
}

/**
 * Whether ffmpeg could not write all of its output, whatever its exit code: ffmpeg 5.1 exits 0 when the disk
 * fills as it writes the file's trailer ("Error writing trailer ...: No space left on device"), leaving a copy
 * cut short that would then read as a damaged source.
 */
export function outputWriteFailed(stderr: string): boolean {
  return /No space left on device|ENOSPC|File too large|EFBIG/i.test(stderr);
}
