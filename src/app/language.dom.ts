/**
 * The renderer's language: the one the main process settled on (Settings, or the system's), so that the
 * window, its errors and its reports all speak the same. A component that calls useT redraws when the
 * worker picks another language.
 */
import { useSyncExternalStore } from 'react';
import { type Language, currentLanguage, currentLocale, onLanguageChange, setLanguage, t } from '../../core/i18n/i18n.std';

/** Speak `language`, writing numbers and dates as `locale` does; <html lang> follows for screen readers. */
export function speak(language: Language, locale: string): void {
  setLanguage(language, locale);
  document.documentElement.lang = language;
}

const snapshot = () => `${currentLanguage()} ${currentLocale()}`;

/** The message function, in the language in effect; the calling component redraws when it changes. */
export function useT(): typeof t {
  useSyncExternalStore(onLanguageChange, snapshot);
  return t;
}
