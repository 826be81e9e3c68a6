import { describe, expect, it } from 'vitest';
import { cameraFollower, heldStill, intoFrame, outOfFrame } from './cameraMotion.std';

/** A room-like picture: light and dark blobs of many sizes at random places, smooth enough to sample between pixels. */
let seed = 11;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const blobs = Array.from({ length: 400 }, () => ({ x: random() * 1000 - 200, y: random() * 700 - 200, r: 6 + random() * 30, v: random() * 160 - 80 }));
const ROOM = { width: 1000, height: 700, left: -200, top: -200 };
const room = new Float32Array(ROOM.width * ROOM.height).fill(128);
for (const blob of blobs) {
  const reach = Math.ceil(3 * blob.r);
  for (let y = Math.max(0, Math.floor(blob.y - ROOM.top) - reach); y < Math.min(ROOM.height, blob.y - ROOM.top + reach); y += 1) {
    for (let x = Math.max(0, Math.floor(blob.x - ROOM.left) - reach); x < Math.min(ROOM.width, blob.x - ROOM.left + reach); x += 1) {
      room[y * ROOM.width + x]! += blob.v * Math.exp(-((x + ROOM.left - blob.x) ** 2 + (y + ROOM.top - blob.y) ** 2) / (blob.r * blob.r));
    }
  }
}
function texture(x: number, y: number): number {
  const fx = Math.min(ROOM.width - 2, Math.max(0, x - ROOM.left));
  const fy = Math.min(ROOM.height - 2, Math.max(0, y - ROOM.top));
  const [x0, y0] = [Math.floor(fx), Math.floor(fy)];
  const [tx, ty] = [fx - x0, fy - y0];
  const at = (dx: number, dy: number) => room[(y0 + dy) * ROOM.width + x0 + dx]!;
  return (at(0, 0) * (1 - tx) + at(1, 0) * tx) * (1 - ty) + (at(0, 1) * (1 - tx) + at(1, 1) * tx) * ty;
}

/** The frame a camera sees when the room's point (x, y) lands at (scale x + dx, scale y + dy). */
function frameAt(pose: { scale: number; x: number; y: number }, width = 640, height = 360): Uint8Array {
  const luma = new Uint8Array(width * height);
  for (let row = 0; row < height; row += 1) {
    for (let col = 0; col < width; col += 1) luma[row * width + col] = texture((col - pose.x) / pose.scale, (row - pose.y) / pose.scale);
  }
  return luma;
}

describe('cameraFollower', () => {
  it('follows a slow pan with a zoom, less than a shrunk pixel a frame, without drifting', () => {
    const follow = cameraFollower(640, 360);
    let estimate = { scale: 1, x: 0, y: 0 };
    const truth = (n: number) => {
      const scale = 1 + 0.004 * n;
      return { scale, x: -2.5 * n - (scale - 1) * 320, y: 1.2 * n - (scale - 1) * 180 };
    };
    for (let n = 0; n <= 40; n += 1) estimate = follow(frameAt(truth(n)));
    const expected = truth(40);
    // Where the estimate puts the room's points against where they are, over the whole picture: within 2 % of
    // its width (the margins around hidden boxes are 10 to 30 % of their size).
    for (const [x, y] of [[0, 0], [320, 180], [640, 360], [0, 360], [640, 0]] as const) {
      const off = Math.hypot(estimate.scale * x + estimate.x - (expected.scale * x + expected.x), estimate.scale * y + estimate.y - (expected.scale * y + expected.y));
      expect(off, `at ${x},${y}`).toBeLessThan(12.8);
    }
  });

  it('says a still camera is still, exactly (no drift over a long take)', () => {
    const follow = cameraFollower(640, 360);
    const still = frameAt({ scale: 1, x: 0, y: 0 });
    let pose = follow(still);
    for (let n = 0; n < 30; n += 1) pose = follow(Uint8Array.from(still, (value, i) => value + ((i * 7 + n) % 3) - 1));
    expect(pose).toEqual({ scale: 1, x: 0, y: 0 });
  });

  it('says whether the camera held still between two frames, within a pixel at the corners', () => {
    const poses = [{ scale: 1, x: 0, y: 0 }, { scale: 1, x: 0.5, y: 0 }, { scale: 1, x: 0.5, y: 0.5 }, { scale: 1.002, x: 0, y: 0 }, { scale: 1, x: 3, y: 0 }];
    expect(heldStill(poses, 0, 2, 640, 360)).toBe(true);
    // A zoom of 0.2 % moves a 640x360 frame's far corner 1.5 px; a shift of 3 px is a move.
    expect(heldStill(poses, 0, 3, 640, 360)).toBe(false);
    expect(heldStill(poses, 1, 2, 640, 360)).toBe(true);
    expect(heldStill(poses, 2, 4, 640, 360)).toBe(false);
    // Poses not yet known are not still.
    expect(heldStill(poses, 0, 5, 640, 360)).toBe(false);
  });

  it('maps boxes into a frame and back', () => {
    const pose = { scale: 1.5, x: -100, y: 20 };
    const box = { x: 200, y: 100, w: 40, h: 30 };
    expect(intoFrame(box, pose)).toEqual({ x: 200, y: 170, w: 60, h: 45 });
    expect(outOfFrame(intoFrame(box, pose), pose)).toEqual(box);
  });
});
