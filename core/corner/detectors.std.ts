/**
 * How the on-device models are configured and how their raw output becomes `FrameDetections`: one
 * definition for the app's Web Worker and for `safetake scan` in Node, so both give the same answers. Pure.
 */
import type { Box } from '../media/geometry.std';
import { OCR_MIN_WORD_CONFIDENCE } from './risks.std';
import type { FaceDetection, ObjectDetection, TextLine } from './detections.std';

/** The model files the app bundles (from @vladmandic/human/models), loaded from the app's own origin. */
export const HUMAN_MODEL_FILES = ['blazeface.json', 'blazeface.bin', 'centernet.json', 'centernet.bin'] as const;
/** tfjs WASM binaries (from @tensorflow/tfjs-backend-wasm/dist): plain, SIMD, SIMD + threads. */
export const TFJS_WASM_FILES = ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm'] as const;
/** tesseract.js cores for the LSTM engine (the only one `4.0.0_best_int` data supports). */
export const TESSERACT_CORE_FILES = ['tesseract-core-lstm.wasm.js', 'tesseract-core-simd-lstm.wasm.js', 'tesseract-core-relaxedsimd-lstm.wasm.js'] as const;
export const TESSERACT_LANGUAGE = 'eng';
/** Where each kind of asset sits under the app's origin. */
export const ASSET_FOLDERS = { models: 'models', wasm: 'wasm', onnxWasm: 'wasm/onnx', ocr: 'ocr', ocrLanguage: 'ocr/lang' } as const;

/**
 * tesseract's settings: page mode 11, "sparse text", finds scattered words in a room (the default mode
 * returns junk there); a fixed resolution, because camera frames carry none and tesseract otherwise
 * estimates one per frame and says so on stdout; no second try of each doubtful word as light-on-dark
 * text: papers are dark on light, so that second try costs time (`bench/detect`) and finds no more of them
 * (`bench/detect-eval`).
 */
export const OCR_PARAMETERS = { tessedit_pageseg_mode: '11', user_defined_dpi: '300', tessedit_do_invert: '0' } as const;
/**
 * OCR reads letters about 20 px tall or more. Frames are scaled so their long side is at least this (a
 * 640x480 camera frame is upscaled 2.5x; a quarter-frame page is unreadable without it)...
 */
export const OCR_MIN_LONG_SIDE = 1600;
/** ...and at most this, so a 12-megapixel photo does not take a minute. */
export const OCR_MAX_LONG_SIDE = 2400;

/** The factor OCR input is scaled by before recognition. */
export function ocrScale(width: number, height: number): number {
  const longSide = Math.max(width, height);
  if (longSide < OCR_MIN_LONG_SIDE) return OCR_MIN_LONG_SIDE / longSide;
  if (longSide > OCR_MAX_LONG_SIDE) return OCR_MAX_LONG_SIDE / longSide;
  return 1;
}

/**
 * Human's configuration: BlazeFace and CenterNet only, result cache off (every frame is really inferred;
 * the tracker does the smoothing), models and wasm from the given base URLs, never from a CDN.
 * Lower thresholds than the risk rules: the rules decide, the models only propose. Each detect() call
 * switches faces and objects on or off for itself (they run at different cadences).
 */
export function humanConfig(urls: { modelBasePath: string; wasmPath: string }) {
  return {
    backend: 'wasm' as const,
    modelBasePath: urls.modelBasePath,
    wasmPath: urls.wasmPath,
    cacheModels: false,
    cacheSensitivity: 0,
    debug: false,
    async: true,
    warmup: 'none' as const,
    filter: { enabled: false },
    face: {
      enabled: true,
      detector: { enabled: true, modelPath: 'blazeface.json', rotation: false, maxDetected: 50, minConfidence: 0.4, skipFrames: 0, skipTime: 0, return: false },
      mesh: { enabled: false },
      iris: { enabled: false },
      description: { enabled: false },
      emotion: { enabled: false },
      antispoof: { enabled: false },
      liveness: { enabled: false },
      attention: { enabled: false },
    },
    body: { enabled: false },
    hand: { enabled: false },
    gesture: { enabled: false },
    segmentation: { enabled: false },
    object: { enabled: true, modelPath: 'centernet.json', minConfidence: 0.2, maxDetected: 50, skipFrames: 0, skipTime: 0 },
  };
}

