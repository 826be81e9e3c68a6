import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './core/security.std';

/**
 * Writes the one CSP (core/security.std.ts) into index.html, so the meta tag and the headers never drift.
 * Only `electron-vite dev` loosens it, for the hot-reload client's inline script and websocket.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'safetake-csp',
    transformIndexHtml: (html, context) => {
      const policy = context.server
        ? CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace(
            "connect-src 'self'",
            "connect-src 'self' ws:",
          )
        : CONTENT_SECURITY_POLICY;
      return html.replace('%SAFETAKE_CSP%', policy);
    },
  };
}

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        // The CLI is built beside main: same services, same bundle rules, no Electron imported.
        input: { index: resolve(__dirname, 'electron/main/index.ts'), cli: resolve(__dirname, 'cli/safetake.node.ts') },
      },
    },
  },
  preload: {
    // A sandboxed preload cannot require() packages: bundle everything it uses.
    build: {
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve(__dirname, 'electron/preload/index.preload.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src'),
    plugins: [react(), contentSecurityPolicy()],
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/index.html') } },
    },
  },
});
