/**
 * How redaction has its frames looked at: one look is the detectors a pass asks for on one frame, and OCR on
 * the regions it names where the text detector saw writing. Looks run on two worker threads
 * (lookWorker.node.ts), each holding one family of models: the tfjs and onnxruntime WASM backends run a model
 * on one thread in Node, so a single detector leaves the second core idle. `safetake scan` looks in its own
 * thread, with the detector it has open (inProcessLooks).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { FrameDetections, TextLine } from '../../core/corner/detections.std';
import { WRITING_GLANCE_LONG_SIDE } from '../../core/corner/writingModel.std';
import { type Box, centreInside, scaleBox } from '../../core/media/geometry.std';
import { type RedactStyle, type YuvFrame, measureAndHide, rgbOfYuv } from '../../core/sanitize/redactPixels.std';
import { UserError } from '../../core/shared/errors.std';
import type { RiskSource } from '../../core/corner/risks.std';
import { type DetectorLook, type DetectorParts, MODEL_FAMILIES, type ModelFamily, NO_PARTS, type NodeDetector, inSourcePixels } from '../corner/detector.node';
import { type Language, currentLanguage, currentLocale } from '../../core/i18n/i18n.std';

/** One look: the detectors `parts` on `frame` as `look` says, and OCR on each of `readInside` that holds writing. */
export type LookRequest = { frame: YuvFrame; parts: DetectorParts; look: DetectorLook; readInside?: readonly Box[] };
/** What a look found, in the frame's pixels; `read[i]` is what OCR read in `readInside[i]` (nothing where no writing was seen). */
export type LookAnswer = { found: FrameDetections; read: TextLine[][] };

/** A frame of the encode pass: the boxes to hide in it, and how. */
export type HideRequest = { frame: YuvFrame; boxes: readonly Box[]; style: RedactStyle; shown: readonly Box[] };
/** The frame with the boxes hidden, and the detail each box held before (measureAndHide). */
export type HideAnswer = { data: Uint8Array; details: number[][] };

/**
 * Where looks run, and how many may be asked at once (`looksAtOnce`). `look` copies the frame before it
 * returns, so the caller may reuse it at once. `hide` does the encode pass's work on a frame there too (the
 * detector threads are idle while it runs), as many at once as looks: it takes the frame's memory (moved to
 * the thread, not copied) and gives the hidden frame back in a buffer the caller owns. `broken` says why no
 * look can run any more (a thread stopped, or they were closed).
 */
export type FrameLooks = {
  readonly looksAtOnce: number;
  readonly broken?: Error;
  look(request: LookRequest): Promise<LookAnswer>;
  hide(request: HideRequest): Promise<HideAnswer>;
  close(): Promise<void>;
};

/**
 * A clip gets many cheaper looks than a photo (tracks fill in between): SSDLite on the whole frame, and on
 * some looks its tiles for screens only (SsdTiles, redactPlan.std.ts's SCREEN_TILES_EVERY_OBJECTS_LOOKS); the
 * self-check's text detector at a glance (what was hidden has no writing left at any scale).
 */
export const FIND_LOOK: DetectorLook = { ssdTiles: false };
export const FIND_LOOK_WITH_SCREEN_TILES: DetectorLook = { ssdTiles: 'screens' };
export const CHECK_LOOK: DetectorLook = { ssdTiles: false, writingLongSide: WRITING_GLANCE_LONG_SIDE };

/**
 * One look at a frame. Faces and objects, and writing at a glance, see a half-size frame: their models shrink
 * the picture further anyway (BlazeFace to 128 px, CenterNet to 512, SSDLite to 300, a glance to 640), and a
 * quarter of the pixels costs a quarter to convert and hand over. Photo tiles (small faces) and the text
 * detector's full look read the whole frame. Boxes come back in the frame's pixels.
 */
