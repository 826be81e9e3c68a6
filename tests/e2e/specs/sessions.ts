/** Sessions: the clock, takes from the camera, clips, decisions, pay, evidence and exports. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readLog } from '../../../services/sessions/eventLog.node';
import { decodeCheck } from '../../../services/media/ffmpeg.node';
import { plantInRoom } from '../../integration/composites.node';
import { CORPUS_DIR, makeFakeCameraSequence } from '../fakeCamera.node';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './access';
import { SCENE, beginTake, foreignRequests, startSession, recordTake, dropFile, endSession } from '../specHelpers';
import type { SpecContext } from '../specHelpers';

export function defineSessionsSpecs(ctx: SpecContext): void {
  describe('sessions', () => {
    it('start a session, mark uploading and waiting, pause, end, enter pay, read the rate', async () => {
      const handle = await ctx.start('fake');
      const { page } = handle;
      // A sign that names a currency sets it: "₦250" is not kept as 250 dollars.
      await page.getByRole('tab', { name: 'Sessions' }).click();
      await page.getByLabel('Pay', { exact: true }).fill('₦250');
      expect(await page.getByLabel('Currency', { exact: true }).inputValue()).toBe('NGN');
      await page.getByLabel('Currency', { exact: true }).fill('USD');
      // Pay as prices are written, with its sign.
      await startSession(page, '$0.50', 'fold towels');
      const clock = page.getByRole('timer', { name: 'Time worked in this session' });
      await expect.poll(() => clock.textContent(), { timeout: 5000 }).not.toBe('0:00');

      await page.getByRole('button', { name: '▶ Uploading' }).click();
      await expect.poll(() => page.getByRole('button', { name: '■ Stop: Uploading' }).getAttribute('aria-pressed')).toBe('true');
      await expect.poll(() => page.getByRole('timer', { name: 'Time in Uploading so far' }).textContent(), { timeout: 5000 }).toMatch(/^0:00:0[1-9]$/);
      // A running phase reads on a line of its own under the clock, at a reading size.
      expect(await page.locator('.session-clock .phase-clock').evaluate((line) => [getComputedStyle(line).display, parseFloat(getComputedStyle(line).fontSize)])).toEqual(['block', 18]);
      await expectAccessible(page, 'session-phase-running', [{ width: 800, height: 600 }]);
      // The form to correct a running timer opens in the clock's line at the page's size, not the clock's.
      await page.locator('.session-clock').getByRole('button', { name: /^Correct…/ }).click();
      const correctedAt = page.locator('.session-clock .correct-time input');
      expect(await correctedAt.evaluate((input) => parseFloat(getComputedStyle(input).fontSize))).toBeLessThanOrEqual(18);
      await page.locator('.session-clock .correct-time').getByRole('button', { name: 'Cancel' }).click();
      await page.getByRole('button', { name: '■ Stop: Uploading' }).click();
      await page.getByRole('button', { name: '▶ Waiting for review' }).click();
      await page.waitForTimeout(1100);
      await page.getByRole('button', { name: 'Pause' }).click();
      await expect.poll(() => page.getByText('Paused', { exact: true }).isVisible()).toBe(true);
      // Paused, a take cannot be recorded, and the recorder says why.
      await expect.poll(() => page.getByRole('button', { name: 'Record a take' }).isDisabled()).toBe(true);
      expect(await page.locator('#record-reason').textContent()).toBe('Paused: resume the session to record.');
      await page.getByRole('button', { name: 'Resume' }).click();
      // A break: rest, not work, so the session's clock stands still and no take can start until it ends.
      await page.getByRole('button', { name: 'Take a break' }).click();
      await expect.poll(() => page.getByText('On a break (not counted as work)').isVisible()).toBe(true);
      const atBreak = await clock.textContent();
      await expect.poll(() => page.locator('#record-reason').textContent()).toBe('On a break: end it to record.');
      await expect.poll(() => page.getByRole('timer', { name: 'Time in Breaks so far' }).textContent(), { timeout: 5000 }).toMatch(/^0:00:0[1-9]$/);
      expect(await clock.textContent()).toBe(atBreak);
      await page.getByRole('button', { name: 'End the break' }).click();
      await expect.poll(() => page.getByText(/On a break/).count()).toBe(0);
      // The question says where the clock stops as it runs, not as the view last read it.
      await page.getByRole('button', { name: 'End session…' }).click();
      await page.waitForTimeout(2200);
      const question = page.getByRole('region', { name: 'End this session?' });
      await expect.poll(async () => (await question.textContent())!.includes(`The clock stops at ${(await clock.textContent())!}.`)).toBe(true);
      await page.getByRole('button', { name: 'Keep working' }).click();
      await endSession(page);

      const row = page.locator('.sessions-table tbody tr').first();
      // Uploading ran for the seconds the page took to be checked with axe at 800 px: less than ten.
      await expect.poll(() => row.textContent()).toMatch(/Acme Data — fold towels.*Uploading0:00:0[1-9].*Waiting for review0:00:0[1-6]/);
      await row.getByLabel('Paid (USD)').fill('3');
      await row.getByLabel('on', { exact: true }).fill('2026-11-30');
      await row.getByRole('button', { name: 'Add payment' }).click();
      await expect.poll(() => row.textContent()).toMatch(/USD\s3\.00/);
      await expect.poll(() => page.locator('.summary-table').textContent()).toMatch(/Acme Data1.*USD\s3\.00.*USD/);
      // A few seconds of work for 3 USD is a high rate; against an absurd minimum it shows as below, in words.
      await page.getByLabel('Your minimum per hour').fill('1000000');
      await page.getByRole('button', { name: 'Save minimum' }).click();
      await expect.poll(() => page.locator('.summary-table').textContent()).toMatch(/▼ USD\s[\d.,]+ below your minimum/);

      // The session was left running: corrected to have ended when it started, it counts no time, and the
      // correction is an event of its own after everything it corrects.
      await row.getByRole('button', { name: /^Correct…/ }).click();
      // The form takes the button's place, and the focus goes to its field.
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('datetime-local');
      const when = row.getByLabel('The session really ended at');
      await when.fill((await when.getAttribute('min'))!);
      await row.getByRole('button', { name: 'Save correction' }).click();
      await expect.poll(() => row.locator('td').nth(1).textContent()).toMatch(/^0:00:00/);

      // Every click is an event on disk, in order, and the chain verifies.
      const log = await readLog(handle.dataDir);
      expect(log.broken).toBeUndefined();
      expect(log.entries.map((entry) => entry.event.type)).toEqual([
        'session.started', 'phase.started', 'phase.stopped', 'phase.started', 'session.paused', 'session.resumed',
        'phase.started', 'phase.stopped', // the break
        'session.ended', 'pay.received', 'time.corrected',
      ]);
      expect(log.entries[6]!.event).toMatchObject({ type: 'phase.started', phase: 'break' });
      expect(log.entries[9]!.event).toMatchObject({ type: 'pay.received', amount: 3, currency: 'USD', paidOn: '2026-11-30' });
      expect(log.entries[6]!.event).not.toHaveProperty('countsAsWork');
      expect(foreignRequests(handle)).toEqual([]);
    });

    it.skipIf(!ctx.options.supportsSyntheticDrop)('a whole session: check, takes and a retake, a phone clip sanitized, upload, waiting, decisions, evidence, report and CSV', async () => {
      const files = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-whole-'));
      const phoneClip = path.join(files, 'IMG_0042.mov');
      fs.copyFileSync(path.join(CORPUS_DIR, 'video-metadata/iphone6-gps.mov'), phoneClip);
      const rateCard = path.join(files, 'rate-card.png');
      fs.copyFileSync(path.join(CORPUS_DIR, 'documents/bill.png'), rateCard);
      const exportsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-exports-'));
      const handle = await ctx.start('fake', files, ctx.cameraVideo, { media: [phoneClip], evidence: [rateCard], saveFolder: exportsDir });
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
      await endSession(page);

      // Later: the platform's decisions, the rate card as evidence, the report and the CSV.
      const row = page.locator('.sessions-table tbody tr').first();
      await row.getByRole('button', { name: 'Clips, decisions and evidence (3)' }).click();
      const phoneDecision = page.getByRole('form', { name: 'Decision on IMG_0042.mov' });
      await phoneDecision.getByLabel('Decision').selectOption('rejected');
      await phoneDecision.getByLabel('Reason given').fill('too dark');
      await phoneDecision.getByRole('button', { name: 'Save decision' }).click();
      const takeDecision = page.getByRole('form', { name: 'Decision on take-001.webm' });
      await takeDecision.getByLabel('Decision').selectOption('approved');
      // Written with a decimal comma, as the other amounts may be.
      await takeDecision.getByLabel('Paid (USD)').fill('0,50');
      await takeDecision.getByLabel('on', { exact: true }).fill('2026-11-30');
      await takeDecision.getByRole('button', { name: 'Save decision' }).click();
      await expect.poll(() => row.textContent()).toMatch(/USD\s0\.50/);
      await page.getByRole('button', { name: 'Attach evidence (instructions, rate card, terms)…' }).click();
      await expect.poll(() => page.getByRole('list', { name: 'Evidence kept with this session' }).textContent()).toContain('rate-card.png');
      await page.getByRole('button', { name: 'Save the evidence report (PDF)…' }).click();
      await expect.poll(() => page.getByText(/Evidence report saved to/).textContent(), { timeout: 30_000 }).toContain(exportsDir);
      await page.getByRole('button', { name: 'Export every session as CSV…' }).click();
      await expect.poll(() => page.getByText(/a row per session and per clip/).isVisible()).toBe(true);
      await page.getByRole('button', { name: 'Save a work record for your CV (PDF)…' }).click();
      await expect.poll(() => page.getByText(/your work for a CV, with no footage or file names in it/).isVisible(), { timeout: 30_000 }).toBe(true);

      // The charts are drawn, with their numbers in a table.
      expect(await page.locator('.weekly canvas[role="img"]').count()).toBe(3);
      await page.getByText('The numbers behind the charts').click();
      expect(await page.locator('.weeks-table tbody tr').first().textContent()).toMatch(/^[A-Z][a-z]{2} \d{1,2}, \d{4}1.*111USD\s0\.50/);
      // At 800x600 its column per phase scrolls inside its own box, not the page.
      await page.setViewportSize({ width: 800, height: 600 });
      // (The charts take their new width a frame after the window's.)
      await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
      await expectAccessible(page, 'sessions-numbers', [{ width: 800, height: 600 }]);

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
      const pdfs = fs.readdirSync(exportsDir).filter((name) => name.endsWith('.pdf'));
      expect(pdfs.map((name) => name.replace(/\d{4}-\d{2}-\d{2}/, 'DATE')).sort()).toEqual(['safetake-evidence-DATE.pdf', 'work-record-DATE.pdf']);
      for (const name of pdfs) expect(fs.readFileSync(path.join(exportsDir, name)).subarray(0, 5).toString()).toBe('%PDF-');
      expect(foreignRequests(handle)).toEqual([]);
    });

    it('a check opened in passing (arrow keys across the tabs) does not count as a check before a take', async () => {
      const handle = await ctx.start('fake');
      const { page } = handle;
      await startSession(page, '1');
      // Sessions -> Sanitize -> Check corner -> Sanitize -> Sessions: Check corner opens for a moment.
      await page.getByRole('tab', { name: 'Sessions' }).focus();
      for (const key of ['ArrowLeft', 'ArrowLeft', 'ArrowRight', 'ArrowRight']) await page.keyboard.press(key);
      await expect.poll(() => page.getByRole('tab', { name: 'Sessions' }).getAttribute('aria-selected')).toBe('true');
      await expect.poll(async () => (await readLog(handle.dataDir)).entries.some(({ event }) => event.type === 'corner.checked' && event.verdict === 'checking')).toBe(true);
      await page.getByRole('button', { name: 'Record a take' }).click();
      await expect.poll(() => page.getByText('Your last check was closed before it finished looking.').isVisible()).toBe(true);
      await expect.poll(() => page.getByRole('button', { name: 'Record anyway' }).isVisible()).toBe(true);
    });

    it('a take cut off by a reload is closed with what reached the disk and offered to keep or redo', async () => {
      const handle = await ctx.start('fake');
      const { page } = handle;
      await startSession(page, '1');
      const status = await beginTake(page);
      await page.waitForTimeout(3000);
      await page.reload();
      await page.getByRole('tab', { name: 'Sessions' }).click();
      await expect.poll(() => status.textContent(), { timeout: 20_000 }).toMatch(/Your last take was cut off .*: 0:0[1-4] of it was saved/);
      // The one decision waiting has the focus.
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('keep-take');
      await expectAccessible(page, 'take-cut-off', [{ width: 800, height: 600 }]);
      await page.getByRole('button', { name: 'Keep' }).click();
      const log = await readLog(handle.dataDir);
      const started = log.entries.find(({ event }) => event.type === 'take.started')!.event as { takeId: string };
      expect(log.entries.filter(({ event }) => event.type === 'take.stopped' && event.takeId === started.takeId)).toHaveLength(1);
      // The take's time ends where its last chunk was written, not when the page came back.
      const correction = log.entries.find(({ event }) => event.type === 'time.corrected')!.event as { phaseId: string; endedAt: string };
      expect(correction.phaseId).toBe(started.takeId);
      expect(foreignRequests(handle)).toEqual([]);
    });

    it('a take recording when the worker opens another tab is saved and kept, and its time ends', async () => {
      const handle = await ctx.start('fake');
      const { page } = handle;
      await startSession(page, '1');
      await beginTake(page);
      // Left through other tabs (Check corner opens the camera for itself) once a second of it has reached the
      // disk. (Left in its first instants, before MediaRecorder's first chunk, a take may hold no picture: it is
      // then redone, its time ended; takes.test.ts.)
      await page.waitForTimeout(2000);
      for (const tab of ['Sanitize', 'Check corner', 'Home']) await page.getByRole('tab', { name: tab }).click();
      // Home shows the session, not the first-run guide, though it was never dismissed: a session is running.
      await expect.poll(() => page.locator('#home-session').isVisible()).toBe(true);
      expect(await page.getByRole('heading', { name: 'How SafeTake works' }).count()).toBe(0);
      await expect.poll(async () => (await readLog(handle.dataDir)).entries.some(({ event }) => event.type === 'take.stopped' || event.type === 'take.discarded'), { timeout: 15_000 }).toBe(true);
      const types = (await readLog(handle.dataDir)).entries.map(({ event }) => event.type);
      expect(types).not.toContain('take.discarded');
      await page.getByRole('tab', { name: 'Sessions' }).click();
      await expect.poll(() => page.getByRole('heading', { name: /^Takes: 1 kept/ }).isVisible()).toBe(true);
      // Nothing is counted as filming any more: no take's clock runs.
      expect(await page.getByRole('timer', { name: /Time in (Takes|Retakes)/ }).count()).toBe(0);
    });

    it('judges no rate when the pay is not known, and says when a minimum is in another currency', async () => {
      const handle = await ctx.start('fake');
      const { page } = handle;
      await startSession(page, '0');
      await page.getByLabel('Your minimum per hour').fill('5');
      await page.getByRole('button', { name: 'Save minimum' }).click();
      await page.waitForTimeout(1100);
      await endSession(page);
      const row = page.locator('.sessions-table tbody tr').first();
      await expect.poll(() => row.textContent()).toContain('Acme Data');
      expect(await row.textContent()).not.toMatch(/below your minimum|expected, before costs/);
      // What is not an amount, or an amount in another currency than the session's, is refused in words.
      for (const text of ['abc', ' ', '-3']) {
        await row.getByLabel('Paid (USD)').fill(text);
        await row.getByRole('button', { name: 'Add payment' }).click();
        await expect.poll(() => row.getByRole('alert').textContent()).toBe('Enter the amount as a number of 0 or more, such as 12.50, 12,50 or 1,200.');
      }
      await row.getByLabel('Paid (USD)').fill('₦3000');
      await row.getByRole('button', { name: 'Add payment' }).click();
      await expect.poll(() => row.getByRole('alert').textContent()).toMatch(/^This session is paid in USD: SafeTake converts no currency/);
      await expectAccessible(page, 'pay-refused', [{ width: 800, height: 600 }]);
      for (const text of ['abc', '-5']) {
        await page.getByLabel('Your minimum per hour').fill(text);
        await page.getByRole('button', { name: 'Save minimum' }).click();
        await expect.poll(() => page.getByRole('form', { name: 'Your minimum hourly rate' }).getByRole('alert').textContent()).toMatch(/^Enter the amount as a number of 0 or more/);
      }
      // A naira minimum (its sign sets the currency) against dollar pay: said, not left out.
      await row.getByLabel('Paid (USD)').fill('3');
      await row.getByRole('button', { name: 'Add payment' }).click();
      await page.getByLabel('Your minimum per hour').fill('₦2000');
      await page.getByRole('button', { name: 'Save minimum' }).click();
      await expect.poll(() => row.textContent()).toContain('not compared with your minimum in NGN: SafeTake converts no currency');
      // Saved, the form is drawn again with it, and the focus is back on its button.
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Save minimum');
    });

    it('times a face that comes into view during a take, and logs it on that take', async () => {
      const withFace = plantInRoom({ room: SCENE, item: path.join(CORPUS_DIR, 'faces/portrait.jpg'), x: 360, y: 40, width: 240 }, path.join(ctx.scratch, 'kitchen-face.png')).file;
      const video = makeFakeCameraSequence([{ image: SCENE, seconds: 6 }, { image: withFace, seconds: 6 }], ctx.scratch, 'face-walks-in');
      const handle = await ctx.start('fake', undefined, video);
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
      const handle = await ctx.start('fake');
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
