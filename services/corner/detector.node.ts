/**
 * The detector in Node, for `safetake scan`, the tests and the benchmarks: the same models (Human's
 * BlazeFace + CenterNet on tfjs WASM, PaddleOCR's text detector on onnxruntime-web's WASM, tesseract.js for
 * reading), the same configuration and the same risk rules as the app's Web Workers, read straight from the
 * installed packages. Nothing is fetched.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Config, Human, Result } from '@vladmandic/human';
import * as ort from 'onnxruntime-web';
import * as tf from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { OEM, createWorker, type Worker as OcrWorker } from 'tesseract.js';
import {
  OCR_PARAMETERS,
  TESSERACT_LANGUAGE,
  detectionsFromHuman,
  humanConfig,
  linesFromOcr,
  type OcrBlocksLike,
  ppmOf,
} from '../../core/corner/detectors.std';
import { type Box, scaleBox } from '../../core/media/geometry.std';
import { type Risk, type RiskSource, assessFrame, toldApart } from '../../core/corner/risks.std';
import { type FaceDetection, type FrameDetections, type ObjectDetection, type TextLine, scaleObject } from '../../core/corner/detections.std';
import { mergeVideoRisks, type TimedRisk } from '../../core/corner/scanResult.std';
import { planScanFrames } from '../../core/corner/scanPlan.std';
import { faceTiles, facesFromTiles } from '../../core/corner/tiles.std';
import { withLooks } from '../../core/corner/objectLooks.std';
import { WRITING_INPUT_LONG_SIDE, WRITING_THREADS, type WritingModel, findWriting, findWritingLookingCloser, onnxWritingModel } from '../../core/corner/writingModel.std';
import { type WritingLine, scaleWritingLine } from '../../core/corner/writingLines.std';
import { readingRegions } from '../../core/corner/writingBlocks.std';
import { humanModelsDir, humanNodeWasmBuild, ocrLanguageDir, tfjsWasmDir, writingModelFile } from './detectorAssets.node';
import { type SsdModel, openSsd } from './ssd.node';
import type { SsdTiles } from '../../core/corner/ssd.std';
import { type FaceboxesModel, openFaceboxes } from './faceboxes.node';
import { ffmpegRawFrames } from '../media/ffmpeg.node';
import { readPicture } from '../media/picture.node';

/** Human asks tfjs for `<modelBasePath><name>.json`; this scheme routes those requests to files on disk. */
const MODEL_SCHEME = 'safetake-models://';

/** A frame of RGB pixels; `pixelScale`: its pixels per pixel of the picture it was scaled from (1 unless told). */
export type FrameInput = { rgb: Uint8Array; width: number; height: number; pixelScale?: number };
/** Which detectors to run, by the source they report as. */
export type DetectorParts = Record<RiskSource, boolean>;
/**
 * How closely to look, when not as the scan does: SSDLite's tiles for screens only or not at all (SsdTiles),
 * the text detector at a glance (a smaller input) or at only a part of the frame (`writingRegion`, where the
 * picture changed). For clips, where many frames each get a cheaper look.
 */
export type DetectorLook = { ssdTiles?: SsdTiles; writingLongSide?: number; writingRegion?: Box };
const ALL_PARTS: DetectorParts = { faces: true, photos: true, objects: true, writing: true, text: true };
export const NO_PARTS: DetectorParts = { faces: false, photos: false, objects: false, writing: false, text: false };

/**
 * The models, in two families that can load apart (redaction runs each on a thread of its own): Human's
 * (BlazeFace on the frame and its tiles, CenterNet) with FaceBoxes, and SSDLite with the text detector and
 * OCR. SSDLite's screen tiles cost a clip about as much as Human's models do, and on a still camera the text
 * detector reads only where the picture changed: with SSDLite beside Human's models, their thread had about
 * twice the other's work. FaceBoxes, a face model like Human's, evens out what is left.
 */
export type ModelFamily = 'human-faceboxes' | 'ssd-text';
export const MODEL_FAMILIES: readonly ModelFamily[] = ['human-faceboxes', 'ssd-text'];
type Models = { human?: Human; writing?: ort.InferenceSession; reader?: TextReader; ssd?: SsdModel; faceboxes?: FaceboxesModel };

export class NodeDetector {
  private readonly writingModel?: WritingModel;

  private constructor(private readonly models: Models) {
    if (models.writing) this.writingModel = onnxWritingModel(models.writing, (input, dims) => new ort.Tensor('float32', input, dims));
  }

