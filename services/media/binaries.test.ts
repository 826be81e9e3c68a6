import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { resolveDataDir } from '../app/dataDir.node';
import { resolveFfmpeg, resolveFfprobe } from './binaries.node';

describe('resolveFfmpeg / resolveFfprobe', () => {
  it('prefers FFMPEG_BIN and finds ffprobe beside it', () => {
    const ffmpeg = resolveFfmpeg({ ...process.env, FFMPEG_BIN: '/usr/bin/ffmpeg' });
    expect(ffmpeg).toEqual({ path: '/usr/bin/ffmpeg', source: 'FFMPEG_BIN' });
    expect(resolveFfprobe({ ...process.env, FFMPEG_BIN: '/usr/bin/ffmpeg' }).path).toBe('/usr/bin/ffprobe');
  });

  // Where ffmpeg-static's own binary was downloaded, it is (rightly) found instead.
  const bundled = createRequire(import.meta.url)('ffmpeg-static') as string | null;
  it.skipIf(bundled !== null && fs.existsSync(bundled))('names every place it looked when ffmpeg cannot be found', () => {
    const nowhere = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-nobin-'));
    const env = { PATH: nowhere, FFMPEG_BIN: path.join(nowhere, 'ffmpeg') };
    expect(() => resolveFfmpeg(env)).toThrowError(/cannot find ffmpeg.*FFMPEG_BIN.*ffmpeg-static.*PATH/);
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
