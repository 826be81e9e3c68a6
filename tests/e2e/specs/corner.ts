/** Check corner on real rooms through the fake camera: what is flagged, where, when it clears, and what is logged. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { centreInside, coverage, fromFractions } from '../../../core/media/geometry.std';
import { readLog } from '../../../services/sessions/eventLog.node';
import { WRITING_MODEL_FILE } from '../../../core/corner/writingModel.std';
import { plantInRoom } from '../../integration/composites.node';
import { CORPUS_DIR, makeFakeCameraSequence, makeFakeCameraVideo, makeStillClip } from '../fakeCamera.node';
import { describe, expect, it } from 'vitest';
import { SCENE, CLEAN_BEDROOM, PLANTED_PAGE, flagInFrame, expectFlagCentredOn, foreignRequests, startSession, dropFile, recordTake } from '../specHelpers';
import { detailIn, detailKept } from '../../../core/sanitize/redactPixels.std';
import { MAX_DETAIL_KEPT } from '../../../core/sanitize/selfCheck.std';
import { decodedFrame } from '../../integration/panClip.node';
import type { SpecContext } from '../specHelpers';
import type { Page } from 'playwright-core';

/** The preview's flag labels that are not wholly inside the preview, and the pairs that overlap (each by its text). */
async function labelsInPreview(page: Page): Promise<{ outside: string[]; overlapping: string[] }> {
  const stage = (await page.locator('.camera-stage video').boundingBox())!;
  const labels = await Promise.all((await page.locator('.risk-box-label').all()).map(async (label) => ({ text: (await label.textContent()) ?? '', box: (await label.boundingBox())! })));
  const inside = ({ x, y, width, height }: typeof stage) => x >= stage.x - 0.5 && y >= stage.y - 0.5 && x + width <= stage.x + stage.width + 0.5 && y + height <= stage.y + stage.height + 0.5;
  const overlap = (a: typeof stage, b: typeof stage) => a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;
  return {
    outside: labels.filter((label) => !inside(label.box)).map((label) => label.text),
    overlapping: labels.flatMap((a, i) => labels.slice(i + 1).filter((b) => overlap(a.box, b.box)).map((b) => `${a.text} / ${b.text}`)),
  };
}

