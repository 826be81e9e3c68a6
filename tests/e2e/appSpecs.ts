/**
 * The end-to-end specs, written once and run against every way the app can be launched: the renderer in
 * Chromium over the test bridge (everywhere), and the real Electron app (where its binary is installed).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AppHandle, CameraMode, DialogAnswers, LaunchApp } from './appHandle';
import { auditFile } from '../../services/media/audit.node';
import { readLog } from '../../services/sessions/eventLog.node';
import { decodeCheck } from '../../services/media/ffmpeg.node';
import { WRITING_MODEL_FILE } from '../../core/corner/writingModel.std';
import { closeExiftool } from '../../services/media/exiftool.node';
import { plantInRoom } from '../integration/composites.node';
import { CORPUS_DIR, THUMB_HEIGHT, THUMB_WIDTH, makeFakeCameraSequence, makeFakeCameraVideo, makeStillClip, thumbnailRgb } from './fakeCamera.node';

const SCENE = path.join(CORPUS_DIR, 'scenes/room-kitchen.jpg');
/** A printed page placed on a bedroom scene, in the 640x480 camera frame. */
const CLEAN_BEDROOM = path.join(CORPUS_DIR, 'scenes/room-bedroom.jpg');
const PLANTED_PAGE = { x: 40, y: 220, width: 260, item: path.join(CORPUS_DIR, 'documents/testocr.png'), room: CLEAN_BEDROOM };

/** Mean absolute difference per channel between two RGB buffers of the same size (0 = identical). */
function meanAbsDiff(a: Uint8Array, b: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i]! - b[i]!);
  return sum / a.length;
}

/** Where a flag's overlay box (`flag`, a `.risk-box`) sits on the camera's 640x480 picture, in its pixels. */
async function flagInFrame(page: Page, flag: Locator): Promise<{ x: number; y: number; w: number; h: number }> {
  const video = page.locator('.camera-stage video');
  const stage = (await video.boundingBox())!;
  const box = (await flag.boundingBox())!;
  const frame = await video.evaluate((element: HTMLVideoElement) => ({ width: element.videoWidth, height: element.videoHeight }));
  const toFrame = { x: frame.width / stage.width, y: frame.height / stage.height };
  return { x: (box.x - stage.x) * toFrame.x, y: (box.y - stage.y) * toFrame.y, w: box.width * toFrame.x, h: box.height * toFrame.y };
}

/** `flag`'s overlay box has its centre within `on` (the camera picture's pixels): the flag sits on the risk. */
async function expectFlagCentredOn(page: Page, flag: Locator, on: { x: number; y: number; w: number; h: number }): Promise<void> {
  const box = await flagInFrame(page, flag);
  const centre = { x: box.x + box.w / 2, y: box.y + box.h / 2 };
  expect(centre.x).toBeGreaterThan(on.x);
  expect(centre.x).toBeLessThan(on.x + on.w);
  expect(centre.y).toBeGreaterThan(on.y);
  expect(centre.y).toBeLessThan(on.y + on.h);
}

/** Every request must stay on the app's own origin or in memory: this is the zero-network promise. */
export function foreignRequests(handle: AppHandle): string[] {
  return handle.requests.filter((url) => !url.startsWith(`${handle.origin}/`) && !/^(blob|data):/.test(url));
}

export type SpecSupport = {
  supportsDeniedCamera: boolean;
  supportsMissingCamera: boolean;
  /** A File made in the page has a path only through the bridge's stand-in for Electron's webUtils. */
  supportsSyntheticDrop: boolean;
};

/** Starts a session for "Acme Data" from the Sessions view, as a worker would, and waits until it runs. */
async function startSession(page: AppHandle['page'], pay: string, task = ''): Promise<void> {
  await page.getByRole('tab', { name: 'Sessions' }).click();
  await page.getByLabel('Platform').fill('Acme Data');
  if (task) await page.getByLabel('Task').fill(task);
  await page.getByLabel('Pay', { exact: true }).fill(pay);
  await page.getByRole('button', { name: 'Start session' }).click();
  await expect.poll(() => page.getByRole('heading', { name: task ? `Acme Data — ${task}` : 'Acme Data' }).isVisible()).toBe(true);
}

/** Records a take of about `ms` from the take recorder, started by `button`, and waits until it is saved. */
async function recordTake(page: AppHandle['page'], ms: number, button: 'Record a take' | 'Retake' = 'Record a take'): Promise<void> {
  const status = page.locator('.take-status');
  await page.getByRole('button', { name: button }).click();
  await expect.poll(() => status.textContent(), { timeout: 5000 }).toContain('Recording in');
  await expect.poll(() => status.textContent(), { timeout: 8000 }).toMatch(/● Recording/);
  await page.waitForTimeout(ms);
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/Take saved \(0:0\d\)/);
}

