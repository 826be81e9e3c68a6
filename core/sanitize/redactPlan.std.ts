/**
 * How a clip is looked at for redaction, pure: which detectors run on which frame (faces often, papers and
 * screens less often: a face turns in a fraction of a second, a letter on a desk does not move unless the
 * camera does, and tracks fill the frames between), and the ffmpeg runs that hand every frame to SafeTake
 * and back.
 *
 * Every pass decodes the same frames the same way: upright, at the clean copy's size, as raw yuv420p, a clip
 * on a grid of one rate (redactFrameRate). So frame n of the detection pass, the redaction pass and the
 * self-check are the same picture, boxes need no conversion, and frame n is shown n / rate seconds after the
 * picture starts.
 */
import type { RiskSource } from '../corner/risks.std';
import { THUMBNAIL, changedRegion, pictureChanged } from '../corner/sceneChange.std';
import { type FfmpegInvocation, GLOBAL_OPTIONS, fileInput } from '../media/ffmpegArgs.std';
import { type Box, area, clampToFrame, grown, union } from '../media/geometry.std';
import type { ProbedStream } from '../media/probe.std';

/**
 * Seconds between two runs of each detector over a clip, at most. OCR (`text`) never runs to find what to
 * hide: the text detector already shows where writing is, readable or not, and OCR costs seconds a frame.
 */
const REDACT_DETECT_SECONDS: Readonly<Record<Exclude<RiskSource, 'text'>, number>> = {
  faces: 0.2,
  photos: 2,
  objects: 1,
  writing: 1,
};
/**
 * Papers, screens and photos on the wall stay where they are while the camera does: those detectors run on
 * their beat only when the picture has changed since they last looked (sceneChange.std.ts), and at least
 * this often regardless. Faces run on every beat: people move.
 */
export const REDACT_REFRESH_SECONDS = 5;

/** Frames between two runs of each source, at this frame rate (`text`: never). */
export function detectEveryFrames(framesPerSecond: number): Record<RiskSource, number> {
  const every = (seconds: number) => Math.max(1, Math.round(seconds * framesPerSecond));
  return {
    faces: every(REDACT_DETECT_SECONDS.faces),
    photos: every(REDACT_DETECT_SECONDS.photos),
    objects: every(REDACT_DETECT_SECONDS.objects),
    writing: every(REDACT_DETECT_SECONDS.writing),
    text: Number.POSITIVE_INFINITY,
  };
}

/**
 * An objects look also looks for screens in SSDLite's tiles on the first and last frame (a photo's only one)
 * and once in this many objects looks while the camera moves. The tiles find the small and angled screens the
 * whole frame misses (a wall TV at the edge, a video wall across a lobby), but their eight runs of the model
 * (on a 16:9 frame) cost about 2.5 times an objects look (bench/redact). That is every 3 s while the camera
 * moves. On a camera that has held still since the tiles last looked, a screen is where they saw it: the tiles
 * look again only as often as on a still picture, every 15 s, however much moves in front of the camera (a
 * hand, the worker), which the whole frame's looks follow every second. A screen's track is missed only by
 * looks in the tiles (redactTracks.std.ts), so one the tiles alone see keeps one track from one to the next.
 */
export const SCREEN_TILES_EVERY_OBJECTS_LOOKS = 3;

/**
 * A writing look that comes because the picture changed, on a camera that has held still since the last whole
 * look, reads only where it changed since the last look (writingRegion): the rest of the picture is what the
 * looks before saw, and the same picture gives the text detector the same lines (a hand moving over a desk
 * costs a look at the hand's path, not at the whole room). The changed cells' box is grown by this many
 * thumbnail cells each way, for a line that runs from a changed cell into a still one...
 */
const WRITING_REGION_MARGIN_CELLS = 1;
/** ...and a change over more than this share of the picture is looked at whole. */
const WRITING_REGION_MAX_SHARE = 0.5;

/**
 * What each source last looked at (the frame and its thumbnail), the frame the text detector last read whole,
 * and the objects looks since the tiles last did, and the frame they did.
 */
export type ScheduleState = Partial<Record<RiskSource, { frame: number; thumbnail: Uint8Array }>> & { wholeWriting?: number; objectsLooksSinceTiles?: number; tilesFrame?: number };

/** The clip a schedule is for. */
export type ScheduleClip = {
  framesPerSecond: number;
  isLast: boolean;
  size: { width: number; height: number };
  /** Whether the camera has held still from frame `from` to this one (cameraMotion.std.ts's heldStill). */
  stillSince: (from: number) => boolean;
};

