/**
 * Builds the fake webcam's video: Chromium plays a .y4m file as a camera. Made at test time from a corpus
 * image (never committed: a 2 s clip is ~14 MB), together with a small RGB thumbnail of the same frame that
 * tests compare the preview's pixels against.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { resolveFfmpeg } from '../../services/media/binaries.node';
import { CORPUS_DIR } from '../integration/corpus.node';

export { CORPUS_DIR };
export const THUMB_WIDTH = 32;
export const THUMB_HEIGHT = 24;

export function makeFakeCameraVideo(image: string, outDir: string, name = 'camera'): string {
  return makeFakeCameraSequence([{ image, seconds: 2 }], outDir, name);
}

/**
 * Something that keeps moving in view (a hand at work, say): `image`, `size` px wide, circling once a second
 * with its top left corner `radius` px around `x`, `y` (640x480 pixels).
 */
export type MovingPatch = { image: string; size: number; x: number; y: number; radius: number };
export type CameraScene = { image: string; seconds: number; moving?: MovingPatch };

/**
 * A board to keep moving in view: a dark 120x80 piece of the kitchen's cupboards (corpus), shown 100 px wide,
 * circling 50 px around `x`, `y`. Wherever it is, it darkens the 200x180 area from `x - 50`, `y - 50` by tens of levels.
 */
export function circlingBoard(outDir: string, x: number, y: number): MovingPatch {
  const image = path.join(outDir, 'board.png');
  execFileSync(resolveFfmpeg().path, ['-v', 'error', '-y', '-i', path.join(CORPUS_DIR, 'scenes/room-kitchen.jpg'), '-vf', 'scale=640:480,crop=120:80:480:340', image]);
  return { image, size: 100, x, y, radius: 50 };
}

/** The camera's frame size unless asked otherwise; MovingPatch positions are in these pixels. */
const CAMERA_SIZE = { width: 640, height: 480 };

/**
 * A camera feed that shows each image for its seconds, in order, at `fps` and `size` (Chromium loops the
 * file). What moves keeps its place in the picture at any size.
 */
export function makeFakeCameraSequence(scenes: CameraScene[], outDir: string, name: string, fps = 15, size = CAMERA_SIZE): string {
  const y4m = path.join(outDir, `${name}.y4m`);
  const still = (image: string, seconds: number) => ['-loop', '1', '-t', String(seconds), '-i', image];
  const inputs = scenes.flatMap(({ image, seconds, moving }) => [...still(image, seconds), ...(moving ? still(moving.image, seconds) : [])]);
  const scale = size.width / CAMERA_SIZE.width;
  let input = 0;
  // setsar=1: without it the y4m header carries an odd pixel aspect ratio (docs/platform-facts.md).
  const scaled = scenes
    .map(({ moving }, index) => {
      const room = `[${input++}]scale=${size.width}:${size.height},setsar=1,fps=${fps}`;
      if (!moving) return `${room}[s${index}]`;
      const circle = `x='${scale * moving.x}+${scale * moving.radius}*cos(2*PI*t)':y='${scale * moving.y}+${scale * moving.radius}*sin(2*PI*t)'`;
      return `${room}[r${index}];[${input++}]scale=${Math.round(scale * moving.size)}:-2,fps=${fps}[m${index}];[r${index}][m${index}]overlay=${circle}:shortest=1[s${index}]`;
    })
    .join(';');
  const joined = `${scenes.map((_, index) => `[s${index}]`).join('')}concat=n=${scenes.length}:v=1:a=0,format=yuv420p`;
  execFileSync(resolveFfmpeg().path, ['-hide_banner', '-loglevel', 'error', '-y', ...inputs, '-filter_complex', `${scaled};${joined}`, y4m]);
  return y4m;
}

/** A one-second H.264 clip of `image` at width x height, as a phone or the app's recorder would leave. */
export function makeStillClip(image: string, out: string, width: number, height: number): string {
  execFileSync(resolveFfmpeg().path, [
    '-hide_banner', '-loglevel', 'error', '-y', '-loop', '1', '-i', image, '-t', '1', '-r', '15',
    '-vf', `scale=${width}:${height},setsar=1`, '-pix_fmt', 'yuv420p', '-c:v', 'libx264', out,
  ]);
  return out;
}

/** The first frame of `video`, shrunk to THUMB_WIDTH x THUMB_HEIGHT, as RGB bytes. */
export function thumbnailRgb(video: string): Buffer {
  return execFileSync(resolveFfmpeg().path, [
    '-hide_banner', '-loglevel', 'error', '-i', video, '-frames:v', '1',
    '-vf', `scale=${THUMB_WIDTH}:${THUMB_HEIGHT}:flags=area`, '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-',
  ]);
}

export function chromiumCameraArgs(y4m: string): string[] {
  return ['--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${y4m}`];
}
