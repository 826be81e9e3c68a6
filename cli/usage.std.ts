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
