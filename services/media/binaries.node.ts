/**
 * Finds the ffmpeg and ffprobe binaries at run time.
 *
 * Installs here skip binary downloads, so ffmpeg-static's path may point at a file that does not exist.
 * Order: FFMPEG_BIN (ffmpeg-static itself returns it), then ffmpeg-static's downloaded binary, then `ffmpeg`
 * on PATH. ffprobe follows ffmpeg where it can (same build, same behaviour): FFPROBE_BIN, the ffprobe beside
 * the chosen ffmpeg, @ffprobe-installer's bundled binary, then PATH.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { UserError } from '../../core/shared/errors.std';
import { t } from '../../core/i18n/i18n.std';

const requireFromHere = createRequire(import.meta.url);

type Binary = { path: string; source: string };

function isExecutableFile(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function findOnPath(name: string, env: NodeJS.ProcessEnv): string | undefined {
  const exe = process.platform === 'win32' ? `${name}.exe` : name;
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (dir && isExecutableFile(path.join(dir, exe))) return path.join(dir, exe);
  }
  return undefined;
}

function optionalModule<T>(id: string): T | undefined {
  try {
    return requireFromHere(id) as T;
  } catch {
    return undefined;
  }
}

/**
 * A binary that ships in a package lies, in the packaged app, under app.asar.unpacked (electron-builder.yml,
 * asarUnpack): the path the package gives points into app.asar, which Electron's fs reads but a spawned
 * process cannot.
 */
export function outsideAsar(file: string): string {
  return file.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
}

function firstExisting(name: string, candidates: Array<[string | undefined, string]>): Binary {
  for (const [file, source] of candidates) {
    if (file && isExecutableFile(outsideAsar(file))) return { path: outsideAsar(file), source };
  }
  const tried = candidates.map(([file, source]) => `${source}${file ? ` (${file})` : ''}`).join(', ');
  throw new UserError(t('tools.notFound', { name, tried, variable: `${name.toUpperCase()}_BIN` }));
}

export function resolveFfmpeg(env: NodeJS.ProcessEnv = process.env): Binary {
  const fromPackage = optionalModule<string | null>('ffmpeg-static') ?? undefined;
  return firstExisting('ffmpeg', [
    [env.FFMPEG_BIN, 'FFMPEG_BIN'],
    [fromPackage, 'ffmpeg-static'],
    [findOnPath('ffmpeg', env), 'PATH'],
  ]);
}

export function resolveFfprobe(env: NodeJS.ProcessEnv = process.env): Binary {
  const ffmpegDir = (() => {
    try {
      return path.dirname(resolveFfmpeg(env).path);
    } catch {
      return undefined;
    }
  })();
  const exe = process.platform === 'win32' ? 'ffprobe.exe' : 'ffprobe';
  const installer = optionalModule<{ path: string }>('@ffprobe-installer/ffprobe');
  return firstExisting('ffprobe', [
    [env.FFPROBE_BIN, 'FFPROBE_BIN'],
    [ffmpegDir && path.join(ffmpegDir, exe), t('tools.besideFfmpeg')],
    [installer?.path, '@ffprobe-installer/ffprobe'],
    [findOnPath('ffprobe', env), 'PATH'],
  ]);
}
