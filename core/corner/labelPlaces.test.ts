import { describe, expect, it } from 'vitest';
import { overlaps } from '../media/geometry.std';
import { labelPlaces } from './labelPlaces.std';

const PICTURE = { width: 640, height: 480 };

describe('flag labels', () => {
  it('puts a lone label above its box, and inside it when the box touches the top', () => {
    expect(labelPlaces([{ x: 100, y: 100, w: 80, h: 60 }], [{ w: 90, h: 18 }], PICTURE)).toEqual([{ x: 100, y: 82, w: 90 }]);
    expect(labelPlaces([{ x: 100, y: 0, w: 80, h: 60 }], [{ w: 90, h: 18 }], PICTURE)).toEqual([{ x: 100, y: 0, w: 90 }]);
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
    const labels = labelPlaces(boxes, sizes, PICTURE).map((place) => ({ ...place, h: 18 }));
    expect(labels.map((label) => label.w)).toEqual(sizes.map((size) => size.w));
    expectApartInside(labels, PICTURE);
  });

  it('shortens a label rather than cover another when a small preview is crowded (a large zoom)', () => {
    // Six flags on a preview 360x200, labels at twice their usual size: whole, they cannot all fit.
    const picture = { width: 360, height: 200 };
    const boxes = [0, 1, 2, 3, 4, 5].map((index) => ({ x: 20 + (index % 3) * 110, y: 30 + Math.floor(index / 3) * 90, w: 90, h: 60 }));
    const size = { w: 300, h: 36 };
    const labels = labelPlaces(boxes, boxes.map(() => size), picture).map((place) => ({ ...place, h: size.h }));
    expectApartInside(labels, picture);
    expect(labels.every((label) => label.w < size.w)).toBe(true);
  });
});

function expectApartInside(labels: ReadonlyArray<{ x: number; y: number; w: number; h: number }>, picture: { width: number; height: number }) {
  for (const [index, label] of labels.entries()) {
    expect(label.x).toBeGreaterThanOrEqual(0);
    expect(label.y).toBeGreaterThanOrEqual(0);
    expect(label.x + label.w).toBeLessThanOrEqual(picture.width);
    expect(label.y + label.h).toBeLessThanOrEqual(picture.height);
    for (const other of labels.slice(index + 1)) expect(overlaps(label, other)).toBe(false);
  }
}
