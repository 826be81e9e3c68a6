/**
 * Lines of writing gathered into what they are written on: a paper, a sign, a label. Three or more nearby
 * lines are a paper, flagged whether or not anything on it can be read; the parts of the frame where writing
 * is are what tesseract reads, one at a time. Pure.
 */
import { type Box, centreInside, clampToFrame, grown, iou, union } from '../media/geometry.std';
import type { WritingLine } from './writingLines.std';

/**
 * Lines of one paper are closer than this many line thicknesses: handwriting leaves about 2.5 between its
 * lines, print less.
 */
const BLOCK_GAP_THICKNESSES = 3;
/**
 * The thicker line's reach is capped at this many times the thinner one's thickness: big print (a brand on a
 * T-shirt, 3.4 times as thick as a page of print lying 86 px from it at 640 px) would otherwise reach far
 * enough to join small print on another thing, and the flag would cover both and all between. A heading
 * twice its body's size still joins it from six body lines away; on scenes-real the cap splits no paper.
 */
const BLOCK_GAP_MAX_THICKNESS_RATIO = 2;
/**
 * A block of writing needs this many lines (see BIG_PRINT_SHARE), or lines as long in all as
 * BLOCK_MIN_LENGTH line thicknesses (letters are about two thirds of a line's height wide, so about 15
 * letters: a sentence, an address line; a brand name on a kettle is shorter). Clean rooms showed no line
 * longer than 4.2 thicknesses and no three lines together; a page of handwriting cut by the frame's edge
 * showed two pairs of long lines.
 */
export const BLOCK_MIN_LINES = 3;
export const BLOCK_MIN_LENGTH = 10;
/**
 * Where big print (lines thicker than BIG_PRINT_SHARE of the frame's short side) is among them, the three
 * lines must be of a like size, within LIKE_SIZE_RATIO of each other's thickness: a page's body, even one
 * lying at an angle, has three lines that close, and a page's headline is not needed to make it a page. Three
 * words of big print on different things are not one: a brand on a T-shirt (57 px thick in a 769 px high
 * photo), on a card beside it (21 px) and on a hoodie behind it (37 px), in scenes-real's office photo. Small
 * print keeps any three lines: a name card's name, title and company differ in size.
 */
const BIG_PRINT_SHARE = 0.04;
const LIKE_SIZE_RATIO = 2;
/**
 * Two lines one above the other, both confident and together this long, are a card or a label: a name and
 * a title, a price and an item (name cards in scenes-real: 6.2 thicknesses; a poster's caption: 4.3). The
 * clean rooms' pairs of lines sit side by side (a print's caption, 5.6) or are not writing at all (a chair
 * back the model half-liked, 240 px thick on a 730 px frame).
 */
export const CARD_MIN_LENGTH = 4;
const CARD_MIN_SCORE = 0.85;
/** ...and its letters are smaller than this share of the frame's short side. */
const CARD_MAX_THICKNESS = 0.1;
/** A block: the box of its lines, and the sheet they are on (as big as the box when no sheet was looked for). */
type WritingBlock = { box: Box; sheet: Box; score: number; lines: number };

/**
 * Lines gathered into blocks (one paper, one sign): lines closer than BLOCK_GAP_THICKNESSES of the thicker
 * one's thickness on both axes (capped by BLOCK_GAP_MAX_THICKNESS_RATIO) belong together; only blocks of
 * BLOCK_MIN_LINES lines (of a like size where big print is among them), or BLOCK_MIN_LENGTH thicknesses of
 * writing, are kept. Blocks on one sheet are one block: the columns of a statement's table stand further
 * apart than its lines, and a closer look (writingModel.std.ts) sees each as a block, and one of them the
 * whole sheet.
 */
