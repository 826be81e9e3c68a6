/** What the end-to-end specs share: the rooms they plant risks in, how they read flags, and the steps a worker takes. */
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { AppHandle, CameraMode, DialogAnswers } from './appHandle';
import { CORPUS_DIR } from './fakeCamera.node';
import { t } from '../../core/i18n/i18n.std';

export const SCENE = path.join(CORPUS_DIR, 'scenes/room-kitchen.jpg');
/** A printed page placed on a bedroom scene, in the 640x480 camera frame. */
export const CLEAN_BEDROOM = path.join(CORPUS_DIR, 'scenes/room-bedroom.jpg');
export const PLANTED_PAGE = { x: 40, y: 220, width: 260, item: path.join(CORPUS_DIR, 'documents/testocr.png'), room: CLEAN_BEDROOM };

/** Mean absolute difference per channel between two RGB buffers of the same size (0 = identical). */
export function meanAbsDiff(a: Uint8Array, b: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i]! - b[i]!);
  return sum / a.length;
}

/** Where a flag's overlay box (`flag`, a `.risk-flag`: its box and label) sits on the camera's picture, in its pixels. */
export async function flagInFrame(page: Page, flag: Locator): Promise<{ x: number; y: number; w: number; h: number }> {
  const video = page.locator('.camera-stage video');
  const stage = (await video.boundingBox())!;
  const box = (await flag.locator('.risk-box').boundingBox())!;
  const frame = await video.evaluate((element: HTMLVideoElement) => ({ width: element.videoWidth, height: element.videoHeight }));
  const toFrame = { x: frame.width / stage.width, y: frame.height / stage.height };
  return { x: (box.x - stage.x) * toFrame.x, y: (box.y - stage.y) * toFrame.y, w: box.width * toFrame.x, h: box.height * toFrame.y };
}

/** `flag`'s overlay box has its centre within `on` (the camera picture's pixels): the flag sits on the risk. */
export async function expectFlagCentredOn(page: Page, flag: Locator, on: { x: number; y: number; w: number; h: number }): Promise<void> {
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
export async function startSession(page: AppHandle['page'], pay: string, task = ''): Promise<void> {
  await page.getByRole('tab', { name: 'Sessions' }).click();
  await page.getByLabel('Platform', { exact: true }).fill('Acme Data');
  if (task) await page.getByLabel('Task').fill(task);
  await page.getByLabel('Pay', { exact: true }).fill(pay);
  await page.getByRole('button', { name: 'Start session' }).click();
  await expect.poll(() => page.getByRole('heading', { name: task ? `Acme Data — ${task}` : 'Acme Data' }).isVisible()).toBe(true);
}

/** Starts a take from the take recorder with `button` and waits until it records; the take's status line. */
export async function beginTake(page: AppHandle['page'], button: 'Record a take' | 'Retake' = 'Record a take') {
  const status = page.locator('.take-status');
  await page.getByRole('button', { name: button }).click();
  // Without a clear check in the session, the recorder asks once before the first take.
  const anyway = page.getByRole('button', { name: 'Record anyway' });
  await expect.poll(async () => (await anyway.isVisible()) || /Recording in|● Recording/.test((await status.textContent()) ?? '')).toBe(true);
  if (await anyway.isVisible()) await anyway.click();
  await expect.poll(() => status.textContent(), { timeout: 5000 }).toMatch(/Recording in|● Recording/);
  await expect.poll(() => status.textContent(), { timeout: 8000 }).toMatch(/● Recording/);
  return status;
}

/** Records a take of about `ms` from the take recorder, started by `button`, and waits until it is saved. */
export async function recordTake(page: AppHandle['page'], ms: number, button: 'Record a take' | 'Retake' = 'Record a take'): Promise<void> {
  const status = await beginTake(page, button);
  await page.waitForTimeout(ms);
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/Take saved \(0:0\d\)/);
}

/** Ends the running session from the Sessions view: it asks first, then shows the summary, closed with Done. */
export async function endSession(page: AppHandle['page']): Promise<void> {
  await page.getByRole('button', { name: t('sessions.active.endSession') }).click();
  await page.getByRole('button', { name: t('sessions.end.end'), exact: true }).click();
  await expect.poll(() => page.locator('#session-summary-heading').isVisible()).toBe(true);
  await page.getByRole('button', { name: t('sessions.summary.done') }).click();
  // Closing the summary puts the focus on the next session's platform once that form is shown: wait for it, or
  // what a test types next could land there instead.
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('start-platform');
}

/** Drops a file named `name` from the launch's drop folder on the Sanitize view's drop zone. */
export async function dropFile(page: AppHandle['page'], name: string, type: string): Promise<void> {
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

/** What every area's specs get: how to start the app, what this launcher supports, and the shared camera. */
export type SpecContext = {
  start: (camera: CameraMode, dropFolder?: string, video?: string, dialogAnswers?: DialogAnswers) => Promise<AppHandle>;
  options: SpecSupport;
  /** A folder of the run's own, removed after it. */
  scratch: string;
  /** The fake camera's video (the kitchen scene), and the thumbnail its first frame must look like. */
  cameraVideo: string;
  expectedThumb: Buffer;
};
