import { describe, expect, it } from 'vitest';
import type { Box } from '../media/geometry.std';
import { medianLuma, paperLook } from './paperLook.std';

const WIDTH = 320;
const HEIGHT = 240;
const inside = (x: number, y: number, box: Box) => x >= box.x && x < box.x + box.w && y >= box.y && y < box.y + box.h;
const ROOM = [110, 100, 90];

/**
 * A picture (`channels` 3 or 4) `scale` times 320x240: a room of `room`'s colour, with `fill` giving the colour
 * of each pixel of `box` (in 320x240 pixels).
 */
function picture(box: Box, fill: (x: number, y: number) => readonly number[], { room = ROOM, scale = 1, channels = 3 }: { room?: number[]; scale?: number; channels?: 3 | 4 } = {}): Uint8Array {
  const width = WIDTH * scale;
  const pixels = new Uint8Array(width * HEIGHT * scale * channels);
  for (let y = 0; y < HEIGHT * scale; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const [at, down] = [x / scale, y / scale];
      pixels.set([...(inside(at, down, box) ? fill(Math.floor(at), Math.floor(down)) : room), 255].slice(0, channels), (y * width + x) * channels);
    }
  }
  return pixels;
}

const SHEET = { x: 100, y: 150, w: 120, h: 60 };
const look = (pixels: Uint8Array, box: Box = SHEET, scale = 1, channels: 3 | 4 = 3) => {
  const [width, height] = [WIDTH * scale, HEIGHT * scale];
  return paperLook(pixels, width, height, channels, medianLuma(pixels, width, height, channels), { x: box.x * scale, y: box.y * scale, w: box.w * scale, h: box.h * scale });
};

describe('how much a box looks like paper', () => {
  it('takes a white sheet with faint print, brighter than the room, as paper', () => {
    const sheet = picture(SHEET, (x, y) => (y % 6 === 0 && x % 2 === 0 ? [192, 192, 196] : [215, 212, 205]));
    expect(look(sheet)).toBeGreaterThan(0.8);
  });

  it('does not take a coloured cover, a grey box or a sheet no brighter than the room', () => {
    expect(look(picture(SHEET, () => [200, 60, 50]))).toBe(0);
    expect(look(picture(SHEET, () => [120, 118, 115]))).toBe(0);
    // In a bright room, what passed for white in a dim one is the room's own tone.
    expect(look(picture(SHEET, () => [215, 212, 205], { room: [205, 205, 200] }))).toBe(0);
    expect(look(picture(SHEET, () => [215, 212, 205], { room: [180, 178, 175] }))).toBeGreaterThan(0.8);
  });

  it('does not take white spines side by side, or white things piled up, striped by their edges', () => {
    expect(look(picture(SHEET, (x) => (x % 8 === 0 ? [40, 40, 60] : [225, 225, 220])))).toBe(0);
    expect(look(picture(SHEET, (_, y) => (y % 6 === 0 ? [40, 40, 60] : [225, 225, 220])))).toBe(0);
  });

  it('gives the same answer on a frame three times the size, and on RGBA pixels', () => {
    const spines = (x: number) => (x % 8 === 0 ? [40, 40, 60] : [225, 225, 220]);
    expect(look(picture(SHEET, spines, { scale: 3 }), SHEET, 3)).toBe(0);
    const sheet = () => [215, 212, 205];
    expect(look(picture(SHEET, sheet, { scale: 3 }), SHEET, 3)).toBeCloseTo(look(picture(SHEET, sheet)), 1);
    expect(look(picture(SHEET, sheet, { channels: 4 }), SHEET, 1, 4)).toBeCloseTo(look(picture(SHEET, sheet)), 5);
  });

  it('looks at nothing outside the frame: a box past its edge, or of no size', () => {
    const sheet = picture(SHEET, () => [215, 212, 205]);
    expect(look(sheet, { x: 280, y: 200, w: 200, h: 100 })).toBe(0);
    expect(look(sheet, { x: 100, y: 150, w: 0, h: 0 })).toBe(0);
    expect(look(sheet, { x: Number.NaN, y: 150, w: 10, h: 10 })).toBe(0);
  });

  it('does not take a light: most of it blown out', () => {
    expect(look(picture(SHEET, () => [255, 255, 255]))).toBe(0);
  });
});
