import { describe, expect, it } from 'vitest';
import { area, fromFractions, grown, nudgeBox, overlapOf, overlaps, toFractions, without } from './geometry.std';

describe('fractions of a picture', () => {
  it('carries a box marked on a 640x480 camera frame to the same place in a 1920x1440 clip', () => {
    const fractions = toFractions({ x: 40, y: 220, w: 260, h: 200 }, { width: 640, height: 480 });
    expect(fromFractions(fractions, { width: 1920, height: 1440 })).toEqual({ x: 120, y: 660, w: 780, h: 600 });
  });

  it('keeps fractions within the picture for a box that spills over its edge', () => {
    expect(toFractions({ x: -10, y: 400, w: 700, h: 100 }, { width: 640, height: 480 })).toEqual({ x: 0, y: 400 / 480, w: 1, h: 100 / 480 });
  });
});

describe('boxes side by side', () => {
  it('overlap when they share area, not when they only touch', () => {
    expect(overlaps({ x: 0, y: 0, w: 10, h: 10 }, { x: 9, y: 9, w: 10, h: 10 })).toBe(true);
    expect(overlaps({ x: 0, y: 0, w: 10, h: 10 }, { x: 10, y: 0, w: 10, h: 10 })).toBe(false);
  });

  it('grow by the same margin on every side, or by their own on each axis', () => {
    expect(grown({ x: 10, y: 20, w: 30, h: 40 }, 5)).toEqual({ x: 5, y: 15, w: 40, h: 50 });
    expect(grown({ x: 10, y: 20, w: 30, h: 40 }, { x: 2, y: 4 })).toEqual({ x: 8, y: 16, w: 34, h: 48 });
  });
});

describe('a box set right by keyboard', () => {
  const picture = { width: 640, height: 360 };
  const box = { x: 100, y: 50, w: 80, h: 60 };

  it('moves a step each way, and grows or shrinks by its right and bottom edges', () => {
    expect(nudgeBox(box, 'right', false, 8, picture)).toEqual({ x: 108, y: 50, w: 80, h: 60 });
    expect(nudgeBox(box, 'up', false, 8, picture)).toEqual({ x: 100, y: 42, w: 80, h: 60 });
    expect(nudgeBox(box, 'right', true, 8, picture)).toEqual({ x: 100, y: 50, w: 88, h: 60 });
    expect(nudgeBox(box, 'up', true, 8, picture)).toEqual({ x: 100, y: 50, w: 80, h: 52 });
  });

  it('stays inside the picture and never shrinks below a step', () => {
    expect(nudgeBox({ x: 4, y: 300, w: 80, h: 60 }, 'left', false, 8, picture)).toMatchObject({ x: 0 });
    expect(nudgeBox({ x: 4, y: 300, w: 80, h: 60 }, 'down', false, 8, picture)).toMatchObject({ y: 300 });
    expect(nudgeBox({ x: 600, y: 0, w: 36, h: 10 }, 'right', true, 8, picture)).toMatchObject({ w: 40 });
    expect(nudgeBox({ x: 0, y: 0, w: 10, h: 10 }, 'left', true, 8, picture)).toMatchObject({ w: 8 });
  });
});

describe('a box less another', () => {
  const box = { x: 0, y: 0, w: 100, h: 80 };

  it('is the box where they do not overlap, and its bands around the overlap where they do', () => {
    expect(overlapOf(box, { x: 100, y: 0, w: 10, h: 10 })).toBeUndefined();
    expect(without(box, { x: 100, y: 0, w: 10, h: 10 })).toEqual([box]);
    const hole = { x: 20, y: 30, w: 40, h: 20 };
    expect(overlapOf(box, hole)).toEqual(hole);
    const bands = without(box, hole);
    expect(bands).toEqual([
      { x: 0, y: 0, w: 100, h: 30 },
      { x: 0, y: 50, w: 100, h: 30 },
      { x: 0, y: 30, w: 20, h: 20 },
      { x: 60, y: 30, w: 40, h: 20 },
    ]);
    // The bands cover the box less the hole, and none of them overlaps another or the hole.
    expect(bands.reduce((sum, band) => sum + area(band), 0)).toBe(area(box) - area(hole));
    for (const band of bands) expect(overlaps(band, hole)).toBe(false);
    for (const [i, band] of bands.entries()) for (const other of bands.slice(i + 1)) expect(overlaps(band, other)).toBe(false);
  });

  it('is nothing where the other covers it', () => {
    expect(without(box, { x: -5, y: -5, w: 200, h: 200 })).toEqual([]);
  });
});