/** Drops a file named `name` from the launch's drop folder on the Sanitize view's drop zone. */
async function dropFile(page: AppHandle['page'], name: string, type: string): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ name, type }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['x'], name, { type }));
      return transfer;
    },
    { name, type },
  );
  await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer });
}

export function defineAppSpecs(launch: LaunchApp, options: SpecSupport): void {
  let scratch: string;
  let cameraVideo: string;
  let expectedThumb: Buffer;
  const open: AppHandle[] = [];

  beforeAll(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-camera-'));
    cameraVideo = makeFakeCameraVideo(SCENE, scratch);
    expectedThumb = thumbnailRgb(cameraVideo);
  });
  // Each app closes when its spec ends: an app left open on Check corner keeps its detectors busy and
  // starves the next spec's camera and recorder of CPU.
  afterEach(async () => {
    await Promise.all(open.splice(0).map((handle) => handle.close()));
  });
  afterAll(async () => {
    await closeExiftool();
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  async function start(camera: CameraMode, dropFolder?: string, video = cameraVideo, dialogAnswers?: DialogAnswers): Promise<AppHandle> {
    const handle = await launch({ camera, cameraVideo: video, dropFolder, dialogAnswers });
    open.push(handle);
    return handle;
  }

  describe('first screen', () => {
    it('opens with three named areas, reachable by keyboard, and real services behind them', async () => {
      const { page, ...handle } = await start('fake');
      await expect.poll(() => page.title()).toBe('SafeTake');
      const tabs = page.getByRole('tab');
      expect(await tabs.allTextContents()).toEqual(['Check corner', 'Sanitize', 'Sessions']);
      expect(await page.getByRole('tab', { name: 'Check corner' }).getAttribute('aria-selected')).toBe('true');

      await page.getByRole('tab', { name: 'Check corner' }).focus();
      await page.keyboard.press('ArrowRight');
      expect(await page.getByRole('tab', { name: 'Sanitize' }).getAttribute('aria-selected')).toBe('true');
      await expect.poll(() => page.getByRole('heading', { name: 'Sanitize' }).isVisible()).toBe(true);
      await page.keyboard.press('End');
      expect(await page.getByRole('tab', { name: 'Sessions' }).getAttribute('aria-selected')).toBe('true');

      // The footer is filled over IPC by the main-process services: version from package.json, tools found.
      const version = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')).version as string;
      await expect.poll(() => page.getByTestId('app-version').textContent()).toContain(`SafeTake ${version}`);
      await expect.poll(() => page.locator('.tool-ok').allTextContents()).toEqual(['✓ ffmpeg', '✓ ffprobe', '✓ exiftool']);
      expect(foreignRequests({ page, ...handle })).toEqual([]);
    });

    it('rejects malformed IPC requests with a readable error', async () => {
      const { page } = await start('fake');
      const bad = await page.evaluate(() => window.safetake['app:getInfo']({ unexpected: 1 } as never));
      expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
      const unknown = await page.evaluate(() => (window.safetake as unknown as Record<string, unknown>)['fs:readAnything']);
      expect(unknown).toBeUndefined();
      // Paths outside the user's own folders are refused before any service sees them.
      const outside = await page.evaluate(() => window.safetake['sanitize:audit']({ path: '/etc/passwd' }));
      expect(outside).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    });
  });

  describe('camera', () => {
    it('shows the camera\'s own frames in the preview and lists the camera in the picker', async () => {
      const handle = await start('fake');
      const { page } = handle;
      const video = page.getByTestId('camera-video');
      await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState >= 2 && v.videoWidth), { timeout: 15_000 }).toBe(640);

      const seen = await video.evaluate(
        (v: HTMLVideoElement, size) => {
          const canvas = document.createElement('canvas');
          canvas.width = size.width;
          canvas.height = size.height;
          const context = canvas.getContext('2d')!;
          context.drawImage(v, 0, 0, size.width, size.height);
          const rgba = context.getImageData(0, 0, size.width, size.height).data;
          const rgb: number[] = [];
          for (let i = 0; i < rgba.length; i += 4) rgb.push(rgba[i]!, rgba[i + 1]!, rgba[i + 2]!);
          return rgb;
        },
        { width: THUMB_WIDTH, height: THUMB_HEIGHT },
      );
      const preview = Uint8Array.from(seen);
      // Close to the scene, and far from a blank or uniform frame, so a black or frozen preview fails.
      expect(meanAbsDiff(preview, expectedThumb)).toBeLessThan(12);
      const flat = new Uint8Array(preview.length).fill(preview.reduce((a, b) => a + b, 0) / preview.length);
      expect(meanAbsDiff(preview, flat)).toBeGreaterThan(20);

      const options = await page.getByLabel('Camera', { exact: true }).locator('option').allTextContents();
      expect(options).toHaveLength(1);
      expect(options[0]).toContain('camera.y4m');
      expect(foreignRequests(handle)).toEqual([]);
    });

    it.skipIf(!options.supportsDeniedCamera)('explains a denied camera permission', async () => {
      const { page } = await start('denied');
      const alert = page.getByRole('alert');
      await expect.poll(() => alert.textContent(), { timeout: 15_000 }).toContain('Camera permission was denied.');
      expect(await page.getByRole('button', { name: 'Try again' }).isVisible()).toBe(true);
    });

    it.skipIf(!options.supportsMissingCamera)('explains a missing camera', async () => {
      const { page } = await start('none');
      await expect.poll(() => page.getByRole('alert').textContent(), { timeout: 15_000 }).toContain('No camera was found.');
      expect(await page.getByLabel('Camera', { exact: true }).isDisabled()).toBe(true);
    });
  });

  describe('sanitize', () => {
    it.skipIf(!options.supportsSyntheticDrop)('drop a clip, watch it progress, read the before/after audit, find the clean copy', async () => {
      const dropFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-drop-'));
      const outputDir = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-clean-'));
      fs.copyFileSync(path.join(CORPUS_DIR, 'video-metadata/iphone6-gps.mov'), path.join(dropFolder, 'IMG_0042.mov'));
      const handle = await start('fake', dropFolder);
      const { page } = handle;
      await page.getByRole('tab', { name: 'Sanitize' }).click();

      await dropFile(page, 'IMG_0042.mov', 'video/quicktime');
      // The "before" audit names what the clip gives away.
      await expect.poll(() => page.locator('.file-row').first().textContent(), { timeout: 20_000 }).toMatch(/IMG_0042\.mov.*identifying tags: .*Location/);

      // Mark a region to blur on a frame of the clip: once by dragging, once by typing.
      await page.getByRole('button', { name: 'Blur regions…' }).click();
      const surface = page.getByTestId('blur-surface');
      await expect.poll(() => surface.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 15_000 }).toBeGreaterThan(0);
      const box = (await surface.boundingBox())!;
      await page.mouse.move(box.x + box.width * 0.1, box.y + box.height * 0.1);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width * 0.4, box.y + box.height * 0.4, { steps: 5 });
      await page.mouse.up();
      // The clip is stored 568×320 but held upright: 320×568 as a viewer sees it, and 10%..40% of that.
      expect(await page.getByRole('list', { name: 'Regions to blur' }).textContent()).toMatch(/Blur 1: 9\d×17\d at 3\d, 5\d/);
      await page.getByLabel('Left').fill('200');
      await page.getByLabel('Top').fill('400');
      await page.getByLabel('Width').fill('100');
      await page.getByLabel('Height').fill('80');
      await page.getByLabel('Height').press('Enter');
      expect(await page.getByRole('list', { name: 'Regions to blur' }).textContent()).toContain('Blur 2: 100×80 at 200, 400');

      await page.getByLabel('Output folder').fill(outputDir);
      await page.getByRole('button', { name: 'Make clean copies' }).click();
      await expect.poll(() => page.locator('.batch-progress progress').count(), { timeout: 10_000 }).toBe(1);
      await expect.poll(() => page.locator('.file-progress').textContent(), { timeout: 60_000 }).toContain('Ready to upload');
      expect(await page.getByRole('status').filter({ hasText: 'Finished' }).textContent()).toContain('1 of 1 ready to upload');

      await page.getByText('Before and after: every tag').click();
      const gpsRow = page.locator('.audit-table tr', { hasText: 'Keys:GPSCoordinates' });
      expect(await gpsRow.locator('td').nth(1).textContent()).toBe('removed');
      expect(await gpsRow.getAttribute('class')).toBe('identifying');

      const [copy] = fs.readdirSync(outputDir);
      expect(copy).toBe('clip-001.mp4');
      const audit = await auditFile(path.join(outputDir, copy!));
      expect({ identifying: audit.identifyingCount, readable: audit.readable }).toEqual({ identifying: 0, readable: true });
      expect(foreignRequests(handle)).toEqual([]);
    });
  });

  describe('check corner', () => {
    it('says "Corner clear" for a clean room only after a few quiet seconds, and logs a check left unsaved as setup', async () => {
      // A bedroom in which the text detector sees not one line, in full or at a glance (the kitchen has two
      // short ones at a glance, which OCR then tries to read).
      const bedroom = makeFakeCameraSequence([{ image: CLEAN_BEDROOM, seconds: 10 }], scratch, 'clean-bedroom');
      const { page, ...handle } = await start('fake', undefined, bedroom);
      const verdict = page.getByTestId('corner-verdict');
      expect(await verdict.textContent()).toContain('Checking your corner');
      await expect.poll(() => verdict.textContent(), { timeout: 60_000 }).toContain('Corner clear');
      expect(await page.locator('.risk-item').count()).toBe(0);
      // Every model ran; OCR had nothing to read, because the text detector saw no writing.
      expect(await page.getByTestId('detector-stats').textContent()).toMatch(
        /Detector: wasm, text detector: onnx wasm · faces \d+ ms · photos \d+ ms · objects \d+ ms · writing \d+ ms \(glance \d+ ms\) · reading – ms/,
      );

      // In a session, opening the check starts setup; leaving it without saving records it as it stood.
      await startSession(page, '1');
      await page.getByRole('tab', { name: 'Check corner' }).click();
      await expect.poll(() => verdict.textContent(), { timeout: 60_000 }).toContain('Corner clear');
      await page.getByRole('tab', { name: 'Sessions' }).click();
      await expect
        .poll(async () => (await readLog(handle.dataDir)).entries.map(({ event }) => (event.type === 'corner.checked' ? `${event.type}:${event.verdict}` : event.type)))
        .toEqual(['session.started', 'phase.started', 'corner.checked:clear', 'phase.stopped']);
      expect(foreignRequests({ page, ...handle })).toEqual([]);
    });

    it('flags a crumpled receipt that only the text detector\'s full look sees, not its glances, where it lies', async () => {
      // In the kitchen at this place, the text detector finds this receipt at 960 px and not at the camera's
      // own 640 (tests/integration/detect.test.ts): it is confirmed by two full looks, between which glances
      // neither confirm nor drop it.
      const receipt = { x: 380, y: 60, width: 200, item: path.join(CORPUS_DIR, 'documents/receipt-crumpled.png'), room: SCENE };
      const room = plantInRoom(receipt, path.join(scratch, 'kitchen-with-receipt.png'));
      const handle = await start('fake', undefined, makeFakeCameraVideo(room.file, scratch, 'camera-with-receipt'));
      const { page } = handle;
      await page.getByRole('tab', { name: 'Check corner' }).click();
      const item = page.locator('.risk-item').first();
      await expect.poll(() => item.textContent().catch(() => ''), { timeout: 60_000 }).toMatch(/^(Writing \(papers, signs, labels\)|Readable text)/);
      await expectFlagCentredOn(page, page.locator('.risk-box').first(), room.box);
      expect(foreignRequests(handle)).toEqual([]);
    });

    it('reads small print on a 1280x720 camera at the text detector\'s full size, not at the other models\' 640 px', async () => {
      // At this size and place in the kitchen, the text detector finds this recipe in the camera's picture
      // scaled to 960x540 (writingFrameWidth), and not in it scaled to 640x360, at a glance or in a full look.
      const hd = { width: 1280, height: 720 };
      const recipe = { x: 500, y: 100, width: 240, item: path.join(CORPUS_DIR, 'documents/typewriter-recipe.png'), room: SCENE };
      const room = plantInRoom(recipe, path.join(scratch, 'kitchen-with-recipe-720p.png'), hd);
      const handle = await start('fake', undefined, makeFakeCameraSequence([{ image: room.file, seconds: 2 }], scratch, 'camera-720p', 15, hd));
      const { page } = handle;
      await page.getByRole('tab', { name: 'Check corner' }).click();
      const flag = page.locator('.risk-box', { hasText: /^(Writing \(papers, signs, labels\)|Readable text)/ });
      await expect.poll(() => flag.count(), { timeout: 60_000 }).toBeGreaterThan(0);
      await expectFlagCentredOn(page, flag.first(), room.box);
      expect(foreignRequests(handle)).toEqual([]);
    });

    it('flags a small face photo put down in a still corner where it lies, clears it when it goes, and flags it again', async () => {
      // The bedroom stays still, then a portrait is put down at its top right, then taken away, and so on (the
      // camera's file loops). Put down again, after the detectors have looked at the empty room, it is found
      // by a photo sweep of only the tile where the picture changed (photoSweepRegion).
      const photo = plantInRoom({ x: 470, y: 60, width: 90, item: path.join(CORPUS_DIR, 'faces/portrait.jpg'), room: CLEAN_BEDROOM }, path.join(scratch, 'bedroom-with-photo.png'));
      const video = makeFakeCameraSequence([{ image: CLEAN_BEDROOM, seconds: 8 }, { image: photo.file, seconds: 10 }], scratch, 'photo-put-down');
      const handle = await start('fake', undefined, video);
      const { page } = handle;
      await page.getByRole('tab', { name: 'Check corner' }).click();
      const flag = page.locator('.risk-box', { hasText: 'Photo with a face' });
      await expect.poll(() => flag.count(), { timeout: 60_000 }).toBeGreaterThan(0);
      await expect.poll(() => flag.count(), { timeout: 30_000 }).toBe(0);
      await expect.poll(() => flag.count(), { timeout: 30_000 }).toBeGreaterThan(0);
      await expectFlagCentredOn(page, flag.first(), photo.box);
      expect(foreignRequests(handle)).toEqual([]);
    });

    it('flags a page of writing where it lies, then quotes it, lets the user accept it or blur it in Sanitize, and logs the check as setup', async () => {
      const room = plantInRoom(PLANTED_PAGE, path.join(scratch, 'room-with-page.png')).file;
      const video = makeFakeCameraVideo(room, scratch, 'camera-with-page');
      // A take of the same corner at twice the camera's size, to sanitize later.
      const dropFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-drop-'));
      const take = { width: 1280, height: 960 };
      makeStillClip(room, path.join(dropFolder, 'take.mp4'), take.width, take.height);
      const handle = await start('fake', dropFolder, video);
      const { page } = handle;
      // A session first, so the check counts as its setup.
      await startSession(page, '1');
      await page.getByRole('tab', { name: 'Check corner' }).click();

      const verdict = page.getByTestId('corner-verdict');
      await expect.poll(() => verdict.textContent(), { timeout: 60_000 }).toContain('1 thing to fix before you record');
      // The text detector flags the page before OCR has read it; once read, the same flag quotes it.
      const item = page.locator('.risk-item').first();
      expect(await item.textContent()).toMatch(/^(Writing \(papers, signs, labels\)|Readable text), middle left/);
      await expect.poll(() => item.textContent(), { timeout: 30_000 }).toMatch(
        /Readable text, middle left.*quick brown.*Move the paper or sign with writing, middle left, out of frame or turn it over\./,
      );
      expect(await page.locator('.risk-item').count()).toBe(1);
      // The text detector's worker fetched its model and runtime, and the request log saw it (so the
      // zero-network check below covers that worker too): from the app's own origin.
      for (const asset of [`models/${WRITING_MODEL_FILE}`, 'wasm/onnx/ort-wasm-simd-threaded.wasm']) {
        expect(handle.requests).toContain(`${handle.origin}/${asset}`);
      }
      // The overlay box sits on the planted page (640x480 frame; page at 40,220, 260 wide).
      const inFrame = await flagInFrame(page, page.locator('.risk-box').first());
      expect(inFrame.x).toBeGreaterThanOrEqual(PLANTED_PAGE.x - 10);
      expect(inFrame.x).toBeLessThan(PLANTED_PAGE.x + 60);
      expect(inFrame.y).toBeGreaterThanOrEqual(PLANTED_PAGE.y - 10);
      expect(inFrame.y).toBeLessThan(PLANTED_PAGE.y + 100);

      await item.getByRole('button', { name: /Blur this area later/ }).click();
      await item.getByRole('button', { name: /Accept for this session/ }).click();
      await expect.poll(() => verdict.textContent(), { timeout: 30_000 }).toContain('Corner clear (1 accepted)');
      await page.getByRole('button', { name: 'Save this check' }).click();
      await expect.poll(() => page.getByText(/Check saved at .* to the running session\./).isVisible()).toBe(true);

      const log = await readLog(handle.dataDir);
      const events = log.entries.map((entry) => entry.event);
      expect(events.map((event) => (event.type === 'phase.started' ? `${event.type}:${event.phase}` : event.type))).toEqual([
        'session.started', 'phase.started:setup', 'corner.checked', 'phase.stopped',
      ]);
      expect(events[2]).toMatchObject({ verdict: 'clear', open: [], accepted: ['document'] });
      const settings = JSON.parse(fs.readFileSync(path.join(handle.dataDir, 'settings.json'), 'utf8'));
      expect(settings.cornerBlurRegions).toHaveLength(1);
      expect(settings.cornerBlurRegions[0].x).toBeCloseTo(PLANTED_PAGE.x / 640, 1);

      // Later, in Sanitize, the area marked in the check lands on the same place in a clip of that corner.
      if (options.supportsSyntheticDrop) {
        await page.getByRole('tab', { name: 'Sanitize' }).click();
        await dropFile(page, 'take.mp4', 'video/mp4');
        await page.getByRole('button', { name: 'Blur regions…' }).click({ timeout: 20_000 });
        await page.getByRole('button', { name: 'Add the area marked in Check corner' }).click({ timeout: 15_000 });
        const [marked] = settings.cornerBlurRegions as Array<{ x: number; y: number; w: number; h: number }>;
        const { width, height } = take;
        expect(await page.getByRole('list', { name: 'Regions to blur' }).textContent()).toContain(
          `Blur 1: ${Math.round(marked!.w * width)}×${Math.round(marked!.h * height)} at ${Math.round(marked!.x * width)}, ${Math.round(marked!.y * height)}`,
        );
      }
      expect(foreignRequests(handle)).toEqual([]);
    });
  });

  describe('sessions', () => {
    it('start a session, mark uploading and waiting, pause, end, enter pay, read the rate', async () => {
      const handle = await start('fake');
      const { page } = handle;
      await startSession(page, '0.50', 'fold towels');
      const clock = page.getByRole('timer', { name: 'Time worked in this session' });
      await expect.poll(() => clock.textContent(), { timeout: 5000 }).not.toBe('0:00');

      await page.getByRole('button', { name: '▶ Uploading' }).click();
      await expect.poll(() => page.getByRole('button', { name: '■ Stop: Uploading' }).getAttribute('aria-pressed')).toBe('true');
      await expect.poll(() => page.getByRole('timer', { name: 'Time in Uploading so far' }).textContent(), { timeout: 5000 }).toMatch(/^0:0[1-9]$/);
      await page.getByRole('button', { name: '■ Stop: Uploading' }).click();
      await page.getByRole('button', { name: '▶ Waiting for review' }).click();
      await page.waitForTimeout(1100);
      await page.getByRole('button', { name: 'Pause' }).click();
      await expect.poll(() => page.getByText('Paused', { exact: true }).isVisible()).toBe(true);
      await page.getByRole('button', { name: 'Resume' }).click();
      await page.getByRole('button', { name: 'End session' }).click();

      const row = page.locator('.sessions-table tbody tr').first();
      await expect.poll(() => row.textContent()).toMatch(/Acme Data — fold towels.*Uploading0:0[1-2].*Waiting for review0:0[1-2]/);
      await row.getByLabel('Paid (USD)').fill('3');
      await row.getByRole('button', { name: 'Add payment' }).click();
      await expect.poll(() => row.textContent()).toContain('3.00 USD');
      await expect.poll(() => page.locator('.summary-table').textContent()).toMatch(/Acme Data1.*3\.00 USD.*USD/);
      // A few seconds of work for 3 USD is a high rate; against an absurd minimum it shows as below, in words.
      await page.getByLabel('Your minimum per hour').fill('1000000');
      await page.getByRole('button', { name: 'Save minimum' }).click();
      await expect.poll(() => page.locator('.summary-table').textContent()).toMatch(/▼ [\d.]+ USD below your minimum/);

      // Every click is an event on disk, in order, and the chain verifies.
      const log = await readLog(handle.dataDir);
      expect(log.broken).toBeUndefined();
      expect(log.entries.map((entry) => entry.event.type)).toEqual([
        'session.started', 'phase.started', 'phase.stopped', 'phase.started', 'session.paused', 'session.resumed', 'session.ended', 'pay.received',
      ]);
      expect(foreignRequests(handle)).toEqual([]);
    });

    it.skipIf(!options.supportsSyntheticDrop)('a whole session: check, takes and a retake, a phone clip sanitized, upload, waiting, decisions, evidence, report and CSV', async () => {
      const files = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-whole-'));
      const phoneClip = path.join(files, 'IMG_0042.mov');
      fs.copyFileSync(path.join(CORPUS_DIR, 'video-metadata/iphone6-gps.mov'), phoneClip);
      const rateCard = path.join(files, 'rate-card.png');
      fs.copyFileSync(path.join(CORPUS_DIR, 'documents/bill.png'), rateCard);
      const exportsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-exports-'));
      const handle = await start('fake', files, cameraVideo, { media: [phoneClip], evidence: [rateCard], saveFolder: exportsDir });
      const { page } = handle;

      await startSession(page, '0.50', 'fold towels');

      // Setup: the corner check, saved once the kitchen reads clear.
      await page.getByRole('tab', { name: 'Check corner' }).click();
      await expect.poll(() => page.getByTestId('corner-verdict').textContent(), { timeout: 60_000 }).toContain('Corner clear');
      await page.getByRole('button', { name: 'Save this check' }).click();
      await expect.poll(() => page.getByText(/Check saved at/).isVisible()).toBe(true);

      // Two takes kept, one redone; then the clip from the phone joins the session.
      await page.getByRole('tab', { name: 'Sessions' }).click();
      await recordTake(page, 1500);
      await page.getByRole('button', { name: 'Keep' }).click();
      await recordTake(page, 1500);
      await recordTake(page, 1500, 'Retake');
      await page.getByRole('button', { name: 'Keep' }).click();
      await expect.poll(() => page.getByRole('heading', { name: /^Takes:/ }).textContent()).toBe('Takes: 2 kept, 1 redone');
      await page.getByRole('button', { name: 'Add clips from your phone or computer…' }).click();
      const clipsTable = page.locator('.clips-table');
      await expect.poll(() => clipsTable.locator('tbody tr').count()).toBe(3);

      // Sanitize the phone clip: the session times it and ties the clean copy to the clip.
      await page.getByRole('tab', { name: 'Sanitize' }).click();
      await dropFile(page, 'IMG_0042.mov', 'video/quicktime');
      await page.getByLabel('Output folder').fill(exportsDir);
      await page.getByRole('button', { name: 'Make clean copies' }).click();
      await expect.poll(() => page.locator('.file-progress').textContent(), { timeout: 60_000 }).toContain('Ready to upload');

      await page.getByRole('tab', { name: 'Sessions' }).click();
      await expect.poll(() => clipsTable.textContent()).toMatch(/IMG_0042\.mov.*clip-001\.mp4 ✓ clean/);
      for (const phase of ['Uploading', 'Waiting for review']) {
        await page.getByRole('button', { name: `▶ ${phase}` }).click();
        await page.waitForTimeout(1100);
        await page.getByRole('button', { name: `■ Stop: ${phase}` }).click();
      }
      await page.getByRole('button', { name: 'End session' }).click();

      // Later: the platform's decisions, the rate card as evidence, the report and the CSV.
      const row = page.locator('.sessions-table tbody tr').first();
      await row.getByRole('button', { name: 'Clips, decisions and evidence (3)' }).click();
      const phoneDecision = page.getByRole('form', { name: 'Decision on IMG_0042.mov' });
      await phoneDecision.getByLabel('Decision').selectOption('rejected');
      await phoneDecision.getByLabel('Reason given').fill('too dark');
      await phoneDecision.getByRole('button', { name: 'Save decision' }).click();
      const takeDecision = page.getByRole('form', { name: 'Decision on take-001.webm' });
      await takeDecision.getByLabel('Decision').selectOption('approved');
      await takeDecision.getByLabel('Paid (USD)').fill('0.50');
      await takeDecision.getByLabel('on', { exact: true }).fill('2026-11-30');
      await takeDecision.getByRole('button', { name: 'Save decision' }).click();
      await expect.poll(() => row.textContent()).toContain('0.50 USD');
      await page.getByRole('button', { name: 'Attach evidence (instructions, rate card, terms)…' }).click();
      await expect.poll(() => page.getByRole('list', { name: 'Evidence kept with this session' }).textContent()).toContain('rate-card.png');
      await page.getByRole('button', { name: 'Save the evidence report (PDF)…' }).click();
      await expect.poll(() => page.getByText(/Evidence report saved to/).textContent(), { timeout: 30_000 }).toContain(exportsDir);
      await page.getByRole('button', { name: 'Export every session as CSV…' }).click();
      await expect.poll(() => page.getByText(/a row per session and per clip/).isVisible()).toBe(true);

      // The charts are drawn, with their numbers in a table.
      expect(await page.locator('.weekly canvas[role="img"]').count()).toBe(3);
      await page.getByText('The numbers behind the charts').click();
      expect(await page.locator('.weeks-table tbody tr').first().textContent()).toMatch(/^\d{4}-\d{2}-\d{2}1.*1110\.50 USD/);

      const log = await readLog(handle.dataDir);
      expect(log.broken).toBeUndefined();
      const kinds = log.entries.map(({ event }) => (event.type === 'phase.started' ? `${event.type}:${event.phase}` : event.type));
      expect(kinds).toEqual([
        'session.started',
        'phase.started:setup', 'corner.checked', 'phase.stopped',
        'take.started', 'take.stopped',
        'take.started', 'take.stopped', 'take.discarded', 'take.started', 'take.stopped',
        'clip.added',
        'phase.started:sanitizing', 'clip.sanitized', 'phase.stopped',
        'phase.started:uploading', 'phase.stopped', 'phase.started:waiting', 'phase.stopped',
        'session.ended',
        'clip.outcome', 'clip.outcome', 'evidence.attached',
      ]);

      // The CSV: every phase has time, and a row per clip with its fingerprint and outcome.
      const [csvName] = fs.readdirSync(exportsDir).filter((name) => name.endsWith('.csv'));
      const [header, sessionRow, ...clipRows] = fs.readFileSync(path.join(exportsDir, csvName!), 'utf8').trim().split('\r\n').map((line) => line.split(','));
      const cell = (row: string[] | undefined, column: string) => row![header!.indexOf(column)];
      for (const phase of ['setup', 'take', 'retake', 'sanitizing', 'uploading', 'waiting']) expect(Number(cell(sessionRow, `${phase}_hours`))).toBeGreaterThan(0);
      expect(clipRows.map((row) => [cell(row, 'row'), cell(row, 'outcome')])).toEqual([['clip', 'approved'], ['clip', 'pending'], ['clip', 'rejected']]);
      expect(cell(clipRows[2], 'clean_copy')).toBe(path.join(exportsDir, 'clip-001.mp4'));
      const [pdfName] = fs.readdirSync(exportsDir).filter((name) => name.endsWith('.pdf'));
      expect(fs.readFileSync(path.join(exportsDir, pdfName!)).subarray(0, 5).toString()).toBe('%PDF-');
      expect(foreignRequests(handle)).toEqual([]);
    });

    it('times a face that comes into view during a take, and logs it on that take', async () => {
      const withFace = plantInRoom({ room: SCENE, item: path.join(CORPUS_DIR, 'faces/portrait.jpg'), x: 360, y: 40, width: 240 }, path.join(scratch, 'kitchen-face.png')).file;
      const video = makeFakeCameraSequence([{ image: SCENE, seconds: 6 }, { image: withFace, seconds: 6 }], scratch, 'face-walks-in');
      const handle = await start('fake', undefined, video);
      const { page } = handle;
      await startSession(page, '1');
      await recordTake(page, 6000);
      await expect.poll(() => page.getByRole('list', { name: 'Seen during this take' }).textContent()).toMatch(/0:0[1-6] Face in view, (top|middle) right/);

      const log = await readLog(handle.dataDir);
      const risks = log.entries.flatMap(({ event }) => (event.type === 'take.risk' ? [event] : []));
      // The face, and nothing from the clean seconds before it (CenterNet may also call the framed photo a screen).
      const face = risks.find((risk) => risk.category === 'face');
      expect(face?.atSeconds).toBeGreaterThan(1);
      expect(face?.atSeconds).toBeLessThan(6.5);
      for (const risk of risks) expect(risk.atSeconds, risk.label).toBeGreaterThan(1);
      expect(foreignRequests(handle)).toEqual([]);
    });

    it('records two takes from the camera, redoes one, and keeps the files on disk as they were streamed', async () => {
      const handle = await start('fake');
      const { page } = handle;
      await startSession(page, '1');

      await recordTake(page, 2500);
      await recordTake(page, 3000, 'Retake');
      await page.getByRole('button', { name: 'Keep' }).click();
      await expect.poll(() => page.getByRole('heading', { name: /^Takes:/ }).textContent()).toBe('Takes: 1 kept, 1 redone');

      const log = await readLog(handle.dataDir);
      const stopped = log.entries.flatMap((entry) => (entry.event.type === 'take.stopped' ? [entry.event] : []));
      const started = log.entries.flatMap((entry) => (entry.event.type === 'take.started' ? [entry.event] : []));
      expect(log.entries.map((entry) => entry.event.type).filter((type) => type.startsWith('take.'))).toEqual([
        'take.started', 'take.stopped', 'take.discarded', 'take.started', 'take.stopped',
      ]);
      // The files play: every frame decodes, and they last about as long as the button was held.
      for (const [i, event] of started.entries()) {
        const decoded = await decodeCheck(event.file, '0:v:0');
        expect(decoded.errors).toEqual([]);
        expect(decoded.decodedSeconds).toBeGreaterThan(i === 0 ? 1.5 : 2);
        expect(decoded.decodedSeconds).toBeLessThan(i === 0 ? 4 : 4.5);
        expect(Math.abs(decoded.decodedSeconds - stopped[i]!.durationSeconds)).toBeLessThan(0.1);
      }
      expect(foreignRequests(handle)).toEqual([]);
    });
  });
}
