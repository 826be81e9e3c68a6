/**
 * Every screen and state, in light and dark, at 1280x800, 800x600 and 200 % zoom, in English and in French:
 * axe-core (WCAG 2.0/2.1 A and AA, and best practice) finds nothing, and the French screens show no English.
 * The states are the ones a worker meets: the guide, Home in a session, Check corner with a flag, the
 * recorder, the question before ending, Sanitize before and after a clean copy with its tags open, past
 * sessions with the evidence report, Platforms with a platform's terms read, and Settings.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type MessageFormatElement, TYPE, parse } from '@formatjs/icu-messageformat-parser';
import { CATALOGUES, LANGUAGES, LANGUAGE_NAMES, type Language, type MessageId, currentLanguage, formatDateTime, setLanguage, t } from '../../../core/i18n/i18n.std';
import { formatMoney } from '../../../core/sessions/pay.std';
import { readDocumentText } from '../../../services/terms/documentText.node';
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
 * Checks the screen as it is in both schemes at each size, and saves each when SAFETAKE_SCREENSHOTS names a
 * folder (to look at).
 */
export async function expectAccessible(page: Page, screen: string, sizes: ReadonlyArray<{ width: number; height: number }> = SIZES): Promise<void> {
  for (const size of sizes) {
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

/**
 * The English phrases a screen in `language` must not show: the words between the values of every English
 * message that reads otherwise in `language`, where they are two words or more.
 */
function englishPhrases(language: Language): string[] {
  const phrases = new Set<string>();
  const words = (elements: MessageFormatElement[]): string[] =>
    elements.flatMap((element) => {
      if (element.type === TYPE.literal) return [element.value];
      if (element.type === TYPE.tag) return words(element.children);
      if (element.type === TYPE.plural || element.type === TYPE.select) return Object.values(element.options).flatMap((option) => words(option.value));
      return ['\n'];
    });
  for (const [id, english] of Object.entries(CATALOGUES.en)) {
    const translated = CATALOGUES[language][id];
    if (translated === english) continue;
    for (const part of words(parse(english)).join('').split('\n')) {
      const phrase = part.trim().replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
      if ((phrase.match(/\p{L}{2,}/gu) ?? []).length >= 2 && !translated?.includes(phrase)) phrases.add(phrase);
    }
  }
  return [...phrases];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A message's words up to its first value, to find a control whose label goes on with figures. */
function startOf(id: MessageId): RegExp {
  const [first] = parse(CATALOGUES[currentLanguage()][id] ?? '');
  const words = first?.type === TYPE.literal ? first.value.trim() : '';
  return new RegExp(escapeRegExp(words));
}

/** English phrases on the page as it is now: its text and what its labels, titles and placeholders say. */
async function englishOnScreen(page: Page, phrases: readonly string[]): Promise<string[]> {
  const shown = await page.evaluate(() => {
    const labels = Array.from(document.querySelectorAll('[aria-label], [title], [placeholder], [alt]')).flatMap((element) =>
      ['aria-label', 'title', 'placeholder', 'alt'].map((name) => element.getAttribute(name) ?? ''),
    );
    // A platform's terms are quoted in their own words (English, mostly): those are the document's, not SafeTake's.
    const quotes = Array.from(document.querySelectorAll('blockquote')).map((quote) => (quote as HTMLElement).innerText);
    const text = quotes.reduce((rest, quote) => rest.replace(quote, ''), document.body.innerText);
    return [text, ...labels].join('\n');
  });
  // Whole words only: "s and" is not in "clients and".
  return phrases.filter((phrase) => new RegExp(`(?<!\\p{L})${escapeRegExp(phrase)}(?!\\p{L})`, 'u').test(shown));
}

/**
 * The whole workflow in `language`, chosen in Settings as a worker would: every screen and state passes axe in
 * light and dark, and in a language other than English no English phrase from the catalogue is on any screen,
 * and the evidence report prints in that language.
 */
function walkEveryScreen(ctx: SpecContext, language: Language, sizes: ReadonlyArray<{ width: number; height: number }>): void {
  it(`every screen and state passes axe in light and in dark (${LANGUAGE_NAMES[language]})`, async () => {
    const photo = plantInRoom({ room: SCENE, item: path.join(CORPUS_DIR, 'faces/portrait.jpg'), x: 420, y: 40, width: 160 }, path.join(ctx.scratch, `kitchen-photo-access-${language}.png`));
    const files = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-access-'));
    const holiday = path.join(files, 'holiday.jpg');
    fs.copyFileSync(path.join(CORPUS_DIR, 'photo-metadata/exiftool-GPS.jpg'), holiday);
    const exports = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-access-exports-'));
    const terms = path.join(files, 'acme-terms.md');
    fs.copyFileSync(path.join(CORPUS_DIR, 'terms/faceapp-terms-of-use.md'), terms);
    const handle = await ctx.start('fake', files, makeFakeCameraVideo(photo.file, ctx.scratch, `kitchen-photo-access-${language}`), { media: [holiday], evidence: [terms], saveFolder: exports });
    const { page } = handle;
    const phrases = language === 'en' ? [] : englishPhrases(language);
    const check = async (screen: string) => {
      await expectAccessible(page, language === 'en' ? screen : `${screen}-${language}`, sizes);
      expect(await englishOnScreen(page, phrases), `English on ${screen}`).toEqual([]);
    };
    await page.setViewportSize(SIZES[0]!);
    try {
      await expect.poll(() => page.getByRole('heading', { name: t('home.guide.heading') }).isVisible()).toBe(true);
      if (language !== 'en') {
        await page.getByRole('tab', { name: t('app.area.settings') }).click();
        await page.getByRole('radio', { name: LANGUAGE_NAMES[language] }).check();
        setLanguage(language);
        await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language);
        await page.getByRole('tab', { name: t('app.area.home') }).click();
      }
      await check('guide');
      await page.getByRole('button', { name: t('home.guide.startFirst') }).click();
      await page.getByLabel(t('sessions.start.platform'), { exact: true }).fill('Acme Data');
      await page.getByLabel(t('sessions.start.pay'), { exact: true }).fill('0.50');
      await page.getByRole('button', { name: t('sessions.start.start') }).click();
      await expect.poll(() => page.locator('#next-step').isVisible()).toBe(true);
      await check('home');

      await page.getByRole('tab', { name: t('app.area.corner') }).click();
      await expect.poll(() => page.locator('.risk-item').count(), { timeout: 60_000 }).toBeGreaterThan(0);
      await check('corner-flag');

      await page.getByRole('tab', { name: t('app.area.sessions') }).click();
      await expect.poll(() => page.getByRole('button', { name: t('sessions.take.record') }).isEnabled(), { timeout: 15_000 }).toBe(true);
      await check('recorder');
      await page.getByRole('button', { name: t('sessions.active.endSession') }).click();
      await check('end-question');
      // While the question is open, Space (across the room) starts no take: Record waits, and says why.
      await page.keyboard.press('Space');
      expect(await page.getByRole('button', { name: t('sessions.take.record') }).isDisabled()).toBe(true);
      expect(await page.getByText(t('sessions.active.endingNoRecording')).isVisible()).toBe(true);
      await page.getByRole('button', { name: t('sessions.end.keepWorking') }).click();
      await expect.poll(() => page.getByRole('button', { name: t('sessions.take.record') }).isEnabled()).toBe(true);

      await page.getByRole('tab', { name: t('app.area.sanitize') }).click();
      await page.getByRole('button', { name: t('sanitize.drop.chooseFiles') }).click();
      await expect.poll(() => page.locator('.file-row').textContent(), { timeout: 20_000 }).toContain('holiday.jpg');
      await page.getByText(t('sanitize.file.carriesToday')).click();
      await check('sanitize-queued');
      await page.getByRole('button', { name: t('sanitize.actions.make') }).click();
      await expect.poll(() => page.locator('.file-progress').textContent(), { timeout: 120_000 }).toContain(t('sanitize.status.done'));
      await page.getByText(t('sanitize.file.beforeAndAfter')).click();
      await page.locator('details[open]').getByLabel(startOf('sanitize.audit.identifyingOnly')).uncheck();
      await check('sanitize-done');

      await page.getByRole('tab', { name: t('app.area.sessions') }).click();
      await endSession(page);
      await check('sessions-past');
      await page.getByRole('button', { name: t('sessions.past.records', { count: 1 }) }).click();
      await page.getByRole('button', { name: t('sessions.records.saveReport') }).click();
      await expect.poll(() => page.getByRole('status').filter({ hasText: exports }).count(), { timeout: 30_000 }).toBe(1);
      const report = fs.readdirSync(exports).find((name) => name.endsWith('.pdf'));
      // In the worker's language, with money and the day written as their locale writes them.
      const words = (text: string) => text.replace(/\s+/g, ' ');
      const { text } = await readDocumentText(path.join(exports, report!));
      expect(words(text)).toContain(words(t('report.title', { platform: 'Acme Data', hasTask: 'no' })));
      expect(words(text)).toContain(words(formatMoney({ amount: 0.5, currency: 'USD' })));
      expect(words(text)).toContain(words(formatDateTime(new Date(), { dateStyle: 'medium' })));

      await page.getByRole('tab', { name: t('app.area.deal') }).click();
      await page.getByRole('tabpanel', { name: t('app.area.deal') }).getByLabel(t('deal.platform.label'), { exact: true }).fill('Acme Data');
      await page.keyboard.press('Enter');
      await page.getByRole('button', { name: t('deal.terms.attach') }).click();
      await expect.poll(() => page.locator('blockquote').count(), { timeout: 60_000 }).toBeGreaterThan(0);
      await check('platforms');

      await page.getByRole('tab', { name: t('app.area.settings') }).click();
      await expect.poll(() => page.getByTestId('app-version').isVisible()).toBe(true);
      await check('settings');
      expect(foreignRequests(handle)).toEqual([]);
    } finally {
      setLanguage('en');
    }
  });
}

/** A language to walk as well, to look at its screens (SAFETAKE_LANGUAGE=es): English and French always run. */
const EXTRA_LANGUAGE = LANGUAGES.find((language) => language === process.env.SAFETAKE_LANGUAGE && language !== 'en' && language !== 'fr');
if (process.env.SAFETAKE_LANGUAGE && !(LANGUAGES as readonly string[]).includes(process.env.SAFETAKE_LANGUAGE)) {
  throw new Error(`SAFETAKE_LANGUAGE=${process.env.SAFETAKE_LANGUAGE} is not one of ${LANGUAGES.join(', ')}`);
}

export function defineAccessSpecs(ctx: SpecContext): void {
  describe('access', () => {
    walkEveryScreen(ctx, 'en', SIZES);
    // Other languages at a laptop's size and the smallest.
    for (const language of ['fr', ...(EXTRA_LANGUAGE ? [EXTRA_LANGUAGE] : [])] as const) walkEveryScreen(ctx, language, SIZES.slice(0, 2));
  });
}
