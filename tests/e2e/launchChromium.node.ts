/**
 * Runs the built renderer in Debian's Chromium, talking to the real services through the test bridge.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { ipcChannels, ipcEventNames } from '../../core/ipc/contract.std';
import type { AppHandle, LaunchApp } from './appHandle';
import { installBridgeApi, startBridge } from './bridge.node';
import { chromiumCameraArgs } from './fakeCamera.node';

/** Debian's Chromium, or CHROMIUM_BIN; a missing browser fails with what to install, not a launch trace. */
export const CHROMIUM = (() => {
  const file = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';
  if (!fs.existsSync(file)) throw new Error(`No Chromium at ${file}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_BIN.`);
  return file;
})();
export const RENDERER_DIR = path.resolve(__dirname, '../../out/renderer');

/** Quiet, offline Chromium: without these it phones home at start-up (docs/platform-facts.md). */
const OFFLINE_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-features=Translate,OptimizationHints,MediaRouter',
];

/**
 * Stands in for Electron's printToPDF where there is no Electron binary: the report's HTML printed by the
 * same Chromium, JavaScript off, every request refused.
 */
export async function printPdfWithChromium(html: string): Promise<Buffer> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: OFFLINE_ARGS });
  try {
    const page = await browser.newPage({ javaScriptEnabled: false, offline: true });
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4' });
  } finally {
    await browser.close();
  }
}

export const launchInChromium: LaunchApp = async ({ camera, cameraVideo, dropFolder, dialogAnswers }): Promise<AppHandle> => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-e2e-'));
  const dataDir = path.join(scratch, 'data');
  const videos = path.join(scratch, 'Videos', 'SafeTake');
  const bridge = await startBridge({ rendererDir: RENDERER_DIR, dataDir, dialogAnswers, printPdf: printPdfWithChromium, defaultOutputDir: videos });
  const args = [...OFFLINE_ARGS];
  if (camera !== 'none') args.push(...chromiumCameraArgs(cameraVideo));
  // With the fake UI flag Chromium answers the permission prompt with "allow"; without it, headless
  // Chromium dismisses the prompt, which the page sees exactly as a user's "deny".
  if (camera === 'fake') args.push('--use-fake-ui-for-media-stream');
  const context = await chromium.launchPersistentContext(path.join(scratch, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args,
    viewport: { width: 1280, height: 900 },
  });
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  await context.addInitScript(installBridgeApi, { channels: ipcChannels, events: ipcEventNames, dropFolder: dropFolder ?? scratch });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${bridge.origin}/index.html`);
  return {
    page,
    origin: bridge.origin,
    requests,
    dataDir,
    defaultOutputDir: videos,
    shown: bridge.shown,
    close: async () => {
      await context.close();
      await bridge.close();
      fs.rmSync(scratch, { recursive: true, force: true });
    },
  };
};
