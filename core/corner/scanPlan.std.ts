/**
 * How `safetake scan` decodes a photo or video for the detectors: upright, as raw RGB frames at the size OCR
 * reads best (the models resize for themselves), one frame per second of video. Pure: an ffmpeg argument plan.
 */
import { type MediaKind, type MediaProbe, displaySize, mainVideoStream } from '../media/probe.std';
import { type FfmpegInvocation, GLOBAL_OPTIONS, fileInput, orientationFilters } from '../media/ffmpegArgs.std';
import { ocrScale } from './detectors.std';

/** A video is scanned once a second: a risk in view for less than a second is not a risk to the setup. */
const SCAN_VIDEO_INTERVAL_SECONDS = 1;

type ScanPlan = {
  invocation: FfmpegInvocation;
  /** The upright picture, in the source's pixels: risk boxes are reported in these. */
  source: { width: number; height: number };
  /** The decoded frames' size: source x scale. */
  frame: { width: number; height: number };
  scale: number;
  /** Seconds between frames, for videos. */
  intervalSeconds?: number;
};

export function planScanFrames(request: { input: string; kind: MediaKind; probe: MediaProbe; photoOrientation?: number }): ScanPlan {
  const video = mainVideoStream(request.probe);
  const display = video && displaySize(video);
  if (!display) throw new Error('no picture stream');
  const orientation = request.kind === 'photo' ? orientationFilters(request.photoOrientation) : [];
  const source = orientation.some((filter) => filter.startsWith('transpose')) ? { width: display.height, height: display.width } : display;
  const scale = ocrScale(source.width, source.height);
  const frame = { width: Math.round(source.width * scale), height: Math.round(source.height * scale) };
  const isVideo = request.kind === 'video';
  return {
    invocation: {
      // Photos: ffmpeg ignores EXIF orientation, so it is applied by filter, as ExifTool read it.
      inputs: [fileInput(request.input, isVideo ? [] : ['-noautorotate'])],
      outputOptions: [
        ...GLOBAL_OPTIONS,
        '-v', 'error',
        '-map', '0:v:0',
        ...(isVideo ? [] : ['-frames:v', '1']),
        '-vf', [...orientation, ...(isVideo ? [`fps=1/${SCAN_VIDEO_INTERVAL_SECONDS}`] : []), `scale=${frame.width}:${frame.height}:flags=bicubic`].join(','),
        '-f', 'rawvideo',
        '-pix_fmt', 'rgb24',
      ],
      output: 'pipe:1',
    },
    source,
    frame,
    scale: frame.width / source.width,
    ...(isVideo ? { intervalSeconds: SCAN_VIDEO_INTERVAL_SECONDS } : {}),
  };
}
