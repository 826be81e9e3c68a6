import { describe, expect, it } from 'vitest';
import { overlaps } from '../media/geometry.std';
import { labelPlaces } from './labelPlaces.std';

const PICTURE = { width: 640, height: 480 };

describe('flag labels', () => {
  it('puts a lone label above its box, and inside it when the box touches the top', () => {
    expect(labelPlaces([{ x: 100, y: 100, w: 80, h: 60 }], [{ w: 90, h: 18 }], PICTURE)).toEqual([{ x: 100, y: 82 }]);
    expect(labelPlaces([{ x: 100, y: 0, w: 80, h: 60 }], [{ w: 90, h: 18 }], PICTURE)).toEqual([{ x: 100, y: 0 }]);
  });

  it('never lets two labels overlap, however the boxes crowd, and keeps them in the picture', () => {
    // A framed photo with two faces, a poster beside it and a screen under them: five flags in one corner.
    const boxes = [
      { x: 520, y: 40, w: 90, h: 112 },
      { x: 548, y: 49, w: 34, h: 34 },
      { x: 520, y: 45, w: 30, h: 30 },
      { x: 500, y: 60, w: 140, h: 200 },
      { x: 130, y: 220, w: 275, h: 240 },
    ];
    const sizes = boxes.map(() => ({ w: 120, h: 18 }));
    const places = labelPlaces(boxes, sizes, PICTURE);
    const labels = places.map((place, index) => ({ ...place, ...sizes[index]! }));
    for (const [index, label] of labels.entries()) {
      expect(label.x).toBeGreaterThanOrEqual(0);
      expect(label.y).toBeGreaterThanOrEqual(0);
      expect(label.x + label.w).toBeLessThanOrEqual(PICTURE.width);
      expect(label.y + label.h).toBeLessThanOrEqual(PICTURE.height);
      for (const other of labels.slice(index + 1)) expect(overlaps(label, other)).toBe(false);
    }
  });
});
