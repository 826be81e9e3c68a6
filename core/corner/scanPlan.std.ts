/**
 * How `safetake scan` decodes a photo or video for the detectors: upright, as raw RGB frames at the size OCR
 * reads best (the models resize for themselves), a frame every second or more of video. Pure: an ffmpeg
 * argument plan.
 */
import { type MediaKind, type MediaProbe, displaySize, mainVideoStream, pictureEndSeconds } from '../media/probe.std';
import { type FfmpegInvocation, GLOBAL_OPTIONS, fileInput, orientationFilters, uprightSize } from '../media/ffmpegArgs.std';
import { ocrScale } from './detectors.std';

/** A video is scanned at most once a second: a risk in view for less than a second is not a risk to the setup. */
const SCAN_VIDEO_INTERVAL_SECONDS = 1;
/**
 * ...and a long video at most this many times, spread over its length: every model, OCR included, takes
 * seconds a frame on two cores, and a ten-minute take at one frame a second would take most of an hour.
 * A room does not change much in a take: what is in view for a while is still seen.
 */
export const SCAN_MAX_FRAMES = 60;

type ScanPlan = {
  invocation: FfmpegInvocation;
  /** The upright picture, in the source's pixels: risk boxes are reported in these. */
  source: { width: number; height: number };
  /** The decoded frames' size: source x scale. */
  frame: { width: number; height: number };
  scale: number;
  /** Seconds between frames, for videos. */
  intervalSeconds?: number;
  /** How many frames the scan will look at, when the video's length is known (a photo: 1). */
  expectedFrames?: number;
};

/** Seconds between the frames a video of `seconds` is scanned at (a set rate, stretched for a long video), and how many. */
export function scanSampling(seconds: number | undefined, everySeconds = SCAN_VIDEO_INTERVAL_SECONDS): { intervalSeconds: number; expectedFrames?: number } {
  if (seconds === undefined) return { intervalSeconds: everySeconds };
  const intervalSeconds = Math.max(everySeconds, Math.ceil(seconds / SCAN_MAX_FRAMES));
  return { intervalSeconds, expectedFrames: Math.max(1, Math.ceil(seconds / intervalSeconds)) };
}

export function planScanFrames(request: { input: string; kind: MediaKind; probe: MediaProbe; photoOrientation?: number }, everySeconds?: number): ScanPlan {
  const video = mainVideoStream(request.probe);
  const display = video && displaySize(video);
  if (!display) throw new Error('no picture stream');
  const orientation = request.kind === 'photo' ? orientationFilters(request.photoOrientation) : [];
  const source = uprightSize(display, orientation);
  const scale = ocrScale(source.width, source.height);
  const frame = { width: Math.round(source.width * scale), height: Math.round(source.height * scale) };
  const isVideo = request.kind === 'video';
  const sampling = isVideo ? scanSampling(pictureEndSeconds(request.probe), everySeconds) : { expectedFrames: 1 };
  return {
    invocation: {
      // Photos: ffmpeg ignores EXIF orientation, so it is applied by filter, as ExifTool read it.
      inputs: [fileInput(request.input, isVideo ? [] : ['-noautorotate'])],
      outputOptions: [
        ...GLOBAL_OPTIONS,
        '-v', 'error',
        '-map', '0:v:0',
        ...(isVideo ? [] : ['-frames:v', '1']),
        '-vf', [...orientation, ...('intervalSeconds' in sampling ? [`fps=1/${sampling.intervalSeconds}`] : []), `scale=${frame.width}:${frame.height}:flags=bicubic`].join(','),
        '-f', 'rawvideo',
        '-pix_fmt', 'rgb24',
      ],
      output: 'pipe:1',
    },
    source,
    frame,
    scale: frame.width / source.width,
    ...sampling,
  };
}
