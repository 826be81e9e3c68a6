/**
 * Every ffmpeg and ffprobe process SafeTake starts. The only module that touches fluent-ffmpeg (archived
 * upstream): everything else speaks in plain argument lists (core/media/ffmpegArgs.std.ts), so
 * replacing fluent-ffmpeg with a direct spawn changes this file alone.
 */
import { execFile, spawn } from 'node:child_process';
import path from 'node:path';
import ffmpeg from 'fluent-ffmpeg';
import { UserError } from '../../core/shared/errors.std';
import { explainFfmpegFailure, outputWriteFailed } from '../../core/media/ffmpegErrors.std';
import { type MediaProbe, type ProbedStream, type VideoPackets, normaliseRotation, videoPacketsFromCsv } from '../../core/media/probe.std';
import { type FfmpegInvocation, MEDIA_FILE_INPUT, ffmpegArgv } from '../../core/media/ffmpegArgs.std';
import { resolveFfmpeg, resolveFfprobe } from './binaries.node';

/** ffmpeg prints at most this much stderr we keep: enough for the last errors, bounded for huge runs. */
const STDERR_TAIL_CHARS = 20_000;

function execTool(binary: string, args: string[], signal?: AbortSignal): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(binary, args, { maxBuffer: 64 * 1024 * 1024, signal }, (error, stdout, stderr) => {
      const code = error ? (typeof (error as { code?: unknown }).code === 'number' ? (error as { code: number }).code : 1) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

/** Runs ffmpeg for a small result on stdout (a preview frame): bytes, not text. */
export function ffmpegToBuffer(invocation: FfmpegInvocation): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile(resolveFfmpeg().path, ffmpegArgv(invocation), { encoding: 'buffer', maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error || stdout.length === 0) reject(new UserError(explainFfmpegFailure(String(stderr))));
      else resolve(stdout);
    });
  });
}

/**
 * Raw frame buffers of one size, given back once a frame is done with: a pass that hands every frame on and
 * keeps none (redaction's frames to the encoder) reuses two or three buffers instead of leaving a frame's
 * worth of garbage per frame (1.4 MB at 720p) for the collector to find in waves.
 */
export class FrameBuffers {
  private readonly free: Buffer[] = [];
  constructor(readonly frameBytes: number) {}

  take(): Buffer {
    return this.free.pop() ?? Buffer.allocUnsafe(this.frameBytes);
  }

  /** Only a buffer nothing reads or writes any more: the next frame is decoded into it. */
  giveBack(buffer: Uint8Array): void {
    if (Buffer.isBuffer(buffer) && buffer.length === this.frameBytes && this.free.length < MAX_FREE_FRAME_BUFFERS) this.free.push(buffer);
  }
}
const MAX_FREE_FRAME_BUFFERS = 4;

/**
 * Streams raw frames of `frameBytes` each from an ffmpeg run that writes rawvideo to stdout, holding at most
 * one frame (plus a pipe's worth) in memory. Throws a UserError when ffmpeg fails before the first frame.
 * Each frame is a buffer of its own, which a consumer may keep; with `buffers`, it is taken from them, and the
 * consumer gives it back when done with it instead.
 */
export async function* ffmpegRawFrames(invocation: FfmpegInvocation, frameBytes: number, buffers?: FrameBuffers): AsyncGenerator<Buffer> {
  if (buffers && buffers.frameBytes !== frameBytes) throw new Error(`frame buffers of ${buffers.frameBytes} bytes for frames of ${frameBytes}`);
  const nextBuffer = () => buffers?.take() ?? Buffer.allocUnsafe(frameBytes);
  const child = spawn(resolveFfmpeg().path, ffmpegArgv(invocation), { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-STDERR_TAIL_CHARS);
  });
  const exited = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  let frame = nextBuffer();
  let filled = 0;
  let frames = 0;
  try {
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      let offset = 0;
      while (offset < chunk.length) {
        const taken = Math.min(frameBytes - filled, chunk.length - offset);
        chunk.copy(frame, filled, offset, offset + taken);
        filled += taken;
        offset += taken;
        if (filled === frameBytes) {
          frames += 1;
          yield frame;
          frame = nextBuffer();
          filled = 0;
        }
      }
    }
  } finally {
    // The consumer may stop early (an error, a cancel): never leave ffmpeg running.
    if (child.exitCode === null) child.kill('SIGKILL');
  }
  if ((await exited) !== 0 && frames === 0) throw new UserError(explainFfmpegFailure(stderr));
}

/**
 * Runs an invocation whose first input is raw frames on stdin (pipe:0), fed from `frames` as ffmpeg takes
 * them (never more than a pipe's worth ahead). Cancelling kills ffmpeg; a failure rejects with its stderr.
 * Each frame goes back to `buffers` once the pipe has taken all of it (until then the pipe reads from it):
 * with `buffers`, whatever yields the frames must not keep one after yielding it.
 */
