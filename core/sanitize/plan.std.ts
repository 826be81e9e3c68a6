/**
 * Builds the ffmpeg invocation that makes a clean copy. Pure: the same plan is what the app runs (through
 * services/media/ffmpeg.node.ts) and what the benchmark hands to a bare ffmpeg, so they are compared like for like.
 *
 * What "clean" needs from ffmpeg, and where each piece is done:
 * - only the chosen picture and sound: explicit -map of one video and at most one audio stream, so data,
 *   subtitle, attachment, timecode and telemetry tracks (GoPro GPMF, Apple timed metadata) are never copied;
 * - no container metadata: -map_metadata -1 (global, stream, chapter), -map_chapters -1;
 * - no encoder versions: -fflags/-flags +bitexact;
 * - no text inside the video stream: the filter_units bitstream filter drops H.264 SEI (NAL type 6), where
 *   x264 writes its version and settings and Sony cameras hide make, model and date ("MDPM");
 * - rotation applied to the pixels: ffmpeg's autorotate turns the frames and writes no display matrix.
 */
import { type FfmpegInput, type FfmpegInvocation, GLOBAL_OPTIONS, fileInput, orientationFilters, uprightSize } from '../media/ffmpegArgs.std';
import type { Box } from '../media/geometry.std';
import type { RedactOptions } from './options.std';
import { fileExtension } from '../shared/fileName.std';
import { type MediaKind, type MediaProbe, displaySize, mainAudioStream, mainVideoStream } from '../media/probe.std';

/** A region to blur, in the picture's pixels. */
export type Region = Box;

export type SanitizeOptions = {
  format: 'mp4' | 'webm';
  /** Cap on the picture's short side (720 or 1080 for the presets); undefined keeps the source size. */
  maxHeight?: number;
  audio: 'keep' | 'mute' | 'remove';
  /** Regions to blur, in the source picture's pixels as a viewer sees it (after rotation). */
  blur: Region[];
  /** Find what gives the worker away, track it through the clip and hide it (services/sanitize/redact.node.ts). */
  redact?: RedactOptions;
};

export const DEFAULT_SANITIZE_OPTIONS: SanitizeOptions = { format: 'mp4', audio: 'keep', blur: [] };

/**
 * Speed/quality choice for H.264. veryfast at CRF 21 keeps webcam footage visually unchanged at several
 * times real time on 2 cores (bench/sanitize measures both the ratio and the quality).
 */
const X264_PRESET = 'veryfast';
const X264_CRF = 21;
/** VP9 in realtime mode: its "good" mode runs far below real time on 2 cores. */
const VP9_CRF = 33;
const AAC_BITRATE = '160k';
const OPUS_BITRATE = '128k';
const JPEG_QUALITY = 2; // ffmpeg's qscale: 2 is near-lossless
const WEBP_QUALITY = 90;

/** How strongly a region is blurred: a box blur this fraction of the region's short side, applied 3 times. */
const BLUR_RADIUS_FRACTION = 4;
/** Regions smaller than this are grown to it: a tiny blur hides nothing. */
const MIN_BLUR_SIZE = 16;

export type SanitizePlan = {
  kind: MediaKind;
  invocation: FfmpegInvocation;
  outputExtension: string;
  /** What the verified output must contain: exactly these stream types, in this order. */
  expectedStreams: Array<'video' | 'audio'>;
  /** The picture size the output must have. */
  outputSize: { width: number; height: number };
  /** How long one frame of a copy made from raw frames lasts: its length may differ from the source's by one. */
  frameSeconds?: number;
  notes: string[];
};

export type PlanRequest = {
  input: string;
  output: string;
  kind: MediaKind;
  probe: MediaProbe;
  options: SanitizeOptions;
  /** EXIF orientation 1..8 of a photo (ffmpeg does not apply it to still images). */
  photoOrientation?: number;
  /** Set by recovery: keep audio only up to this time, because it is damaged after it. */
  audioEndSeconds?: number;
  /** Set by recovery: the audio cannot be decoded at all. */
  audioUnusable?: boolean;
  /**
   * Set by redaction: the picture arrives on stdin as raw yuv420p frames, already upright, redacted and at the
   * output's size, at this rate; only the sound is read from the input file.
   */
  rawPicture?: RawPicture;
};

