/**
 * Whether the camera's picture has changed since a model last looked at it, from tiny grey thumbnails: the same
 * picture gives a model the same answers, so the corner check runs objects and photo sweeps less often while
 * nothing moves, and at once when something comes into view (modelSchedule.std.ts, writingSchedule.std.ts). Pure.
 */
import type { Box } from '../media/geometry.std';
import { median } from '../shared/stats.std';

/**
 * Thumbnails are this size: one cell is 20x20 px of a 640x480 frame, so a phone held at arm's length (about
 * 60x120 px) covers several cells whole, and a cell's mean is steady under a webcam's pixel noise (a few
 * levels per pixel, a twentieth of that over 400 pixels).
 */
export const THUMBNAIL = { width: 32, height: 24 } as const;

/**
 * A cell has changed when its brightness moved by more than this (0..255), beyond what the whole picture moved:
 * well above a cell's noise, and an object entering changes its cells by tens of levels.
 */
export const CELL_CHANGE_LEVELS = 8;
/**
 * The picture has changed when at least this many cells have: one cell alone is more likely a flicker of light
 * on an edge than something new.
 */
const MIN_CHANGED_CELLS = 2;

/** Brightness (Rec. 601 luma) of each pixel of an RGBA thumbnail, as the canvas gives it. */
export function thumbnailOf(rgba: Uint8ClampedArray | Uint8Array): Uint8Array {
  const luma = new Uint8Array(rgba.length / 4);
  for (let pixel = 0; pixel < luma.length; pixel += 1) {
    const at = pixel * 4;
    luma[pixel] = Math.round(0.299 * rgba[at]! + 0.587 * rgba[at + 1]! + 0.114 * rgba[at + 2]!);
  }
  return luma;
}

/** A camera frame's brightness plane (the Y of its YUV), `stride` bytes to a row. */
type LumaPlane = { data: Uint8Array; width: number; height: number; stride: number; fullRange: boolean };

/** Video's brightness runs from 16 (black) to 235 (white) unless the frame says it uses the full range. */
const VIDEO_BLACK = 16;
const VIDEO_WHITE = 235;

/**
 * Every this many pixels of a frame's brightness plane are read, across and down: still 100 pixels to a
 * 640x480 frame's cell, in a quarter of the time (up to 30 thumbnails a second).
 */
const LUMA_STEP = 2;

/**
 * The thumbnail straight from a camera frame's brightness plane: each cell the mean of its pixels (every
 * LUMA_STEP-th), stretched to 0..255 as the luma of an RGB picture is (thumbnailOf). Webcams deliver YUV:
 * copying the brightness plane out costs a fraction of converting the frame to RGB for a canvas.
 */
export function thumbnailOfLuma({ data, width, height, stride, fullRange }: LumaPlane): Uint8Array {
  const sums = new Float64Array(THUMBNAIL.width * THUMBNAIL.height);
  const counts = new Uint32Array(sums.length);
  for (let y = 0; y < height; y += LUMA_STEP) {
    const rowCells = Math.floor((y * THUMBNAIL.height) / height) * THUMBNAIL.width;
    const rowStart = y * stride;
    for (let x = 0; x < width; x += LUMA_STEP) {
      const cell = rowCells + Math.floor((x * THUMBNAIL.width) / width);
      sums[cell] = sums[cell]! + data[rowStart + x]!;
      counts[cell] = counts[cell]! + 1;
    }
  }
  const [black, white] = fullRange ? [0, 255] : [VIDEO_BLACK, VIDEO_WHITE];
  return Uint8Array.from(sums, (sum, cell) => Math.round(Math.min(255, Math.max(0, ((sum / counts[cell]! - black) * 255) / (white - black)))));
}

/** Cells are grouped by brightness in this many bands to learn how the camera's exposure moved each. */
const EXPOSURE_BANDS = 16;

/**
 * The thumbnail's cells that `boxes` (in the pixels of a `frame`-sized picture) touch: where a change matters
 * to a detector that only reads there.
 */
