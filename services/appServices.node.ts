/**
 * The main-process services behind the IPC contract, free of Electron so that main, the CLI and the test
 * bridge share them. `createIpcHandlers` is the single place a channel meets its implementation.
 */
import type { ToolStatus } from '../core/ipc/contract.std';
import type { EmitIpcEvent, IpcHandlers } from '../core/ipc/dispatch.std';
import type { PathPolicy } from '../core/paths.std';
import packageJson from '../package.json';
import { auditFile } from './audit.node';
import { resolveFfmpeg, resolveFfprobe } from './binaries.node';
import { exiftoolVersion } from './exiftool.node';
import { toolVersion } from './ffmpeg.node';
import { expandMediaPaths } from './files.node';
import { assertAllowedPath } from './pathPolicy.node';
import { previewFrame } from './sanitize.node';
import { type Batch, startSanitizeBatch } from './sanitizeBatch.node';
import { SettingsStore } from './settings.node';
import type { SessionsService } from './sessions.node';
import type { TakeRecorder } from './takes.node';

export type ServiceContext = {
  dataDir: string;
  sessions: SessionsService;
  takes: TakeRecorder;
  pathPolicy: PathPolicy;
  emit: EmitIpcEvent;
  /** The system's dialogs (Electron's in the app). */
  pickMedia: () => Promise<string[]>;
  pickFolder: () => Promise<string | undefined>;
};

export const appVersion: string = packageJson.version;

async function checkTool(name: ToolStatus['name'], locate: () => string, version: () => Promise<string>): Promise<ToolStatus> {
  try {
    const detail = locate();
    return { name, ok: true, detail, version: await version() };
  } catch (error) {
    return { name, ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
}

export function checkTools(): Promise<ToolStatus[]> {
  return Promise.all([
    checkTool('ffmpeg', () => resolveFfmpeg().path, () => toolVersion('ffmpeg')),
    checkTool('ffprobe', () => resolveFfprobe().path, () => toolVersion('ffprobe')),
    checkTool('exiftool', () => 'bundled with exiftool-vendored', exiftoolVersion),
  ]);
}

export function createIpcHandlers(context: ServiceContext): IpcHandlers {
  const batches = new Map<string, Batch>();
  const allowed = (candidate: string) => assertAllowedPath(candidate, context.pathPolicy);
  const settings = new SettingsStore(context.dataDir);
  return {
    'app:getInfo': async () => ({
      name: 'SafeTake',
      version: appVersion,
      platform: process.platform,
      dataDir: context.dataDir,
    }),
    'app:checkTools': () => checkTools(),
    'dialog:pickMedia': async () => ({ paths: await context.pickMedia() }),
    'dialog:pickFolder': async () => ({ path: await context.pickFolder() }),
    'files:expand': async ({ paths }) => ({ files: expandMediaPaths(paths.map(allowed)) }),
    'sanitize:audit': async ({ path }) => auditFile(allowed(path)),
    'sanitize:previewFrame': async ({ path }) => {
      const frame = await previewFrame(allowed(path));
      return { dataUrl: `data:image/png;base64,${frame.png.toString('base64')}`, source: frame.source, preview: frame.preview };
    },
    'sanitize:start': async ({ inputs, outputDir, options, nameTemplate }) => {
      const batch = startSanitizeBatch(
        { inputs: inputs.map((input) => ({ path: allowed(input.path), blur: input.blur })), outputDir: allowed(outputDir), options, nameTemplate },
        (update) => context.emit('sanitize:progress', update),
      );
      batches.set(batch.id, batch);
      // Sanitizing during a session is part of its work: timed as the "sanitizing" phase, automatically.
      const inSession = await context.sessions.active();
      if (inSession) await context.sessions.phase('start', 'sanitizing');
      void batch.done.finally(async () => {
        batches.delete(batch.id);
        if (inSession && batches.size === 0) await context.sessions.phase('stop', 'sanitizing').catch(() => undefined);
      });
      return { batchId: batch.id };
    },
    'sanitize:cancel': async ({ batchId, index }) => {
      const batch = batches.get(batchId);
      batch?.cancel(index);
      return { cancelled: batch !== undefined };
    },
    'sessions:overview': () => context.sessions.overview(),
    'sessions:start': (details) => context.sessions.start(details),
    'sessions:phase': ({ action, phase }) => context.sessions.phase(action, phase),
    'sessions:pause': ({ paused }) => context.sessions.setPaused(paused),
    'sessions:end': () => context.sessions.end(),
    'sessions:pay': ({ sessionId, amount, currency }) => context.sessions.recordPay(sessionId, { amount, currency }),
    'settings:get': () => settings.read(),
    'settings:setMinimumRate': (minimumHourlyRate) => settings.update({ minimumHourlyRate }),
    'corner:begin': () => context.sessions.beginCornerCheck(),
    'corner:finish': async ({ blurRegions, ...result }) => {
      // A check that marked nothing leaves the areas an earlier check marked.
      if (blurRegions.length > 0) await settings.update({ cornerBlurRegions: blurRegions });
      return context.sessions.finishCornerCheck(result);
    },
    'takes:begin': () => context.takes.begin(),
    'takes:chunk': ({ takeId, index, data }) => context.takes.chunk(takeId, index, Buffer.from(data, 'base64')),
    'takes:finish': ({ takeId }) => context.takes.finish(takeId),
    'takes:discard': async ({ takeId }) => (await context.takes.discard(takeId), {}),
  };
}
