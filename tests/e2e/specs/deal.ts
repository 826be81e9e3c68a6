/**
 * Know the deal: a platform's real terms attached and read for red flags, a consent question answered, the
 * message asking the rest, a cost, an offer priced, and the report card, with the keyboard and axe.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLog } from '../../../services/sessions/eventLog.node';
import { sha256File } from '../../../services/media/hash.node';
import { CORPUS_DIR } from '../fakeCamera.node';
import { endSession, foreignRequests, recordTake, startSession } from '../specHelpers';
import type { SpecContext } from '../specHelpers';
import { expectAccessible } from './access';

export function defineDealSpecs(ctx: SpecContext): void {
  describe('platforms', () => {
    it('reads a platform’s real terms for red flags, records an answer and a cost, asks the rest and prices an offer', async () => {
      const files = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-deal-'));
      const terms = path.join(files, 'acme-terms.md');
      fs.copyFileSync(path.join(CORPUS_DIR, 'terms/faceapp-terms-of-use.md'), terms);
      const letter = path.join(files, 'contract.docx');
      fs.writeFileSync(letter, 'not a document SafeTake reads');
      const exportsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-deal-exports-'));
      const handle = await ctx.start('fake', files, ctx.cameraVideo, { evidence: [terms, letter], saveFolder: exportsDir });
      const { page } = handle;
      // The worker's minimum, set in Settings: offers are judged against it.
      await page.getByRole('tab', { name: 'Settings' }).click();
      await page.getByLabel('Your minimum per hour').fill('8');
      await page.getByRole('button', { name: 'Save minimum' }).click();
      await expect.poll(() => page.getByText(/^Now: USD\s8\.00 per hour/).isVisible()).toBe(true);
      await page.getByRole('tab', { name: 'Platforms' }).click();
      await expect.poll(() => page.getByText(/Name a platform to read its terms/).isVisible()).toBe(true);

      // By keyboard: name the platform, open it, attach its terms.
      await page.getByRole('tabpanel', { name: 'Platforms' }).getByLabel('Platform', { exact: true }).fill('Acme Data');
      await page.keyboard.press('Enter');
      // Opening a platform reads its records from the disk: more than the default second on a busy machine.
      await expect.poll(() => page.getByRole('heading', { name: 'Acme Data', level: 3 }).isVisible(), { timeout: 10_000 }).toBe(true);
      await page.getByRole('button', { name: 'Attach terms, privacy policy or agreement…' }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByRole('status').filter({ hasText: /kinds? of red flag found/ }).textContent()).toMatch(/^\d+ kinds of red flag found, in \d+ clauses\.$/);
      expect(await page.getByRole('list', { name: 'Documents not read' }).textContent()).toMatch(/contract\.docx/);
      // Read, the focus is back on the button that attached them, not lost with the disabled button.
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('attach-terms');
      const indemnity = page.getByRole('article', { name: /You pay their legal costs/ });
      expect(await indemnity.textContent()).toMatch(/Ask:.*limit on what I could owe.*indemnify, defend, and hold harmless FaceApp.*acme-terms\.md, characters \d+–\d+/);
      await expectAccessible(page, 'deal-terms');

      // Terms copied from a platform's page can be pasted instead of saved as a file: read and kept the same way.
      await page.getByText('Or paste the terms’ text').click();
      await page.getByLabel('The terms, copied from the platform’s page').fill(fs.readFileSync(path.join(CORPUS_DIR, 'terms/mozilla-common-voice-legal-terms.md'), 'utf8'));
      await page.getByRole('button', { name: 'Read the pasted terms' }).click();
      await expect.poll(() => page.getByRole('list', { name: 'Documents read' }).textContent(), { timeout: 20_000 }).toMatch(/terms pasted \d{4}-\d{2}-\d{2}\.txt/);
      // Read, the box empties and its button is disabled: the focus is back in the box, not at the top of the page.
      await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
      expect(await page.getByLabel('The terms, copied from the platform’s page').inputValue()).toBe('');
      await expectAccessible(page, 'deal-terms-pasted', [{ width: 800, height: 600 }]);

      // One consent question answered: it leaves the message, and the report card says why data consent is a risk.
      const deletion = page.getByRole('form', { name: 'Can I have my recordings and data deleted when I ask?' });
      await deletion.getByLabel('The platform’s answer').selectOption('no');
      await deletion.getByLabel('Its own words (optional)').fill('Submissions are kept after you leave.');
      await deletion.getByRole('button', { name: 'Save answer' }).click();
      await expect.poll(() => deletion.textContent()).toMatch(/No, answered [A-Z][a-z]{2} \d{1,2}, \d{4}/);
      // Another, with the platform's reply kept as a file (chosen in main's own dialog).
      const payTiming = page.getByRole('form', { name: 'Is payment promised by a set date after approval?' });
      await payTiming.getByLabel('The platform’s answer').selectOption('unclear');
      await payTiming.getByRole('button', { name: 'Save with their reply attached…' }).click();
      await expect.poll(() => payTiming.textContent()).toMatch(/Not clearly, answered [A-Z][a-z]{2} \d{1,2}, \d{4}; their reply kept: acme-terms\.md \(SHA-256 [0-9a-f]{12}…\)/);
      const message = page.getByLabel(/Ask the platform/);
      expect(await message.inputValue()).toMatch(/^Hello Acme Data team,[\s\S]*1\. /);
      expect(await message.inputValue()).not.toMatch(/will my recordings and personal data be deleted/);
      const dataConsent = page.locator('.factors tr', { hasText: 'data consent' });
      expect(await dataConsent.textContent()).toMatch(/▲ higher risk.*said no to "Can I have my recordings and data deleted/);
      expect(await page.locator('.factors tr', { hasText: 'worker protections' }).textContent()).toMatch(/▲ higher risk.*you pay their legal costs/);

      // A monthly cost for every platform, then an offer priced with no history yet.
      const cost = page.getByRole('form', { name: 'Add a cost' });
      await cost.getByLabel('What').fill('Internet');
      await cost.getByLabel('Amount').fill('20');
      await cost.getByRole('button', { name: 'Add cost' }).click();
      await expect.poll(() => page.getByRole('list', { name: 'Costs' }).textContent()).toMatch(/Internet: USD\s20\.00 a month \(all platforms\)/);
      // Added, the form waits for the next cost, the focus in its first field.
      await expect.poll(() => cost.getByLabel('What').evaluate((field) => field === document.activeElement)).toBe(true);
      const offer = page.getByRole('form', { name: 'Price an offer' });
      await offer.getByLabel('Pay', { exact: true }).fill('0.50');
      await offer.getByLabel('How many clips').fill('10');
      await offer.getByLabel('Time it says it takes (minutes)').fill('10');
      await offer.getByRole('button', { name: 'Price this offer' }).click();
      await expect.poll(() => page.locator('.offer-verdict').textContent()).toMatch(/No finished session with timed takes on this platform yet.*USD\s30\.00 per hour after costs/);
      await expectAccessible(page, 'deal-answered');

      // A session on the platform, with one timed take: the next offer is priced from it, and its evidence
      // report carries the deal when the worker ticks it.
      await startSession(page, '0.50', 'fold towels');
      await recordTake(page, 1500);
      await page.getByRole('button', { name: 'Keep' }).click();
      await endSession(page);
      await page.getByRole('tab', { name: 'Platforms' }).click();
      await offer.getByLabel('Pay', { exact: true }).fill('0.50');
      await offer.getByLabel('How many clips').fill('10');
      await offer.getByLabel('Time it says it takes (minutes)').fill('10');
      await offer.getByRole('button', { name: 'Price this offer' }).click();
      await expect.poll(() => page.locator('.offer-verdict').textContent()).toMatch(/^From your 1 session on this platform, it is likely to take \d+ min of your time.*your minimum of USD\s8\.00 per hour/);
      expect(await page.locator('.card-figures').textContent()).toMatch(/Sessions1, 0:00:\d\d worked/);
      await page.getByRole('tab', { name: 'Sessions' }).click();
      await page.getByRole('button', { name: /^Clips, decisions and evidence/ }).click();
      await page.getByLabel(/With the deal:/).check();
      await page.getByRole('button', { name: 'Save the evidence report (PDF)…' }).click();
      await expect.poll(() => page.getByText(/Evidence report saved to/).textContent(), { timeout: 30_000 }).toContain(exportsDir);
      const [report] = fs.readdirSync(exportsDir).filter((name) => name.endsWith('.pdf'));
      const text = execFileSync('pdftotext', ['-layout', path.join(exportsDir, report!), '-']).toString().replace(/\s+/g, ' ');
      expect(text).toMatch(/The deal with Acme Data/);
      expect(text).toMatch(/You pay their legal costs/);
      // pdftotext lays the table's two columns side by side, wrapped: the answer and its words, apart from the question.
      expect(text).toMatch(/no \([A-Z][a-z]{2} \d{1,2}, \d{4}\): “Submissions are kept after you leave\.”/);
      expect(text).toMatch(/their reply kept as acme-terms\.md, SHA-256/);

      // The log has each record; the document is kept with the fingerprint it was read with.
      const log = await readLog(handle.dataDir);
      const records = log.entries.map(({ event }) => event).filter((event) => event.type !== 'session.started');
      expect(records.map((event) => event.type).slice(0, 5)).toEqual(['terms.attached', 'terms.attached', 'consent.answered', 'consent.answered', 'cost.added']);
      const [attached, pasted] = records as Array<Extract<(typeof records)[number], { type: 'terms.attached' }>>;
      expect(attached).toMatchObject({ platform: 'Acme Data', name: 'acme-terms.md', kind: 'text', sha256: await sha256File(terms) });
      expect(await sha256File(attached!.file)).toBe(attached!.sha256);
      // The pasted terms are kept as the text pasted, byte for byte.
      expect(pasted).toMatchObject({ platform: 'Acme Data', name: expect.stringMatching(/^terms pasted \d{4}-\d{2}-\d{2}\.txt$/), kind: 'text' });
      expect(fs.readFileSync(pasted!.file, 'utf8')).toBe(fs.readFileSync(path.join(CORPUS_DIR, 'terms/mozilla-common-voice-legal-terms.md'), 'utf8'));
      expect(foreignRequests(handle)).toEqual([]);
    });
  });
}