export function cellsUnder(boxes: readonly Box[], frame: { width: number; height: number }): boolean[] {
  const cells = new Array<boolean>(THUMBNAIL.width * THUMBNAIL.height).fill(false);
  const cellWidth = frame.width / THUMBNAIL.width;
  const cellHeight = frame.height / THUMBNAIL.height;
  const span = (from: number, size: number, cell: number, count: number) =>
    [Math.max(0, Math.floor(from / cell)), Math.min(count - 1, Math.ceil((from + size) / cell) - 1)] as const;
  for (const box of boxes) {
    const [left, right] = span(box.x, box.w, cellWidth, THUMBNAIL.width);
    const [top, bottom] = span(box.y, box.h, cellHeight, THUMBNAIL.height);
    for (let row = top; row <= bottom; row += 1) cells.fill(true, row * THUMBNAIL.width + left, row * THUMBNAIL.width + right + 1);
  }
  return cells;
}

/**
 * Which cells of `after` show something `before` did not. A camera adjusting its exposure moves every cell of
 * one brightness alike (dark cells less than mid-tones, white ones no further than white): that move, the
 * median change of cells that were about as bright, is taken out first, and what is left is something new in
 * view.
 */
function newInCell(before: Uint8Array, after: Uint8Array): (cell: number) => boolean {
  const band = (value: number) => Math.min(EXPOSURE_BANDS - 1, Math.floor((value * EXPOSURE_BANDS) / 256));
  const differences: number[][] = Array.from({ length: EXPOSURE_BANDS }, () => []);
  before.forEach((value, cell) => differences[band(value)]!.push(after[cell]! - value));
  const exposureMove = differences.map(medianOrZero);
  return (cell) => {
    const level = before[cell]!;
    const expected = Math.min(255, Math.max(0, level + exposureMove[band(level)]!));
    return Math.abs(after[cell]! - expected) > CELL_CHANGE_LEVELS;
  };
}

/**
 * True when `after` shows something `before` did not (or there is no `before`: the model has not looked yet),
 * anywhere, or only `within` the cells given (cellsUnder).
 */
export function pictureChanged(before: Uint8Array | undefined, after: Uint8Array, within?: readonly boolean[]): boolean {
  if (!before || before.length !== after.length) return true;
  const isNew = newInCell(before, after);
  let changed = 0;
  for (let cell = 0; cell < before.length; cell += 1) {
    if (within && !within[cell]) continue;
    if (isNew(cell)) changed += 1;
    if (changed >= MIN_CHANGED_CELLS) return true;
  }
  return false;
}

/**
 * Where `after` shows something `before` did not: the box around every changed cell, in the pixels of a
 * `frame`-sized picture; all of it without a `before`; undefined if the picture has not changed.
 */
export function changedRegion(before: Uint8Array | undefined, after: Uint8Array, frame: { width: number; height: number }): Box | undefined {
  if (!before || before.length !== after.length) return { x: 0, y: 0, w: frame.width, h: frame.height };
  const isNew = newInCell(before, after);
  const columns: number[] = [];
  const rows: number[] = [];
  for (let cell = 0; cell < before.length; cell += 1) {
    if (!isNew(cell)) continue;
    columns.push(cell % THUMBNAIL.width);
    rows.push(Math.floor(cell / THUMBNAIL.width));
  }
  if (columns.length < MIN_CHANGED_CELLS) return undefined;
  const cellWidth = frame.width / THUMBNAIL.width;
  const cellHeight = frame.height / THUMBNAIL.height;
  const [left, right, top, bottom] = [Math.min(...columns), Math.max(...columns) + 1, Math.min(...rows), Math.max(...rows) + 1];
  return { x: left * cellWidth, y: top * cellHeight, w: (right - left) * cellWidth, h: (bottom - top) * cellHeight };
}

/** The middle value (0 for none). */
const medianOrZero = (values: number[]) => (values.length === 0 ? 0 : median(values));
