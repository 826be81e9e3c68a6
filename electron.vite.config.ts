import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './core/app/security.std';
import { detectorAssetFiles } from './services/corner/detectorAssets.node';

/**
 * Writes the one CSP (core/app/security.std.ts) into index.html, so the meta tag and the headers never drift.
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

/**
 * Copies the detector's models, wasm and OCR files from node_modules into the renderer bundle, so the app
 * loads them from its own origin (app://safetake/models/...) and never from a CDN. In `electron-vite dev`
 * the same files are served from node_modules at the same paths.
 */
function bundledDetectorAssets(): Plugin {
  const assets = detectorAssetFiles();
  return {
    name: 'safetake-detector-assets',
    generateBundle() {
      for (const asset of assets) this.emitFile({ type: 'asset', fileName: asset.urlPath, source: readFileSync(asset.file) });
    },
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const asset = assets.find((candidate) => request.url === `/${candidate.urlPath}`);
        if (!asset) return next();
        response.setHeader('Content-Type', asset.urlPath.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream');
        response.end(readFileSync(asset.file));
      });
    },
  };
}

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        // The CLI is built beside main: same services, same bundle rules, no Electron imported. So is the
        // detector thread redaction starts (services/sanitize/frameLooks.node.ts finds it beside them).
        input: {
          index: resolve(__dirname, 'electron/main/index.main.ts'),
          cli: resolve(__dirname, 'cli/safetake.node.ts'),
          lookWorker: resolve(__dirname, 'services/sanitize/lookWorker.node.ts'),
        },
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
    plugins: [react(), contentSecurityPolicy(), bundledDetectorAssets()],
    worker: { format: 'es' },
    resolve: {
      // onnxruntime-web's build that loads its WASM glue (.mjs) from the app's own origin, where its threads
      // start from the same file; its default build inlines the glue and would start each thread from our
      // worker's own script.
      conditions: ['onnxruntime-web-use-extern-wasm', 'module', 'browser', 'development|production'],
    },
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/index.html') } },
    },
  },
});
