import { describe, expect, it } from 'vitest';
import { fromFractions, grown, overlaps, toFractions } from './geometry.std';

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
