/**
 * The sheet a block of writing is on: a letter's heading is one block of lines, but the whole letter is what
 * gives the worker away and what a blur must cover. From the block, the paper's own tone (between the
 * letters; a board's, under chalk or a sign's light letters) is followed outwards as far as it goes, within
 * reach; a side where it runs on to the edge of that reach (white paper on a white desk, a wall) keeps the
 * block's own edge. A lit screen's picture is followed the same way, on its own terms (ToneReach,
 * screenLook.std.ts). Pure.
 */
import { type Box, clampToFrame, grown, union } from '../media/geometry.std';

/**
 * How far the tone is followed: from the block at most `reach` of its longer side; a cell is the same paper
 * when its brightness is within `brightness` of the paper's (0..255), and its colour (the spread between
 * channels) within `colour`. What it covers fills at least `minFill` of its own box, or the block stays as it
 * was: paper and screens are compact shapes, and what ran on through a gap into the floor or a wall is not.
 * Where the tone runs on to the edge of the reach, `runOn` says whether the box keeps the block's own edge
 * there (a sheet: white paper on a white desk) or goes to the reach's (a lit picture, which the models boxed
 * a part of). `boards`: the tone may be a board's (light print on dark, PRINT_CONTRAST); `minToneColour`: the
 * tone is followed only when one of its channels stands this far from green (0..255), in colour.
 */
export type ToneReach = { reach: number; brightness: number; colour: number; minFill: number; runOn: 'block' | 'reach'; boards: boolean; minToneColour: number };
/**
 * A sheet: as far as four times the block's longer side (a statement's heading on its table), and tight on
 * tone: a white page in a room with light walls must not run on into the wall; a sheet in shade stays the
 * block it was. A card tilted on a shelf, with a coloured logo along its foot, fills 0.82 of its box
 * (scenes-real's library notice).
 */
const SHEET: ToneReach = { reach: 4, brightness: 16, colour: 10, minFill: 0.8, runOn: 'block', boards: true, minToneColour: 0 };
/** The reach is looked at on a grid of at most this many cells along its longer side. */
const GRID_CELLS = 96;
/** Paper along more than this share of the frame's edge, within reach, is a desk or a wall running on. */
const EDGE_RUN_ON_SHARE = 0.8;

/** Each cell's tone (brightness 0..255, and red and blue against green) in one of its pixels. */
type Tones = { brightness: Float32Array; red: Float32Array; blue: Float32Array };
/** The grid over the reach: each cell's brightest pixel (`light`), darkest (`dark`) and mean brightness. */
type Cells = { columns: number; rows: number; size: number; origin: { x: number; y: number }; light: Tones; dark: Tones; mean: Float32Array };
/**
 * Print is dark on a sheet and light on a board (chalk, a sign's white letters on black): the sheet's tone
 * is each cell's brightest pixel, the board's its darkest. Strokes cover less of a cell than what they are
 * written on, so a cell's mean brightness lies nearer the background's tone: the block is a board where more
 * of its cells that hold print (brightest and darkest this far apart) are darker on average than half-way,
 * clearly more: heavy print (a bold heading) covers half of some cells, and a sheet stays a sheet.
 */
const PRINT_CONTRAST = 40;
const BOARD_VOTES = 2 / 3;

/**
 * The box of the sheet under `block` in a `width` x `height` frame of interleaved pixels (`channels` 3 or 4),
 * at least the block itself; `follow` says how far its tone is followed (a screen's picture follows its own).
 */
