/**
 * Face photos on a shelf or a wall are small: BlazeFace squeezes the whole frame into 256x256, and a
 * 40 px face in a 640x480 frame becomes 16 px, under what it finds. Run on overlapping square tiles of about
 * half the frame, the same face keeps its size and is found (`bench/detect-eval` counts planted photos found,
 * and flags on clean rooms). Pure.
 */
import { type Box, coverage, iou } from '../media/geometry.std';
import { SMALL_FACE_FRACTION } from './people.std';
import type { FaceDetection } from './detections.std';

/**
 * A tile's side, as a share of the frame's short side: 288 px on a 640x480 frame, close to BlazeFace's own
 * 256 px input, and large enough that 3x2 tiles cover a 4:3 frame with the overlap below.
 */
const FACE_TILE_FRACTION = 0.6;
/** Two tiles' finds of one face overlap at least this much (IoU). */
const SAME_FACE_IOU = 0.3;
/**
 * Tiles narrower than this (a frame under about 107 px on its short side) would be blown up more than four
 * times into BlazeFace's 256 px input (SSDLite, which takes the same tiles: 300 px): what is too small for
 * the whole frame's look is a blur of a few pixels there. Such a frame has no tiles.
 */
const MIN_TILE_SIDE = 64;

/** The square crops that cover a width x height frame, in whole pixels: 3x2 for 4:3; none on a tiny frame. */
export function faceTiles(width: number, height: number): Box[] {
  const shortSide = Math.min(width, height);
  const side = Math.round(shortSide * FACE_TILE_FRACTION);
  if (side < MIN_TILE_SIDE) return [];
  // Neighbours overlap by at least the largest small face, so each small face is whole in some tile.
  const step = side - Math.ceil(shortSide * SMALL_FACE_FRACTION);
  const starts = (length: number) => {
    const count = Math.max(1, Math.ceil((length - side) / step) + 1);
    return Array.from({ length: count }, (_, index) => (count === 1 ? 0 : Math.round(((length - side) * index) / (count - 1))));
  };
  return starts(height).flatMap((y) => starts(width).map((x) => ({ x, y, w: side, h: side })));
}

/**
 * The tiles a sweep of only `region` runs (a confirmation around something new): one tile that holds it
 * whole, else every tile that holds part of it.
 */
export function tilesFor(region: Box, width: number, height: number): Box[] {
  const tiles = faceTiles(width, height);
  const whole = tiles.find((tile) => coverage(region, tile) === 1);
  return whole ? [whole] : tiles.filter((tile) => coverage(region, tile) > 0);
}

/** Each tile's faces moved into frame pixels; a face two tiles both found is kept once, at its best score. */
export function facesFromTiles(runs: ReadonlyArray<{ tile: Box; faces: readonly FaceDetection[] }>): FaceDetection[] {
  const all = runs.flatMap(({ tile, faces }) => faces.map((face) => ({ score: face.score, box: { ...face.box, x: face.box.x + tile.x, y: face.box.y + tile.y } })));
  const kept: FaceDetection[] = [];
  for (const face of all.sort((a, b) => b.score - a.score)) {
    if (!kept.some((other) => iou(other.box, face.box) >= SAME_FACE_IOU)) kept.push(face);
  }
  return kept;
}
