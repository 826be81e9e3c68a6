import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readStatic, resolveStaticPath } from './staticFiles.node';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-static-'));
fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
fs.writeFileSync(path.join(os.tmpdir(), 'safetake-secret.txt'), 'secret');
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('static files for app:// and the bridge', () => {
  it('serves files below the root with the app headers', async () => {
    const response = await readStatic(root, '/');
    expect(response.status).toBe(200);
    expect(response.headers['Content-Type']).toMatch(/text\/html/);
    expect(response.headers['Content-Security-Policy']).toContain("default-src 'none'");
    expect(response.headers['Cross-Origin-Embedder-Policy']).toBe('require-corp');
  });

  it('refuses paths that escape the root, however they are spelled', async () => {
    for (const attempt of ['/../safetake-secret.txt', '/%2e%2e/safetake-secret.txt', '/..%2fsafetake-secret.txt', '/a%00b', '/%E0%A4%A']) {
      expect(resolveStaticPath(root, attempt)).toBeUndefined();
      expect((await readStatic(root, attempt)).status).toBe(403);
    }
  });

  it('answers 404 for a missing file', async () => {
    expect((await readStatic(root, '/nope.js')).status).toBe(404);
  });
});
