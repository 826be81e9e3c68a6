import { type MessageFormatElement, TYPE, parse } from '@formatjs/icu-messageformat-parser';
import { afterEach, describe, expect, it } from 'vitest';
import { formatMoney } from '../sessions/pay.std';
import { CATALOGUES, LANGUAGES, formatDateTime, formattingLocale, localesFromEnvironment, pickLanguage, setLanguage, t } from './i18n.std';

const english = CATALOGUES.en;

/**
 * The values a message takes and the tags it wraps text in, sorted. A value is known by its name: a language
 * may count where English only prints a number ({left, number} in English, a plural in French).
 */
function slots(elements: readonly MessageFormatElement[]): string[] {
  const found = new Set<string>();
  const walk = (list: readonly MessageFormatElement[]) => {
    for (const element of list) {
      if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
      if (element.type === TYPE.tag) {
        found.add(`<${element.value}>`);
        walk(element.children);
        continue;
      }
      found.add(element.value);
      if (element.type === TYPE.plural || element.type === TYPE.select) for (const option of Object.values(element.options)) walk(option.value);
    }
  };
  walk(elements);
  return [...found].sort();
}

/** How many words a message shows (in its longest branch), not counting its values. */
function words(elements: readonly MessageFormatElement[]): number {
  return elements.reduce((sum, element) => {
    if (element.type === TYPE.literal) return sum + (element.value.match(/\p{L}{2,}/gu)?.length ?? 0);
    if (element.type === TYPE.tag) return sum + words(element.children);
    if (element.type === TYPE.plural || element.type === TYPE.select) return sum + Math.max(...Object.values(element.options).map((option) => words(option.value)));
    return sum;
  }, 0);
}

/** The options a select offers (its cases must be the same in every language; plurals follow each language's own). */
function selectCases(elements: readonly MessageFormatElement[]): string[] {
  return elements.flatMap((element) =>
    element.type === TYPE.select ? [`${element.value}:${Object.keys(element.options).sort().join('|')}`] : element.type === TYPE.tag ? selectCases(element.children) : [],
  );
}

describe('the catalogues', () => {
  it('holds messages', () => {
    expect(Object.keys(english).length).toBeGreaterThan(100);
  });

  for (const language of LANGUAGES) {
    const catalogue = CATALOGUES[language];

    it(`${language}: has every message English has, and no other`, () => {
      expect(Object.keys(catalogue).filter((id) => !(id in english))).toEqual([]);
      expect(Object.keys(english).filter((id) => !(id in catalogue))).toEqual([]);
    });

    it(`${language}: every message parses, takes the same values as English, and plurals end in "other"`, () => {
      const problems: string[] = [];
      for (const [id, message] of Object.entries(catalogue)) {
        if (!message.trim()) {
          problems.push(`${id}: empty`);
          continue;
        }
        let parsed: MessageFormatElement[];
        try {
          parsed = parse(message);
        } catch (error) {
          problems.push(`${id}: ${(error as Error).message}`);
          continue;
        }
        const reference = english[id];
        if (reference === undefined) continue;
        const expected = parse(reference);
        if (slots(parsed).join() !== slots(expected).join()) problems.push(`${id}: takes ${slots(parsed).join(' ')}, English takes ${slots(expected).join(' ')}`);
        if (selectCases(parsed).join() !== selectCases(expected).join()) problems.push(`${id}: select cases differ from English`);
      }
      expect(problems).toEqual([]);
    });

    it(`${language}: is not English left untranslated`, () => {
      // Names, codes and single words may read the same in two languages; whole sentences may not.
      const same = Object.entries(catalogue).filter(([id, message]) => language !== 'en' && message === english[id] && words(parse(message)) > 3);
      expect(same.map(([id]) => id)).toEqual([]);
    });
  }
});

describe('the language', () => {
  afterEach(() => setLanguage('en'));

  it('is the first of the system locales SafeTake speaks, English when none', () => {
    expect(pickLanguage(['yo-NG', 'fr-SN', 'en-GB'])).toBe('fr');
    expect(pickLanguage(['pt-PT'])).toBe('pt-BR');
    expect(pickLanguage(['es_MX'])).toBe('es');
    expect(pickLanguage(['sw-KE', 'ha'])).toBe('en');
  });

  it('reads the locales of a POSIX environment as command-line tools do', () => {
    expect(localesFromEnvironment({ LANGUAGE: 'fr_FR:en', LANG: 'en_NG.UTF-8' })).toEqual(['fr-FR', 'en', 'en-NG']);
    expect(localesFromEnvironment({ LC_MESSAGES: 'pt_BR.UTF-8@euro', LANG: 'en_US.UTF-8' })).toEqual(['pt-BR']);
    expect(localesFromEnvironment({ LC_ALL: 'C', LANGUAGE: 'fr', LANG: 'pt_BR.UTF-8' })).toEqual([]);
    expect(localesFromEnvironment({ LANGUAGE: 'fr' })).toEqual([]);
  });

  it("writes numbers as the system's locale does when it speaks that language", () => {
    expect(formattingLocale('fr', ['en-US', 'fr-SN'])).toBe('fr-SN');
    expect(formattingLocale('es', ['en-NG'])).toBe('es');
  });

  it('writes money and dates in the chosen language', () => {
    const pay = { amount: 1234.5, currency: 'USD' };
    const at = new Date(Date.UTC(2026, 11, 5, 12, 0));
    const inEnglish = [formatMoney(pay), formatDateTime(at, { dateStyle: 'long', timeZone: 'UTC' })];
    expect(inEnglish).toEqual(['USD\u00a01,234.50', 'December 5, 2026']);
    setLanguage('fr', 'fr-FR');
    expect([formatMoney(pay), formatDateTime(at, { dateStyle: 'long', timeZone: 'UTC' })]).toEqual(['1\u202f234,50\u00a0USD', '5 décembre 2026']);
    setLanguage('pt-BR');
    expect(formatMoney(pay)).toBe('USD\u00a01.234,50');
  });

  it('puts values and plurals into the message', () => {
    expect(t('cli.log.verified', { file: 'events.jsonl', count: 1 })).toBe('events.jsonl: 1 event, every link in the chain intact.');
    expect(t('cli.log.verified', { file: 'events.jsonl', count: 4 })).toBe('events.jsonl: 4 events, every link in the chain intact.');
  });
});
