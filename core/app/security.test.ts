import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, CONTENT_SECURITY_POLICY, isAllowedMediaTypes, isAllowedPermission, isAllowedRequest } from './security.std';

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

  it('allows camera and microphone but not screen capture', () => {
    expect(isAllowedMediaTypes(['video'])).toBe(true);
    expect(isAllowedMediaTypes(['video', 'audio'])).toBe(true);
    expect(isAllowedMediaTypes(['video', 'screen' as string])).toBe(false);
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  it('names no remote origin and forbids inline and eval scripts', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*|'unsafe-inline'|'unsafe-eval'/);
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });
});