export function runFfmpegFromFrames(invocation: FfmpegInvocation, frames: AsyncIterable<Uint8Array>, signal?: AbortSignal, buffers?: FrameBuffers): Promise<string> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new FfmpegCancelled('cancelled'));
    const child = spawn(resolveFfmpeg().path, ffmpegArgv(invocation), { stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    let feedError: unknown;
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-STDERR_TAIL_CHARS);
    });
    // ffmpeg closing its input early (it failed) surfaces as its exit code, not as a broken pipe.
    child.stdin.on('error', () => undefined);
    const closed = new Promise((done) => child.once('close', done));
    const onAbort = () => child.kill('SIGKILL');
    signal?.addEventListener('abort', onAbort, { once: true });
    const feed = (async () => {
      try {
        for await (const frame of frames) {
          if (child.exitCode !== null || child.signalCode !== null || signal?.aborted) break;
          if (!child.stdin.write(frame, () => buffers?.giveBack(frame))) await Promise.race([new Promise((done) => child.stdin.once('drain', done)), closed]);
        }
      } catch (error) {
        feedError = error;
        child.kill('SIGKILL');
      } finally {
        child.stdin.end();
      }
    })();
    child.on('error', (error) => {
      feedError ??= error;
    });
    child.on('close', (code) => {
      signal?.removeEventListener('abort', onAbort);
      void feed.then(() => {
        // A cancel is a cancel, whichever side noticed it first (the frames' source throws one too).
        if (signal?.aborted) reject(new FfmpegCancelled('cancelled'));
        else if (feedError) reject(feedError);
        else if (code !== 0 || outputWriteFailed(stderr)) reject(Object.assign(new Error(`ffmpeg exited with ${code}`), { stderr }));
        else resolve(stderr);
      });
    });
  });
}

/** First line of `<tool> -version`, e.g. "ffmpeg version 5.1.9-0+deb12u1". */
export async function toolVersion(tool: 'ffmpeg' | 'ffprobe'): Promise<string> {
  const binary = tool === 'ffmpeg' ? resolveFfmpeg() : resolveFfprobe();
  const { stdout } = await execTool(binary.path, ['-hide_banner', '-version']);
  return stdout.split('\n')[0]?.trim() || 'unknown';
}

type FfprobeJson = {
  format?: { format_name?: string; duration?: string; start_time?: string };
  streams?: Array<{
    index: number;
    codec_type?: string;
    codec_name?: string;
    width?: number;
    height?: number;
    avg_frame_rate?: string;
    r_frame_rate?: string;
    duration?: string;
    start_time?: string;
    disposition?: { attached_pic?: number };
    tags?: Record<string, string>;
    side_data_list?: Array<{ rotation?: number }>;
  }>;
};

function parseRate(rate: string | undefined): number | undefined {
  if (!rate) return undefined;
  const [num, den] = rate.split('/').map(Number);
  return num && den ? num / den : undefined;
}

function parseSeconds(value: string | undefined, allowZero = false): number | undefined {
  const seconds = value === undefined ? NaN : Number(value);
  return Number.isFinite(seconds) && (seconds > 0 || (allowZero && seconds === 0)) ? seconds : undefined;
}

const STREAM_TYPES = new Set(['video', 'audio', 'subtitle', 'data', 'attachment']);

/** What is inside a media file, by ffprobe. Throws a UserError when ffprobe cannot read it at all. */
export async function probeMedia(file: string): Promise<MediaProbe> {
  const { code, stdout, stderr } = await execTool(resolveFfprobe().path, [
    '-v', 'error', ...MEDIA_FILE_INPUT, '-print_format', 'json', '-show_format', '-show_streams', file,
  ]);
  let parsed: FfprobeJson = {};
  try {
    parsed = JSON.parse(stdout) as FfprobeJson;
  } catch {
    // fall through: no streams
  }
  if (code !== 0 && !parsed.streams?.length) throw new UserError(explainFfmpegFailure(stderr, path.extname(file)));
  const streams: ProbedStream[] = (parsed.streams ?? []).map((stream) => {
    const rotation = stream.side_data_list?.find((side) => side.rotation !== undefined)?.rotation ?? Number(stream.tags?.rotate ?? 0);
    return {
      index: stream.index,
      type: (STREAM_TYPES.has(stream.codec_type ?? '') ? stream.codec_type : 'unknown') as ProbedStream['type'],
      codec: stream.codec_name ?? 'unknown',
      width: stream.width || undefined,
      height: stream.height || undefined,
      // ffprobe reports the display matrix counter-clockwise (-90 = turn 90° clockwise to view).
      rotation: normaliseRotation(-rotation),
      framesPerSecond: parseRate(stream.r_frame_rate) ?? parseRate(stream.avg_frame_rate),
      averageFramesPerSecond: parseRate(stream.avg_frame_rate),
      startSeconds: parseSeconds(stream.start_time, true),
      durationSeconds: parseSeconds(stream.duration),
      attachedPicture: stream.disposition?.attached_pic === 1,
    };
  });
  return {
    formatName: parsed.format?.format_name ?? 'unknown',
    startSeconds: parseSeconds(parsed.format?.start_time, true),
    durationSeconds: parseSeconds(parsed.format?.duration),
    streams,
  };
}