export async function answerLook(detector: NodeDetector, { frame, parts, look, readInside = [] }: LookRequest): Promise<LookAnswer> {
  const glance = look.writingLongSide !== undefined && look.writingLongSide <= frame.width / 2;
  const halfParts = { ...NO_PARTS, faces: parts.faces, objects: parts.objects, writing: parts.writing && glance };
  const fullParts = { ...NO_PARTS, photos: parts.photos, writing: parts.writing && !glance };
  const size = { width: frame.width, height: frame.height };
  const halfLook = look.writingRegion ? { ...look, writingRegion: scaleBox(look.writingRegion, 0.5) } : look;
  const small = detector.looksFor(halfParts) ? inSourcePixels(await detector.detect(rgbOfYuv(frame, true), halfParts, halfLook), 0.5, size) : undefined;
  const whole = detector.looksFor(fullParts) ? await detector.detect(rgbOfYuv(frame), fullParts, look) : undefined;
  const found: FrameDetections = {
    ...size,
    faces: small?.faces ?? [],
    objects: small?.objects ?? [],
    ssdObjects: small?.ssdObjects ?? [],
    tileFaces: whole?.tileFaces ?? [],
    faceboxes: whole?.faceboxes ?? [],
    writing: [...(small?.writing ?? []), ...(whole?.writing ?? [])],
    lines: [],
  };
  const read: TextLine[][] = [];
  let picture: ReturnType<typeof rgbOfYuv> | undefined;
  for (const region of readInside) {
    if (!found.writing!.some((line) => centreInside(line.box, region))) {
      read.push([]);
      continue;
    }
    picture ??= rgbOfYuv(frame);
    read.push(await detector.runOcr(picture, [wholePixels(region)]));
  }
  return { found, read };
}

/** A hide request's work, in place, on the frame it was given. */
export function answerHide({ frame, boxes, style, shown }: HideRequest): HideAnswer {
  const details = measureAndHide(frame, boxes, style, shown);
  return { data: frame.data, details };
}

function wholePixels(box: Box): Box {
  const x = Math.floor(box.x);
  const y = Math.floor(box.y);
  return { x, y, w: Math.ceil(box.x + box.w) - x, h: Math.ceil(box.y + box.h) - y };
}

/** A frame's own copy (a Buffer's `slice` would be a view of the caller's memory, and transferring it would take that memory away). */
const copyOf = (data: Uint8Array) => new Uint8Array(data);

/** Looks in this thread, one at a time, with a detector the caller has open and closes. */
export function inProcessLooks(detector: NodeDetector): FrameLooks {
  return {
    looksAtOnce: 1,
    look: (request) => answerLook(detector, { ...request, frame: { ...request.frame, data: copyOf(request.frame.data) } }),
    hide: async (request) => answerHide(request),
    close: async () => {},
  };
}

/**
 * Looks asked at once: both threads stay busy while the rules take answers in order (a thread starts on the
 * next look's models while the other finishes this one's).
 */
const LOOKS_AT_ONCE = 3;

/** What the main thread sends a detector thread: a look or a frame to hide, numbered. */
export type LaneRequest = { id: number; request: LookRequest } | { id: number; hide: HideRequest };
/** A detector thread's word: ready (its models loaded, and the parts of a look they run), a look's or a hide's answer, or why it could not do either. */
export type LaneMessage =
  | { kind: 'ready'; parts: RiskSource[] }
  | { kind: 'answer'; id: number; answer: LookAnswer }
  | { kind: 'hidden'; id: number; answer: HideAnswer }
  | { kind: 'failed'; id?: number; message: string; userCode?: UserError['code']; stack?: string };
/** What a detector thread is started with: the family of models it holds, and the language its messages are in. */
export type LaneData = { family: ModelFamily; language: Language; locale: string };

type Waiting = { resolve: (answer: LookAnswer | HideAnswer) => void; reject: (error: Error) => void };

/**
 * Two detector threads, one per model family (Human's models and FaceBoxes on one; SSDLite, the text
 * detector and OCR on the other: ModelFamily says why). A look goes to each thread that runs a
 * part of it; each runs the models it holds, and their answers are joined. One copy of each model is loaded, as in a single detector.
 * Resolves when both have loaded their models; rejects (closing them) when one cannot.
 */