/** A look planned at a frame: its sources, whether objects look in the tiles too, and where writing is read (the whole frame when absent). */
export type PlannedLook = { sources: RiskSource[]; screenTiles: boolean; writingRegion?: Box; state: ScheduleState };

/**
 * The sources that run on `frame` (and the state after): each on its own beat, the still-life detectors only
 * when the picture changed or REDACT_REFRESH_SECONDS passed, and all of them on the first and last frame.
 * `screenTiles`: the objects look also looks for screens in SSDLite's tiles (SCREEN_TILES_EVERY_OBJECTS_LOOKS);
 * `writingRegion`: the part of the frame the text detector reads (WRITING_REGION_MARGIN_CELLS).
 */
export function sourcesAt(
  frame: number,
  /** The frame's thumbnail (sceneChange.std.ts), made only when a detector is due. */
  thumbnailOf: () => Uint8Array,
  state: ScheduleState,
  clip: ScheduleClip,
): PlannedLook {
  const everyFrames = detectEveryFrames(clip.framesPerSecond);
  const refresh = REDACT_REFRESH_SECONDS * clip.framesPerSecond;
  let thumbnail: Uint8Array | undefined;
  const now = () => (thumbnail ??= thumbnailOf());
  // Writing's refresh, and the camera's stillness, count from its last whole look: reading where the picture
  // changed leaves the rest as old as that look.
  const lastWhole = (source: RiskSource, last: { frame: number }) => (source === 'writing' ? (state.wholeWriting ?? last.frame) : last.frame);
  const sources = (['faces', 'photos', 'objects', 'writing'] as const).filter((source) => {
    const last = state[source];
    if (!last || clip.isLast) return true;
    if (frame - last.frame < everyFrames[source]) return false;
    return source === 'faces' || frame - lastWhole(source, last) >= refresh || pictureChanged(last.thumbnail, now());
  });
  const lastWriting = state.writing;
  const writingRegion =
    sources.includes('writing') && lastWriting && !clip.isLast && frame - lastWhole('writing', lastWriting) < refresh && clip.stillSince(lastWhole('writing', lastWriting))
      ? changedPart(lastWriting.thumbnail, now(), clip.size)
      : undefined;
  const next: ScheduleState = { ...state };
  for (const source of sources) next[source] = { frame, thumbnail: now() };
  if (sources.includes('writing') && !writingRegion) next.wholeWriting = frame;
  const since = state.objectsLooksSinceTiles;
  const objects = sources.includes('objects');
  const tilesFrame = state.tilesFrame ?? 0;
  const tilesDue = since !== undefined && since + 1 >= SCREEN_TILES_EVERY_OBJECTS_LOOKS && (!clip.stillSince(tilesFrame) || frame - tilesFrame >= SCREEN_TILES_EVERY_OBJECTS_LOOKS * refresh);
  const screenTiles = objects && (since === undefined || clip.isLast || tilesDue);
  if (objects) next.objectsLooksSinceTiles = screenTiles ? 0 : (since ?? 0) + 1;
  if (screenTiles) next.tilesFrame = frame;
  return { sources, screenTiles, ...(writingRegion ? { writingRegion } : {}), state: next };
}

/**
 * Where `after` differs from `before`, grown by WRITING_REGION_MARGIN_CELLS, in frame pixels; undefined when
 * that is too much of the frame to be worth a part. Looked for both ways: the cells a hand leaves all change
 * alike, as a change of exposure moves cells of one brightness (changedRegion takes that out), but seen from
 * `after` they are cells that changed where most of their brightness did not.
 */
function changedPart(before: Uint8Array, after: Uint8Array, size: { width: number; height: number }): Box | undefined {
  const [came, left] = [changedRegion(before, after, size), changedRegion(after, before, size)];
  const changed = came && left ? union(came, left) : (came ?? left);
  if (!changed) return undefined;
  const cell = { x: (WRITING_REGION_MARGIN_CELLS * size.width) / THUMBNAIL.width, y: (WRITING_REGION_MARGIN_CELLS * size.height) / THUMBNAIL.height };
  const part = clampToFrame(grown(changed, cell), size.width, size.height);
  return area(part) <= WRITING_REGION_MAX_SHARE * size.width * size.height ? part : undefined;
}

/** Seconds between two frames the self-check runs the detectors on, inside hidden tracks and elsewhere. */
export const SELF_CHECK_SECONDS = { hidden: 0.5, elsewhere: 2 } as const;

/**
 * Where the self-check's text detector reads on a frame it looks at for the hidden regions only (between its
 * looks at the whole frame, every SELF_CHECK_SECONDS.elsewhere): the box around them, grown by this share of
 * the picture's short side so a line running out of a region is read whole...
 */
