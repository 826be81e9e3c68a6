/**
 * What the packaged app is built with (electron-builder.yml): the Electron fuses that close the ways to run
 * other code inside it, and no update feed. The packaging itself needs the Electron binary, which this
 * machine cannot download; the config is what ships, so it is checked here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const config = parse(fs.readFileSync(path.resolve(__dirname, '../../electron-builder.yml'), 'utf8')) as Record<string, unknown>;

describe('electron-builder.yml', () => {
  it('flips every fuse that lets other code run inside the app', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('publishes nothing and builds in no update feed', () => {
    expect(config).toHaveProperty('publish', null);
    const packageJson = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(packageJson.dependencies).filter((name) => /update/i.test(name))).toEqual([]);
  });
});