  /**
   * The models of `families` (every one unless told), loaded; `writingThreads` (onnxruntime's, for the text
   * detector) as `safetake scan` runs it unless told.
   */
  static async open({ families = MODEL_FAMILIES, writingThreads = WRITING_THREADS.scan }: { families?: readonly ModelFamily[]; writingThreads?: number } = {}): Promise<NodeDetector> {
    const models: Models = {};
    if (families.includes('human-faceboxes')) {
      const { Human: HumanClass } = createRequire(__filename)(humanNodeWasmBuild()) as { Human: new (config: Partial<Config>) => Human };
      models.human = new HumanClass(humanConfig({ modelBasePath: MODEL_SCHEME, wasmPath: `${tfjsWasmDir()}${path.sep}` }) as Partial<Config>);
      registerModelLoader(models.human);
      await models.human.load();
      // FaceBoxes runs on the tfjs WASM backend Human has started.
      models.faceboxes = await openFaceboxes();
    }
    if (families.includes('ssd-text')) {
      // SSDLite runs on the tfjs WASM backend Human has started; without Human, it is started here.
      if (!models.human) await startTfjsWasm();
      models.ssd = await openSsd();
      ort.env.wasm.numThreads = writingThreads;
      models.writing = await ort.InferenceSession.create(await readFile(writingModelFile()));
      models.reader = await TextReader.open();
    }
    return new NodeDetector(models);
  }

  get human(): Human {
    return held(this.models.human, 'Human');
  }
  get writing(): ort.InferenceSession {
    return held(this.models.writing, 'the text detector');
  }
  get faceboxes(): FaceboxesModel {
    return held(this.models.faceboxes, 'FaceBoxes');
  }

  /** Which of this detector's models `detect` runs for `parts`. */
  private modelsFor(parts: DetectorParts) {
    const { human, ssd, faceboxes, writing, reader } = this.models;
    return {
      human: !!human && (parts.faces || parts.objects),
      tiles: !!human && parts.photos,
      ssd: !!ssd && parts.objects,
      faceboxes: !!faceboxes && parts.photos,
      writing: !!writing && parts.writing,
      reading: !!reader && parts.text,
    };
  }

  /** Whether `detect` would run any of this detector's models on `parts`. */
  looksFor(parts: DetectorParts): boolean {
    return Object.values(this.modelsFor(parts)).some(Boolean);
  }

  /** Human on one frame: faces and/or objects, in the frame's pixels. */
  async runHuman(frame: FrameInput, parts: Pick<DetectorParts, 'faces' | 'objects'> = ALL_PARTS): Promise<Result> {
    const tf = this.human.tf;
    const input = tf.tensor4d(frame.rgb, [1, frame.height, frame.width, 3], 'int32');
    try {
      return await this.human.detect(input, { face: { enabled: parts.faces }, object: { enabled: parts.objects } } as Partial<Config>);
    } finally {
      tf.dispose(input);
    }
  }

  /** BlazeFace on each of the frame's tiles (small faces: photos, posters), in the frame's pixels. */
  async runFaceTiles(frame: FrameInput): Promise<FaceDetection[]> {
    const runs = [];
    for (const tile of faceTiles(frame.width, frame.height)) {
      const { faces } = detectionsFromHuman(await this.runHuman(cropFrame(frame, tile), { faces: true, objects: false }));
      runs.push({ tile, faces });
    }
    return facesFromTiles(runs);
  }

  /** FaceBoxes on the whole frame (faces in profile, looking down, in crowds), in the frame's pixels. */
  runFaceboxes(frame: FrameInput): Promise<FaceDetection[]> {
    return this.faceboxes.detect(frame.rgb, frame.width, frame.height);
  }

  /** SSDLite on the whole frame and (unless `tiles` is false) its tiles, in the frame's pixels. */
  runSsd(frame: FrameInput, tiles: SsdTiles = true): Promise<ObjectDetection[]> {
    return held(this.models.ssd, 'SSDLite').detect(frame.rgb, frame.width, frame.height, { tiles });
  }

  /**
   * PaddleOCR's text detector on one frame, a full look unless `longSide` asks for a glance, at all of it or
   * only at `region`: the lines of writing in it, in the frame's pixels.
   */
  runWriting(frame: FrameInput, longSide = WRITING_INPUT_LONG_SIDE, region?: Box): Promise<WritingLine[]> {
    return findWriting(held(this.writingModel, 'the text detector'), frame.rgb, frame.width, frame.height, 3, longSide, region);
  }

