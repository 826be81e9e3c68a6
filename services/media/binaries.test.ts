import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { resolveDataDir } from '../app/dataDir.node';
import { outsideAsar, resolveFfmpeg, resolveFfprobe } from './binaries.node';

describe('resolveFfmpeg / resolveFfprobe', () => {
  it('prefers FFMPEG_BIN and finds ffprobe beside it', () => {
    // Two executable files in a folder of their own: what is found does not depend on this machine's ffmpeg.
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-bin-'));
    const exe = process.platform === 'win32' ? '.exe' : '';
    for (const name of ['ffmpeg', 'ffprobe']) fs.writeFileSync(path.join(folder, name + exe), '', { mode: 0o755 });
    const env = { ...process.env, FFMPEG_BIN: path.join(folder, `ffmpeg${exe}`), FFPROBE_BIN: undefined };
    expect(resolveFfmpeg(env)).toEqual({ path: path.join(folder, `ffmpeg${exe}`), source: 'FFMPEG_BIN' });
    expect(resolveFfprobe(env).path).toBe(path.join(folder, `ffprobe${exe}`));
  });

  // Where ffmpeg-static's own binary was downloaded, it is (rightly) found instead.
  const bundled = createRequire(import.meta.url)('ffmpeg-static') as string | null;
  it.skipIf(bundled !== null && fs.existsSync(bundled))('names every place it looked when ffmpeg cannot be found', () => {
    const nowhere = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-nobin-'));
    const env = { PATH: nowhere, FFMPEG_BIN: path.join(nowhere, 'ffmpeg') };
    expect(() => resolveFfmpeg(env)).toThrowError(/cannot find ffmpeg.*FFMPEG_BIN.*ffmpeg-static.*PATH/);
  });
});

describe('outsideAsar', () => {
  it('points a packaged binary at the unpacked copy a process can run', () => {
    expect(outsideAsar('/opt/SafeTake/resources/app.asar/node_modules/ffmpeg-static/ffmpeg')).toBe('/opt/SafeTake/resources/app.asar.unpacked/node_modules/ffmpeg-static/ffmpeg');
    expect(outsideAsar('C:\\SafeTake\\resources\\app.asar\\node_modules\\x.exe')).toBe('C:\\SafeTake\\resources\\app.asar.unpacked\\node_modules\\x.exe');
    expect(outsideAsar('/usr/bin/ffmpeg')).toBe('/usr/bin/ffmpeg');
  });
});

describe('resolveDataDir', () => {
  it('uses SAFETAKE_DATA_DIR over everything', () => {
    expect(resolveDataDir({ SAFETAKE_DATA_DIR: '/tmp/x' }, '/electron/userData')).toBe('/tmp/x');
  });

  it('uses Electron userData in the app and the same folder from the CLI', () => {
    expect(resolveDataDir({}, '/electron/userData')).toBe('/electron/userData');
    if (process.platform === 'linux') expect(resolveDataDir({ XDG_CONFIG_HOME: '/cfg' })).toBe('/cfg/SafeTake');
  });
});
