/**
 * bench/preview: does the camera preview keep the camera's frame rate while Check corner's detectors run, and
 * how much CPU do they take? The built renderer runs in Chromium (test bridge, fake 30 fps camera of a room
 * with a document in it, at 640x480 and at the 1280x720 the app asks a webcam for). Baseline, same page, same
 * camera: a plain <video> of the camera while the Sessions view is open (no detection). Ours: Check corner once
 * faces, objects, photos and text have all run and its flags have settled, on the still room; then (a launch
 * each) while something keeps moving in a corner of it, as a hand at work would, and while it moves over the
 * page, so that tesseract keeps reading it again: on a still picture the detectors mostly rest
 * (modelSchedule.std.ts, writingSchedule.std.ts), while the picture changes they take what their shares allow. Frames presented are
 * counted with requestVideoFrameCallback's presentedFrames over the same time (the UI thread's frame callbacks,
 * which also drop when it is busy though the frame was shown, are a column of their own); CPU is every Chromium process's, in cores kept busy over that time.
 *
 * Run: npm run build && npx vitest run --project bench bench/preview.bench.ts && node scripts/benchmarksDoc.mjs
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, it } from 'vitest';
import { closeExiftool } from '../services/media/exiftool.node';
import type { Page } from 'playwright-core';
import { CORPUS_DIR } from '../tests/integration/corpus.node';
import { plantInRoom } from '../tests/integration/composites.node';
import { circlingBoard, makeFakeCameraSequence } from '../tests/e2e/fakeCamera.node';
import { CHROMIUM, launchInChromium } from '../tests/e2e/launchChromium.node';
import { detectorStatsLine } from './detectorStats.node';
import { cpuSecondsOf, table, benchReport } from './measure.node';

const report = benchReport('preview');

const CAMERA_FPS = 30;
const WINDOW_MS = 10_000;
/** After every detector has run once, long enough for every flag to be confirmed (text waits for three readings). */
const SETTLE_MS = 8_000;
/** Chromium's own program, which every one of its processes runs (the CHROMIUM wrapper script execs it). */
const CHROMIUM_PROGRAM = path.basename(CHROMIUM);
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-bench-preview-'));
afterAll(async () => {
  fs.rmSync(scratch, { recursive: true, force: true });
  // The bridge's ExifTool outlives the page otherwise.
  await closeExiftool();
});

/**
 * Frames `selector`'s video presents in `ms` (requestVideoFrameCallback's presentedFrames: submitted for
 * composition, whether or not the UI thread's callback ran for each), and the callbacks the UI thread ran:
 * a frame it missed came while it was busy.
 */
const countFrames = (selector: string, ms: number) =>
  `new Promise((resolve) => {
    const video = document.querySelector(${JSON.stringify(selector)});
    let callbacks = 0;
    let first;
    let last;
    const tick = (now, frame) => {
      callbacks += 1;
      first ??= frame.presentedFrames;
      last = frame.presentedFrames;
      video.requestVideoFrameCallback(tick);
    };
    video.requestVideoFrameCallback(tick);
    setTimeout(() => resolve({ presented: last - first, callbacks }), ${ms});
  })`;

type Preview = { fps: number; uiFps: number; cores: number };

/**
 * Frames per second `selector`'s video presents over WINDOW_MS, the frame callbacks per second the UI thread
 * ran meanwhile, and the cores Chromium kept busy.
 */
async function measure(page: Page, selector: string): Promise<Preview> {
  const cpuBefore = cpuSecondsOf(CHROMIUM_PROGRAM);
  const { presented, callbacks } = (await page.evaluate(countFrames(selector, WINDOW_MS))) as { presented: number; callbacks: number };
  const seconds = WINDOW_MS / 1000;
  return { fps: presented / seconds, uiFps: callbacks / seconds, cores: (cpuSecondsOf(CHROMIUM_PROGRAM) - cpuBefore) / seconds };
}

