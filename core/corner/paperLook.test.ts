import { describe, expect, it } from 'vitest';
import type { Box } from '../media/geometry.std';
import { medianLuma, paperLook, withPaperLooks } from './paperLook.std';

const WIDTH = 320;
const HEIGHT = 240;
const inside = (x: number, y: number, box: Box) => x >= box.x && x < box.x + box.w && y >= box.y && y < box.y + box.h;

/** An RGB picture: a mid-grey room, with `fill` giving the colour of each pixel of `box`. */
function picture(box: Box, fill: (x: number, y: number) => readonly number[]): Uint8Array {
  const pixels = new Uint8Array(WIDTH * HEIGHT * 3);
  for (let y = 0; y < HEIGHT; y += 1) for (let x = 0; x < WIDTH; x += 1) pixels.set(inside(x, y, box) ? fill(x, y) : [110, 100, 90], (y * WIDTH + x) * 3);
  return pixels;
}

const SHEET = { x: 100, y: 150, w: 120, h: 60 };
const look = (pixels: Uint8Array, box: Box = SHEET) => paperLook(pixels, WIDTH, HEIGHT, 3, medianLuma(pixels, WIDTH, HEIGHT, 3), box);

describe('how much a box looks like paper', () => {
  it('takes a white sheet with faint print, brighter than the room, as paper', () => {
    const sheet = picture(SHEET, (x, y) => (y % 6 === 0 && x % 2 === 0 ? [192, 192, 196] : [215, 212, 205]));
    expect(look(sheet)).toBeGreaterThan(0.8);
  });

  it('does not take a coloured cover, a grey box or a sheet no brighter than the room', () => {
    expect(look(picture(SHEET, () => [200, 60, 50]))).toBe(0);
    expect(look(picture(SHEET, () => [120, 118, 115]))).toBe(0);
  });

  it('does not take white spines side by side, striped by their edges', () => {
    expect(look(picture(SHEET, (x) => (x % 8 === 0 ? [40, 40, 60] : [225, 225, 220])))).toBe(0);
  });

  it('does not take a light: most of it blown out', () => {
    expect(look(picture(SHEET, () => [255, 255, 255]))).toBe(0);
  });

  it('weighs only book finds, and reads the pixels only when there is one', () => {
    const sheet = picture(SHEET, () => [215, 212, 205]);
    let read = 0;
    const pixels = () => ((read += 1), sheet);
    const cup = { label: 'cup', score: 0.5, box: SHEET };
    expect(withPaperLooks({ objects: [cup], ssdObjects: [] }, pixels, WIDTH, HEIGHT, 3)).toEqual({ objects: [cup], ssdObjects: [] });
    expect(read).toBe(0);
    const looked = withPaperLooks({ objects: [cup], ssdObjects: [{ ...cup, label: 'book' }] }, pixels, WIDTH, HEIGHT, 3);
    expect(read).toBe(1);
    expect(looked.objects[0]).toEqual(cup);
    expect(looked.ssdObjects[0]?.paperLook).toBeGreaterThan(0.8);
  });
});
