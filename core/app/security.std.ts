/**
 * The security rules of the app window, as data and pure decisions so they are unit-tested and shared by
 * the Electron main process and the test bridge.
 */

/** The app's own privileged scheme: the renderer, models and wasm are served from here, never from a network. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'safetake';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * No remote origin anywhere. 'wasm-unsafe-eval' lets the on-device detectors compile WebAssembly;
 * blob: workers and media carry camera frames and recordings that never leave the page.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "media-src 'self' blob: mediastream:",
  "connect-src 'self' blob: data:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Headers for every response of the app's own origin. COOP + COEP make the page cross-origin isolated,
 * which SharedArrayBuffer (and so multi-threaded WASM inference) requires.
 */
export const APP_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/** Schemes a page may load without a server: in-memory data the page made itself. */
const LOCAL_SCHEMES = new Set(['blob:', 'data:', 'devtools:']);

/**
 * May the window load `url`? Only the app's own origin (or the dev server while developing) and in-memory
 * URLs. Everything else is cancelled before it leaves the machine.
 */
export function isAllowedRequest(url: string, devServerOrigin?: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (LOCAL_SCHEMES.has(parsed.protocol)) return true;
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST) return true;
  if (devServerOrigin && parsed.origin === devServerOrigin) return true;
  return false;
}

/**
 * The origin of a URL or an origin string, app:// included: the WHATWG URL parser gives any scheme it does not
 * know the opaque origin "null", so app://safetake would never match itself. Undefined when it is no URL.
 */
export function originOf(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol === `${APP_SCHEME}:`) return `${parsed.protocol}//${parsed.host}`;
  return parsed.origin === 'null' ? undefined : parsed.origin;
}

/**
 * Permissions the app grants: camera and microphone, to its own pages (`requesting` is the page's URL or its
 * origin, as Electron gives it), and nothing else ever.
 */
export function isAllowedPermission(permission: string, requesting: string, devServerOrigin?: string): boolean {
  if (permission !== 'media') return false;
  const origin = originOf(requesting);
  return origin !== undefined && (origin === APP_ORIGIN || (devServerOrigin !== undefined && origin === devServerOrigin));
}

/**
 * The capture a 'media' request asks for: the camera, with or without the microphone, as SafeTake always asks.
 * Screen capture arrives as a media request with no type at all (or only 'audio' beside a screen): refused.
 */
export function isAllowedMediaTypes(mediaTypes: readonly string[] | undefined): boolean {
  const types = mediaTypes ?? [];
  return types.includes('video') && types.every((type) => type === 'video' || type === 'audio');
}

/** A permission check names one capture type; 'unknown' is a capture that is not a camera or microphone. */
export function isAllowedMediaCheck(mediaType: string | undefined): boolean {
  return mediaType === 'video' || mediaType === 'audio';
}
