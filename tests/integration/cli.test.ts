import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import packageJson from '../../package.json';
import { runCli } from './cli.node';
import { CORPUS_DIR } from './corpus.node';


describe('safetake CLI (built, on plain Node)', () => {
  it('prints help and the version', () => {
    const help = runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: safetake <command>/);
    const version = runCli(['--version']);
    expect(version).toMatchObject({ code: 0, stdout: `${packageJson.version}\n` });
  });

  it('refuses an unknown command with exit code 2', () => {
    const result = runCli(['frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown command "frobnicate"/);
  });
});

describe('safetake sanitize / audit', () => {
  it('sanitizes files and folders, reports each, and exits 1 when one of them fails', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-cli-'));
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-cli-in-'));
    fs.copyFileSync(path.join(CORPUS_DIR, 'photo-metadata/exiftool-GPS.jpg'), path.join(folder, 'holiday.jpg'));
    fs.writeFileSync(path.join(folder, 'notes.txt'), 'not media'); // folders contribute media files only
    const result = runCli(['sanitize', path.join(CORPUS_DIR, 'video-metadata/android-gps.mp4'), folder, path.join(CORPUS_DIR, 'video-metadata/gps-keyed.mp4'), '-o', out, '--max-height', '720']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/✓ android-gps\.mp4 → .*clip-001\.mp4/);
    expect(result.stdout).toMatch(/✓ holiday\.jpg → .*clip-001\.jpg/);
    expect(result.stdout).toMatch(/✗ gps-keyed\.mp4: .*no picture that can be decoded/);
    expect(fs.readdirSync(out).sort()).toEqual(['clip-001.jpg', 'clip-001.mp4']);

    const clean = runCli(['audit', path.join(out, 'clip-001.mp4'), '--json']);
    expect(clean.code).toBe(0);
    expect(JSON.parse(clean.stdout)[0]).toMatchObject({ identifyingCount: 0, readable: true, streamFingerprints: [] });
    const dirty = runCli(['audit', path.join(CORPUS_DIR, 'video-metadata/android-gps.mp4')]);
    expect(dirty.code).toBe(1);
    expect(dirty.stdout).toMatch(/UserData:GPSCoordinates/);
  });

  it('rejects bad options with exit code 2 and a hint', () => {
    const result = runCli(['sanitize', 'x.mp4', '-o', os.tmpdir(), '--blur', '1,2,3']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/not a region: write x,y,w,h/);
    expect(runCli(['sanitize', 'x.mp4']).stderr).toMatch(/needs an output folder/);
  });
});
