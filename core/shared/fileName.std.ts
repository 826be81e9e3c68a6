/**
 * A file's name without its folders, from a path written with either separator: the renderer and the report
 * show paths from Windows, macOS and Linux alike, and have no `path` module to ask. Pure.
 */
export function fileName(file: string): string {
  return file.split(/[\\/]/).pop() || file;
}

/** A file's extension with its dot (".jpg"), or "" when its name has none (or the path names a folder). */
export function fileExtension(file: string): string {
  const name = fileName(file);
  const dot = name.lastIndexOf('.');
  return dot > 0 && dot < name.length - 1 && !/[\\/]/.test(name) ? name.slice(dot) : '';
}