/** Runs `use` on the app's page in Chromium with `camera` as its webcam, and closes it. */
async function inChromium<T>(camera: string, use: (page: Page) => Promise<T>): Promise<T> {
  const app = await launchInChromium({ camera: 'fake', cameraVideo: camera });
  try {
    return await use(app.page);
  } finally {
    await app.close();
  }
}

/** Opens Check corner and waits until every detector has run and its flags have settled. */
async function openCheckCorner(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Check corner' }).click();
  await page.locator('[data-every-detector-ran="true"]').waitFor({ timeout: 60_000 });
  await page.waitForTimeout(SETTLE_MS);
}

/** The app asks a webcam for 1280x720 (useCamera.ts); 640x480 is what the other benches and tests feed it. */
const CAMERA_SIZES = [{ width: 640, height: 480 }, { width: 1280, height: 720 }];

it('preview frame rate and CPU with the detectors running, on a still picture and while something moves, against the same camera without them', async () => {
  const room = plantInRoom(
    { room: path.join(CORPUS_DIR, 'scenes/room-bedroom.jpg'), item: path.join(CORPUS_DIR, 'documents/testocr.png'), x: 40, y: 220, width: 260 },
    path.join(scratch, 'room.png'),
  ).file;
  const movingScenes = [
    // Circling in the top left corner, clear of the page.
    { name: 'something moving in a corner', moving: circlingBoard(scratch, 70, 60) },
    // Circling over the page (40, 220, 260 wide).
    { name: 'something moving over the page', moving: circlingBoard(scratch, 120, 300) },
  ];
  const rows: Array<Array<string | number>> = [];
  const lines: string[] = [];
  for (const size of CAMERA_SIZES) {
    const sizeName = `${size.width}x${size.height}`;
    const stillCamera = makeFakeCameraSequence([{ image: room, seconds: 4 }], scratch, `still-${sizeName}`, CAMERA_FPS, size);
    const { baseline, onStill, stillLine } = await inChromium(stillCamera, async (page) => {
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
      const plain = await measure(page, '#baseline');
      await page.evaluate(`(() => { const video = document.querySelector('#baseline'); video.srcObject.getTracks().forEach((t) => t.stop()); video.remove(); })()`);
      await openCheckCorner(page);
      const still = await measure(page, '.camera-stage video');
      return { baseline: plain, onStill: still, stillLine: await detectorStatsLine(page) };
    });
    const row = (name: string, { fps, uiFps, cores }: Preview) => [
      sizeName, name, fps.toFixed(1), (fps / CAMERA_FPS).toFixed(2), (fps / baseline.fps).toFixed(2), (uiFps / baseline.uiFps).toFixed(2), cores.toFixed(2), (cores / baseline.cores).toFixed(1),
    ];
    rows.push(row('baseline: plain <video>, no detection', baseline), row('Check corner, still picture, flags settled', onStill));
    lines.push(`${sizeName}, still: ${stillLine}`);
    for (const scene of movingScenes) {
      const { name, moving } = scene;
      const camera = makeFakeCameraSequence([{ image: room, seconds: 4, moving }], scratch, `moving-${movingScenes.indexOf(scene)}-${sizeName}`, CAMERA_FPS, size);
      const { onMoving, movingLine } = await inChromium(camera, async (page) => {
        await openCheckCorner(page);
        const moving = await measure(page, '.camera-stage video');
        return { onMoving: moving, movingLine: await detectorStatsLine(page) };
      });
      rows.push(row(`Check corner, ${name}`, onMoving));
      lines.push(`${sizeName}, ${name}: CPU on the still picture against this: ${(onStill.cores / onMoving.cores).toFixed(2)}; ${movingLine}`);
    }
  }
  report.line(`\nbench/preview: Chromium, fake ${CAMERA_FPS} fps camera, frames presented, the UI thread's frame callbacks and CPU over ${WINDOW_MS / 1000} s, each against the baseline at its size\n`);
  report.line(table(['camera', 'preview', 'fps', 'vs camera', 'vs baseline', 'UI thread frame callbacks vs baseline', 'CPU (cores)', 'CPU vs baseline'], rows));
  report.line(`\n${lines.join('\n')}\n`);
}, 1_200_000);
