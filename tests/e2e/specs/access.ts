/**
 * Every screen and state, in light and dark, at 1280x800, 800x600 and 200 % zoom: axe-core (WCAG 2.0/2.1 A and AA, and best practice) finds
 * nothing. The states are the ones a worker meets: the guide, Home in a session, Check corner with a flag,
 * the recorder, the question before ending, Sanitize before and after a clean copy with its tags open, past
 * sessions, and Settings.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { plantInRoom } from '../../integration/composites.node';
import { CORPUS_DIR, makeFakeCameraVideo } from '../fakeCamera.node';
import { SCENE, endSession, foreignRequests } from '../specHelpers';
import type { SpecContext } from '../specHelpers';

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

type Violation = { id: string; impact: string; targets: string[] };

/** axe's findings on the page as it is now, in the given colour scheme. */
async function violations(page: Page, scheme: 'light' | 'dark'): Promise<Violation[]> {
  await page.emulateMedia({ colorScheme: scheme });
  // The theme follows the system's change through a media-query listener: let it repaint.
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(scheme);
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return result.violations.map((violation) => ({ id: violation.id, impact: violation.impact, targets: violation.nodes.map((node) => node.target.join(' ')) }));
  });
}

/**
 * The window sizes each screen is checked at: a laptop's, the smallest SafeTake supports, and the laptop's at
 * 200 % zoom (the same CSS pixels a 1280x800 window has at that zoom).
 */
const SIZES = [
  { width: 1280, height: 800 },
  { width: 800, height: 600 },
  { width: 640, height: 400 },
];

/**
 * Checks the screen as it is in both schemes at both sizes, and saves each when SAFETAKE_SCREENSHOTS names a
 * folder (to look at).
 */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    for (const scheme of ['light', 'dark'] as const) {
      expect(await violations(page, scheme), `${screen}, ${scheme}, ${size.width}x${size.height}`).toEqual([]);
      const folder = process.env.SAFETAKE_SCREENSHOTS;
      if (folder) await page.screenshot({ path: path.join(folder, `access-${screen}-${scheme}-${size.width}.png`), fullPage: true });
    }
  }
  await page.setViewportSize(SIZES[0]!);
  await page.emulateMedia({ colorScheme: 'light' });
}

export function defineAccessSpecs(ctx: SpecContext): void {
  describe('access', () => {
    it('every screen and state passes axe in light and in dark', async () => {
      const photo = plantInRoom({ room: SCENE, item: path.join(CORPUS_DIR, 'faces/portrait.jpg'), x: 420, y: 40, width: 160 }, path.join(ctx.scratch, 'kitchen-photo-access.png'));
      const files = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-access-'));
      const holiday = path.join(files, 'holiday.jpg');
      fs.copyFileSync(path.join(CORPUS_DIR, 'photo-metadata/exiftool-GPS.jpg'), holiday);
      const handle = await ctx.start('fake', files, makeFakeCameraVideo(photo.file, ctx.scratch, 'kitchen-photo-access'), { media: [holiday] });
      const { page } = handle;
      await page.setViewportSize(SIZES[0]!);

      await expect.poll(() => page.getByRole('heading', { name: 'How SafeTake works' }).isVisible()).toBe(true);
      await expectAccessible(page, 'guide');
      await page.getByRole('button', { name: 'Start my first session' }).click();
      await page.getByLabel('Platform', { exact: true }).fill('Acme Data');
      await page.getByLabel('Pay', { exact: true }).fill('0.50');
      await page.getByRole('button', { name: 'Start session' }).click();
      await expect.poll(() => page.locator('#next-step').isVisible()).toBe(true);
      await expectAccessible(page, 'home');

      await page.getByRole('tab', { name: 'Check corner' }).click();
      await expect.poll(() => page.locator('.risk-item').count(), { timeout: 60_000 }).toBeGreaterThan(0);
      await expectAccessible(page, 'corner-flag');

      await page.getByRole('tab', { name: 'Sessions' }).click();
      await expect.poll(() => page.getByRole('button', { name: 'Record a take' }).isEnabled(), { timeout: 15_000 }).toBe(true);
      await expectAccessible(page, 'recorder');
      await page.getByRole('button', { name: 'End session…' }).click();
      await expectAccessible(page, 'end-question');
      await page.getByRole('button', { name: 'Keep working' }).click();

      await page.getByRole('tab', { name: 'Sanitize' }).click();
      await page.getByRole('button', { name: 'Choose files…' }).click();
      await expect.poll(() => page.locator('.file-row').textContent(), { timeout: 20_000 }).toMatch(/holiday\.jpg.*identifying tags/);
      await page.getByText('What this file carries today').click();
      await expectAccessible(page, 'sanitize-queued');
      await page.getByRole('button', { name: 'Make clean copies' }).click();
      await expect.poll(() => page.locator('.file-progress').textContent(), { timeout: 120_000 }).toMatch(/Ready to upload|Failed/);
      await page.getByText('Before and after: every tag').click();
      await page.locator('details[open]').getByLabel(/Identifying tags only/).uncheck();
      await expectAccessible(page, 'sanitize-done');

      await page.getByRole('tab', { name: 'Sessions' }).click();
      await endSession(page);
      await expectAccessible(page, 'sessions-past');
      await page.getByRole('tab', { name: 'Settings' }).click();
      await expect.poll(() => page.getByTestId('app-version').isVisible()).toBe(true);
      await expectAccessible(page, 'settings');
      expect(foreignRequests(handle)).toEqual([]);
    });
  });
}
