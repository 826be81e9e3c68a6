/**
 * Lines of writing gathered into what they are written on: a paper, a sign, a label. Three or more nearby
 * lines are a paper, flagged whether or not anything on it can be read; the parts of the frame where writing
 * is are what tesseract reads, one at a time. Pure.
 */
import { type Box, clampToFrame, iou, union } from '../media/geometry.std';
import type { WritingLine } from './writingLines.std';

/**
 * Lines of one paper are closer than this many line thicknesses: handwriting leaves about 2.5 between its
 * lines, print less.
 */
const BLOCK_GAP_THICKNESSES = 3;
/**
 * A block of writing needs this many lines, or lines as long in all as BLOCK_MIN_LENGTH line thicknesses
 * (letters are about two thirds of a line's height wide, so about 15 letters: a sentence, an address line;
 * a brand name on a kettle is shorter). Clean rooms showed no line longer than 4.2 thicknesses and no three
 * lines together; a page of handwriting cut by the frame's edge showed two pairs of long lines.
 */
export const BLOCK_MIN_LINES = 3;
export const BLOCK_MIN_LENGTH = 10;
type WritingBlock = { box: Box; score: number; lines: number };

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
 * threshold and break up the page; read alone, at the same scale, each part keeps its lines
 * (tests/integration/detect.test.ts). bench/detect-eval counts the planted papers quoted both ways; bench/detect
 * times both.
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
