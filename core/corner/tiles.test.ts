import { describe, expect, it } from 'vitest';
import { coverage } from '../media/geometry.std';
import { SMALL_FACE_FRACTION } from './people.std';
import { faceTiles, facesFromTiles, tilesFor } from './tiles.std';

describe('face tiles', () => {
  it('covers a 640x480 frame with 3x2 overlapping squares of 288 px', () => {
    const tiles = faceTiles(640, 480);
    expect(tiles).toHaveLength(6);
    expect(tiles.every((tile) => tile.w === 288 && tile.h === 288)).toBe(true);
    expect(tiles.map((tile) => tile.x)).toEqual([0, 176, 352, 0, 176, 352]);
    expect(tiles.map((tile) => tile.y)).toEqual([0, 0, 0, 192, 192, 192]);
  });

  it.each([
    [640, 480],
    [480, 640],
    [1600, 1200],
    [1920, 1080],
    [300, 300],
  ])('covers %ix%i so that every small face lies whole in some tile', (width, height) => {
    const tiles = faceTiles(width, height);
    const face = Math.floor(Math.min(width, height) * SMALL_FACE_FRACTION);
    for (let x = 0; x + face <= width; x += 7) {
      for (let y = 0; y + face <= height; y += 7) {
        expect(tiles.some((tile) => coverage({ x, y, w: face, h: face }, tile) === 1)).toBe(true);
      }
    }
    expect(tiles.every((tile) => tile.x >= 0 && tile.y >= 0 && tile.x + tile.w <= width && tile.y + tile.h <= height)).toBe(true);
  });

  it('has no tiles on a frame too small for them, however long (a 4x4 clip, a 1280x2 strip)', () => {
    for (const [width, height] of [[1, 1], [4, 4], [1280, 2], [2, 1280], [100, 100]]) expect(faceTiles(width!, height!)).toEqual([]);
    expect(faceTiles(107, 107).length).toBeGreaterThan(0);
    expect(tilesFor({ x: 0, y: 0, w: 2, h: 2 }, 4, 4)).toEqual([]);
  });

  it('sweeps only around a region: one tile that holds it whole, else every tile that holds part of it', () => {
    expect(tilesFor({ x: 460, y: 50, w: 60, h: 60 }, 640, 480)).toEqual([{ x: 352, y: 0, w: 288, h: 288 }]);
    const wide = tilesFor({ x: 100, y: 100, w: 400, h: 60 }, 640, 480);
    expect(wide.map((tile) => [tile.x, tile.y])).toEqual([[0, 0], [176, 0], [352, 0]]);
  });

  it('moves faces into frame pixels and keeps a face two tiles found once, at its best score', () => {
    const faces = facesFromTiles([
      { tile: { x: 0, y: 0, w: 256, h: 256 }, faces: [{ score: 0.7, box: { x: 200, y: 10, w: 30, h: 30 } }] },
      { tile: { x: 192, y: 0, w: 256, h: 256 }, faces: [{ score: 0.9, box: { x: 9, y: 11, w: 30, h: 30 } }, { score: 0.8, box: { x: 100, y: 100, w: 20, h: 20 } }] },
    ]);
    expect(faces).toEqual([
      { score: 0.9, box: { x: 201, y: 11, w: 30, h: 30 } },
      { score: 0.8, box: { x: 292, y: 100, w: 20, h: 20 } },
    ]);
  });
});
