/**
 * Redaction of one clip or photo, in three passes over the same decoded frames (core/sanitize/redactPlan.std.ts):
 * 1. find: the detectors run on the frames the schedule picks, and their risks are linked into tracks;
 * 2. hide: every frame is decoded again, each hidden track's box is hidden in it, and the frame goes on to
 *    the encoder (sanitizeFile's plan, reading the picture from stdin);
 * 3. self-check: the clean copy is decoded, the detail left in every hidden region is measured against the
 *    source's, and the detectors and OCR look again.
 * Frames are streamed: memory does not grow with the clip's length (a frame or two, and the tracks).
 */
import path from 'node:path';
import { type RiskSource, assessFrame, textBlocks } from '../../core/corner/risks.std';
import type { FrameDetections } from '../../core/corner/detections.std';
import { FACE_MIN_SCORE } from '../../core/corner/people.std';
import { type Box, centreInside, scaleBox, whereInFrame } from '../../core/media/geometry.std';
import { orientationFilters, uprightPictureSize } from '../../core/media/ffmpegArgs.std';
import { type MediaKind, type MediaProbe, mainVideoStream, pictureEndSeconds } from '../../core/media/probe.std';
import { outputSizeFor } from '../../core/sanitize/plan.std';
import { readPicture } from '../media/picture.node';
import type { FoundTracksData, RedactOptions } from '../../core/sanitize/options.std';
import { DETAIL_SCALE_COUNT, type YuvFrame, detailIn, detailKept, measuredPart, yuvFrameBytes } from '../../core/sanitize/redactPixels.std';
import { SELF_CHECK_SECONDS, type ScheduleState, detectEveryFrames, selfCheckWritingRegion, firstFrameSeconds, planDecodeFrames, planFirstFrame, redactFrameRate, sourcesAt } from '../../core/sanitize/redactPlan.std';
import { thumbnailOfLuma } from '../../core/corner/sceneChange.std';
import { type CameraPose, cameraFollower, heldStill } from '../../core/sanitize/cameraMotion.std';
import { withPartLookedAgain } from '../../core/corner/writingModel.std';
import {
  type FrameSample,
  REDACT_GROUPS,
  boxesAt,
  keptByChoice,
  ownFaceTracks,
  linkTracks,
  markedTrack,
  trackPlaces,
  trackSpan,
} from '../../core/sanitize/redactTracks.std';
import {
  MAX_DETAIL_KEPT,
  type RedactedTrack,
  type SelfCheckFinding,
  type SelfCheckReport,
  type StillVisible,
  firstOfEach,
  selfCheckVerdict,
} from '../../core/sanitize/selfCheck.std';
import { cancelled } from './recovery.node';
import { type DetectorParts, NO_PARTS, type NodeDetector } from '../corner/detector.node';
import { CHECK_LOOK, FIND_LOOK, FIND_LOOK_WITH_SCREEN_TILES, type FrameLooks, type HideAnswer, type LookAnswer, inProcessLooks, openLookLanes } from './frameLooks.node';
import { InOrder } from '../../core/shared/inOrder.std';
import { UserError } from '../../core/shared/errors.std';
import { FfmpegCancelled, FrameBuffers, ffmpegRawFrames, runFfmpeg } from '../media/ffmpeg.node';
import { formatNumber, t } from '../../core/i18n/i18n.std';

/** The models take seconds to load: one set of detector threads serves every redaction in this process. */
let sharedLooks: Promise<FrameLooks> | undefined;

