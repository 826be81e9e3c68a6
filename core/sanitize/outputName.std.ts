/**
 * Names for clean copies. The original's name is not reused by default: phone and camera names carry dates,
 * places and people ("IMG_20240312_Lagos_Ada.mov").
 */
export const DEFAULT_NAME_TEMPLATE = 'clip-{n}';

/**
 * A name's length in UTF-8 bytes at most, before its extension: file systems allow 255 bytes (not characters:
 * a CJK character takes three), and the extension needs a few.
 */
const MAX_NAME_BYTES = 200;

/** A text's length as a file system counts it: UTF-8 bytes. */
export const utf8Length = (text: string) => new TextEncoder().encode(text).length;

/** The longest start of `text` within `bytes` UTF-8 bytes, never splitting a character. */
function fitBytes(text: string, bytes: number): string {
  let fitted = '';
  for (const character of text) {
    if (utf8Length(fitted + character) > bytes) break;
    fitted += character;
  }
  return fitted;
}

/** A name, not a path: no separators, no leading dots (hidden files), nothing a file system rejects. */
function safeName(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must not reach a file name
  return text.replace(/[/\\:*?"<>|\u0000-\u001f\u007f]/g, '_');
}

/**
 * Fills {n} (a 3-digit counter) and {name} (the original base name, only if the user chose it). A template
 * without {n} gets "-{n}" appended, so every copy in a folder can have its own name. A long original name is
 * shortened to fit MAX_NAME_BYTES; the counter is always kept whole, or two copies would want one name.
 */
export function fillNameTemplate(template: string, counter: number, originalBaseName: string): string {
  const base = template.trim() || DEFAULT_NAME_TEMPLATE;
  const pattern = safeName((base.includes('{n}') ? base : `${base}-{n}`).replaceAll('{n}', String(counter).padStart(3, '0')));
  const uses = pattern.split('{name}').length - 1;
  const room = uses ? Math.floor((MAX_NAME_BYTES - utf8Length(pattern.replaceAll('{name}', ''))) / uses) : 0;
  const filled = pattern.replaceAll('{name}', fitBytes(safeName(originalBaseName), Math.max(0, room)));
  const name = fitBytes(filled.replace(/^\.+/, ''), MAX_NAME_BYTES);
  return name || fillNameTemplate(DEFAULT_NAME_TEMPLATE, counter, originalBaseName);
}
