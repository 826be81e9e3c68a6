/**
 * The main-process services behind the IPC contract, free of Electron so that main, the CLI and the test
 * bridge share them. `createIpcHandlers` is the single place a channel meets its implementation.
 */
import type { IpcHandlers } from '../core/ipc/dispatch.std';
import type { ToolStatus } from '../core/ipc/contract.std';
import packageJson from '../package.json';
import { resolveFfmpeg, resolveFfprobe } from './binaries.node';
import { exiftoolVersion } from './exiftool.node';
import { toolVersion } from './ffmpeg.node';

export type ServiceContext = { dataDir: string };

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
  return {
    'app:getInfo': async () => ({
      name: 'SafeTake',
      version: appVersion,
      platform: process.platform,
      dataDir: context.dataDir,
    }),
    'app:checkTools': () => checkTools(),
  };
}