/** A moment in the clip as the worker's locale writes it, to a tenth of a second ("3.2", "3,2"). */
const seconds = (at: number) => formatNumber(at, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** The detector threads redaction looks with, opened on first use. */
export function redactionLooks(): Promise<FrameLooks> {
  const opening = (sharedLooks ??= openLookLanes());
  // A load that failed (a model file missing or changed), or threads that stopped, are not kept: this
  // redaction, or the next, opens them again.
  const forget = () => {
    if (sharedLooks === opening) sharedLooks = undefined;
  };
  return opening.then(
    (looks) => {
      if (!looks.broken) return looks;
      forget();
      return redactionLooks();
    },
    (error: unknown) => {
      forget();
      throw error;
    },
  );
}
export async function closeRedactionLooks(): Promise<void> {
  const looks = sharedLooks;
  sharedLooks = undefined;
  if (looks) await (await looks.catch(() => undefined))?.close();
}

/** The picture being redacted: what it is, and the size every pass decodes it at (the clean copy's). */
export type RedactSource = { input: string; kind: MediaKind; probe: MediaProbe; photoOrientation?: number; size: { width: number; height: number } };

/**
 * `onLook` hears of each look the find pass asks for: which detectors look, whether SSDLite's tiles do, and the
 * part of the frame the text detector reads when not all of it (bench/redact counts and times them).
 */
type Progress = { signal?: AbortSignal; onProgress?: (fraction: number) => void; onLook?: (look: { sources: readonly RiskSource[]; screenTiles: boolean; writingRegion?: Box }) => void };

/** Frames of the source, upright (a photo by its EXIF orientation), at the copy's size, a clip on its rate's grid. */
async function* sourceFrames(source: RedactSource, signal?: AbortSignal, buffers?: FrameBuffers): AsyncGenerator<YuvFrame> {
  if (source.kind === 'photo') {
    yield* framesOf(planDecodeFrames(source.input, source.size, { leading: orientationFilters(source.photoOrientation), inputOptions: ['-noautorotate'] }), source.size, buffers);
    return;
  }
  const fromFileStart = (await pictureStartOf(source, signal)) > 0;
  yield* framesOf(planDecodeFrames(source.input, source.size, { rate: sourceTiming(source).framesPerSecond, fromFileStart }), source.size, buffers);
}

/** Where each source's picture starts (planFirstFrame), read once for all its passes. */
const pictureStarts = new WeakMap<RedactSource, Promise<number>>();

function pictureStartOf(source: RedactSource, signal?: AbortSignal): Promise<number> {
  let start = pictureStarts.get(source);
  if (!start) {
    start = readPictureStart(source.input, signal);
    pictureStarts.set(source, start);
    // A cancelled or failed reading is not kept: the next pass reads again.
    start.catch(() => pictureStarts.delete(source));
  }
  return start;
}

async function readPictureStart(input: string, signal?: AbortSignal): Promise<number> {
  const log = await runFfmpeg(planFirstFrame(input), { signal }).catch((error: unknown) => {
    if (error instanceof FfmpegCancelled) throw cancelled();
    // ffmpeg ran and said why it decoded nothing; anything else (it could not start) is not the file's fault.
    const stderr = (error as { stderr?: unknown }).stderr;
    if (typeof stderr !== 'string') throw error;
    return stderr;
  });
  const start = firstFrameSeconds(log);
  if (start === undefined) throw new UserError(t('sanitizeFile.noDecodablePicture', { name: path.basename(input) }));
  return start;
}

async function* framesOf(invocation: ReturnType<typeof planDecodeFrames>, size: { width: number; height: number }, buffers?: FrameBuffers): AsyncGenerator<YuvFrame> {
  for await (const data of ffmpegRawFrames(invocation, yuvFrameBytes(size.width, size.height), buffers)) yield { data, width: size.width, height: size.height };
}

/** Frame rate and about how many frames the source holds (for progress and the schedule). */
function sourceTiming(source: Pick<RedactSource, 'kind' | 'probe'>): { framesPerSecond: number; expectedFrames: number } {
  if (source.kind === 'photo') return { framesPerSecond: 1, expectedFrames: 1 };
  const framesPerSecond = redactFrameRate(mainVideoStream(source.probe));
  return { framesPerSecond, expectedFrames: Math.max(1, Math.round((pictureEndSeconds(source.probe) ?? 1) * framesPerSecond)) };
}

/**
 * What the latest run of each source saw, for the rules that weigh one source against another (a face and its
 * body). Faces seen by the photos pass (tiles and FaceBoxes) are this frame's only: merged with the
 * whole-frame pass's (facesIn), a face from seconds ago would give a face's sighting the box where it was then.
 */
function withLatest(latest: FrameDetections, found: FrameDetections, parts: DetectorParts): FrameDetections {
  return {
    ...latest,
    width: found.width,
    height: found.height,
    ...(parts.faces ? { faces: found.faces } : {}),
    tileFaces: parts.photos ? found.tileFaces : [],
    faceboxes: parts.photos ? found.faceboxes : [],
    ...(parts.objects ? { objects: found.objects, ssdObjects: found.ssdObjects } : {}),
    ...(parts.writing ? { writing: found.writing } : {}),
  };
}

/**
 * Pass 1: the tracks of a clip, every one hidden that `options` asks for (the largest face kept when asked),
 * plus one per `marked` area (copy pixels). Frames run one behind the decoder, so the last frame is known
 * when it comes and every detector looks at it.
 */
export async function findTracks(
  source: RedactSource,
  looks: FrameLooks,
  options: Pick<RedactOptions, 'groups' | 'keepFace'>,
  marked: readonly Box[],
  progress: Progress = {},
): Promise<FoundTracks> {
  const { framesPerSecond, expectedFrames } = sourceTiming(source);
  const samples: FrameSample[] = [];
  let latest: FrameDetections = { width: source.size.width, height: source.size.height };
  let schedule: ScheduleState = {};
  // Looks run side by side; what each found is weighed in frame order, against what the looks before it saw.
  const inOrder = new InOrder<LookAnswer>(looks.looksAtOnce);
  const camera: CameraPose[] = [];
  const { width, height } = source.size;
  const look = async (frame: YuvFrame, index: number, isLast: boolean) => {
    const thumbnail = () => thumbnailOfLuma({ data: frame.data, width, height, stride: width, fullRange: false });
    const stillSince = (from: number) => heldStill(camera, from, index, width, height);
    const planned = sourcesAt(index, thumbnail, schedule, { framesPerSecond, isLast, size: source.size, stillSince });
    schedule = planned.state;
    const { sources, screenTiles } = planned;
    if (sources.length === 0) return;
    const parts: DetectorParts = { ...NO_PARTS };
    for (const part of sources) parts[part] = true;
    // The part is planned from the thumbnails alone, never from what looks still running will answer: the same
    // clip gets the same looks, however the threads keep time.
    const { writingRegion } = planned;
    progress.onLook?.({ sources, screenTiles, ...(writingRegion ? { writingRegion } : {}) });
    const asked = { ...(screenTiles ? FIND_LOOK_WITH_SCREEN_TILES : FIND_LOOK), ...(writingRegion ? { writingRegion } : {}) };
    await inOrder.add(() => looks.look({ frame, parts, look: asked }), ({ found }) => {
      const writing = writingRegion ? withPartLookedAgain(latest.writing ?? [], found.writing ?? [], writingRegion, source.size) : found.writing;
      latest = withLatest(latest, { ...found, writing }, parts);
      samples.push({ frame: index, sources, screenTiles, risks: assessFrame(latest).filter((risk) => sources.includes(risk.source)) });
    });
  };
  let pending: YuvFrame | undefined;
  let index = 0;
  const follow = cameraFollower(source.size.width, source.size.height);
  // Nothing keeps a frame once it has been handed to a look (looks and the camera's follower copy what they need).
  const buffers = new FrameBuffers(yuvFrameBytes(source.size.width, source.size.height));
  for await (const frame of sourceFrames(source, progress.signal, buffers)) {
    if (progress.signal?.aborted) throw cancelled();
    if (pending) {
      await look(pending, index - 1, false);
      buffers.giveBack(pending.data);
    }
    camera.push(follow(frame.data));
    pending = frame;
    index += 1;
    progress.onProgress?.(Math.min(1, index / expectedFrames));
  }
  if (pending) await look(pending, index - 1, true);
  await inOrder.finish();
  const frameCount = index;
  const clip = { framesPerSecond, frameCount, width: source.size.width, height: source.size.height, everyFrames: detectEveryFrames(framesPerSecond), camera };
  const tracks = linkTracks(samples, clip).map((track) => ({ ...track, hidden: (options.groups as readonly string[]).includes(track.group) }));
  if (options.keepFace === 'largest') for (const own of ownFaceTracks(tracks, framesPerSecond)) own.hidden = false;
  const areas = marked.map((box, i) => markedTrack(tracks.length + i + 1, box, frameCount));
  return { tracks: [...tracks, ...areas], frameCount, framesPerSecond, camera, size: source.size };
}

/** A clip's tracks, and what it takes to place them on any frame: its length, rate, the camera's moves and the picture's size. */
export type FoundTracks = FoundTracksData;

/**
 * Detail of the source inside each hidden region, by track and frame: what the self-check compares against.
 * Kept in one typed array per track (a frame's three scales side by side, NaN where the track hides nothing),
 * not an object per frame: a 10-minute clip holds 18,000 frames of it, and objects would grow the heap the
 * collector has to walk for as long as the copy is made.
 */
export class SourceDetail {
  /** From the first frame the track hides something on; frames come in order, so the array only grows. */
  private readonly byTrack = new Map<number, { first: number; values: Float32Array }>();

  set(frame: number, trackId: number, detail: readonly number[]): void {
    let entry = this.byTrack.get(trackId);
    if (!entry) this.byTrack.set(trackId, (entry = { first: frame, values: new Float32Array(0) }));
    if (frame < entry.first) return;
    const end = (frame - entry.first + 1) * DETAIL_SCALE_COUNT;
    if (entry.values.length < end) {
      const grown = new Float32Array(Math.max(end, entry.values.length * 2)).fill(Number.NaN);
      grown.set(entry.values);
      entry.values = grown;
    }
    entry.values.set(detail.slice(0, DETAIL_SCALE_COUNT), (frame - entry.first) * DETAIL_SCALE_COUNT);
  }

  get(frame: number, trackId: number): number[] | undefined {
    const entry = this.byTrack.get(trackId);
    if (!entry || frame < entry.first) return undefined;
    const start = (frame - entry.first) * DETAIL_SCALE_COUNT;
    if (start + DETAIL_SCALE_COUNT > entry.values.length || Number.isNaN(entry.values[start]!)) return undefined;
    return Array.from(entry.values.subarray(start, start + DETAIL_SCALE_COUNT));
  }

  clear(): void {
    this.byTrack.clear();
  }
}

/**
 * Pass 2: the source's frames in order, each with the hidden tracks' boxes hidden (where a track kept visible
 * shows through them, left as it was) and the detail each box held measured first (sourceDetail, for the
 * self-check). That work runs on the detector threads, idle while the encoder runs, a few frames at a time
 * beside the decoder and the encoder. Frames are decoded into `buffers`, and each (hidden there and back, or as
 * it was) goes to the encoder, which gives it back once its pipe has taken it.
 */
export async function* redactedFrames(
  source: RedactSource,
  found: FoundTracks,
  { style, ...chosen }: Pick<RedactOptions, 'style' | 'groups' | 'keepFace'>,
  sourceDetail: SourceDetail,
  looks: FrameLooks,
  buffers: FrameBuffers,
  progress: Progress & { expectedFrames: number },
): AsyncGenerator<Uint8Array> {
  // Taken in frame order: the details go to sourceDetail in that order too (a track's record starts at its first frame).
  const inFlight: Array<{ at: number; hidden: ReturnType<typeof boxesAt>['hidden']; answer: Promise<HideAnswer> | Uint8Array }> = [];
  const next = async () => {
    const { at, hidden, answer } = inFlight.shift()!;
    if (answer instanceof Uint8Array) return answer;
    const { data, details } = await answer;
    hidden.forEach(({ track }, i) => sourceDetail.set(at, track.id, details[i]!));
    return data;
  };
  let index = 0;
  const showsThrough = keptByChoice(found, chosen);
  for await (const frame of sourceFrames(source, progress.signal, buffers)) {
    if (progress.signal?.aborted) throw cancelled();
    const { hidden, shown } = boxesAt(found.tracks, index, { ...source.size, camera: found.camera }, showsThrough);
    if (hidden.length === 0) inFlight.push({ at: index, hidden, answer: frame.data });
    else {
      const answer = looks.hide({ frame, boxes: hidden.map((region) => region.box), style, shown });
      // Awaited in turn below; until then (or if a cancel leaves it), its failure is not an unhandled one.
      answer.catch(() => undefined);
      inFlight.push({ at: index, hidden, answer });
    }
    index += 1;
    progress.onProgress?.(Math.min(1, index / progress.expectedFrames));
    if (inFlight.length > looks.looksAtOnce) yield await next();
  }
  while (inFlight.length > 0) yield await next();
}

/**
 * Pass 3: the clean copy, decoded as the passes before decoded the source. On every frame of every hidden
 * track the detail left is measured; on a frame every SELF_CHECK_SECONDS.hidden inside hidden tracks (and
 * every SELF_CHECK_SECONDS.elsewhere outside them) faces and writing are looked for again (writing around
 * the hidden regions only, between looks at the whole frame: selfCheckWritingRegion), and OCR reads
 * wherever writing is found inside a hidden region.
 */
export async function selfCheck(
  copy: string,
  source: RedactSource,
  found: FoundTracks,
  chosen: Pick<RedactOptions, 'groups' | 'keepFace'>,
  sourceDetail: SourceDetail,
  looks: FrameLooks,
  progress: Progress = {},
): Promise<SelfCheckReport> {
  const { width, height } = source.size;
  const { tracks, framesPerSecond, frameCount } = found;
  const every = (seconds: number) => Math.max(1, Math.round(seconds * framesPerSecond));
  const hiddenEvery = every(SELF_CHECK_SECONDS.hidden);
  const elsewhereEvery = every(SELF_CHECK_SECONDS.elsewhere);
  // When in the copy a finding is: a photo has no time.
  const photo = source.kind === 'photo';
  const when = (atSeconds: number) => ({ seconds: seconds(atSeconds), photo: photo ? 'yes' : 'no' });
  const findings: SelfCheckFinding[] = [];
  const stillVisible: StillVisible[] = [];
  let framesChecked = 0;
  let detailFramesChecked = 0;
  let worstDetailKept = 0;
  let index = 0;
  const showsThrough = keptByChoice(found, chosen);
  // Looks run side by side with the detail measure; what each found is taken in frame order.
  const inOrder = new InOrder<LookAnswer>(looks.looksAtOnce);
  const buffers = new FrameBuffers(yuvFrameBytes(width, height));
  for await (const frame of framesOf(planDecodeFrames(copy, source.size), source.size, buffers)) {
    if (progress.signal?.aborted) throw cancelled();
    const atSeconds = index / framesPerSecond;
    const { hidden, kept, shown } = boxesAt(tracks, index, { ...source.size, camera: found.camera }, showsThrough);
    let measured = false;
    for (const { track, box } of hidden) {
      const source = sourceDetail.get(index, track.id);
      const part = measuredPart(box, shown);
      if (!source || !part) continue;
      measured = true;
      const keptShare = Math.max(...detailKept(source, detailIn(frame.data, width, height, part)));
      worstDetailKept = Math.max(worstDetailKept, keptShare);
      if (keptShare > MAX_DETAIL_KEPT) {
        const detail = t('redact.detailKept', { track: track.label, kept: formatNumber(keptShare, { style: 'percent' }), ...when(atSeconds), most: formatNumber(MAX_DETAIL_KEPT, { style: 'percent' }) });
        findings.push({ kind: 'detail', trackId: track.id, atSeconds, detail });
      }
    }
    if (measured) detailFramesChecked += 1;
    const isLast = index === frameCount - 1;
    const whole = index % elsewhereEvery === 0 || isLast;
    if (whole || (hidden.length > 0 && index % hiddenEvery === 0)) {
      framesChecked += 1;
      const parts = { ...NO_PARTS, faces: true, writing: true };
      // Between looks at the whole frame, writing is read around the hidden regions only.
      const writingRegion = whole ? undefined : selfCheckWritingRegion(hidden.map((region) => region.box), source.size);
      const look = writingRegion ? { ...CHECK_LOOK, writingRegion } : CHECK_LOOK;
      await inOrder.add(() => looks.look({ frame, parts, look, readInside: hidden.map((region) => region.box) }), ({ found, read }) => {
        const inside = (box: Box) => hidden.find((region) => centreInside(box, region.box));
        const keptHere = (box: Box) => kept.some((region) => centreInside(box, region));
        for (const face of found.faces ?? []) {
          const region = inside(face.box);
          if (region && face.score >= FACE_MIN_SCORE && !keptHere(face.box)) {
            findings.push({ kind: 'face', trackId: region.track.id, atSeconds, detail: t('redact.faceStillFound', { track: region.track.label.toLowerCase(), ...when(atSeconds) }) });
          }
        }
        hidden.forEach((region, i) => {
          // Writing where a kept track shows through (a marked area the user unticked) is theirs to show.
          const words = textBlocks(read[i]!.filter((line) => !shown.some((part) => centreInside(line.box, part))));
          if (words.length === 0) return;
          const detail = t('redact.textStillRead', { text: words[0]!.text.slice(0, 40), track: region.track.label.toLowerCase(), ...when(atSeconds) });
          findings.push({ kind: 'text', trackId: region.track.id, atSeconds, detail });
        });
        for (const risk of assessFrame(found)) {
          if (inside(risk.box) || keptHere(risk.box)) continue;
          stillVisible.push({ label: risk.label, atSeconds, where: whereInFrame(risk.box, width, height) });
        }
      });
    }
    buffers.giveBack(frame.data);
    index += 1;
    progress.onProgress?.(Math.min(1, index / frameCount));
  }
  await inOrder.finish();
  return selfCheckVerdict(
    {
      framesChecked,
      detailFramesChecked,
      hiddenRegions: tracks.filter((track) => track.hidden).length,
      worstDetailKept,
      // Details are measured as frames come, faces and words as looks answer: the report goes by time.
      findings: firstOfEach(findings.toSorted((a, b) => a.atSeconds - b.atSeconds), (item) => `${item.trackId}:${item.kind}`),
      stillVisible: firstOfEach(stillVisible, (item) => `${item.label}:${item.where}`),
    },
    { photo },
  );
}

/** The tracks as the outcome reports them, in seconds of the clip, each with where it first shows. */
export function reportTracks({ tracks, frameCount, framesPerSecond, size, camera }: FoundTracks): RedactedTrack[] {
  const places = trackPlaces(tracks, { ...size, camera });
  return tracks.map((track, index) => {
    const { first, last } = trackSpan(track, frameCount);
    return {
      id: track.id,
      group: track.group,
      label: track.label,
      where: places[index]!,
      hidden: track.hidden,
      fromSeconds: round(first / framesPerSecond),
      toSeconds: round((last + 1) / framesPerSecond),
      frames: last - first + 1,
    };
  });
}

const round = (value: number) => Math.round(value * 100) / 100;

/** Areas the user chose in the source's pixels, in the copy's. */
export function markedInCopy(regions: readonly Box[], sourceSize: { width: number; height: number }, copySize: { width: number; height: number }): Box[] {
  return regions.map((region) => scaleBox(region, copySize.width / sourceSize.width));
}

/** What redaction decodes of a picture: upright, at the clean copy's size (`maxHeight`); and its upright size. */
export function redactSourceOf(picture: Pick<RedactSource, 'input' | 'kind' | 'probe' | 'photoOrientation'>, maxHeight: number | undefined): { source: RedactSource; display: { width: number; height: number } } {
  const display = uprightPictureSize(picture);
  return { source: { ...picture, size: outputSizeFor(display, maxHeight) }, display };
}

/**
 * The tracks of one file the user chose, for a review before the copy is made: the file is read as sanitize
 * reads it, and nothing is written. The areas marked to blur (`marked`, the picture's pixels: drawn in
 * Sanitize or marked in the check) are among them, so the review shows and lists all that the copy hides.
 */
export async function findFileTracks(
  file: string,
  options: Pick<RedactOptions, 'groups' | 'keepFace'>,
  maxHeight: number | undefined,
  marked: readonly Box[],
  progress: Progress = {},
): Promise<FoundTracks> {
  const { source, display } = redactSourceOf(await readPicture(file), maxHeight);
  return findTracks(source, await redactionLooks(), options, markedInCopy(marked, display, source.size), progress);
}

/** The tracks redaction would hide in a video (`safetake scan --json`), without making a copy. */
export async function tracksOfVideo(file: string, detector: NodeDetector, progress: Progress = {}): Promise<RedactedTrack[]> {
  const { source } = redactSourceOf(await readPicture(file), undefined);
  return reportTracks(await findTracks(source, inProcessLooks(detector), { groups: [...REDACT_GROUPS], keepFace: 'none' }, [], progress));
}

/**
 * Areas the user marked (copy pixels) added to reviewed tracks, each staying put, unless the review has marked
 * areas of its own: a review lists those marked when it was made (findFileTracks), and the user may have
 * kept some visible or drawn more. Sanitize drops a review when the areas to blur change, so they agree.
 */
export function withMarked(found: FoundTracks, marked: readonly Box[]): FoundTracks {
  if (found.tracks.some((track) => track.group === 'marked')) return found;
  const next = Math.max(0, ...found.tracks.map((track) => track.id)) + 1;
  return { ...found, tracks: [...found.tracks, ...marked.map((box, i) => markedTrack(next + i, box, found.frameCount))] };
}

/** Reviewed tracks for a copy of another size (the resolution changed after the review): scaled to it. */
export function tracksForSize(found: FoundTracks, size: { width: number; height: number }): FoundTracks {
  const factor = size.width / found.size.width;
  if (Math.abs(factor - 1) < 1e-9) return found;
  const scaled = (box: Box) => scaleBox(box, factor);
  return {
    ...found,
    size,
    camera: found.camera.map((pose) => ({ scale: pose.scale, x: pose.x * factor, y: pose.y * factor })),
    tracks: found.tracks.map((track) => ({ ...track, sightings: track.sightings.map((sighting) => ({ ...sighting, box: scaled(sighting.box) })) })),
  };
}