/** The parts of Human's result the rules use (its full types need the library). */
type HumanResultLike = {
  face: ReadonlyArray<{ score: number; box: readonly number[] }>;
  object: ReadonlyArray<{ score: number; label: string; box: readonly number[] }>;
};

function boxFromArray([x = 0, y = 0, w = 0, h = 0]: readonly number[]): Box {
  return { x, y, w, h };
}

export function detectionsFromHuman(result: HumanResultLike): { faces: FaceDetection[]; objects: ObjectDetection[] } {
  return {
    faces: result.face.map((face) => ({ score: face.score, box: boxFromArray(face.box) })),
    objects: result.object.map((object) => ({ label: object.label, score: object.score, box: boxFromArray(object.box) })),
  };
}

/**
 * The picture tesseract reads, as a file it knows: a PPM, which is a short header before the RGB bytes, so
 * there is nothing to encode or decode. tesseract reads the same words from it as from a PNG of the same
 * pixels, and encoding a PNG of a camera frame would hold the UI thread for a frame or more. `pixels` is RGB, or RGBA as a canvas gives it (alpha dropped),
 * `width` x `height`; the PPM holds their `region` (whole pixels), all of them unless asked.
 */
export function ppmOf(
  pixels: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  channels: 3 | 4,
  region: Box = { x: 0, y: 0, w: width, h: height },
): Uint8Array<ArrayBuffer> {
  const header = new TextEncoder().encode(`P6\n${region.w} ${region.h}\n255\n`);
  const ppm = new Uint8Array(header.length + region.w * region.h * 3);
  ppm.set(header);
  for (let row = 0, to = header.length; row < region.h; row += 1) {
    const from = ((region.y + row) * width + region.x) * channels;
    if (channels === 3) {
      ppm.set(pixels.subarray(from, from + region.w * 3), to);
      to += region.w * 3;
      continue;
    }
    for (let pixel = from; pixel < from + region.w * 4; pixel += 4, to += 3) {
      ppm[to] = pixels[pixel]!;
      ppm[to + 1] = pixels[pixel + 1]!;
      ppm[to + 2] = pixels[pixel + 2]!;
    }
  }
  return ppm;
}

type OcrBbox = { x0: number; y0: number; x1: number; y1: number };
/** The parts of tesseract.js's `blocks` output the rules use. */
export type OcrBlocksLike = ReadonlyArray<{
  paragraphs: ReadonlyArray<{ lines: ReadonlyArray<{ words: ReadonlyArray<{ text: string; confidence: number; bbox: OcrBbox }> }> }>;
}>;

/**
 * OCR lines from tesseract's blocks, keeping only confident words, in the frame's own pixels (`scale` is the
 * factor the frame was scaled by before OCR, `at` where in the scaled frame the part read begins).
 */
export function linesFromOcr(blocks: OcrBlocksLike | null | undefined, scale: number, at = { x: 0, y: 0 }): TextLine[] {
  const lines: TextLine[] = [];
  for (const line of (blocks ?? []).flatMap((block) => block.paragraphs.flatMap((paragraph) => paragraph.lines))) {
    const words = line.words.filter((word) => word.confidence >= OCR_MIN_WORD_CONFIDENCE && word.text.trim() !== '');
    if (words.length === 0) continue;
    const x0 = Math.min(...words.map((word) => word.bbox.x0));
    const y0 = Math.min(...words.map((word) => word.bbox.y0));
    const x1 = Math.max(...words.map((word) => word.bbox.x1));
    const y1 = Math.max(...words.map((word) => word.bbox.y1));
    lines.push({
      text: words.map((word) => word.text.trim()).join(' '),
      confidence: words.reduce((sum, word) => sum + word.confidence, 0) / words.length,
      box: { x: (at.x + x0) / scale, y: (at.y + y0) / scale, w: (x1 - x0) / scale, h: (y1 - y0) / scale },
    });
  }
  return lines;
}