  /**
   * A look for writing as the app takes it, at all of the frame or only at `region`: a full look looks closer
   * at small print (findWritingLookingCloser), a glance does not.
   */
  lookForWriting(frame: FrameInput, longSide = WRITING_INPUT_LONG_SIDE, region?: Box): Promise<WritingLine[]> {
    if (longSide !== WRITING_INPUT_LONG_SIDE) return this.runWriting(frame, longSide, region);
    return findWritingLookingCloser(held(this.writingModel, 'the text detector'), frame.rgb, frame.width, frame.height, 3, longSide, frame.pixelScale, region);
  }

  runOcr(frame: FrameInput, regions: readonly Box[]): Promise<TextLine[]> {
    return held(this.models.reader, 'OCR').read(frame, regions);
  }

  /**
   * Everything the rules need from one frame, of the models this detector holds. OCR reads only where the
   * text detector saw writing, part by part (readingRegions, as in the app): a frame without a line of
   * writing has nothing to read.
   */
  async detect(frame: FrameInput, parts: DetectorParts = ALL_PARTS, look: DetectorLook = {}): Promise<FrameDetections> {
    const runs = this.modelsFor(parts);
    const { faces, objects: humanObjects } = runs.human ? detectionsFromHuman(await this.runHuman(frame, parts)) : { faces: [], objects: [] };
    const ssdFinds = runs.ssd ? await this.runSsd(frame, look.ssdTiles ?? true) : [];
    const { objects, ssdObjects } = withLooks({ objects: humanObjects, ssdObjects: ssdFinds }, () => frame.rgb, frame.width, frame.height, 3);
    const tileFaces = runs.tiles ? await this.runFaceTiles(frame) : [];
    const faceboxFaces = runs.faceboxes ? await this.runFaceboxes(frame) : [];
    const lines = runs.writing ? await this.lookForWriting(frame, look.writingLongSide, look.writingRegion) : [];
    const read = runs.reading ? await this.runOcr(frame, readingRegions(lines, frame.width, frame.height)) : [];
    return { width: frame.width, height: frame.height, faces, objects, ssdObjects, tileFaces, faceboxes: faceboxFaces, writing: lines, lines: read };
  }

  async close(): Promise<void> {
    await Promise.all([this.models.reader?.close(), this.models.writing?.release()]);
  }
}

function held<T>(model: T | undefined, name: string): T {
  if (!model) throw new Error(`This detector was opened without ${name}.`);
  return model;
}

/** tfjs's WASM backend from the installed package's files, as Human starts it. */
async function startTfjsWasm(): Promise<void> {
  setWasmPaths(`${tfjsWasmDir()}${path.sep}`);
  await tf.setBackend('wasm');
  await tf.ready();
}

/** OCR as the detector reads: tesseract.js with the detector's settings (OCR_PARAMETERS). */
export class TextReader {
  private constructor(private readonly ocr: OcrWorker) {}

  static async open(): Promise<TextReader> {
    const ocr = await openOcrWorker();
    // tesseract.js types the page mode as its own const enum; the value is the same string.
    await ocr.setParameters(OCR_PARAMETERS as unknown as Parameters<OcrWorker['setParameters']>[0]);
    return new TextReader(ocr);
  }

  /** tesseract on the `regions` of one frame (already at OCR scale), one at a time: their lines, in the frame's pixels. */
  async read(frame: FrameInput, regions: readonly Box[]): Promise<TextLine[]> {
    const lines: TextLine[] = [];
    for (const region of regions) {
      const { data } = await this.ocr.recognize(ocrPicture(frame, region), {}, { blocks: true, text: false });
      lines.push(...linesFromOcr(data.blocks as unknown as OcrBlocksLike, 1, region));
    }
    return lines;
  }

  async close(): Promise<void> {
    await this.ocr.terminate();
  }
}

/**
 * tesseract.js in Node with the bundled English data, read from disk (nothing is fetched or cached), at its
 * default settings: the detector and the document reader (services/terms) each set their own. A job that fails
 * rejects its own promise; without an error handler tesseract.js would also throw it where no caller can catch
 * it, and a picture it cannot decode would bring the process down.
 */
export function openOcrWorker(): Promise<OcrWorker> {
  return createWorker(TESSERACT_LANGUAGE, OEM.LSTM_ONLY, { langPath: ocrLanguageDir(), cacheMethod: 'none', gzip: true, errorHandler: () => {} });
}

/** The picture tesseract reads of `frame`'s `region` (ppmOf), as the Buffer tesseract.js takes in Node, not copied again. */
export function ocrPicture(frame: FrameInput, region?: Box): Buffer {
  const ppm = ppmOf(frame.rgb, frame.width, frame.height, 3, region);
  return Buffer.from(ppm.buffer, ppm.byteOffset, ppm.byteLength);
}

