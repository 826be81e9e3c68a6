/**
 * The corner check's change test on real rooms: something small coming into view is a change; the camera
 * brightening, or its sensor noise, is not. Thumbnails are made as the app makes them, by averaging the frame
 * down (ffmpeg's area filter here, the browser's resize in the app).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { THUMBNAIL, pictureChanged, thumbnailOf } from '../../core/detect/sceneChange.std';
import { resolveFfmpeg } from '../../services/binaries.node';
import { plantInRoom } from './composites.node';
import { CLEAN_ROOMS, CORPUS_DIR } from './corpus.node';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-change-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** The thumbnail of `image` at 640x480, after `filters` (an exposure change, sensor noise). */
function thumbnail(image: string, filters: string[] = []): Uint8Array {
  const rgba = execFileSync(resolveFfmpeg().path, [
    '-v', 'error', '-i', image, '-frames:v', '1',
    '-vf', ['scale=640:480', ...filters, `scale=${THUMBNAIL.width}:${THUMBNAIL.height}:flags=area`, 'format=rgba'].join(','),
    '-f', 'rawvideo', '-',
  ]);
  return thumbnailOf(rgba);
}

describe.each(CLEAN_ROOMS)('the picture of %s', (room) => {
  const roomFile = path.join(CORPUS_DIR, 'scenes', room);
  const still = thumbnail(roomFile);

  it('has changed when a phone-sized photo (50 px) comes into view', () => {
    const planted = plantInRoom({ room: roomFile, item: path.join(CORPUS_DIR, 'faces/portrait.jpg'), x: 300, y: 200, width: 50 }, path.join(scratch, `${room}.png`));
    expect(pictureChanged(still, thumbnail(planted.file))).toBe(true);
  });

  it('has not changed when the camera brightens it (evenly or more in the mid-tones) or its sensor adds noise', () => {
    expect(pictureChanged(still, thumbnail(roomFile, ['eq=brightness=0.06']))).toBe(false);
    expect(pictureChanged(still, thumbnail(roomFile, ['eq=gamma=1.2']))).toBe(false);
    // Noise of up to 12 levels on every pixel, different in each frame: more than a webcam's in a lit room.
    expect(pictureChanged(still, thumbnail(roomFile, ['noise=alls=12:allf=u']))).toBe(false);
  });
});
