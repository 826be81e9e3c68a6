/**
 * Serves the built renderer (and later the bundled models) from disk for the app:// protocol and for the
 * test bridge, with the same headers and the same refusal of any path that escapes the root.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { APP_RESPONSE_HEADERS } from '../../core/app/security.std';

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.gz': 'application/gzip',
};

/** Maps a URL path onto a file below `root`, or undefined when it would leave `root`. */
export function resolveStaticPath(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const resolvedRoot = path.resolve(root);
  const file = path.resolve(resolvedRoot, relative);
  return file.startsWith(resolvedRoot + path.sep) ? file : undefined;
}

type StaticResponse = { status: number; headers: Record<string, string>; body: Buffer | string };

export async function readStatic(root: string, urlPath: string): Promise<StaticResponse> {
  const file = resolveStaticPath(root, urlPath);
  const headers = { ...APP_RESPONSE_HEADERS };
  if (!file) return { status: 403, headers, body: 'Forbidden' };
  try {
    const body = await fs.readFile(file);
    const type = MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    return { status: 200, headers: { ...headers, 'Content-Type': type }, body };
  } catch {
    return { status: 404, headers, body: 'Not found' };
  }
}