/**
 * The main picture's packets, demuxed (no decode), in seconds after `zero` (the file's start, as its
 * declared length counts); undefined when ffprobe cannot read them.
 */
export async function readVideoPackets(file: string, zero = 0): Promise<VideoPackets | undefined> {
  const { code, stdout } = await execTool(resolveFfprobe().path, [
    '-v', 'error', ...MEDIA_FILE_INPUT, '-select_streams', 'v:0', '-show_entries', 'packet=pts_time,duration_time', '-of', 'csv=p=0', file,
  ]);
  return code === 0 ? videoPacketsFromCsv(stdout, zero) : undefined;
}

type RunOptions = {
  /** Expected output duration, for progress; omit for photos. */
  durationSeconds?: number;
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
};

export class FfmpegCancelled extends Error {}

function parseTimemark(line: string): number | undefined {
  const match = /time=\s*(\d+):(\d{2}):(\d{2}(?:\.\d+)?)/.exec(line);
  return match ? Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]) : undefined;
}

/** The command fluent-ffmpeg would run for `invocation` (the benchmark and tests check it equals ffmpegArgv). */
export function fluentCommand(invocation: FfmpegInvocation): ffmpeg.FfmpegCommand {
  const command = ffmpeg({ stdoutLines: 0 });
  command.setFfmpegPath(resolveFfmpeg().path);
  // Options go in as separate arguments: given one array, fluent-ffmpeg splits any "a b" item on its space.
  for (const input of invocation.inputs) {
    command.input(input.source);
    if (input.options.length) command.inputOptions(...input.options);
  }
  command.output(invocation.output).outputOptions(...invocation.outputOptions);
  return command;
}

/** Runs one ffmpeg invocation with progress and cancellation. Resolves with ffmpeg's stderr tail. */
export function runFfmpeg(invocation: FfmpegInvocation, options: RunOptions = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return reject(new FfmpegCancelled('cancelled'));
    const command = fluentCommand(invocation);
    let stderr = '';
    const onAbort = () => command.kill('SIGKILL');
    options.signal?.addEventListener('abort', onAbort, { once: true });
    command
      .on('stderr', (line: string) => {
        stderr = (stderr + line + '\n').slice(-STDERR_TAIL_CHARS);
        const seconds = parseTimemark(line);
        if (seconds !== undefined && options.durationSeconds) options.onProgress?.(Math.min(1, seconds / options.durationSeconds));
      })
      .on('error', (error: Error) => {
        options.signal?.removeEventListener('abort', onAbort);
        if (options.signal?.aborted) reject(new FfmpegCancelled('cancelled'));
        else reject(Object.assign(new Error(error.message), { stderr }));
      })
      .on('end', () => {
        options.signal?.removeEventListener('abort', onAbort);
        if (outputWriteFailed(stderr)) return reject(Object.assign(new Error('ffmpeg could not write all of its output'), { stderr }));
        options.onProgress?.(1);
        resolve(stderr);
      })
      .run();
  });
}

type DecodeReport = {
  /** ffmpeg's error lines while decoding (empty for a clean file). */
  errors: string[];
  /** Video frames decoded. */
  frames: number;
  /** How far decoding got, in seconds of media. */
  decodedSeconds: number;
  exitCode: number;
};

/**
 * Decodes `streamSpecifier` of `file` (e.g. "0:v:0", or "0" for everything) to nowhere and reports errors
 * and how far it got: the verification pass for outputs and the damage survey for recovery.
 */
export async function decodeCheck(file: string, streamSpecifier = '0', signal?: AbortSignal): Promise<DecodeReport> {
  const { code, stdout, stderr } = await execTool(
    resolveFfmpeg().path,
    ['-hide_banner', '-nostdin', '-v', 'error', '-progress', 'pipe:1', '-nostats', ...MEDIA_FILE_INPUT, '-i', file, '-map', streamSpecifier, '-f', 'null', '-'],
    signal,
  );
  const times = [...stdout.matchAll(/out_time_us=(\d+)/g)].map((match) => Number(match[1]) / 1e6);
  const frames = [...stdout.matchAll(/^frame=(\d+)/gm)].map((match) => Number(match[1]));
  return {
    errors: stderr
      .split('\n')
      .map((line) => line.trim())
      // The null muxer's complaint about repeated timestamps (kept from phone clips with variable frame
      // rate) is about handing frames to "nowhere", not about decoding them.
      .filter((line) => line && !/non monotonically increasing dts to muxer|^Last message repeated/.test(line)),
    frames: frames.length ? Math.max(...frames) : 0,
    decodedSeconds: times.length ? Math.max(...times) : 0,
    exitCode: code,
  };
}