export type RawPicture = { width: number; height: number; framesPerSecond: number };

/** The ffmpeg input for redacted frames on stdin. */
function rawPictureInput(raw: RawPicture): FfmpegInput {
  return { source: 'pipe:0', options: ['-f', 'rawvideo', '-pix_fmt', 'yuv420p', '-s', `${raw.width}x${raw.height}`, '-r', raw.framesPerSecond.toFixed(6)] };
}

/** Sizes and offsets on even pixels: 4:2:0 chroma covers 2x2 blocks. */
const evenFloor = (value: number) => Math.floor(value / 2) * 2;
const even = (value: number) => Math.max(2, evenFloor(value));

/** Output size: the display size, short side capped at maxHeight, both sides even (H.264 4:2:0 needs it). */
export function outputSizeFor(display: { width: number; height: number }, maxHeight: number | undefined): { width: number; height: number } {
  const short = Math.min(display.width, display.height);
  const scale = maxHeight !== undefined && short > maxHeight ? maxHeight / short : 1;
  return { width: even(display.width * scale), height: even(display.height * scale) };
}

/** Clamps a region into the picture, on even pixels, at least MIN_BLUR_SIZE wide and high. */
export function clampRegion(region: Region, picture: { width: number; height: number }): Region | undefined {
  const outside =
    region.x >= picture.width || region.y >= picture.height || region.x + region.w <= 0 || region.y + region.h <= 0;
  if (outside) return undefined;
  const w = even(Math.min(picture.width, Math.max(MIN_BLUR_SIZE, region.w)));
  const h = even(Math.min(picture.height, Math.max(MIN_BLUR_SIZE, region.h)));
  const x = evenFloor(Math.min(Math.max(0, region.x), picture.width - w));
  const y = evenFloor(Math.min(Math.max(0, region.y), picture.height - h));
  return { x, y, w, h };
}


/**
 * The filter graph from the decoded (already upright) picture to the output: blur each region, scale, and
 * settle the pixel format. Written as one -filter_complex so regions compose.
 */
export function videoFilterGraph(
  regions: Region[],
  picture: { width: number; height: number },
  output: { width: number; height: number },
  leading: string[],
  pixelFormat: string,
): string {
  const steps: string[] = [];
  let current = '[0:v:0]';
  let label = 0;
  const next = () => `[s${label++}]`;
  if (leading.length) {
    const out = next();
    steps.push(`${current}${leading.join(',')}${out}`);
    current = out;
  }
  for (const region of regions) {
    const r = clampRegion(region, picture);
    if (!r) continue;
    const [base, copy, blurred, out] = [next(), next(), next(), next()];
    const radius = `min(w\\,h)/${BLUR_RADIUS_FRACTION}`;
    const chromaRadius = `min(cw\\,ch)/${BLUR_RADIUS_FRACTION}`;
    steps.push(`${current}split=2${base}${copy}`);
    steps.push(`${copy}crop=${r.w}:${r.h}:${r.x}:${r.y},boxblur=luma_radius=${radius}:luma_power=3:chroma_radius=${chromaRadius}:chroma_power=3${blurred}`);
    steps.push(`${base}${blurred}overlay=${r.x}:${r.y}${out}`);
    current = out;
  }
  steps.push(`${current}scale=${output.width}:${output.height}:flags=lanczos,setsar=1,format=${pixelFormat}[v]`);
  return steps.join(';');
}

const BITEXACT = ['-fflags', '+bitexact', '-flags:v', '+bitexact', '-flags:a', '+bitexact'];
const NO_METADATA = ['-map_metadata', '-1', '-map_metadata:s', '-1', '-map_chapters', '-1'];

