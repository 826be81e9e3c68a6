/**
 * Every word SafeTake shows, in the worker's language: English, French, Spanish or Brazilian Portuguese.
 * Messages are ICU MessageFormat strings (plurals, interpolation) in one catalogue per language
 * (core/i18n/messages/*.json, keyed by the English catalogue's ids), formatted by FormatJS; numbers, money,
 * dates and durations go through Intl in the worker's locale. Each process (main, renderer, CLI) holds one
 * current language, set from Settings or the system's own.
 */
import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl';
import { z } from 'zod';
import en from './messages/en.json';
import es from './messages/es.json';
import fr from './messages/fr.json';
import ptBR from './messages/pt-BR.json';

export const LANGUAGES = ['en', 'fr', 'es', 'pt-BR'] as const;
export type Language = (typeof LANGUAGES)[number];
export type MessageId = keyof typeof en;
export type MessageValues = Record<string, string | number | Date | undefined>;

/** Each language by its own name, as the language menu shows it. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { en: 'English', fr: 'Français', es: 'Español', 'pt-BR': 'Português (Brasil)' };

export const CATALOGUES: Readonly<Record<Language, Readonly<Record<string, string>>>> = { en, fr, es, 'pt-BR': ptBR };

/**
 * The language for a list of preferred locales (the system's, most wanted first): the first whose language
 * SafeTake has. Any Portuguese reads Brazilian Portuguese and any Spanish the one catalogue; nothing known,
 * English.
 */
export function pickLanguage(preferred: readonly string[]): Language {
  for (const locale of preferred) {
    const base = locale.toLowerCase().split(/[-_]/)[0];
    if (base === 'pt') return 'pt-BR';
    const found = LANGUAGES.find((language) => language === base);
    if (found) return found;
  }
  return 'en';
}

/**
 * The locales a POSIX environment asks for, as gettext reads them: the first of LC_ALL, LC_MESSAGES and LANG
 * that is set is the locale, and under it LANGUAGE may list preferred languages; a C or POSIX locale asks for
 * nothing (English). "fr_SN.UTF-8" reads fr-SN.
 */
export function localesFromEnvironment(env: Readonly<Record<string, string | undefined>>): string[] {
  const tag = (value: string) => value.split(/[.@]/)[0]!.replace('_', '-');
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value);
  if (!locale || ['C', 'POSIX'].includes(tag(locale))) return [];
  return [...(env.LANGUAGE ?? '').split(':'), locale].map(tag).filter((value) => /^[A-Za-z]{2,3}(-[A-Za-z0-9]+)*$/.test(value));
}

/**
 * The locale numbers and dates follow: the system's own when it speaks the chosen language (fr-SN keeps
 * Senegal's formats, en-NG Nigeria's), the language's own otherwise.
 */
export function formattingLocale(language: Language, systemLocales: readonly string[]): string {
  const system = systemLocales.find((locale) => pickLanguage([locale]) === language);
  if (system && Intl.NumberFormat.supportedLocalesOf([system]).length > 0) return system;
  return language;
}

const cache = createIntlCache();
let current: { language: Language; intl: IntlShape } = make('en', 'en');
const listeners = new Set<() => void>();

function make(language: Language, locale: string) {
  const intl = createIntl(
    {
      locale,
      defaultLocale: 'en',
      messages: { ...en, ...CATALOGUES[language] },
      // A missing key falls back to English at run time; the catalogue test catches it before that.
      onError: () => undefined,
    },
    cache,
  );
  return { language, intl };
}

/** zod's own words for a value it refuses (a number too big, a missing field), in each language. */
const ZOD_LOCALES: Readonly<Record<Language, () => Parameters<typeof z.config>[0]>> = { en: z.locales.en, fr: z.locales.fr, es: z.locales.es, 'pt-BR': z.locales.pt };

/** Switch every message and number of this process to `language`, formatted in `locale`. */
export function setLanguage(language: Language, locale: string = language): void {
  if (current.language === language && current.intl.locale === locale) return;
  current = make(language, locale);
  z.config(ZOD_LOCALES[language]());
  for (const listener of listeners) listener();
}

export function currentLanguage(): Language {
  return current.language;
}

export function currentLocale(): string {
  return current.intl.locale;
}

export function onLanguageChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The message `id` in the current language, with `values` put in. */
export function t(id: MessageId, values?: MessageValues): string {
  return current.intl.formatMessage({ id }, values as Record<string, string | number | Date>);
}

/**
 * A message with parts in it that are not text (a link, a bold word): each tag in the message
 * (`<b>…</b>`) calls the function of that name in `values` with its words.
 */
export function richMessage<T>(id: MessageId, values: Record<string, string | number | ((chunks: Array<string | T>) => T)>): Array<string | T> {
  const result = current.intl.formatMessage({ id }, values as never) as unknown as string | Array<string | T>;
  return Array.isArray(result) ? result : [result];
}

/** A number in the worker's locale ("1 234,5" in French). */
export function formatNumber(value: number, options?: Parameters<IntlShape['formatNumber']>[1]): string {
  return current.intl.formatNumber(value, options);
}

/**
 * An amount in its currency, in the worker's locale ("USD 3.50" in English, "3,50 USD" in French). The code,
 * not the symbol: "$" is the dollar of a dozen countries, and workers are paid in one currency and live in another.
 */
export function formatCurrency(amount: number, currency: string): string {
  try {
    return current.intl.formatNumber(amount, { style: 'currency', currency, currencyDisplay: 'code' });
  } catch {
    return `${formatNumber(amount, { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${currency}`;
  }
}

/** A date and time of day in the worker's locale. */
export function formatDateTime(at: Date | number, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' }): string {
  return current.intl.formatDate(at, options);
}

/**
 * A calendar day from the log ("2026-12-01", or the day of a local timestamp) as the worker's locale writes
 * it ("Dec 1, 2026", "1 déc. 2026"); read in UTC, so that no time zone moves it a day. Anything else as it is.
 */
export function formatDay(day: string): string {
  return /^\d{4}-\d{2}-\d{2}/.test(day) ? formatDateTime(new Date(`${day.slice(0, 10)}T00:00:00Z`), { dateStyle: 'medium', timeZone: 'UTC' }) : day;
}

/** A list ("papers, a screen and a face") joined as the worker's language joins one. */
export function formatList(items: readonly string[], type: 'conjunction' | 'disjunction' = 'conjunction'): string {
  return current.intl.formatList(items, { type }) as string;
}