function cropFrame(frame: FrameInput, box: Box): FrameInput {
  const rowBytes = box.w * 3;
  const rgb = new Uint8Array(rowBytes * box.h);
  for (let row = 0; row < box.h; row += 1) {
    const start = ((box.y + row) * frame.width + box.x) * 3;
    rgb.set(frame.rgb.subarray(start, start + rowBytes), row * rowBytes);
  }
  return { rgb, width: box.w, height: box.h };
}

/** tfjs load router: `safetake-models://centernet.json` -> the model JSON and its weight files from disk. */
function registerModelLoader(human: Human): void {
  human.tf.io.registerLoadRouter((url: unknown) => {
    if (typeof url !== 'string' || !url.startsWith(MODEL_SCHEME)) return null;
    const file = path.join(humanModelsDir(), path.basename(url.slice(MODEL_SCHEME.length)));
    return {
      load: async () => {
        const model = JSON.parse(await readFile(file, 'utf8')) as {
          modelTopology: unknown;
          format?: string;
          generatedBy?: string;
          convertedBy?: string;
          signature?: unknown;
          userDefinedMetadata?: unknown;
          weightsManifest: Array<{ paths: string[]; weights: unknown[] }>;
        };
        const weights = await Promise.all(model.weightsManifest.flatMap((group) => group.paths).map((name) => readFile(path.join(path.dirname(file), name))));
        const weightData = Buffer.concat(weights);
        return {
          modelTopology: model.modelTopology,
          format: model.format,
          generatedBy: model.generatedBy,
          convertedBy: model.convertedBy,
          signature: model.signature,
          userDefinedMetadata: model.userDefinedMetadata,
          weightSpecs: model.weightsManifest.flatMap((group) => group.weights),
          weightData: weightData.buffer.slice(weightData.byteOffset, weightData.byteOffset + weightData.byteLength),
        };
      },
    };
  });
}

export type ScanReport = { file: string; width: number; height: number; risks: Array<Risk | TimedRisk> };

/** How a scan is going: frames looked at, of how many (when the video's length is known), every how many seconds. */
export type ScanProgress = { frames: number; expectedFrames?: number; intervalSeconds?: number };

/**
 * Scans one photo or video: every risk, boxes in the source's upright pixels; for a video, each risk once,
 * with the time it first appears. `everySeconds` sets the sampling rate of a video (a long one is spread
 * over SCAN_MAX_FRAMES anyway); `onProgress` hears of each frame. Throws a UserError for unreadable input.
 */
export async function scanFile(
  file: string,
  detector: NodeDetector,
  options: { everySeconds?: number; onProgress?: (progress: ScanProgress) => void } = {},
): Promise<ScanReport> {
  const plan = planScanFrames(await readPicture(file), options.everySeconds);
  const progress = { expectedFrames: plan.expectedFrames, intervalSeconds: plan.intervalSeconds };
  options.onProgress?.({ frames: 0, ...progress });
  const frameBytes = plan.frame.width * plan.frame.height * 3;
  const frames: Array<{ t: number; risks: Risk[] }> = [];
  let index = 0;
  for await (const rgb of ffmpegRawFrames(plan.invocation, frameBytes)) {
    const detections = await detector.detect({ rgb, width: plan.frame.width, height: plan.frame.height, pixelScale: plan.scale });
    frames.push({ t: index * (plan.intervalSeconds ?? 0), risks: assessFrame(inSourcePixels(detections, plan.scale, plan.source)) });
    index += 1;
    options.onProgress?.({ frames: index, ...progress });
  }
  const risks = plan.intervalSeconds === undefined ? toldApart(frames[0]?.risks ?? []) : mergeVideoRisks(frames);
  return { file, width: plan.source.width, height: plan.source.height, risks };
}

/** What the detectors found in a scan's frame, in the pixels of the picture it was decoded from. */
export function inSourcePixels(detections: FrameDetections, scale: number, source: { width: number; height: number }): FrameDetections {
  const back = <T extends { box: { x: number; y: number; w: number; h: number } }>(items: readonly T[] | undefined) =>
    (items ?? []).map((item) => ({ ...item, box: scaleBox(item.box, 1 / scale) }));
  return {
    width: source.width,
    height: source.height,
    faces: back(detections.faces),
    tileFaces: back(detections.tileFaces),
    faceboxes: back(detections.faceboxes),
    objects: (detections.objects ?? []).map((object) => scaleObject(object, 1 / scale)),
    ssdObjects: (detections.ssdObjects ?? []).map((object) => scaleObject(object, 1 / scale)),
    writing: (detections.writing ?? []).map((line) => scaleWritingLine(line, 1 / scale)),
    lines: back(detections.lines),
  };
}
