/**
 * A file's name without its folders, from a path written with either separator: the renderer and the report
 * show paths from Windows, macOS and Linux alike, and have no `path` module to ask. Pure.
 */
export function fileName(file: string): string {
  return file.split(/[\\/]/).pop() || file;
}

/** A file name's extension with its dot (".jpg"), or "" when it has none. */
export function fileExtension(name: string): string {
  const dot = fileName(name).lastIndexOf('.');
  return dot > 0 ? fileName(name).slice(dot) : '';
}