export async function openLookLanes(): Promise<FrameLooks> {
  const script = lookWorkerScript();
  const lanes = MODEL_FAMILIES.map((family) => ({
    worker: new Worker(script.code, { eval: script.eval, workerData: { family, language: currentLanguage(), locale: currentLocale() } satisfies LaneData }),
    waiting: new Map<number, Waiting>(),
    runs: new Set<RiskSource>(),
  }));
  let broken: Error | undefined;
  let nextId = 0;
  // Once one thread has stopped (or they are closed), no look can be answered whole: both threads stop.
  const fail = (error: Error) => {
    broken ??= error;
    for (const lane of lanes) {
      for (const waiting of lane.waiting.values()) waiting.reject(error);
      lane.waiting.clear();
    }
    return Promise.all(lanes.map((lane) => lane.worker.terminate()));
  };
  const ready = lanes.map(
    (lane) =>
      new Promise<void>((resolve, reject) => {
        lane.worker.on('message', (message: LaneMessage) => {
          if (message.kind === 'ready') {
            for (const part of message.parts) lane.runs.add(part);
            return resolve();
          }
          const waiting = message.id === undefined ? undefined : lane.waiting.get(message.id);
          if (message.id !== undefined) lane.waiting.delete(message.id);
          if (message.kind === 'answer' || message.kind === 'hidden') return waiting?.resolve(message.answer);
          const error = message.userCode ? new UserError(message.message, message.userCode) : Object.assign(new Error(message.message), { stack: message.stack });
          if (waiting) waiting.reject(error);
          else reject(error);
        });
        const stopped = (error: Error) => {
          reject(error);
          void fail(error);
        };
        lane.worker.on('error', stopped);
        lane.worker.on('messageerror', stopped);
        lane.worker.on('exit', (code) => stopped(new Error(`A detector thread stopped (exit code ${code}).`)));
      }),
  );
  const close = async () => {
    await fail(new Error('The detectors are closed.'));
  };
  // Each thread that is asked gets its own copy of a look's frame (postMessage clones it), so the caller may
  // reuse it at once; what `moved` names is moved instead.
  const ask = <T extends LookAnswer | HideAnswer>(lane: (typeof lanes)[number], message: LaneRequest, moved: ArrayBuffer[] = []) =>
    new Promise<T>((resolve, reject) => {
      lane.waiting.set(message.id, { resolve: resolve as (answer: LookAnswer | HideAnswer) => void, reject });
      lane.worker.postMessage(message, moved);
    });
  try {
    await Promise.all(ready);
  } catch (error) {
    await close();
    throw error;
  }
  return {
    looksAtOnce: LOOKS_AT_ONCE,
    get broken() {
      return broken;
    },
    async look(request) {
      if (broken) throw broken;
      const id = nextId++;
      // Only threads that run a part of the look are sent it (five faces looks a second need one thread).
      const asked = lanes.filter((lane) => Object.entries(request.parts).some(([part, wanted]) => wanted && lane.runs.has(part as RiskSource)));
      const answers = asked.map((lane) => ask<LookAnswer>(lane, { id, request }));
      return joinAnswers(request, await Promise.all(answers));
    },
    async hide(hide) {
      if (broken) throw broken;
      // The thread with the fewest requests waiting: both are free while the encode pass runs. The frame's
      // memory moves there and back (a frame that shares its memory with others is copied first), and comes
      // back as a Buffer, as the decoder made it, so it can be decoded into again.
      const lane = lanes.reduce((least, each) => (each.waiting.size < least.waiting.size ? each : least));
      const { data } = hide.frame;
      const own = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength ? data : copyOf(data);
      const answer = await ask<HideAnswer>(lane, { id: nextId++, hide: { ...hide, frame: { ...hide.frame, data: own } } }, [own.buffer as ArrayBuffer]);
      return { ...answer, data: Buffer.from(answer.data.buffer, answer.data.byteOffset, answer.data.byteLength) };
    },
    close,
  };
}

/**
 * The answers of threads holding different models to one look: each list is one model's, so they join by
 * concatenation, as do OCR's readings of each region (only the thread with the text detector reads).
 */
function joinAnswers(request: LookRequest, answers: readonly LookAnswer[]): LookAnswer {
  const join = <T>(pick: (found: FrameDetections) => readonly T[] | undefined): T[] => answers.flatMap((answer) => pick(answer.found) ?? []);
  return {
    found: {
      width: request.frame.width,
      height: request.frame.height,
      faces: join((found) => found.faces),
      tileFaces: join((found) => found.tileFaces),
      faceboxes: join((found) => found.faceboxes),
      objects: join((found) => found.objects),
      ssdObjects: join((found) => found.ssdObjects),
      writing: join((found) => found.writing),
      lines: join((found) => found.lines),
    },
    read: (request.readInside ?? []).map((_, i) => answers.flatMap((answer) => answer.read[i] ?? [])),
  };
}

/**
 * The worker's script: beside the bundle's entry points in `out/main` (lookWorker.js, an entry of its own in
 * electron.vite.config.ts; this code runs from `out/main` or its `chunks`), never from anywhere else; or,
 * running from the sources (tests, benchmarks), the TypeScript file through tsx's require hook (a worker
 * ignores `--import`).
 */
function lookWorkerScript(): { code: string; eval: boolean } {
  if (__filename.endsWith('.ts')) {
    const requireHere = createRequire(__filename);
    const [hook, script] = [requireHere.resolve('tsx/cjs'), path.join(__dirname, 'lookWorker.node.ts')].map((file) => JSON.stringify(file));
    return { code: `require(${hook}); require(${script});`, eval: true };
  }
  const file = [__dirname, path.dirname(__dirname)].map((dir) => path.join(dir, 'lookWorker.js')).find((candidate) => fs.existsSync(candidate));
  if (!file) throw new Error('Cannot find the detector thread (lookWorker.js) beside the app.');
  return { code: file, eval: false };
}