export function planSanitize(request: PlanRequest): SanitizePlan {
  const video = mainVideoStream(request.probe);
  if (!video) throw new Error('no picture stream');
  const display = displaySize(video);
  if (!display) throw new Error('picture size unknown');
  const notes: string[] = [];

  if (request.kind === 'photo') return planPhoto(request, display);

  const outputSize = outputSizeFor(display, request.options.maxHeight);
  const audio = mainAudioStream(request.probe);
  const audioMode = request.audioUnusable && request.options.audio === 'keep' ? 'remove' : request.options.audio;
  const keepAudio = audioMode === 'keep' && audio !== undefined;
  const webm = request.options.format === 'webm';

  const raw = request.rawPicture;
  const inputs: FfmpegInput[] = raw ? [rawPictureInput(raw)] : [fileInput(request.input)];
  const outputOptions = [
    ...GLOBAL_OPTIONS,
    '-filter_complex',
    raw ? videoFilterGraph([], raw, outputSize, [], 'yuv420p') : videoFilterGraph(request.options.blur, display, outputSize, [], 'yuv420p'),
    '-map',
    '[v]',
  ];
  const expectedStreams: Array<'video' | 'audio'> = ['video'];

  if (keepAudio) {
    if (raw) inputs.push(fileInput(request.input));
    outputOptions.push('-map', `${inputs.length - 1}:${audio.index}`);
    if (request.audioEndSeconds !== undefined) outputOptions.push('-af', `atrim=end=${request.audioEndSeconds.toFixed(3)},asetpts=PTS-STARTPTS`);
    expectedStreams.push('audio');
  } else if (audioMode === 'mute') {
    // A silent track as long as the picture: platforms that expect sound get it, and nothing is heard.
    const duration = video.durationSeconds ?? request.probe.durationSeconds ?? 0;
    inputs.push({ source: 'anullsrc=channel_layout=stereo:sample_rate=48000', options: ['-f', 'lavfi', '-t', duration.toFixed(3)] });
    outputOptions.push('-map', `${inputs.length - 1}:a:0`);
    expectedStreams.push('audio');
  }
  if (audio !== undefined && audioMode === 'remove' && request.options.audio === 'keep') notes.push('audio-removed');

  // passthrough: every decoded frame exactly once, with its own timestamp. The default for MP4 duplicates
  // frames to force a constant rate (a 1-frame clip became 8) and "vfr" drops frames of phone clips whose
  // timestamps collide (84 became 71): both change what the viewer sees.
  outputOptions.push('-fps_mode', 'passthrough', '-sn', '-dn', ...NO_METADATA);
  if (webm) {
    outputOptions.push('-c:v', 'libvpx-vp9', '-crf', String(VP9_CRF), '-b:v', '0', '-deadline', 'realtime', '-cpu-used', '8', '-row-mt', '1');
    if (expectedStreams.includes('audio')) outputOptions.push('-c:a', 'libopus', '-b:a', OPUS_BITRATE);
    outputOptions.push(...BITEXACT, '-f', 'webm');
  } else {
    outputOptions.push('-c:v', 'libx264', '-preset', X264_PRESET, '-crf', String(X264_CRF), '-profile:v', 'high');
    outputOptions.push('-bsf:v', 'filter_units=remove_types=6');
    if (expectedStreams.includes('audio')) outputOptions.push('-c:a', 'aac', '-b:a', AAC_BITRATE);
    outputOptions.push(...BITEXACT, '-movflags', '+faststart', '-f', 'mp4');
  }
  return {
    kind: 'video',
    invocation: { inputs, outputOptions, output: request.output },
    outputExtension: webm ? '.webm' : '.mp4',
    expectedStreams,
    outputSize,
    ...(raw ? { frameSeconds: 1 / raw.framesPerSecond } : {}),
    notes,
  };
}

/** Photos keep their family (JPEG, PNG, WebP); anything else becomes a JPEG. */
export function photoOutputExtension(inputExtension: string): '.jpg' | '.png' | '.webp' {
  const lower = inputExtension.toLowerCase();
  if (lower === '.png') return '.png';
  if (lower === '.webp') return '.webp';
  return '.jpg';
}

