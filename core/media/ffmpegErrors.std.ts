/**
 * Turns ffmpeg's stderr into a sentence the user can act on. ffmpeg's own words stay in the log, not the UI.
 */
const EXPLANATIONS: ReadonlyArray<[RegExp, string]> = [
  // ffmpeg names the demuxer it refused: "[hls @ 0x…] Format not on whitelist". Playlists and lists of files
  // get their own sentence; anything else (random bytes can look like an audio or subtitle format) is just
  // not a video or photo.
  [/\[(?:hls|dash|concat|ffconcat|sdp|rtp|rtsp|mpd|smil|webm_dash_manifest) @[^\]]*\] Format not on whitelist/i,
    'This is not a video or photo: it is a playlist or another kind of file that names other files, and SafeTake reads no file but the one you chose.'],
  [/not on whitelist/i, 'This is not a video or photo SafeTake can read: ffmpeg sees another kind of file.'],
  [/No space left on device|ENOSPC/i, 'The disk is full: there is no room for the clean copy. Free some space or choose another output folder.'],
  [/File too large|EFBIG/i, 'The output folder cannot hold a file this large (full disk or a file-size limit). Choose another output folder.'],
  [/Permission denied|EACCES|EPERM|Read-only file system|EROFS/i, 'SafeTake may not write there. Choose an output folder you can write to.'],
  [/moov atom not found|partial file|End of file|Truncated|truncated/i, 'The file is incomplete: it was probably cut short while recording or copying, and no picture could be recovered.'],
  [/Invalid data found when processing input|could not find codec parameters|Unknown format|does not contain any stream/i, 'This is not a video or photo SafeTake can read: the file is damaged or of another type.'],
  [/Decoder \(codec .*\) not found|Unsupported codec|no decoder/i, 'This file uses a picture format SafeTake cannot decode.'],
];

/** HEIC/HEIF needs an ffmpeg newer than many systems ship; say so instead of calling the photo damaged. */
const HEIC_UNSUPPORTED =
  'This HEIC photo cannot be decoded by the ffmpeg on this computer. Export it as JPEG (on an iPhone: Settings › Camera › Formats › Most Compatible), then sanitize the JPEG.';

export function explainFfmpegFailure(stderr: string, fileExtension = ''): string {
  if (/^\.hei[cf]$/i.test(fileExtension)) return HEIC_UNSUPPORTED;
  for (const [pattern, message] of EXPLANATIONS) if (pattern.test(stderr)) return message;
  return 'ffmpeg could not make a clean copy of this file. The original is unchanged.';
}
