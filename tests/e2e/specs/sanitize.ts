/** Sanitize as a user uses it: drop a clip, watch it progress, read what was removed, find the clean copy. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { auditFile } from '../../../services/media/audit.node';
import { CORPUS_DIR } from '../fakeCamera.node';
import { describe, expect, it } from 'vitest';
import { foreignRequests, dropFile } from '../specHelpers';
import { makePanClip } from '../../integration/panClip.node';
import type { SpecContext } from '../specHelpers';
import { expectAccessible } from './access';

export function defineSanitizeSpecs(ctx: SpecContext): void {
  describe('sanitize', () => {
    it('refuses a file outside the allowed folders by its name, saying what to do, and says why a button is disabled', async () => {
      const handle = await ctx.start('none', undefined, undefined, { media: ['/etc/hosts'] });
      const { page } = handle;
      await page.getByRole('tab', { name: 'Sanitize' }).click();
      const start = page.getByRole('button', { name: 'Make clean copies' });
      expect(await start.isDisabled()).toBe(true);
      expect(await page.locator(`#${await start.getAttribute('aria-describedby')}`.replaceAll(':', '\\:')).textContent()).toBe('Add videos or photos first.');
      await page.getByRole('button', { name: 'Choose files…' }).click();
      await expect
        .poll(() => page.getByRole('list', { name: 'Files not added' }).textContent())
        .toMatch(/^hosts: SafeTake only works on files in your home folder.*Copy it into your home folder/);
      expect(await page.locator('.file-row').count()).toBe(0);
    });

    it.skipIf(!ctx.options.supportsSyntheticDrop)('drop a clip, watch it progress, read the before/after audit, find the clean copy', async () => {
      const dropFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-drop-'));
      const outputDir = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-clean-'));
      fs.copyFileSync(path.join(CORPUS_DIR, 'video-metadata/iphone6-gps.mov'), path.join(dropFolder, 'IMG_0042.mov'));
      const handle = await ctx.start('fake', dropFolder);
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

      // The badge says what went; the table leads with where, who and when, then the identifying tags, each
      // marked removed (by a tick and the word, not colour alone), tracks paired by what they carry.
      expect(await page.locator('.file-head .badge').first().textContent()).toMatch(/^✓ \d+ identifying tags removed, 0 left$/);
      await page.getByText('Before and after: every tag').click();
      const summary = page.getByRole('list', { name: 'What the original gave away, and the copy' });
      expect(await summary.locator('li').allTextContents()).toEqual([
        expect.stringMatching(/^Where: 32 deg 5. 34.44" N, 34 deg 51. 43.20" E.* — ✓ removed from the copy$/),
        expect.stringMatching(/^Who and what device: .*Apple.* — ✓ removed from the copy$/),
        expect.stringMatching(/^When: 2019:07:24 .* — ✓ removed from the copy$/),
      ]);
      const gpsRow = page.locator('.audit-table tr', { hasText: 'GPSCoordinates' });
      expect(await gpsRow.locator('td').nth(1).textContent()).toBe('removed');
      expect(await gpsRow.locator('th').textContent()).toMatch(/^✓ Removed: GPSCoordinates \(Keys\)$/);
      const audioHandler = page.locator('.audit-table tr', { hasText: /HandlerDescription \(Audio track\)/ });
      expect(await audioHandler.locator('td').nth(1).textContent()).toBe('SoundHandler');
      // Only identifying tags at first; the rest on request.
      const rows = await page.locator('.audit-table tbody tr').count();
      await page.getByLabel(/Identifying tags only/).uncheck();
      expect(await page.locator('.audit-table tbody tr').count()).toBeGreaterThan(rows);

      const [copy] = fs.readdirSync(outputDir);
      expect(copy).toBe('clip-001.mp4');
      const audit = await auditFile(path.join(outputDir, copy!));
      expect({ identifying: audit.identifyingCount, readable: audit.readable }).toEqual({ identifying: 0, readable: true });
      expect(foreignRequests(handle)).toEqual([]);
    });

    it.skipIf(!ctx.options.supportsSyntheticDrop)('reviews a photo as a photo: no moments, times or camera moves to choose', async () => {
      const dropFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-drop-'));
      fs.copyFileSync(path.join(CORPUS_DIR, 'scenes-real/images/face-officials-office.jpg'), path.join(dropFolder, 'officials.jpg'));
      const { page } = await ctx.start('fake', dropFolder);
      await page.getByRole('tab', { name: 'Sanitize' }).click();
      await dropFile(page, 'officials.jpg', 'image/jpeg');
      await page.getByRole('button', { name: 'Review what will be hidden' }).click();
      const list = page.getByRole('list', { name: 'What will be hidden' });
      await expect.poll(() => list.getByRole('listitem').count(), { timeout: 120_000 }).toBeGreaterThan(0);
      // Things of one kind in one place are listed as their places count them: 1 of 4 from the left, then 2 of 4...
      const names = await list.getByRole('checkbox').evaluateAll((boxes) => boxes.map((box) => (box as HTMLInputElement).labels?.[0]?.textContent ?? ''));
      const counted = new Map<string, number[]>();
      for (const name of names) {
        const match = /^(.*), (\d+) of \d+ from the left$/.exec(name);
        if (match) counted.set(match[1]!, [...(counted.get(match[1]!) ?? []), Number(match[2])]);
      }
      expect(counted.size).toBeGreaterThan(0);
      for (const [place, order] of counted) expect(order, place).toEqual(order.toSorted((a, b) => a - b));
      const meta = await list.locator('.track-meta').allTextContents();
      expect(meta.filter((text) => /\d:\d\d/.test(text))).toEqual([]);
      for (const control of [page.getByLabel(/^Moment:/), page.getByRole('button', { name: 'Show it' }), page.getByRole('radio', { name: /follows what is under it/ })]) expect(await control.count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Place one with the keys' }).count()).toBe(1);
      await expect.poll(() => page.getByTestId('review-surface').locator('img').count(), { timeout: 15_000 }).toBe(1);
      // Thumbnails come one at a time: the list as it looks once they have.
      await expect.poll(() => list.locator('.track-thumb[role="img"]').count(), { timeout: 60_000 }).toBe(await list.getByRole('listitem').count());
      await expectAccessible(page, 'review-photo', [{ width: 800, height: 600 }]);
    });

    it.skipIf(!ctx.options.supportsSyntheticDrop)('review what will be hidden in a pan across a real office, keep her face, and read the self-check of the copy', async () => {
      const dropFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-drop-'));
      const outputDir = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-clean-'));
      await makePanClip(path.join(CORPUS_DIR, 'scenes-real/images/scr-office-woman-phone-laptop.jpg'), path.join(dropFolder, 'office.mp4'), { seconds: 2, width: 640, height: 360 });
      const handle = await ctx.start('fake', dropFolder);
      const { page } = handle;
      await page.getByRole('tab', { name: 'Sanitize' }).click();
      await dropFile(page, 'office.mp4', 'video/mp4');
      expect(await page.getByLabel(/Find faces, photos, papers, screens/).isChecked()).toBe(true);

      await page.getByRole('button', { name: 'Review what will be hidden' }).click();
      // While it looks, the page says so, not that copies are being made.
      await expect.poll(() => page.locator('.actions .hint').textContent()).toBe('SafeTake is looking through the files for what to hide.');
      const list = page.getByRole('list', { name: 'What will be hidden' });
      await expect.poll(() => list.count(), { timeout: 120_000 }).toBe(1);
      // Reviewed, the file can still be taken off the list.
      expect(await page.getByRole('button', { name: 'Remove office.mp4' }).count()).toBe(1);
      // Looking again would start the review over: the button says so before it is pressed.
      expect(await page.getByRole('button', { name: 'Look again' }).getAttribute('aria-describedby')).toBeTruthy();
      expect(await page.locator('.actions .hint').allTextContents()).toContain('Looking again starts the reviews over: what you unticked, fixed or drew in them is lost.');
      const face = list.getByRole('checkbox', { name: 'Hide face in view' }).first();
      const laptop = list.getByRole('checkbox', { name: 'Hide laptop screen' }).first();
      expect(await face.isChecked()).toBe(true);
      expect(await laptop.isChecked()).toBe(true);
      // Each thing found reads apart from the others of its kind: where it is, and which from the left.
      const names = await list.getByRole('checkbox').evaluateAll((boxes) => boxes.map((box) => (box as HTMLInputElement).labels?.[0]?.textContent ?? ''));
      expect(names.filter((name) => name.startsWith('Hide face in view, ')).length).toBeGreaterThan(1);
      expect(new Set(names).size).toBe(names.length);
      // Her own face stays: by keyboard, as every control here.
      await face.focus();
      await page.keyboard.press('Space');
      expect(await face.isChecked()).toBe(false);
      const surface = page.getByTestId('review-surface');
      await expect.poll(() => surface.locator('.track-kept').count(), { timeout: 15_000 }).toBeGreaterThan(0);
      expect(await surface.locator('.track-label.track-kept').first().textContent()).toMatch(/^Visible: Face in view/);
      const scrubber = page.getByLabel(/^Moment:/);
      const before = await scrubber.inputValue();
      await scrubber.focus();
      await page.keyboard.press('ArrowRight');
      expect(await scrubber.inputValue()).not.toBe(before);

      // The laptop's box set right by keyboard at this moment: moved with the arrows, widened with Shift.
      const fix = list.getByRole('listitem').filter({ has: page.getByRole('checkbox', { name: 'Hide laptop screen' }) }).first().getByRole('button', { name: 'Fix its box here' });
      await fix.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('application');
      const keyed = surface.locator('.track-drawing');
      const start = (await keyed.boundingBox())!;
      for (const key of ['ArrowRight', 'ArrowRight', 'ArrowRight', 'Shift+ArrowRight', 'Shift+ArrowRight']) await page.keyboard.press(key);
      const set = (await keyed.boundingBox())!;
      // A screen reader hears where the box stands after each key.
      expect(await page.getByRole('status').filter({ hasText: /^The box: \d+% from the left, \d+% from the top, \d+% wide, \d+% high\.$/ }).count()).toBe(1);
      expect(set.x).toBeGreaterThan(start.x);
      expect(set.width).toBeGreaterThan(start.width);
      await expectAccessible(page, 'review-fixing-box');
      await keyed.evaluate((element) => element.parentElement?.focus());
      await page.keyboard.press('Enter');
      await expect.poll(() => fix.evaluate((element) => element === document.activeElement)).toBe(true);
      expect(await keyed.count()).toBe(0);
      const laptopBox = (await surface.locator('.track-flag', { hasText: 'Laptop screen' }).first().locator('.track-box').boundingBox())!;
      for (const side of ['x', 'y', 'width', 'height'] as const) expect(Math.abs(laptopBox[side] - set[side])).toBeLessThan(3);
      // Drawn with the mouse instead, the box is set and focus is not sent back to the list: the page does not
      // scroll away from the box just drawn.
      await fix.click();
      const picture = (await surface.boundingBox())!;
      await page.mouse.move(picture.x + picture.width * 0.1, picture.y + picture.height * 0.5);
      await page.mouse.down();
      await page.mouse.move(picture.x + picture.width * 0.45, picture.y + picture.height * 0.9, { steps: 5 });
      await page.mouse.up();
      await expect.poll(() => keyed.count()).toBe(0);
      expect(await fix.evaluate((element) => element === document.activeElement)).toBe(false);
      const drawn = (await surface.locator('.track-flag', { hasText: 'Laptop screen' }).first().locator('.track-box').boundingBox())!;
      expect(Math.abs(drawn.width - set.width)).toBeGreaterThan(3);

      // A new area placed with the keys alone, from the middle of the picture; focus comes back to its button.
      const tracksBefore = await list.getByRole('listitem').count();
      const addArea = page.getByRole('button', { name: 'Place one with the keys' });
      await addArea.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('The box of the new area, on the picture');
      for (const key of ['ArrowLeft', 'Shift+ArrowLeft']) await page.keyboard.press(key);
      await page.keyboard.press('Enter');
      await expect.poll(() => addArea.evaluate((element) => element === document.activeElement)).toBe(true);
      expect(await list.getByRole('listitem').count()).toBe(tracksBefore + 1);
      // Listed by when it first shows (this moment), among the others: found by its name.
      const added = list.getByRole('listitem').filter({ has: page.getByRole('checkbox', { name: /^Hide marked area, / }) });
      expect(await added.count()).toBe(1);
      // What the area covers says so: her face, in the middle of the picture, is in it too.
      expect(await list.getByRole('listitem').filter({ has: page.getByRole('checkbox', { name: 'Hide face in view, in the centre' }) }).textContent()).toMatch(/also in the marked area in the centre/);
      expect(await added.getByRole('checkbox').isChecked()).toBe(true);
      await added.getByRole('button', { name: 'Remove' }).click();
      expect(await list.getByRole('listitem').count()).toBe(tracksBefore);

      // Keeping one's own face, ticked after the review, applies to the review as it was left (the laptop's
      // box as drawn) rather than sending the worker to look again: her face, the largest, hidden again by
      // hand here, is kept by the option.
      await face.check();
      await page.getByLabel('Keep my own face visible').check();
      expect(await list.count()).toBe(1);
      expect(await face.isChecked()).toBe(false);
      const laptopAfter = (await surface.locator('.track-flag', { hasText: 'Laptop screen' }).first().locator('.track-box').boundingBox())!;
      expect(Math.abs(laptopAfter.width - drawn.width)).toBeLessThan(3);
      await expectAccessible(page, 'review-own-face-kept', [{ width: 800, height: 600 }]);
      // Finding turned off and on again: the review comes back as it was left, with the choices around it.
      const find = page.getByLabel(/Find faces, photos, papers, screens/);
      // Where the laptop's box is on the picture (the page may scroll between two readings).
      const laptopNow = async () => {
        const [box, picture] = await Promise.all([surface.locator('.track-flag', { hasText: 'Laptop screen' }).first().locator('.track-box').boundingBox(), surface.boundingBox()]);
        return { x: box!.x - picture!.x, y: box!.y - picture!.y, width: box!.width, height: box!.height };
      };
      const beforeToggle = await laptopNow();
      const momentBefore = await scrubber.inputValue();
      await find.uncheck();
      expect(await list.count()).toBe(0);
      await find.check();
      expect(await list.count()).toBe(1);
      expect(await page.getByLabel('Keep my own face visible').isChecked()).toBe(true);
      expect(await face.isChecked()).toBe(false);
      // The review opens again at its first moment: back to the one looked at, the box is where it was set.
      await scrubber.fill(momentBefore);
      await expect.poll(() => scrubber.inputValue()).toBe(momentBefore);
      const laptopBack = await laptopNow();
      for (const side of ['x', 'y', 'width', 'height'] as const) expect(Math.abs(laptopBack[side] - beforeToggle[side])).toBeLessThan(1);

      await page.getByLabel('Output folder').fill(outputDir);
      await page.getByRole('button', { name: 'Make clean copies' }).click();
      const row = page.locator('.file-row', { hasText: 'office.mp4' });
      await expect.poll(() => row.locator('.file-progress').textContent(), { timeout: 120_000 }).toContain('Ready to upload');
      const result = (await row.locator('.redaction-result').textContent())!;
      expect(result).toContain('Hidden whenever in view: ');
      expect(result).toContain('Laptop screen');
      // Each thing hidden or kept says where it first shows, as the review did.
      expect(result).toMatch(/Kept visible as you chose: Face in view \((top|middle|bottom|in the centre)[^)]*\)/);
      expect(result).toMatch(/Laptop screen \((top|middle|bottom|in the centre)[^)]*, \d+:\d\d–\d+:\d\d\)/);
      expect(result).toMatch(/✓ Self-check: nothing readable or recognisable in the \d+ hidden regions/);
      await row.locator('.redaction-result').scrollIntoViewIfNeeded();
      await expectAccessible(page, 'sanitize-redaction-result', [{ width: 800, height: 600 }]);
      expect(fs.readdirSync(outputDir)).toEqual(['clip-001.mp4']);
      // Asked for a new copy, the row drops the old result and shows the review again, as the worker left it.
      await page.getByRole('button', { name: 'Make a new copy of office.mp4' }).click();
      await expect.poll(() => row.locator('.file-progress').count()).toBe(0);
      expect(await row.locator('.redaction-result').count()).toBe(0);
      expect(await face.isChecked()).toBe(false);
      expect(foreignRequests(handle)).toEqual([]);
    });

    it.skipIf(!ctx.options.supportsSyntheticDrop)('cancelled by keyboard, the batch says so and keeps focus on its progress', async () => {
      const dropFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-drop-'));
      const outputDir = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-clean-'));
      await makePanClip(path.join(CORPUS_DIR, 'scenes-real/images/scr-office-woman-phone-laptop.jpg'), path.join(dropFolder, 'office.mp4'), { seconds: 4, width: 640, height: 360 });
      const { page } = await ctx.start('fake', dropFolder);
      await page.getByRole('tab', { name: 'Sanitize' }).click();
      await dropFile(page, 'office.mp4', 'video/mp4');
      await page.getByLabel('Output folder').fill(outputDir);
      await page.getByRole('button', { name: 'Make clean copies' }).click();
      const cancel = page.getByRole('button', { name: 'Cancel all' });
      await cancel.focus();
      await page.keyboard.press('Enter');
      const status = page.locator('#sanitize-status');
      await expect.poll(() => status.textContent(), { timeout: 60_000 }).toBe('Cancelled: 0 of 1 ready to upload.');
      expect(await status.evaluate((element) => element === document.activeElement)).toBe(true);
      expect(fs.readdirSync(outputDir)).toEqual([]);
      await expectAccessible(page, 'sanitize-cancelled', [{ width: 800, height: 600 }]);
    });
  });
}