export function sheetAround(pixels: Uint8Array | Uint8ClampedArray, width: number, height: number, channels: 3 | 4, block: Box, follow: ToneReach = SHEET): Box {
  const reach = follow.reach * Math.max(block.w, block.h);
  const window = clampToFrame(grown(block, reach), width, height);
  const cells = cellsOf(pixels, width, channels, window);
  const inBlock = (column: number, row: number) => {
    const x = cells.origin.x + (column + 0.5) * cells.size;
    const y = cells.origin.y + (row + 0.5) * cells.size;
    return x >= block.x && x <= block.x + block.w && y >= block.y && y <= block.y + block.h;
  };
  const paper = paperTone(cells, inBlock, follow.boards);
  if (!paper || Math.max(Math.abs(paper.red), Math.abs(paper.blue)) < follow.minToneColour) return block;
  const { tones } = paper;
  const same = (index: number) =>
    Math.abs(tones.brightness[index]! - paper.brightness) <= follow.brightness &&
    Math.abs(tones.red[index]! - paper.red) <= follow.colour &&
    Math.abs(tones.blue[index]! - paper.blue) <= follow.colour;
  // Every cell of the block is on the sheet (letters included); from there, the paper's tone is followed.
  const filled = new Uint8Array(cells.columns * cells.rows);
  const stack: number[] = [];
  for (let row = 0; row < cells.rows; row += 1) {
    for (let column = 0; column < cells.columns; column += 1) {
      if (inBlock(column, row)) {
        filled[row * cells.columns + column] = 1;
        stack.push(row * cells.columns + column);
      }
    }
  }
  const extent = { left: cells.columns, top: cells.rows, right: -1, bottom: -1 };
  while (stack.length > 0) {
    const index = stack.pop()!;
    const column = index % cells.columns;
    const row = (index - column) / cells.columns;
    extent.left = Math.min(extent.left, column);
    extent.right = Math.max(extent.right, column);
    extent.top = Math.min(extent.top, row);
    extent.bottom = Math.max(extent.bottom, row);
    const visit = (next: number) => {
      if (filled[next] || !same(next)) return;
      filled[next] = 1;
      stack.push(next);
    };
    if (column > 0) visit(index - 1);
    if (column < cells.columns - 1) visit(index + 1);
    if (row > 0) visit(index - cells.columns);
    if (row < cells.rows - 1) visit(index + cells.columns);
  }
  if (extent.right < 0) return block;
  let inExtent = 0;
  for (let row = extent.top; row <= extent.bottom; row += 1) {
    for (let column = extent.left; column <= extent.right; column += 1) inExtent += filled[row * cells.columns + column]!;
  }
  if (inExtent / ((extent.right - extent.left + 1) * (extent.bottom - extent.top + 1)) < follow.minFill) return block;
  // A side that runs on to the reach's edge is not the paper's edge (white paper on a white desk), unless it
  // is the frame's edge and the sheet meets it along only part of it (a page the frame cuts).
  const filledAlong = (cellsOfEdge: (step: number) => number, steps: number) => {
    let count = 0;
    for (let step = 0; step < steps; step += 1) count += filled[cellsOfEdge(step)]!;
    return count / steps;
  };
  const ranOn = (reached: boolean, frameEdge: boolean, along: () => number) => follow.runOn === 'block' && reached && (!frameEdge || along() > EDGE_RUN_ON_SHARE);
  const ranOnSide = {
    left: ranOn(extent.left === 0, window.x <= 0, () => filledAlong((row) => row * cells.columns, cells.rows)),
    top: ranOn(extent.top === 0, window.y <= 0, () => filledAlong((column) => column, cells.columns)),
    right: ranOn(extent.right === cells.columns - 1, window.x + window.w >= width, () => filledAlong((row) => row * cells.columns + cells.columns - 1, cells.rows)),
    bottom: ranOn(extent.bottom === cells.rows - 1, window.y + window.h >= height, () => filledAlong((column) => (cells.rows - 1) * cells.columns + column, cells.columns)),
  };
  const x0 = ranOnSide.left ? block.x : cells.origin.x + extent.left * cells.size;
  const y0 = ranOnSide.top ? block.y : cells.origin.y + extent.top * cells.size;
  const x1 = ranOnSide.right ? block.x + block.w : Math.min(width, cells.origin.x + (extent.right + 1) * cells.size);
  const y1 = ranOnSide.bottom ? block.y + block.h : Math.min(height, cells.origin.y + (extent.bottom + 1) * cells.size);
  return union(block, { x: x0, y: y0, w: x1 - x0, h: y1 - y0 });
}

/**
 * Square cells covering `window` (whole pixels), each with the tones of its brightest and its darkest pixel:
 * on a sheet, one of them is the paper between the strokes, however much print the cell holds.
 */
function cellsOf(pixels: Uint8Array | Uint8ClampedArray, width: number, channels: 3 | 4, window: Box): Cells {
  const size = Math.max(1, Math.ceil(Math.max(window.w, window.h) / GRID_CELLS));
  const origin = { x: Math.floor(window.x), y: Math.floor(window.y) };
  const columns = Math.max(1, Math.floor((window.x + window.w - origin.x) / size));
  const rows = Math.max(1, Math.floor((window.y + window.h - origin.y) / size));
  const tones = (): Tones => ({ brightness: new Float32Array(columns * rows), red: new Float32Array(columns * rows), blue: new Float32Array(columns * rows) });
  const light = tones();
  const dark = tones();
  dark.brightness.fill(Infinity);
  const mean = new Float32Array(columns * rows);
  for (let row = 0; row < rows; row += 1) {
    for (let column = 0; column < columns; column += 1) {
      const index = row * columns + column;
      let sum = 0;
      for (let y = origin.y + row * size; y < origin.y + (row + 1) * size; y += 1) {
        for (let x = origin.x + column * size; x < origin.x + (column + 1) * size; x += 1) {
          const at = (y * width + x) * channels;
          const r = pixels[at]!;
          const g = pixels[at + 1]!;
          const b = pixels[at + 2]!;
          const brightness = (r + g + b) / 3;
          if (brightness > light.brightness[index]!) setTone(light, index, brightness, r, g, b);
          if (brightness < dark.brightness[index]!) setTone(dark, index, brightness, r, g, b);
          sum += brightness;
        }
      }
      mean[index] = sum / (size * size);
    }
  }
  return { columns, rows, size, origin, light, dark, mean };
}

function setTone(tones: Tones, index: number, brightness: number, r: number, g: number, b: number): void {
  tones.brightness[index] = brightness;
  tones.red[index] = r - g;
  tones.blue[index] = b - g;
}

/**
 * The paper's tone: the median over the block's cells of their brightest pixels (each the paper between its
 * strokes), or of their darkest on a board (PRINT_CONTRAST, where `boards`); with the tones of every cell it
 * is read in.
 */
function paperTone(cells: Cells, inBlock: (column: number, row: number) => boolean, boards: boolean): { tones: Tones; brightness: number; red: number; blue: number } | undefined {
  const indices: number[] = [];
  for (let row = 0; row < cells.rows; row += 1) {
    for (let column = 0; column < cells.columns; column += 1) if (inBlock(column, row)) indices.push(row * cells.columns + column);
  }
  if (indices.length === 0) return undefined;
  const { light, dark, mean } = cells;
  const withPrint = indices.filter((index) => light.brightness[index]! - dark.brightness[index]! >= PRINT_CONTRAST);
  const darkOnAverage = withPrint.filter((index) => mean[index]! < (light.brightness[index]! + dark.brightness[index]!) / 2).length;
  const tones = boards && darkOnAverage > BOARD_VOTES * withPrint.length ? dark : light;
  const sorted = [...indices].sort((a, b) => tones.brightness[b]! - tones.brightness[a]!);
  const paper = sorted[Math.floor(sorted.length / 2)]!;
  return { tones, brightness: tones.brightness[paper]!, red: tones.red[paper]!, blue: tones.blue[paper]! };
}
