/**
 * ffmpeg invocations as plain data, shared by every job that runs ffmpeg (sanitize, the scan, previews): the
 * argument order fluent-ffmpeg uses, the global options every run takes, and how EXIF orientation becomes
 * filters (ffmpeg applies it to videos itself, never to still images).
 */
import { type MediaKind, type MediaProbe, displaySize, mainVideoStream } from './probe.std';

export type FfmpegInput = { source: string; options: string[] };
export type FfmpegInvocation = { inputs: FfmpegInput[]; outputOptions: string[]; output: string };

/**
 * The exact argument list ffmpeg receives, in fluent-ffmpeg's order (inputs, -y, output options, output), so
 * a bare ffmpeg run with it is the same work as ours.
 */
export function ffmpegArgv(invocation: FfmpegInvocation): string[] {
  return [
    ...invocation.inputs.flatMap((input) => [...input.options, '-i', input.source]),
    '-y',
    ...invocation.outputOptions,
    invocation.output,
  ];
}

/**
 * The demuxers ffmpeg and ffprobe may use on a file the user named: media containers and still pictures. A
 * playlist (HLS, concat) names other files, which ffmpeg would read wherever they are: a "video" in an allowed
 * folder, or a take the renderer wrote, could lead it to a secret outside. With only these, such a file is not
 * read at all ("Format not on whitelist").
 */
export const MEDIA_DEMUXERS = ['mov', 'matroska', 'avi', 'mpegts', 'asf', 'h264', 'hevc', 'm4v', 'image2', 'jpeg_pipe', 'png_pipe', 'webp_pipe'] as const;
/** The options before every `-i` of a file: nothing but local files, read by media demuxers only. */
export const MEDIA_FILE_INPUT: readonly string[] = ['-protocol_whitelist', 'file', '-format_whitelist', MEDIA_DEMUXERS.join(',')];

/** An ffmpeg input that is a file the user named (never a generated source such as lavfi's silence). */
export function fileInput(file: string, options: readonly string[] = []): FfmpegInput {
  return { source: file, options: [...MEDIA_FILE_INPUT, ...options] };
}

/** Global options first in every output list: no banner, never read the terminal. */
export const GLOBAL_OPTIONS = ['-hide_banner', '-nostdin'];

/** EXIF orientation (1..8) to the ffmpeg filters that put the pixels upright. */
export function orientationFilters(orientation: number | undefined): string[] {
  switch (orientation) {
    case 2: return ['hflip'];
    case 3: return ['hflip', 'vflip'];
    case 4: return ['vflip'];
    case 5: return ['transpose=0'];
    case 6: return ['transpose=1'];
    case 7: return ['transpose=3'];
    case 8: return ['transpose=2'];
    default: return [];
  }
}

/** The picture's size once `orientation` (orientationFilters) has stood it upright: turned a quarter, its sides swap. */
export function uprightSize(display: { width: number; height: number }, orientation: readonly string[]): { width: number; height: number } {
  return orientation.some((filter) => filter.startsWith('transpose')) ? { width: display.height, height: display.width } : display;
}

/**
 * The size a viewer sees a readable picture at (services/media/picture.node.ts readPicture): a video's display
 * size, a photo's turned by its EXIF orientation.
 */
export function uprightPictureSize(picture: { kind: MediaKind; probe: MediaProbe; photoOrientation?: number }): { width: number; height: number } {
  const display = displaySize(mainVideoStream(picture.probe)!)!;
  return uprightSize(display, picture.kind === 'photo' ? orientationFilters(picture.photoOrientation) : []);
}

/** ExifTool's printed Orientation ("Rotate 90 CW") to its EXIF number. */
export function orientationFromExifTool(value: string | undefined): number | undefined {
  const names: Record<string, number> = {
    'Horizontal (normal)': 1,
    'Mirror horizontal': 2,
    'Rotate 180': 3,
    'Mirror vertical': 4,
    'Mirror horizontal and rotate 270 CW': 5,
    'Rotate 90 CW': 6,
    'Mirror horizontal and rotate 90 CW': 7,
    'Rotate 270 CW': 8,
  };
  return value === undefined ? undefined : names[value.trim()];
}