export function defineCornerSpecs(ctx: SpecContext): void {
  describe('check corner', () => {
    it('says "Corner clear" for a clean room only after a few quiet seconds, and logs a check left unsaved as setup', async () => {
      // A bedroom in which the text detector sees not one line, in full or at a glance (the kitchen has two
      // short ones at a glance, which OCR then tries to read).
      const bedroom = makeFakeCameraSequence([{ image: CLEAN_BEDROOM, seconds: 10 }], ctx.scratch, 'clean-bedroom');
      const { page, ...handle } = await ctx.start('fake', undefined, bedroom);
      await page.getByRole('tab', { name: 'Check corner' }).click();
      const verdict = page.getByTestId('corner-verdict');
      expect(await verdict.textContent()).toContain('Checking your corner');
      // Without a session, the check says its time is not counted, and offers one.
      await expect.poll(() => page.getByTestId('no-session').textContent()).toContain('No session is running');
      await expect.poll(() => verdict.textContent(), { timeout: 60_000 }).toContain('Corner clear');
      expect(await page.locator('.risk-item').count()).toBe(0);
      // Every model ran; OCR had nothing to read, because the text detector saw no writing (Settings, Diagnostics).
      await page.getByRole('tab', { name: 'Settings' }).click();
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
      const room = plantInRoom(receipt, path.join(ctx.scratch, 'kitchen-with-receipt.png'));
      const handle = await ctx.start('fake', undefined, makeFakeCameraVideo(room.file, ctx.scratch, 'camera-with-receipt'));
      const { page } = handle;
      await page.getByRole('tab', { name: 'Check corner' }).click();
      const item = page.locator('.risk-item').first();
      await expect.poll(() => item.textContent().catch(() => ''), { timeout: 60_000 }).toMatch(/^(Writing \(papers, signs, labels\)|Readable text)/);
      await expectFlagCentredOn(page, page.locator('.risk-flag').first(), room.box);
      expect(foreignRequests(handle)).toEqual([]);
    });

    it('flags a bank statement on a 1280x720 camera by looking closer at its small print, in the camera\'s own pixels', async () => {
      // At this size and place in the bedroom, a full look of the text detector sees only the statement's
      // heading; a closer look at the sheet around it, in the camera's own pixels, sees its table
      // (tests/integration/detect.test.ts).
      const hd = { width: 1280, height: 720 };
      const statement = { x: 500, y: 100, width: 240, item: path.join(CORPUS_DIR, 'documents/bill.png'), room: path.join(CORPUS_DIR, 'scenes/room-bedroom.jpg') };
      const room = plantInRoom(statement, path.join(ctx.scratch, 'bedroom-with-statement-720p.png'), hd);
      const handle = await ctx.start('fake', undefined, makeFakeCameraSequence([{ image: room.file, seconds: 2 }], ctx.scratch, 'camera-720p', 15, hd));
      const { page } = handle;
      await page.getByRole('tab', { name: 'Check corner' }).click();
      const flag = page.locator('.risk-flag', { hasText: /^(Writing \(papers, signs, labels\)|Readable text)/ });
      await expect.poll(() => flag.count(), { timeout: 60_000 }).toBeGreaterThan(0);
      await expectFlagCentredOn(page, flag.first(), room.box);
      // The whole statement, not its heading alone (which OCR may read at a full look's scale).
      expect(coverage(room.box, await flagInFrame(page, flag.first()))).toBeGreaterThan(0.8);
      expect(foreignRequests(handle)).toEqual([]);
    });

    it('flags a real room with a screen, a framed photo and a bank statement: one whole box per object', async () => {
      // A real desk corner (a CRT monitor showing photos), with a bank statement lying in front of it and a
      // framed portrait on the shelf, planted into the photograph.
      const desk = path.join(CORPUS_DIR, 'scenes/coco-desk-monitor-books-frame.jpg');
      const statement = plantInRoom({ x: 30, y: 250, width: 260, item: path.join(CORPUS_DIR, 'documents/bill.png'), room: desk }, path.join(ctx.scratch, 'desk-statement.png'));
      const photo = plantInRoom({ x: 520, y: 40, width: 90, item: path.join(CORPUS_DIR, 'faces/portrait.jpg'), room: statement.file }, path.join(ctx.scratch, 'desk-statement-photo.png'));
      // The monitor's screen and casing, read off the photograph by eye (camera pixels).
      const monitor = { x: 130, y: 220, w: 275, h: 240 };
      const handle = await ctx.start('fake', undefined, makeFakeCameraVideo(photo.file, ctx.scratch, 'desk-corner'));
      const { page } = handle;
      await page.getByRole('tab', { name: 'Check corner' }).click();
      const flags = page.locator('.risk-flag');
      const boxes = async () => Promise.all((await flags.all()).map(async (flag) => ({ label: (await flag.textContent()) ?? '', box: await flagInFrame(page, flag) })));
      // Each object has exactly one flag of its kind on it (the monitor's page may also be quoted as text).
      const ofKind = { statement: /^(Writing \(papers, signs, labels\)|Readable text)/, photo: /^Photo with a face/, monitor: /^Screen/ };
      const onEach = async () => {
        const shown = await boxes();
        return Object.entries({ statement: statement.box, photo: photo.box, monitor }).map(
          ([name, on]) => shown.filter((flag) => centreInside(flag.box, on) && ofKind[name as keyof typeof ofKind].test(flag.label)).length,
        );
      };
      await expect.poll(onEach, { timeout: 60_000 }).toEqual([1, 1, 1]);
      // The statement's flag is the whole sheet, not its heading: a blur of it hides every line.
      const sheet = (await boxes()).find((flag) => centreInside(flag.box, statement.box) && ofKind.statement.test(flag.label))!.box;
      expect(coverage(statement.box, sheet)).toBeGreaterThan(0.85);
      expect(coverage(sheet, statement.box)).toBeGreaterThan(0.85);
      // In an 800x600 window the preview is smaller than the camera's picture and the labels crowd, and more so
      // at 200 % zoom (640x400 CSS pixels, a preview 240 px wide): each is still inside the preview, and none
      // hides another.
      for (const size of [{ width: 800, height: 600 }, { width: 640, height: 400 }]) {
        await page.setViewportSize(size);
        await expect.poll(() => labelsInPreview(page), { timeout: 10_000 }).toEqual({ outside: [], overlapping: [] });
      }
      expect(foreignRequests(handle)).toEqual([]);
    });

    it('flags sheets lying on a desk that the object models only half see, by how they look', async () => {
      // A real office desk strewn with papers; two labelled sheets (scenes-real) that CenterNet scores 0.29 and
      // only SSDLite proposes (0.15), in the camera's 640x480 pixels.
      const desk = path.join(CORPUS_DIR, 'scenes-real/images/doc-office-desk-papers.jpg');
      const sheets = [
        { x: 380, y: 760, w: 180, h: 122 },
        { x: 1140, y: 804, w: 130, h: 132 },
      ].map((box) => fromFractions({ x: box.x / 1280, y: box.y / 956, w: box.w / 1280, h: box.h / 956 }, { width: 640, height: 480 }));
      const handle = await ctx.start('fake', undefined, makeFakeCameraVideo(desk, ctx.scratch, 'desk-papers'));
      const { page } = handle;
      await page.getByRole('tab', { name: 'Check corner' }).click();
      const papers = page.locator('.risk-flag', { hasText: 'Books or papers' });
      const onEach = async () => {
        const shown = await Promise.all((await papers.all()).map((flag) => flagInFrame(page, flag)));
        return sheets.map((sheet) => shown.some((box) => centreInside(box, sheet)));
      };
      await expect.poll(onEach, { timeout: 60_000 }).toEqual([true, true]);
      expect(foreignRequests(handle)).toEqual([]);
    });

    it('flags a lit video wall on a 1280x720 camera as a screen, boxed to the whole of its picture', async () => {
      // A real lobby (scenes-real) whose wall of panels the object models box only in part, and half sure: it
      // is a screen by its look (lit, in colour) and its box follows the picture. The photo is 16:9: squeezed
      // into a 4:3 camera, the panels no longer look like a screen to either model.
      const hd = { width: 1280, height: 720 };
      const wall = { x: 528, y: 186, w: 420, h: 228 };
      const lobby = path.join(CORPUS_DIR, 'scenes-real/images/scr-lobby-video-wall.jpg');
      const handle = await ctx.start('fake', undefined, makeFakeCameraSequence([{ image: lobby, seconds: 4 }], ctx.scratch, 'lobby-720p', 15, hd));
      const { page } = handle;
      await page.getByRole('tab', { name: 'Check corner' }).click();
      const screen = page.locator('.risk-flag', { hasText: /^Screen/ });
      await expect.poll(() => screen.count(), { timeout: 60_000 }).toBeGreaterThan(0);
      // All of the wall, and little besides (the wall is most of its flag's box).
      const onWall = async () => {
        const box = await flagInFrame(page, screen.first());
        return centreInside(box, wall) && coverage(wall, box) > 0.95 && coverage(box, wall) > 0.7;
      };
      await expect.poll(onWall, { timeout: 10_000 }).toBe(true);
      expect(await screen.count()).toBe(1);
      expect(foreignRequests(handle)).toEqual([]);
    });

    it('flags a small face photo put down in a still corner where it lies, clears it when it goes, and flags it again', async () => {
      // The bedroom stays still, then a portrait is put down at its top right, then taken away, and so on (the
      // camera's file loops). Put down again, after the detectors have looked at the empty room, it is found
      // by a photo sweep of only the tile where the picture changed (photoSweepRegion).
      const photo = plantInRoom({ x: 470, y: 60, width: 90, item: path.join(CORPUS_DIR, 'faces/portrait.jpg'), room: CLEAN_BEDROOM }, path.join(ctx.scratch, 'bedroom-with-photo.png'));
      const video = makeFakeCameraSequence([{ image: CLEAN_BEDROOM, seconds: 8 }, { image: photo.file, seconds: 10 }], ctx.scratch, 'photo-put-down');
      const handle = await ctx.start('fake', undefined, video);
      const { page } = handle;
      await page.getByRole('tab', { name: 'Check corner' }).click();
      const flag = page.locator('.risk-flag', { hasText: 'Photo with a face' });
      await expect.poll(() => flag.count(), { timeout: 60_000 }).toBeGreaterThan(0);
      await expect.poll(() => flag.count(), { timeout: 30_000 }).toBe(0);
      await expect.poll(() => flag.count(), { timeout: 30_000 }).toBeGreaterThan(0);
      await expectFlagCentredOn(page, flag.first(), photo.box);
      expect(foreignRequests(handle)).toEqual([]);
    });

    it('flags a page of writing where it lies, quotes it, and blurs it in the clean copy of a take of that corner when the user chose "Blur this area later"', async () => {
      const room = plantInRoom(PLANTED_PAGE, path.join(ctx.scratch, 'room-with-page.png')).file;
      const video = makeFakeCameraVideo(room, ctx.scratch, 'camera-with-page');
      // A take of the same corner at twice the camera's size, to sanitize later.
      const dropFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-drop-'));
      const take = { width: 1280, height: 960 };
      makeStillClip(room, path.join(dropFolder, 'take.mp4'), take.width, take.height);
      const handle = await ctx.start('fake', dropFolder, video);
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
      const inFrame = await flagInFrame(page, page.locator('.risk-flag').first());
      expect(inFrame.x).toBeGreaterThanOrEqual(PLANTED_PAGE.x - 10);
      expect(inFrame.x).toBeLessThan(PLANTED_PAGE.x + 60);
      expect(inFrame.y).toBeGreaterThanOrEqual(PLANTED_PAGE.y - 10);
      expect(inFrame.y).toBeLessThan(PLANTED_PAGE.y + 100);

      // Blurred in the clean copy, the page is dealt with: it stays in view, and the corner is clear.
      await item.getByRole('button', { name: /Blur this area later/ }).click();
      await expect.poll(() => item.locator('.risk-title').textContent()).toMatch(/stays in view, blurred in the clean copy$/);
      expect(await item.getByRole('button', { name: /Accept for this session/ }).count()).toBe(0);
      await expect.poll(() => verdict.textContent(), { timeout: 30_000 }).toContain('Corner clear (1 to blur in the clean copy)');
      await page.getByRole('button', { name: 'Save this check' }).click();
      await expect.poll(() => page.getByText(/Check saved at .* to the running session\./).isVisible()).toBe(true);

      const log = await readLog(handle.dataDir);
      const events = log.entries.map((entry) => entry.event);
      expect(events.map((event) => (event.type === 'phase.started' ? `${event.type}:${event.phase}` : event.type))).toEqual([
        'session.started', 'phase.started:setup', 'corner.checked', 'phase.stopped',
      ]);
      expect(events[2]).toMatchObject({ verdict: 'clear', open: [], accepted: [], blurred: ['document'], keepOwnFace: false });
      const settings = JSON.parse(fs.readFileSync(path.join(handle.dataDir, 'settings.json'), 'utf8'));
      expect(settings.cornerBlurRegions).toHaveLength(1);
      expect(settings.cornerBlurRegions[0].x).toBeCloseTo(PLANTED_PAGE.x / 640, 1);

      // A take of that corner, recorded in the session: in Sanitize it comes with the marked area chosen.
      await page.getByRole('tab', { name: 'Sessions' }).click();
      await recordTake(page, 2500);
      await page.getByRole('tab', { name: 'Sanitize' }).click();
      await page.getByRole('button', { name: /Add this session’s take/ }).click();
      const takeRow = page.locator('.file-row', { hasText: 'take-001.webm' });
      await expect.poll(() => takeRow.textContent(), { timeout: 20_000 }).toContain('The area you marked in Check corner will be blurred');
      // Reviewed, it is listed with what the detectors found, to hide: it may be kept visible there too.
      await page.getByRole('button', { name: 'Review what will be hidden' }).click();
      const markedInReview = takeRow.getByRole('checkbox', { name: 'Hide marked area' });
      await expect.poll(() => markedInReview.count(), { timeout: 60_000 }).toBe(1);
      expect(await markedInReview.isChecked()).toBe(true);

      // A clip of the same corner from elsewhere is offered the area, in the same place in its picture.
      if (ctx.options.supportsSyntheticDrop) {
        await dropFile(page, 'take.mp4', 'video/mp4');
        const dropped = page.locator('.file-row', { hasText: 'take.mp4' });
        await dropped.getByRole('button', { name: 'Blur regions…' }).click({ timeout: 20_000 });
        await page.getByRole('button', { name: 'Add the area marked in Check corner' }).click({ timeout: 15_000 });
        const [marked] = settings.cornerBlurRegions as Array<{ x: number; y: number; w: number; h: number }>;
        const { width, height } = take;
        expect(await page.getByRole('list', { name: 'Regions to blur' }).textContent()).toContain(
          `Blur 1: ${Math.round(marked!.w * width)}×${Math.round(marked!.h * height)} at ${Math.round(marked!.x * width)}, ${Math.round(marked!.y * height)}`,
        );
      }

      // The clean copy has the page blurred: only the marked area, so the detectors are left out of it.
      const outputDir = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-clean-'));
      await page.getByLabel(/Find faces, photos, papers, screens/).uncheck();
      await page.getByLabel('Output folder').fill(outputDir);
      await page.getByRole('button', { name: 'Make clean copies' }).click();
      await expect.poll(() => takeRow.locator('.file-progress').textContent(), { timeout: 120_000 }).toContain('Ready to upload');
      const copy = (await takeRow.locator('.output-path code').textContent())!;
      const takeFile = (await readLog(handle.dataDir)).entries.flatMap((entry) => (entry.event.type === 'take.started' ? [entry.event.file] : []))[0]!;
      const size = { width: 640, height: 480 };
      const [source, clean] = await Promise.all([decodedFrame(takeFile, 15, size), decodedFrame(copy, 15, size)]);
      const area = fromFractions(settings.cornerBlurRegions[0], size);
      const kept = detailKept(detailIn(source, size.width, size.height, area), detailIn(clean, size.width, size.height, area));
      for (const share of kept) expect(share).toBeLessThanOrEqual(MAX_DETAIL_KEPT);
      // ...and the rest of the picture is the take's own: outside the area, the copy keeps its detail.
      const outside = { x: 360, y: 40, w: 240, h: 160 };
      expect(Math.min(...detailKept(detailIn(source, 640, 480, outside), detailIn(clean, 640, 480, outside)))).toBeGreaterThan(0.5);
      expect(foreignRequests(handle)).toEqual([]);
    });
  });
}