const CHECK_REGION_MARGIN = 0.05;

/**
 * ...or all of the frame (undefined) when that box is more than half of it: a part that large costs about
 * what the whole does.
 */
export function selfCheckWritingRegion(hidden: readonly Box[], size: { width: number; height: number }): Box | undefined {
  if (hidden.length === 0) return undefined;
  const around = clampToFrame(grown(hidden.reduce(union), CHECK_REGION_MARGIN * Math.min(size.width, size.height)), size.width, size.height);
  return area(around) <= WRITING_REGION_MAX_SHARE * size.width * size.height ? around : undefined;
}

/** An average rate this share or more below the nominal one is a phone lowering its rate. */
const LOWERED_RATE_SHARE = 0.01;

/**
 * The rate a clip's frames are redacted, counted and shown at. Raw frames reach the encoder without their
 * timestamps and are stamped at one rate, so every clip is decoded on a grid of that rate (the fps filter
 * repeats or drops a frame where the source's own timing strays from it): each frame keeps its moment, and the
 * copy's picture stays with its sound. A phone that lowers its rate in dim light (30 fps nominal, 21 on
 * average) is put on its average, not made up to 30; a browser's WebM, whose timing ffprobe only estimates,
 * on that estimate. An average above the nominal rate is a stream that understates its length, not more
 * frames: the nominal rate stands.
 */
export function redactFrameRate(video: Pick<ProbedStream, 'framesPerSecond' | 'averageFramesPerSecond'> | undefined): number {
  const nominal = video?.framesPerSecond;
  const average = video?.averageFramesPerSecond;
  if (nominal && average && average < nominal * (1 - LOWERED_RATE_SHARE)) return average;
  return nominal ?? average ?? 30;
}

/** How a clip or photo is decoded for redaction. */
export type DecodeOptions = {
  /** Filters before scaling: a photo's EXIF orientation (orientationFilters). */
  leading?: readonly string[];
  inputOptions?: readonly string[];
  /** A grid of this many frames a second (redactFrameRate); without it, every frame once. */
  rate?: number;
  /**
   * The grid starts at the file's start, not at the first frame: a picture that starts after its sound (a
   * clip cut from a longer one, some camera files) shows its first frame until then, so frame n is n / rate
   * seconds into the file in every pass, in the copy stamped from 0, and in a player. Only for a picture that
   * starts late (firstFrameSeconds): with the grid at 0, frames stamped before 0 would be dropped.
   */
  fromFileStart?: boolean;
};

/** Decodes a clip (or a photo) at `size` as raw yuv420p on stdout. */
export function planDecodeFrames(input: string, size: { width: number; height: number }, options: DecodeOptions = {}): FfmpegInvocation {
  const { leading = [], inputOptions = [], rate, fromFileStart = false } = options;
  const grid = rate ? [`fps=${rate.toFixed(6)}${fromFileStart ? ':start_time=0' : ''}`] : [];
  return {
    inputs: [fileInput(input, inputOptions)],
    outputOptions: [
      ...GLOBAL_OPTIONS,
      '-v', 'error',
      '-map', '0:v:0',
      '-vf', [...leading, ...grid, `scale=${size.width}:${size.height}:flags=lanczos`, 'format=yuv420p'].join(','),
      '-fps_mode', 'passthrough',
      '-f', 'rawvideo',
    ],
    output: 'pipe:1',
  };
}

/**
 * Decodes a clip's first frame and prints its timestamp: where the picture starts in ffmpeg's own timeline, the
 * one its outputs keep the sound against. ffprobe's stream start can disagree with it (a camera's MTS file
 * shows frames stamped before its video stream's declared start).
 */
export function planFirstFrame(input: string): FfmpegInvocation {
  return {
    inputs: [fileInput(input)],
    outputOptions: [...GLOBAL_OPTIONS, '-v', 'info', '-map', '0:v:0', '-frames:v', '1', '-vf', 'showinfo', '-f', 'null'],
    output: '-',
  };
}

/**
 * The first frame's time in seconds from planFirstFrame's log, if it decoded one: showinfo's line for frame 0
 * (a frame without a timestamp, as in a raw H.264 stream, starts the picture at 0).
 */
export function firstFrameSeconds(log: string): number | undefined {
  const match = /Parsed_showinfo_\d+ @ [^\]]+\] n:\s*0\s.*?pts_time:(\S+)/.exec(log);
  if (!match) return undefined;
  const seconds = Number(match[1]);
  return Number.isFinite(seconds) ? seconds : 0;
}
