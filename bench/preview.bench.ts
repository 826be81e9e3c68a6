/**
 * bench/preview: does the camera preview keep the camera's frame rate while Check corner's detectors run?
 * The built renderer runs in Chromium (test bridge, fake 30 fps camera of a room with a document in it).
 * Baseline, same page, same camera: frames a plain <video> of the camera presents while the Sessions view is
 * open (no detection). Ours: frames Check corner's preview presents once faces, objects, photos and text have
 * all run. Both counted with requestVideoFrameCallback over the same time.
 *
 * Run: npm run build && npm run bench -- bench/preview.bench.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, it } from 'vitest';
import { closeExiftool } from '../services/exiftool.node';
import { CORPUS_DIR } from '../tests/integration/corpus.node';
import { plantInRoom } from '../tests/integration/composites.node';
import { makeFakeCameraSequence } from '../tests/e2e/fakeCamera.node';
import { launchInChromium } from '../tests/e2e/launchChromium.node';
import { table } from './measure.node';

const CAMERA_FPS = 30;
const WINDOW_MS = 10_000;
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-bench-preview-'));
afterAll(async () => {
  fs.rmSync(scratch, { recursive: true, force: true });
  // The bridge's ExifTool outlives the page otherwise.
  await closeExiftool();
});

/** Frames `selector`'s video presents in `ms` (requestVideoFrameCallback), counted in the page. */
const countFrames = (selector: string, ms: number) =>
  `new Promise((resolve) => {
    const video = document.querySelector(${JSON.stringify(selector)});
    let frames = 0;
    const tick = () => { frames += 1; video.requestVideoFrameCallback(tick); };
    video.requestVideoFrameCallback(tick);
    setTimeout(() => resolve(frames), ${ms});
  })`;

it('preview frame rate with the detectors running, against the same camera without them', async () => {
  const room = plantInRoom(
    { room: path.join(CORPUS_DIR, 'scenes/room-bedroom.jpg'), item: path.join(CORPUS_DIR, 'documents/testocr.png'), x: 40, y: 220, width: 260 },
    path.join(scratch, 'room.png'),
  ).file;
  const camera = makeFakeCameraSequence([{ image: room, seconds: 4 }], scratch, 'camera', CAMERA_FPS);
  const app = await launchInChromium({ camera: 'fake', cameraVideo: camera });
  try {
    const { page } = app;
    // Baseline: the camera in a plain video element while no detector runs.
    await page.getByRole('tab', { name: 'Sessions' }).click();
    await page.evaluate(`(async () => {
      const video = document.createElement('video');
      video.id = 'baseline';
      video.muted = true;
      video.srcObject = await navigator.mediaDevices.getUserMedia({ video: true });
      document.body.append(video);
      await video.play();
    })()`);
    const baseline = (await page.evaluate(countFrames('#baseline', WINDOW_MS))) as number;
    await page.evaluate(`(() => { const video = document.querySelector('#baseline'); video.srcObject.getTracks().forEach((t) => t.stop()); video.remove(); })()`);

    await page.getByRole('tab', { name: 'Check corner' }).click();
    const stats = page.getByTestId('detector-stats');
    // Every detector has run at least once: the preview is measured under the full load.
    for (let i = 0; i < 120 && !/faces \d+ ms · photos \d+ ms · objects \d+ ms · writing \d+ ms \(glance \d+ ms\) · reading \d+ ms/.test((await stats.textContent()) ?? ''); i++) await page.waitForTimeout(500);
    const ours = (await page.evaluate(countFrames('.camera-stage video', WINDOW_MS))) as number;
    const line = (await stats.textContent()) ?? '';

    const fps = (frames: number) => frames / (WINDOW_MS / 1000);
    console.log(`\nbench/preview: Chromium, fake ${CAMERA_FPS} fps camera, 640x480, frames presented over ${WINDOW_MS / 1000} s\n`);
    console.log(
      table(
        ['preview', 'fps', 'vs camera', 'vs baseline'],
        [
          ['baseline: plain <video>, no detection', fps(baseline).toFixed(1), (fps(baseline) / CAMERA_FPS).toFixed(2), '1.00'],
          ['Check corner, all detectors running', fps(ours).toFixed(1), (fps(ours) / CAMERA_FPS).toFixed(2), (ours / baseline).toFixed(2)],
        ],
      ),
    );
    console.log(`\n${line}\n`);
  } finally {
    await app.close();
  }
}, 600_000);
