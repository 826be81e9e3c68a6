/**
 * Names for clean copies. The original's name is not reused by default: phone and camera names carry dates,
 * places and people ("IMG_20240312_Lagos_Ada.mov").
 */
export const DEFAULT_NAME_TEMPLATE = 'clip-{n}';

/**
 * Fills {n} (a 3-digit counter) and {name} (the original base name, only if the user chose it). A template
 * without {n} gets "-{n}" appended, so every copy in a folder can have its own name.
 */
export function fillNameTemplate(template: string, counter: number, originalBaseName: string): string {
  const base = template.trim() || DEFAULT_NAME_TEMPLATE;
  const filled = (base.includes('{n}') ? base : `${base}-{n}`)
    .replaceAll('{n}', String(counter).padStart(3, '0'))
    .replaceAll('{name}', originalBaseName);
  // A name, not a path: no separators, no leading dots (hidden files), nothing a file system rejects.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must not reach a file name
  const safe = filled.replace(/[/\\:*?"<>|\u0000-\u001f]/g, '_').replace(/^\.+/, '').slice(0, 120);
  return safe || fillNameTemplate(DEFAULT_NAME_TEMPLATE, counter, originalBaseName);
}
