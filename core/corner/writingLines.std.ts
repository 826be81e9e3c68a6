/**
 * Lines of writing from the text detector's probability map (writingModel.std.ts): each connected region the
 * model is confident about, long and thin as a line of text is, in the frame's pixels. Pure.
 */
import { type Box, scaleBox } from '../media/geometry.std';

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
const LINE_MIN_ELONGATION = 2;
/**
 * PaddleOCR's model marks only a line's core; its own post-processing grows each region by
 * area x 1.5 / perimeter (`unclip_ratio`) to cover the letters.
 */
const UNCLIP_RATIO = 1.5;

/**
 * One line of writing, in frame pixels: its box, the model's mean probability, its thickness, and the sheet
 * it is on when that was looked for (sheet.std.ts; the same for every line of a block).
 */
export type WritingLine = { box: Box; score: number; thickness: number; sheet?: Box };

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
  return { ...line, box: scaleBox(line.box, factor), thickness: line.thickness * factor, ...(line.sheet ? { sheet: scaleBox(line.sheet, factor) } : {}) };
}

