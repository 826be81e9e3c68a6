import { describe, expect, it } from 'vitest';
import type { Box } from '../media/geometry.std';
import { sheetAround } from './sheet.std';

/**
 * A 640x480 RGB picture: `background`, with `paper` filled in `sheet`, print in `ink` (dark unless told) in
 * each of `lines`, and each of `marks` (a logo, a photo) in its colour.
 */
function picture(background: number[], sheet: Box, paper: number[], lines: Box[], marks: Array<{ box: Box; colour: number[] }> = [], ink = [30, 30, 35]): Uint8Array {
  const pixels = new Uint8Array(640 * 480 * 3);
  const inside = (x: number, y: number, box: Box) => x >= box.x && x < box.x + box.w && y >= box.y && y < box.y + box.h;
  for (let y = 0; y < 480; y += 1) {
    for (let x = 0; x < 640; x += 1) {
      // Print: one column in three of a line is ink, about as much of a line's box as letters cover.
      const mark = marks.find(({ box }) => inside(x, y, box));
      const colour = lines.some((line) => inside(x, y, line)) && x % 3 === 0 ? ink : mark ? mark.colour : inside(x, y, sheet) ? paper : background;
      pixels.set(colour, (y * 640 + x) * 3);
    }
  }
  return pixels;
}

const SHEET = { x: 200, y: 100, w: 180, h: 240 };
const HEADING = [0, 1, 2].map((row) => ({ x: 220, y: 120 + row * 14, w: 120, h: 8 }));
const HEADING_BLOCK = { x: 220, y: 120, w: 120, h: 36 };

describe('the sheet under a block of writing', () => {
  it('grows a letter\'s heading to the whole sheet on a dark desk', () => {
    const found = sheetAround(picture([70, 55, 40], SHEET, [235, 235, 228], HEADING), 640, 480, 3, HEADING_BLOCK);
    for (const side of ['x', 'y', 'w', 'h'] as const) expect(Math.abs(found[side] - SHEET[side])).toBeLessThanOrEqual(10);
  });

  it('takes in a coloured logo along the sheet\'s foot', () => {
    // A blue logo across two thirds of the card's foot: the paper's tone fills 0.86 of the card's box.
    const logo = { box: { x: 200, y: 290, w: 120, h: 50 }, colour: [40, 90, 200] };
    const found = sheetAround(picture([70, 55, 40], SHEET, [235, 235, 228], HEADING, [logo]), 640, 480, 3, HEADING_BLOCK);
    for (const side of ['x', 'y', 'w', 'h'] as const) expect(Math.abs(found[side] - SHEET[side])).toBeLessThanOrEqual(10);
  });

  it('keeps the block\'s own edges where the paper runs on into a desk of the same tone', () => {
    const found = sheetAround(picture([235, 235, 228], SHEET, [235, 235, 228], HEADING), 640, 480, 3, HEADING_BLOCK);
    // Within a cell or so of the grid the sheet is looked for on (7 px here).
    for (const side of ['x', 'y', 'w', 'h'] as const) expect(Math.abs(found[side] - HEADING_BLOCK[side])).toBeLessThanOrEqual(10);
  });

  it('follows a page the frame cuts to the frame\'s edge', () => {
    const cut = { x: 200, y: 260, w: 180, h: 220 };
    const lines = [0, 1, 2].map((row) => ({ x: 220, y: 300 + row * 14, w: 120, h: 8 }));
    const found = sheetAround(picture([70, 55, 40], cut, [235, 235, 228], lines), 640, 480, 3, { x: 220, y: 300, w: 120, h: 36 });
    for (const side of ['x', 'y', 'w', 'h'] as const) expect(Math.abs(found[side] - cut[side])).toBeLessThanOrEqual(10);
  });

  it('grows chalk on a board to the whole board, on a wall lighter or darker than it', () => {
    const chalk = [225, 225, 215];
    for (const wall of [[150, 140, 120], [20, 18, 15]]) {
      const found = sheetAround(picture(wall, SHEET, [45, 60, 55], HEADING, [], chalk), 640, 480, 3, HEADING_BLOCK);
      for (const side of ['x', 'y', 'w', 'h'] as const) expect(Math.abs(found[side] - SHEET[side])).toBeLessThanOrEqual(10);
    }
  });

  it('keeps a densely printed page a sheet, though ink is in every cell', () => {
    // Lines a pixel apart: each cell of the block holds ink and paper alike.
    const dense = Array.from({ length: 12 }, (_, row) => ({ x: 220, y: 120 + row * 3, w: 120, h: 2 }));
    const found = sheetAround(picture([70, 55, 40], SHEET, [235, 235, 228], dense), 640, 480, 3, HEADING_BLOCK);
    for (const side of ['x', 'y', 'w', 'h'] as const) expect(Math.abs(found[side] - SHEET[side])).toBeLessThanOrEqual(10);
  });
});
