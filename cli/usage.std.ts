import { formatList, t } from '../core/i18n/i18n.std';
import { MAX_HEIGHT_RANGE } from '../core/sanitize/options.std';

/** A mistake in how the command was called: printed with a hint, exit code 2. */
export class UsageError extends Error {}

/**
 * Text for a terminal with its control characters shown as escapes ("\u001b"): what the CLI prints holds
 * file names and tag values from the files themselves, and an escape sequence in one would clear the screen
 * or write a false "✓" line. Line breaks and tabs stay; a carriage return only where `returns` allows it (the
 * progress line rewrites itself with one).
 */
export function printable(text: string, { returns = false }: { returns?: boolean } = {}): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is replaced
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|\r/g, (character) =>
    character === '\r' && returns ? character : `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** The flag each sanitize option is given with, by its place in sanitizeOptionsSchema. */
const SANITIZE_FLAGS: Readonly<Record<string, string>> = {
  format: '--format',
  maxHeight: '--max-height',
  audio: '--audio',
  blur: '--blur',
  'redact.groups': '--redact',
  'redact.keepFace': '--keep-face',
  'redact.style': '--redact-style',
};

/** What the schema says of one option, as much of zod's issue as the message needs. */
export type OptionIssue = { path: readonly PropertyKey[]; code: string; values?: readonly unknown[]; maximum?: unknown; message: string };

/**
 * An option the schema refused, said in the command line's words: the flag as typed (not the option's name
 * inside SafeTake), what it takes and what was given ("--redact-style takes blur, fill or pixelate (not:
 * wobble)"), instead of zod's "--redact.style: Invalid option: expected one of ...".
 */
export function optionProblem(issue: OptionIssue, given: (flag: string) => string | undefined): string {
  const key = issue.path.map(String).join('.');
  const flag = SANITIZE_FLAGS[key] ?? `--${key}`;
  const typed = given(flag) ?? '';
  if (issue.code === 'invalid_value' && issue.values) {
    return t('cli.optionTakesOneOf', { flag, choices: formatList(issue.values.map(String), 'disjunction'), given: typed });
  }
  if (key === 'maxHeight') return t('cli.optionTakesPixels', { flag, least: MAX_HEIGHT_RANGE.least, most: MAX_HEIGHT_RANGE.most, given: typed });
  if (key === 'blur' && issue.code === 'too_big') return t('cli.optionAtMost', { flag, most: Number(issue.maximum) });
  return `${flag}: ${issue.message}`;
}