function planPhoto(request: PlanRequest, display: { width: number; height: number }): SanitizePlan {
  const orientation = orientationFilters(request.photoOrientation);
  const upright = uprightSize(display, orientation);
  const outputSize = outputSizeFor(upright, request.options.maxHeight);
  const raw = request.rawPicture;
  const extension = photoOutputExtension(fileExtension(request.output));
  const codec: Record<typeof extension, string[]> = {
    '.jpg': ['-c:v', 'mjpeg', '-q:v', String(JPEG_QUALITY), '-f', 'image2'],
    '.png': ['-c:v', 'png', '-f', 'image2'],
    '.webp': ['-c:v', 'libwebp', '-quality', String(WEBP_QUALITY), '-f', 'webp'],
  };
  const pixelFormat = extension === '.jpg' ? 'yuvj420p' : extension === '.png' ? 'rgb24' : 'yuv420p';
  // The embedded colour profile is copied by ffmpeg's encoders; profiles can name the device or its maker.
  const dropColourProfile = 'sidedata=mode=delete:type=ICC_PROFILE';
  return {
    kind: 'photo',
    invocation: {
      // EXIF orientation is applied by our own filters, so ffmpeg must not rotate on its own as well.
      inputs: [raw ? rawPictureInput(raw) : fileInput(request.input, ['-noautorotate'])],
      outputOptions: [
        ...GLOBAL_OPTIONS,
        '-filter_complex',
        raw
          ? videoFilterGraph([], raw, outputSize, [], pixelFormat)
          : videoFilterGraph(request.options.blur, upright, outputSize, [dropColourProfile, ...orientation], pixelFormat),
        '-map',
        '[v]',
        '-frames:v',
        '1',
        '-an',
        '-sn',
        '-dn',
        ...NO_METADATA,
        ...BITEXACT,
        ...codec[extension],
      ],
      output: request.output,
    },
    outputExtension: extension,
    expectedStreams: ['video'],
    outputSize,
    notes: [],
  };
}

/** Widest preview frame the blur editor shows: enough to aim, small enough to send over IPC as PNG. */
const PREVIEW_MAX_WIDTH = 960;

/**
 * One upright frame as PNG on stdout, for drawing blur regions on: a second into a clip, or the photo itself with its EXIF orientation applied, as the sanitized copy will be.
 */
export function planPreviewFrame(request: { input: string; kind: MediaKind; probe: MediaProbe; photoOrientation?: number; atSeconds?: number }): {
  invocation: FfmpegInvocation;
  source: { width: number; height: number };
  preview: { width: number; height: number };
} {
  const video = mainVideoStream(request.probe);
  const display = video && displaySize(video);
  if (!display) throw new Error('no picture stream');
  const orientation = request.kind === 'photo' ? orientationFilters(request.photoOrientation) : [];
  const source = uprightSize(display, orientation);
  const scale = Math.min(1, PREVIEW_MAX_WIDTH / source.width);
  const preview = { width: even(source.width * scale), height: even(source.height * scale) };
  // A second in, past fade-ins and black first frames; clips shorter than two seconds show their first frame.
  const seek = request.atSeconds ?? (request.kind === 'video' && (request.probe.durationSeconds ?? 0) >= 2 ? 1 : 0);
  // Rounded down to the millisecond: ffmpeg shows the first frame at or after it, and rounding up would skip one.
  const inputOptions = request.kind === 'photo' ? ['-noautorotate'] : ['-ss', (Math.floor(seek * 1000) / 1000).toFixed(3)];
  return {
    invocation: {
      inputs: [fileInput(request.input, inputOptions)],
      outputOptions: [
        ...GLOBAL_OPTIONS,
        '-v', 'error',
        '-map', '0:v:0',
        '-frames:v', '1',
        '-vf', [...orientation, `scale=${preview.width}:${preview.height}`].join(','),
        '-f', 'image2pipe',
        '-c:v', 'png',
      ],
      output: 'pipe:1',
    },
    source,
    preview,
  };
}
