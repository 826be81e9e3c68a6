/**
 * The same specs against the real Electron app, through Playwright's _electron. Runs wherever the Electron
 * binary is installed; where it is not (installs with ELECTRON_SKIP_BINARY_DOWNLOAD=1), it says so and skips.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { _electron } from 'playwright-core';
import { describe, it } from 'vitest';
import { APP_ORIGIN } from '../../core/app/security.std';
import type { AppHandle, LaunchApp } from './appHandle';
import { defineAppSpecs } from './appSpecs';
import { chromiumCameraArgs } from './fakeCamera.node';

const MAIN_ENTRY = path.resolve(__dirname, '../../out/main/index.js');

/** The Electron binary's path, or why it cannot be used here. */
function findElectron(): { binary: string } | { reason: string } {
  let binary: string;
  try {
    // The electron package exports the path of its downloaded binary, and throws when it was never downloaded.
    binary = createRequire(import.meta.url)('electron') as string;
  } catch (error) {
    return { reason: `the Electron binary is not installed (${(error as Error).message.split('\n')[0]})` };
  }
  if (!fs.existsSync(binary)) return { reason: `the Electron binary is missing at ${binary}` };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { reason: 'there is no display (run under xvfb-run)' };
  }
  return { binary };
}

const electron = findElectron();

const launchInElectron = (binary: string): LaunchApp => async ({ camera, cameraVideo }): Promise<AppHandle> => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-electron-'));
  const args = [MAIN_ENTRY, ...(camera === 'none' ? [] : chromiumCameraArgs(cameraVideo))];
  const dataDir = path.join(scratch, 'data');
  // The system's Videos folder, where clean copies go by default, is the run's own (xdg-user-dirs).
  const videos = path.join(scratch, 'Videos');
  fs.mkdirSync(path.join(scratch, 'config'));
  fs.writeFileSync(path.join(scratch, 'config', 'user-dirs.dirs'), `XDG_VIDEOS_DIR="${videos}"\n`);
  const app = await _electron.launch({
    executablePath: binary,
    args,
    env: { ...process.env, SAFETAKE_DATA_DIR: dataDir, XDG_CONFIG_HOME: path.join(scratch, 'config') } as Record<string, string>,
  });
  const page = await app.firstWindow();
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.waitForLoadState('domcontentloaded');
  return {
    page,
    origin: APP_ORIGIN,
    requests,
    dataDir,
    defaultOutputDir: path.join(videos, 'SafeTake'),
    close: async () => {
      await app.close();
      fs.rmSync(scratch, { recursive: true, force: true });
    },
  };
};

if ('binary' in electron) {
  describe('the real Electron app', () => {
    // Camera permission in Electron is the OS's prompt, which a test cannot answer "deny" to, and a real
    // webcam on the machine would make "no camera" untrue.
    defineAppSpecs(launchInElectron(electron.binary), { supportsDeniedCamera: false, supportsMissingCamera: false, supportsSyntheticDrop: false });
  });
} else {
  console.warn(`[e2e] the real Electron app suite is skipped: ${electron.reason}`);
  describe('the real Electron app', () => {
    it('runs the E2E specs against the packaged app', (context) => {
      context.skip(`skipped: ${electron.reason}`);
    });
  });
}
