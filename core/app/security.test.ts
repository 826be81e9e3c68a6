import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, CONTENT_SECURITY_POLICY, isAllowedMediaCheck, isAllowedMediaTypes, isAllowedPermission, isAllowedRequest, originOf } from './security.std';

describe('isAllowedRequest', () => {
  it('allows the app origin and in-memory URLs', () => {
    for (const url of [`${APP_ORIGIN}/index.html`, `${APP_ORIGIN}/models/blazeface.json`, 'blob:app://safetake/1', 'data:,x']) {
      expect(isAllowedRequest(url)).toBe(true);
    }
  });

  it('blocks every network origin, look-alikes and unparsable URLs', () => {
    for (const url of [
      'https://tfhub.dev/model.json',
      'http://127.0.0.1:8080/',
      'ws://localhost/',
      'app://safetake.evil.com/x',
      'app://other/x',
      'file:///etc/passwd',
      'not a url',
    ]) {
      expect(isAllowedRequest(url)).toBe(false);
    }
  });

  it('allows the dev server only when one is named', () => {
    expect(isAllowedRequest('http://localhost:5173/src/app/main.dom.tsx')).toBe(false);
    expect(isAllowedRequest('http://localhost:5173/src/app/main.dom.tsx', 'http://localhost:5173')).toBe(true);
  });
});

describe('permissions', () => {
  it('grants media to the app origin only', () => {
    expect(isAllowedPermission('media', APP_ORIGIN)).toBe(true);
    expect(isAllowedPermission('media', 'https://example.com')).toBe(false);
    for (const permission of ['geolocation', 'notifications', 'clipboard-read', 'display-capture', 'openExternal']) {
      expect(isAllowedPermission(permission, APP_ORIGIN)).toBe(false);
    }
  });

  it('knows its own origin from any of its URLs, though URL parsers give app:// an opaque one', () => {
    expect(new URL(`${APP_ORIGIN}/index.html`).origin).toBe('null');
    for (const url of [APP_ORIGIN, `${APP_ORIGIN}/`, `${APP_ORIGIN}/index.html`]) {
      expect(originOf(url)).toBe(APP_ORIGIN);
      expect(isAllowedPermission('media', url)).toBe(true);
    }
    expect(isAllowedPermission('media', 'app://elsewhere/index.html')).toBe(false);
    expect(isAllowedPermission('media', 'not a url')).toBe(false);
    expect(isAllowedPermission('media', 'http://localhost:51730/', 'http://localhost:5173')).toBe(false);
  });

  it('allows the camera, with or without the microphone, but never screen capture', () => {
    expect(isAllowedMediaTypes(['video'])).toBe(true);
    expect(isAllowedMediaTypes(['video', 'audio'])).toBe(true);
    expect(isAllowedMediaTypes(['video', 'screen' as string])).toBe(false);
    // Screen capture through getUserMedia arrives with no type, or only the microphone's beside it.
    expect(isAllowedMediaTypes([])).toBe(false);
    expect(isAllowedMediaTypes(undefined)).toBe(false);
    expect(isAllowedMediaTypes(['audio'])).toBe(false);
    expect(isAllowedMediaCheck('video')).toBe(true);
    expect(isAllowedMediaCheck('unknown')).toBe(false);
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  it('names no remote origin and forbids inline and eval scripts', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*|'unsafe-inline'|'unsafe-eval'/);
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });
});
