/**
 * The corner check's change test on real rooms: something small coming into view is a change; the camera
 * brightening, or its sensor noise, is not. Thumbnails are made as the app makes them: from the brightness
 * plane of a camera's YUV frame, or, for a camera that delivers RGB, by averaging the frame down (ffmpeg's area
 * filter here, the canvas in the app).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { area, coverage } from '../../core/media/geometry.std';
import { THUMBNAIL, changedRegion, pictureChanged, thumbnailOf, thumbnailOfLuma } from '../../core/corner/sceneChange.std';
import { resolveFfmpeg } from '../../services/media/binaries.node';
import { plantInRoom } from './composites.node';
import { CLEAN_ROOMS, CORPUS_DIR } from './corpus.node';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-change-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** `image` at 640x480 after `filters` (an exposure change, sensor noise), as raw video of `pixelFormat`. */
function frameOf(image: string, filters: string[], pixelFormat: string): Buffer {
  return execFileSync(resolveFfmpeg().path, [
    '-v', 'error', '-i', image, '-frames:v', '1', '-vf', ['scale=640:480', ...filters, `format=${pixelFormat}`].join(','), '-f', 'rawvideo', '-',
  ]);
}

/** The two ways the app makes a thumbnail of a 640x480 frame. */
const THUMBNAIL_MAKERS: Record<string, (image: string, filters?: string[]) => Uint8Array> = {
  // A webcam's YUV frame: its brightness plane, in video's range, read in the UI thread.
  'from the YUV frame': (image, filters = []) =>
    thumbnailOfLuma({ data: frameOf(image, filters, 'yuv420p').subarray(0, 640 * 480), width: 640, height: 480, stride: 640, fullRange: false }),
  // Any other frame: drawn onto a canvas of the thumbnail's size (ffmpeg's area filter here).
  'from RGB': (image, filters = []) => thumbnailOf(frameOf(image, [...filters, `scale=${THUMBNAIL.width}:${THUMBNAIL.height}:flags=area`], 'rgba')),
};

describe.each(CLEAN_ROOMS.flatMap((room) => Object.keys(THUMBNAIL_MAKERS).map((maker) => [room, maker] as const)))('the picture of %s, %s', (room, maker) => {
  const thumbnail = THUMBNAIL_MAKERS[maker]!;
  const roomFile = path.join(CORPUS_DIR, 'scenes', room);
  const still = thumbnail(roomFile);

  it('has changed when a phone-sized photo (50 px) comes into view, there and nowhere else', () => {
    const planted = plantInRoom({ room: roomFile, item: path.join(CORPUS_DIR, 'faces/portrait.jpg'), x: 300, y: 200, width: 50 }, path.join(scratch, `${room}.png`));
    const after = thumbnail(planted.file);
    expect(pictureChanged(still, after)).toBe(true);
    const region = changedRegion(still, after, { width: 640, height: 480 });
    // The photo lies whole within it, and it goes at most a cell (20 px) beyond the photo on every side.
    expect(region && coverage(planted.box, region)).toBe(1);
    expect(region && area(region)).toBeLessThanOrEqual((planted.box.w + 40) * (planted.box.h + 40));
  });

  it('has not changed when the camera brightens it (evenly or more in the mid-tones) or its sensor adds noise', () => {
    expect(pictureChanged(still, thumbnail(roomFile, ['eq=brightness=0.06']))).toBe(false);
    expect(pictureChanged(still, thumbnail(roomFile, ['eq=gamma=1.2']))).toBe(false);
    // Noise of up to 12 levels on every pixel, different in each frame: more than a webcam's in a lit room.
    expect(pictureChanged(still, thumbnail(roomFile, ['noise=alls=12:allf=u']))).toBe(false);
  });

  it('reads the same brightness either way, within a few levels on average', () => {
    const other = Object.values(THUMBNAIL_MAKERS).find((make) => make !== thumbnail)!(roomFile);
    const meanDifference = still.reduce((sum, level, cell) => sum + Math.abs(level - other[cell]!), 0) / still.length;
    expect(meanDifference).toBeLessThan(3);
    expect(pictureChanged(other, still)).toBe(false);
  });
});
