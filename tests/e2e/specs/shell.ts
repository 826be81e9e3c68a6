/** The app as it opens: named areas with Home first, IPC that refuses what the contract does not allow, and the camera. */
import fs from 'node:fs';
import path from 'node:path';
import { THUMB_HEIGHT, THUMB_WIDTH } from '../fakeCamera.node';
import { describe, expect, it } from 'vitest';
import { meanAbsDiff, foreignRequests } from '../specHelpers';
import type { SpecContext } from '../specHelpers';

export function defineShellSpecs(ctx: SpecContext): void {
  describe('first screen', () => {
    it('opens on Home with named areas, reachable by keyboard, and real services behind them', async () => {
      const { page, ...handle } = await ctx.start('fake');
      await expect.poll(() => page.title()).toBe('SafeTake');
      const tabs = page.getByRole('tab');
      expect(await tabs.allTextContents()).toEqual(['Home', 'Check corner', 'Sanitize', 'Sessions', 'Platforms', 'Settings']);
      expect(await page.getByRole('tab', { name: 'Home' }).getAttribute('aria-selected')).toBe('true');
      // No developer text on the way: no data folder, no tool ticks, outside Settings.
      expect(await page.getByText('Diagnostics').count()).toBe(0);

      await page.getByRole('tab', { name: 'Home' }).focus();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      expect(await page.getByRole('tab', { name: 'Sanitize' }).getAttribute('aria-selected')).toBe('true');
      await expect.poll(() => page.getByRole('heading', { name: 'Sanitize', exact: true }).isVisible()).toBe(true);
      await page.keyboard.press('End');
      expect(await page.getByRole('tab', { name: 'Settings' }).getAttribute('aria-selected')).toBe('true');

      // Diagnostics in Settings, filled over IPC by the main-process services: version, tools found and their versions.
      const version = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')).version as string;
      await expect.poll(() => page.getByTestId('app-version').textContent()).toContain(`SafeTake ${version}`);
      await expect.poll(() => page.locator('.tool-ok').allTextContents()).toEqual([
        expect.stringMatching(/^✓ found: ffmpeg version \S+/), expect.stringMatching(/^✓ found: ffprobe version \S+/), expect.stringMatching(/^✓ found: ExifTool \d/),
      ]);
      expect(await page.getByText(handle.dataDir).isVisible()).toBe(true);
      // The default folder for clean copies, changeable there.
      expect(await page.getByLabel('Folder for clean copies').inputValue()).toBe(handle.defaultOutputDir);
      expect(foreignRequests({ page, ...handle })).toEqual([]);
    });

    it('rejects malformed IPC requests with a readable error', async () => {
      const { page } = await ctx.start('fake');
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
      const handle = await ctx.start('fake');
      const { page } = handle;
      await page.getByRole('tab', { name: 'Check corner' }).click();
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
      expect(meanAbsDiff(preview, ctx.expectedThumb)).toBeLessThan(12);
      const flat = new Uint8Array(preview.length).fill(preview.reduce((a, b) => a + b, 0) / preview.length);
      expect(meanAbsDiff(preview, flat)).toBeGreaterThan(20);

      const options = await page.getByLabel('Camera', { exact: true }).locator('option').allTextContents();
      expect(options).toHaveLength(1);
      expect(options[0]).toContain('camera.y4m');
      expect(foreignRequests(handle)).toEqual([]);
    });

    it.skipIf(!ctx.options.supportsDeniedCamera)('explains a denied camera permission', async () => {
      const { page } = await ctx.start('denied');
      await page.getByRole('tab', { name: 'Check corner' }).click();
      const alert = page.getByRole('alert');
      await expect.poll(() => alert.textContent(), { timeout: 15_000 }).toContain('Camera permission was denied.');
      expect(await page.getByRole('button', { name: 'Try again' }).isVisible()).toBe(true);
    });

    it.skipIf(!ctx.options.supportsMissingCamera)('explains a missing camera', async () => {
      const { page } = await ctx.start('none');
      await page.getByRole('tab', { name: 'Check corner' }).click();
      await expect.poll(() => page.getByRole('alert').textContent(), { timeout: 15_000 }).toContain('No camera was found.');
      expect(await page.getByLabel('Camera', { exact: true }).isDisabled()).toBe(true);
    });
  });
}