export function writingBlocks(lines: readonly WritingLine[], frame: { width: number; height: number }): WritingBlock[] {
  const blocks = writingGroups(lines)
    .filter((group) => isWritingBlock(group, frame))
    .map((group) => ({
      box: group.map((line) => line.box).reduce(union),
      sheet: group.map((line) => line.sheet ?? line.box).reduce(union),
      score: group.reduce((sum, line) => sum + line.score, 0) / group.length,
      lines: group.length,
    }));
  // One sheet: either block's middle lies on the other's own sheet (whatever order they come in).
  const onOneSheet = gathered(blocks, (a, b) => centreInside(a.box, b.sheet) || centreInside(b.box, a.sheet));
  return onOneSheet.map((parts) => {
    const lines = parts.reduce((sum, part) => sum + part.lines, 0);
    return {
      box: parts.map((part) => part.box).reduce(union),
      sheet: parts.map((part) => part.sheet).reduce(union),
      score: parts.reduce((sum, part) => sum + part.score * part.lines, 0) / lines,
      lines,
    };
  });
}

/** `items` gathered into groups, two items in one group when `together` says so of them or of a chain between them. */
function gathered<T>(items: readonly T[], together: (a: T, b: T) => boolean): T[][] {
  const parent = items.map((_, index) => index);
  const root = (index: number): number => (parent[index] === index ? index : (parent[index] = root(parent[index]!)));
  for (let a = 0; a < items.length; a += 1) {
    for (let b = a + 1; b < items.length; b += 1) {
      if (together(items[a]!, items[b]!)) parent[root(a)] = root(b);
    }
  }
  const groups = new Map<number, T[]>();
  items.forEach((item, index) => groups.set(root(index), [...(groups.get(root(index)) ?? []), item]));
  return [...groups.values()];
}

/** Whether a group of lines (writingGroups) is enough writing to be a paper, a sign or a card (see writingBlocks). */
export function isWritingBlock(group: readonly WritingLine[], frame: { width: number; height: number }): boolean {
  const length = group.reduce((sum, line) => sum + lengthInThicknesses(line), 0);
  const bigPrint = group.some((line) => line.thickness > BIG_PRINT_SHARE * Math.min(frame.width, frame.height));
  const enoughLines = bigPrint ? mostOfLikeSize(group) >= BLOCK_MIN_LINES : group.length >= BLOCK_MIN_LINES;
  return enoughLines || length >= BLOCK_MIN_LENGTH || (length >= CARD_MIN_LENGTH && isCard(group, frame));
}

/** The most lines of `group` of a like size (LIKE_SIZE_RATIO). */
function mostOfLikeSize(group: readonly WritingLine[]): number {
  return Math.max(0, ...group.map((smallest) => group.filter((line) => line.thickness >= smallest.thickness && line.thickness <= LIKE_SIZE_RATIO * smallest.thickness).length));
}

/** Lines gathered by nearness (see writingBlocks), however few. */
export function writingGroups(lines: readonly WritingLine[]): WritingLine[][] {
  return gathered(lines, near);
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
    return clampToFrame(grown(box, margin), width, height);
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

/** Two confident lines of modest letters, one above the other (see CARD_MIN_LENGTH). */
function isCard(group: readonly WritingLine[], frame: { width: number; height: number }): boolean {
  if (group.length !== 2) return false;
  const [a, b] = group as [WritingLine, WritingLine];
  const stacked = Math.max(a.box.x, b.box.x) < Math.min(a.box.x + a.box.w, b.box.x + b.box.w) && Math.abs(a.box.y + a.box.h / 2 - (b.box.y + b.box.h / 2)) >= Math.min(a.thickness, b.thickness);
  const small = Math.max(a.thickness, b.thickness) <= CARD_MAX_THICKNESS * Math.min(frame.width, frame.height);
  return stacked && small && Math.min(a.score, b.score) >= CARD_MIN_SCORE;
}

function lengthInThicknesses(line: WritingLine): number {
  return Math.max(line.box.w, line.box.h) / line.thickness;
}

function near(a: WritingLine, b: WritingLine): boolean {
  const gap = BLOCK_GAP_THICKNESSES * Math.min(Math.max(a.thickness, b.thickness), BLOCK_GAP_MAX_THICKNESS_RATIO * Math.min(a.thickness, b.thickness));
  const gapX = Math.max(a.box.x, b.box.x) - Math.min(a.box.x + a.box.w, b.box.x + b.box.w);
  const gapY = Math.max(a.box.y, b.box.y) - Math.min(a.box.y + a.box.h, b.box.y + b.box.h);
  return gapX <= gap && gapY <= gap;
}
