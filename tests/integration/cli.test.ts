import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import packageJson from '../../package.json';
import { resolveFfmpeg } from '../../services/media/binaries.node';
import { canRunAsOtherUser, runCli } from './cli.node';
import { CORPUS_DIR } from './corpus.node';


describe('safetake CLI (built, on plain Node)', () => {
  it('prints help and the version', () => {
    const help = runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: safetake <command>/);
    const version = runCli(['--version']);
    expect(version).toMatchObject({ code: 0, stdout: `${packageJson.version}\n` });
  });

  it("speaks the language chosen in the app's Settings, else the one the environment names", () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-cli-language-'));
    const french = runCli(['--help'], { LC_ALL: '', LANG: 'fr_SN.UTF-8', SAFETAKE_DATA_DIR: dataDir });
    expect(french.stdout).toMatch(/^Utilisation\s: safetake <command> \[options\]$/m);
    expect(runCli(['frobnicate'], { LC_ALL: '', LANG: 'pt_BR.UTF-8', SAFETAKE_DATA_DIR: dataDir }).stderr).toMatch(/comando desconhecido "frobnicate"/);
    fs.writeFileSync(path.join(dataDir, 'settings.json'), JSON.stringify({ language: 'es' }));
    expect(runCli(['--help'], { LC_ALL: '', LANG: 'fr_SN.UTF-8', SAFETAKE_DATA_DIR: dataDir }).stdout).toMatch(/^Uso: safetake <command> \[options\]$/m);
  });

  it('refuses an unknown command with exit code 2', () => {
    const result = runCli(['frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown command "frobnicate"/);
  });

  it('says so, in a line and before any work, when SAFETAKE_DATA_DIR names a file', () => {
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-cli-datafile-'));
    const file = path.join(scratch, 'not-a-folder');
    fs.writeFileSync(file, 'x');
    const output = path.join(scratch, 'out');
    fs.mkdirSync(output);
    for (const dataDir of [file, path.join(file, 'below')]) {
      for (const args of [['log', 'summary'], ['sanitize', path.join(CORPUS_DIR, 'photo-metadata/withIptcExifGps.jpg'), '-o', output]]) {
        const result = runCli(args, { SAFETAKE_DATA_DIR: dataDir });
        expect(result.code).toBe(1);
        expect(result.stderr).toBe(`safetake: the data folder ${dataDir} is a file, not a folder (or is inside one). Set SAFETAKE_DATA_DIR to a folder (it is made if it does not exist), or unset it to use the app's own.\n`);
      }
    }
    expect(fs.readdirSync(output)).toEqual([]);
    expect(runCli(['--help'], { SAFETAKE_DATA_DIR: file }).code).toBe(0);
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
    // One counter for every type: a photo and a video never share a name.
    expect(result.stdout).toMatch(/✓ holiday\.jpg → .*clip-002\.jpg/);
    expect(result.stdout).toMatch(/✗ gps-keyed\.mp4: .*no picture that can be decoded/);
    expect(fs.readdirSync(out).sort()).toEqual(['clip-001.mp4', 'clip-002.jpg']);

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
    // Said with the flag as typed, not the option's name inside SafeTake.
    const style = runCli(['sanitize', 'x.mp4', '-o', os.tmpdir(), '--redact', 'all', '--redact-style', 'wobble']);
    expect(style).toMatchObject({ code: 2, stderr: 'safetake sanitize: --redact-style takes blur, fill, or pixelate (not: wobble)\nRun "safetake --help" for usage.\n' });
    // A name that would write elsewhere is a bad option, said as one.
    const name = runCli(['sanitize', path.join(CORPUS_DIR, 'video-metadata/android-gps.mp4'), '-o', os.tmpdir(), '--name', '../evil-{n}']);
    expect(name.code).toBe(2);
    expect(name.stderr).toMatch(/^safetake sanitize: --name: a name template cannot contain folder separators/m);
  });

  it('prints a file name holding an escape sequence escaped: it cannot clear the terminal or fake a line', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-cli-escape-'));
    fs.writeFileSync(path.join(folder, 'evil\u001b[2J\r✓ fine.mp4'), 'not a video');
    const result = runCli(['sanitize', folder, '-o', folder]);
    expect(result.code).toBe(1);
    expect(['\u001b', '\r'].filter((character) => result.stdout.includes(character))).toEqual([]);
    expect(result.stdout).toContain('✗ evil\\u001b[2J\\u000d✓ fine.mp4: ');
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it.skipIf(!canRunAsOtherUser)('reports a folder it may not open as one failure, and makes the rest', () => {
    // As the user "nobody" (65534), in folders it may read, one of which it may not open.
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-cli-locked-'));
    const [input, out, data] = [path.join(root, 'in'), path.join(root, 'out'), path.join(root, 'data')];
    fs.mkdirSync(path.join(input, 'locked'), { recursive: true });
    for (const dir of [root, out, data]) {
      fs.mkdirSync(dir, { recursive: true });
      fs.chmodSync(dir, 0o777);
    }
    fs.chmodSync(input, 0o755);
    fs.chmodSync(path.join(input, 'locked'), 0o700);
    for (const dir of [input, path.join(input, 'locked')]) fs.copyFileSync(path.join(CORPUS_DIR, 'photo-metadata/exiftool-GPS.jpg'), path.join(dir, 'holiday.jpg'));
    fs.chmodSync(path.join(input, 'holiday.jpg'), 0o644);
    const result = runCli(['sanitize', input, '-o', out, '--json'], { SAFETAKE_DATA_DIR: data, HOME: root }, 65534);
    expect(result.code).toBe(1);
    const items = JSON.parse(result.stdout) as Array<{ input: string; output?: string; error?: string }>;
    expect(items.map((item) => path.basename(item.input))).toEqual(['holiday.jpg', 'locked']);
    expect(items[0]!.output).toMatch(/clip-001\.jpg$/);
    expect(items[1]!.error).toMatch(/^SafeTake may not open the folder locked: nothing in it was read\./);
    fs.rmSync(root, { recursive: true, force: true });
  }, 120_000);
});

describe('safetake scan', () => {
  it('prints one JSON object per file in the documented shape; bad input is reported and the rest still scanned', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-scan-'));
    const notMedia = path.join(folder, 'notes.txt');
    fs.writeFileSync(notMedia, 'not a picture');
    const broken = path.join(folder, 'broken.jpg');
    fs.writeFileSync(broken, Buffer.from('ffd8ffe000104a46', 'hex'));
    const monitor = path.join(CORPUS_DIR, 'scenes/coco-desk-monitor-books-frame.jpg');
    // A 3 s clip of the desk scene: the monitor is in view from the first second.
    const clip = path.join(folder, 'desk.mp4');
    execFileSync(resolveFfmpeg().path, ['-v', 'error', '-loop', '1', '-i', monitor, '-t', '3', '-r', '10', '-vf', 'scale=640:480', '-pix_fmt', 'yuv420p', clip]);
    const result = runCli(['scan', '--json', notMedia, monitor, broken, clip]);
    expect(result.code).toBe(1);
    const reports = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
    expect(reports).toHaveLength(4);
    expect(reports[0]).toMatchObject({ error: expect.stringMatching(/is not a video or photo SafeTake handles/) });
    expect(reports[2]).toMatchObject({ error: expect.any(String) });
    expect(reports[1]).toMatchObject({ width: 500, height: 375 });
    const screen = (reports[1]!.risks as Array<Record<string, unknown>>).find((risk) => risk.category === 'screen');
    expect(Object.keys(screen!).sort()).toEqual(['box', 'category', 'kind', 'label', 'score']);
    expect(screen!.box).toMatchObject({ x: expect.any(Number), y: expect.any(Number), w: expect.any(Number), h: expect.any(Number) });
    // A video: each risk once, with the time it first appears.
    expect(reports[3]).toMatchObject({ width: 640, height: 480 });
    const videoRisks = reports[3]!.risks as Array<Record<string, unknown>>;
    expect(videoRisks.filter((risk) => risk.category === 'screen')).toEqual([expect.objectContaining({ label: 'Screen', t: 0 })]);
    fs.rmSync(folder, { recursive: true, force: true });
  }, 120_000);

  it('refuses a folder with no videos or photos in it: nothing to look at is not "nothing found"', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-scan-empty-'));
    const result = runCli(['scan', '--json', empty]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no videos or photos found/);
  });
});
