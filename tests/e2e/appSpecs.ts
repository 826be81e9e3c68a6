/**
 * The end-to-end specs, written once and run against every way the app can be launched: the renderer in
 * Chromium over the test bridge (everywhere), and the real Electron app (where its binary is installed). Each
 * area's specs live in specs/; this file starts and closes the apps they use.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { closeExiftool } from '../../services/media/exiftool.node';
import type { AppHandle, LaunchApp } from './appHandle';
import { makeFakeCameraVideo, thumbnailRgb } from './fakeCamera.node';
import { SCENE, type SpecContext, type SpecSupport } from './specHelpers';
import { defineCornerSpecs } from './specs/corner';
import { defineSanitizeSpecs } from './specs/sanitize';
import { defineSessionsSpecs } from './specs/sessions';
import { defineShellSpecs } from './specs/shell';
import { defineWorkflowSpecs } from './specs/workflow';
import { defineAccessSpecs } from './specs/access';
import { defineDealSpecs } from './specs/deal';

export function defineAppSpecs(launch: LaunchApp, options: SpecSupport): void {
  const open: AppHandle[] = [];
  const ctx: SpecContext = {
    options,
    scratch: '',
    cameraVideo: '',
    expectedThumb: Buffer.alloc(0),
    start: async (camera, dropFolder, video = ctx.cameraVideo, dialogAnswers) => {
      const handle = await launch({ camera, cameraVideo: video, dropFolder, dialogAnswers });
      open.push(handle);
      return handle;
    },
  };

  beforeAll(() => {
    ctx.scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-camera-'));
    ctx.cameraVideo = makeFakeCameraVideo(SCENE, ctx.scratch);
    ctx.expectedThumb = thumbnailRgb(ctx.cameraVideo);
  });
  // Each app closes when its spec ends: an app left open on Check corner keeps its detectors busy and
  // starves the next spec's camera and recorder of CPU.
  afterEach(async () => {
    await Promise.all(open.splice(0).map((handle) => handle.close()));
  });
  afterAll(async () => {
    await closeExiftool();
    fs.rmSync(ctx.scratch, { recursive: true, force: true });
  });

  defineShellSpecs(ctx);
  defineSanitizeSpecs(ctx);
  defineCornerSpecs(ctx);
  defineSessionsSpecs(ctx);
  defineWorkflowSpecs(ctx);
  defineDealSpecs(ctx);
  defineAccessSpecs(ctx);
}
