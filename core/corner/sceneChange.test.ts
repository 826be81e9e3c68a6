import { describe, expect, it } from 'vitest';
import { CELL_CHANGE_LEVELS, THUMBNAIL, cellsUnder, changedRegion, pictureChanged, thumbnailOf, thumbnailOfLuma } from './sceneChange.std';

const cells = THUMBNAIL.width * THUMBNAIL.height;
/** A thumbnail with a gradient, like a room's walls and furniture, not one flat grey. */
const room = () => Uint8Array.from({ length: cells }, (_, cell) => 40 + ((cell * 7) % 160));

describe('whether the picture has changed since a model looked', () => {
  it('has changed when the model has not looked yet', () => {
    expect(pictureChanged(undefined, room())).toBe(true);
  });

  it('has not changed when the same picture comes back, or the camera brightens all of it', () => {
    expect(pictureChanged(room(), room())).toBe(false);
    expect(pictureChanged(room(), room().map((value) => value + 30))).toBe(false);
  });

  it('has changed when something covers two cells, not when one cell flickers', () => {
    const oneCell = room();
    oneCell[100] = oneCell[100]! + 3 * CELL_CHANGE_LEVELS;
    expect(pictureChanged(room(), oneCell)).toBe(false);
    const twoCells = oneCell.slice();
    twoCells[101] = twoCells[101]! - 3 * CELL_CHANGE_LEVELS;
    expect(pictureChanged(room(), twoCells)).toBe(true);
    const withinNoise = room().map((value, cell) => value + (cell % 2 === 0 ? CELL_CHANGE_LEVELS : -CELL_CHANGE_LEVELS) / 2);
    expect(pictureChanged(room(), withinNoise)).toBe(false);
  });

  it('looks only within the cells given, when given: those a box in the frame touches', () => {
    // 20x20 px cells in a 640x480 frame: this box touches columns 1-2 of rows 1-2.
    const within = cellsUnder([{ x: 25, y: 30, w: 30, h: 20 }], { width: 640, height: 480 });
    const touched = within.flatMap((inside, cell) => (inside ? [cell] : []));
    expect(touched).toEqual([THUMBNAIL.width + 1, THUMBNAIL.width + 2, 2 * THUMBNAIL.width + 1, 2 * THUMBNAIL.width + 2]);
    const change = (cellsChanged: number[]) => {
      const after = room();
      for (const cell of cellsChanged) after[cell] = after[cell]! + 3 * CELL_CHANGE_LEVELS;
      return after;
    };
    expect(pictureChanged(room(), change(touched), within)).toBe(true);
    expect(pictureChanged(room(), change([0, 1, 2, 3]), within)).toBe(false);
    expect(pictureChanged(room(), change([0, 1, 2, 3]))).toBe(true);
  });

  it('says where the picture changed: around every changed cell, in frame pixels', () => {
    const frame = { width: 640, height: 480 };
    expect(changedRegion(undefined, room(), frame)).toEqual({ x: 0, y: 0, w: 640, h: 480 });
    expect(changedRegion(room(), room().map((value) => value + 30), frame)).toBeUndefined();
    const after = room();
    // Cells (3, 2) and (5, 4): 20x20 px each.
    for (const cell of [2 * THUMBNAIL.width + 3, 4 * THUMBNAIL.width + 5]) after[cell] = after[cell]! + 3 * CELL_CHANGE_LEVELS;
    expect(changedRegion(room(), after, frame)).toEqual({ x: 60, y: 40, w: 60, h: 60 });
    const oneCell = room();
    oneCell[100] = oneCell[100]! + 3 * CELL_CHANGE_LEVELS;
    expect(changedRegion(room(), oneCell, frame)).toBeUndefined();
  });

  it('reads a canvas thumbnail as brightness', () => {
    expect([...thumbnailOf(Uint8ClampedArray.from([255, 255, 255, 255, 0, 0, 0, 255, 255, 0, 0, 255]))]).toEqual([255, 0, 76]);
  });

  it("reads a camera frame's brightness plane as the mean of each cell, on video's 16..235 scale unless full range", () => {
    // 128x96 pixels (4x4 to a cell, of which every other pixel across and down is read), rows padded to 140
    // bytes: the padding is never read.
    const width = 128;
    const height = 96;
    const stride = 140;
    const data = new Uint8Array(stride * height).fill(99);
    for (let y = 0; y < height; y += 1) {
      for (let x = 0; x < width; x += 1) data[y * stride + x] = 16;
    }
    // Cell (0, 0): rows read 16, 16 and 235, 235 (mean 125.5); cell (1, 0): columns read 16 and 235.
    for (let x = 0; x < 4; x += 1) data[2 * stride + x] = 235;
    for (let y = 0; y < 4; y += 1) data[y * stride + 6] = 235;
    const limited = thumbnailOfLuma({ data, width, height, stride, fullRange: false });
    expect(limited.length).toBe(THUMBNAIL.width * THUMBNAIL.height);
    expect([limited[0], limited[1], limited[2], limited[THUMBNAIL.width]]).toEqual([128, 128, 0, 0]);
    const full = thumbnailOfLuma({ data, width, height, stride, fullRange: true });
    expect([full[0], full[2]]).toEqual([126, 16]);
  });
});
