/**
 * Bad input and bad places: each gets a clear error, leaves no partial output and never touches the original.
 */
import { execFileSync } from 'node:child_process';
import { createCipheriv, createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../core/shared/errors.std';
import { DEFAULT_SANITIZE_OPTIONS } from '../../core/sanitize/plan.std';
import { resolveFfmpeg } from '../../services/media/binaries.node';
import { closeExiftool } from '../../services/media/exiftool.node';
import { probeMedia } from '../../services/media/ffmpeg.node';
import { sha256File } from '../../services/media/hash.node';
import { sanitizeFile } from '../../services/sanitize/sanitizeFile.node';
import { CORPUS_DIR } from './corpus.node';
import { canMount, mountTmpfs as mountTmpfsAt, unmountAll } from './tmpfs.node';

let scratch: string;
let inputs: string;

beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-bad-'));
  inputs = path.join(scratch, 'inputs');
  fs.mkdirSync(inputs);
});
afterAll(async () => {
  await closeExiftool();
  unmountAll();
  fs.rmSync(scratch, { recursive: true, force: true });
});

function emptyDir(name: string): string {
  const dir = path.join(scratch, name);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

function writeInput(name: string, content: Buffer | string): string {
  const file = path.join(inputs, name);
  fs.writeFileSync(file, content);
  return file;
}

/** Deterministic bytes that look random: an AES-CTR keystream keyed by the seed. */
const noise = (seed: number, length: number): Buffer =>
  createCipheriv('aes-256-ctr', createHash('sha256').update(`noise ${seed}`).digest(), Buffer.alloc(16)).update(Buffer.alloc(length));

const mountTmpfs = (name: string, options: string) => mountTmpfsAt(emptyDir(name), options);

async function expectRefusal(input: string, message: RegExp, outputDir = emptyDir(`out-${path.basename(input)}`), signal?: AbortSignal) {
  const hashBefore = fs.existsSync(input) ? await sha256File(input) : undefined;
  const error = await sanitizeFile(
    { input, outputDir, options: DEFAULT_SANITIZE_OPTIONS, nameTemplate: 'clip-{n}' },
    { signal },
  ).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(UserError);
  expect((error as Error).message).toMatch(message);
  if (fs.existsSync(outputDir)) expect(fs.readdirSync(outputDir).filter((name) => name !== 'lost+found')).toEqual([]);
  if (hashBefore) expect(await sha256File(input)).toBe(hashBefore);
  return error as UserError;
}

describe('bad input', () => {
  it('a zero-byte file', async () => {
    await expectRefusal(writeInput('empty.mp4', ''), /empty \(0 bytes\)/);
  });

  it('a truncated recording with no playable frame', async () => {
    const whole = fs.readFileSync(path.join(CORPUS_DIR, 'video-metadata/iphone6-gps.mov'));
    await expectRefusal(writeInput('cut.mov', whole.subarray(0, 4096)), /incomplete|no picture that can be decoded/);
  });

  // Fixed noise, so a failure can be rerun: ffprobe reads seed 0 as an MP4 with no moov atom, seed 40 as raw
  // H.263 and seed 355 as LRC lyrics (found by probing seeds 0-399). Each must be a clear refusal.
  it('random bytes named .mp4', async () => {
    for (const seed of [0, 40, 355]) {
      const error = await expectRefusal(writeInput(`noise-${seed}.mp4`, noise(seed, 200_000)), /not a video or photo SafeTake can read|no picture|cannot decode/);
      expect(error.message).not.toMatch(/playlist/);
    }
  });

  it('a text file, by extension and in disguise', async () => {
    await expectRefusal(writeInput('notes.txt', 'Dear landlord,\n'), /not a video or photo SafeTake handles/);
    await expectRefusal(writeInput('notes.mp4', 'Dear landlord,\n'.repeat(100)), /notes\.mp4 is a TXT file, not a video or photo\. Nothing was written/);
  });

  it('a picture codec ffmpeg cannot decode', async () => {
    // A real WebM whose codec ID is renamed to one nothing knows (same length, so the file stays valid).
    const webm = fs.readFileSync(path.join(CORPUS_DIR, 'video-metadata/short.webm'));
    const at = webm.indexOf('V_VP8');
    expect(at).toBeGreaterThan(0);
    const renamed = Buffer.concat([webm.subarray(0, at), Buffer.from('V_QQ8'), webm.subarray(at + 5)]);
    await expectRefusal(writeInput('odd-codec.webm', renamed), /format SafeTake cannot decode/);
  });

  it('a sound-only file', async () => {
    const audioOnly = path.join(inputs, 'voice.mp4');
    execFileSync(resolveFfmpeg().path, ['-v', 'error', '-f', 'lavfi', '-i', 'sine=duration=1', '-c:a', 'aac', audioOnly]);
    await expectRefusal(audioOnly, /has no picture/);
  });

  it('a name with a line break, before anything is encoded', async () => {
    const broken = writeInput('line\nbreak.mp4', fs.readFileSync(path.join(CORPUS_DIR, 'video-metadata/android-gps.mp4')));
    await expectRefusal(broken, /has a line break or another control character.*Rename it/);
  });

  it('a {name} template of a long multibyte name', async () => {
    const long = writeInput(`${'日'.repeat(83)}.mp4`, fs.readFileSync(path.join(CORPUS_DIR, 'video-metadata/android-gps.mp4')));
    const result = await sanitizeFile({ input: long, outputDir: emptyDir('long-name'), options: DEFAULT_SANITIZE_OPTIONS, nameTemplate: '{name}' });
    expect(path.basename(result.output)).toMatch(/^日{60,}-001\.mp4$/);
  });

  it('a file that does not exist', async () => {
    await expectRefusal(path.join(inputs, 'gone.mp4'), /cannot be found/);
  });
});

describe('recovering a damaged file', () => {
  it('keeps what decodes from a recording cut short, and says what was lost', async () => {
    const faststart = path.join(inputs, 'faststart.mov');
    execFileSync(resolveFfmpeg().path, ['-v', 'error', '-i', path.join(CORPUS_DIR, 'video-metadata/iphone6-gps.mov'), '-map', '0:v:0', '-map', '0:a:0', '-c', 'copy', '-movflags', '+faststart', faststart]);
    const whole = fs.readFileSync(faststart);
    const cut = writeInput('cut-short.mov', whole.subarray(0, Math.floor(whole.length * 0.6)));
    const hashBefore = await sha256File(cut);
    const outputDir = emptyDir('recovered');
    const result = await sanitizeFile({ input: cut, outputDir, options: DEFAULT_SANITIZE_OPTIONS, nameTemplate: 'clip-{n}' });
    expect(result.notes.join(' ')).toMatch(/picture ends at 0:0\d\.\d of a declared 0:0\d\.\d: the rest is missing or damaged/);
    const probe = await probeMedia(result.output);
    expect(probe.durationSeconds).toBeGreaterThan(1);
    expect(probe.durationSeconds).toBeLessThan(3.5);
    expect(result.checks.every((check) => check.passed)).toBe(true);
    expect(await sha256File(cut)).toBe(hashBefore);
  });
});

describe('a clip cut short while copying', () => {
  it('is not passed off as complete: the note says where the picture ends of the length it declares', async () => {
    // A minute of video with its index at the front, cut to 30 %: every frame it still has decodes cleanly.
    const whole = path.join(inputs, 'minute.mp4');
    execFileSync(resolveFfmpeg().path, ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=30:duration=60', '-f', 'lavfi', '-i', 'sine=duration=60',
      '-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac', '-shortest', '-movflags', '+faststart', whole]);
    const bytes = fs.readFileSync(whole);
    const cut = writeInput('minute-cut.mp4', bytes.subarray(0, Math.floor(bytes.length * 0.3)));
    const hashBefore = await sha256File(cut);
    const result = await sanitizeFile({ input: cut, outputDir: emptyDir('cut-minute'), options: DEFAULT_SANITIZE_OPTIONS, nameTemplate: 'clip-{n}' });
    expect(result.notes.join(' ')).toMatch(/picture ends at 0:1\d\.\d of a declared 1:00\.\d: the rest is missing or damaged \(often a file cut short while copying\)/);
    // Its clip is as long as what is there, not as long as it claims: pay per minute counts only that.
    expect(result.sourceSeconds).toBeGreaterThan(10);
    expect(result.sourceSeconds).toBeLessThan(20);
    expect(await sha256File(cut)).toBe(hashBefore);
  });
});

describe('bad places to write', () => {
  const clip = path.join(CORPUS_DIR, 'video-metadata/iphone5-gps.mov');

  it('an output folder that does not exist', async () => {
    await expectRefusal(clip, /does not exist: create it, or choose another/, path.join(scratch, 'no', 'such', 'folder'));
  });

  it('an output "folder" that is a file', async () => {
    const file = path.join(emptyDir('a-file-as-folder'), 'clean');
    fs.writeFileSync(file, 'a file of the worker');
    const error = await sanitizeFile({ input: clip, outputDir: file, options: DEFAULT_SANITIZE_OPTIONS, nameTemplate: 'clip-{n}' }).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(/clean is a file, not a folder: choose a folder for the clean copies/);
    expect(fs.readFileSync(file, 'utf8')).toBe('a file of the worker');
  });

  it.skipIf(!canMount)('a read-only output folder', async () => {
    const readOnly = mountTmpfs('read-only', 'size=4m,ro');
    expect(readOnly).toBeDefined();
    await expectRefusal(clip, /may not write/, readOnly);
  });

  it.skipIf(!canMount)('a full disk', async () => {
    // 512 KiB: the header of the copy fits, the picture does not (the clean 1080p copy is ~1.5 MB).
    const tiny = mountTmpfs('full-disk', 'size=512k');
    expect(tiny).toBeDefined();
    await expectRefusal(clip, /disk is full/, tiny);
  });

  it.skipIf(!canMount)('a disk that fills as the copy is finished (ffmpeg says so, and exits 0)', async () => {
    // 2 MiB, of which all but 48 KiB is taken: the small clip's picture fits, its trailer does not.
    const disk = mountTmpfs('nearly-full', 'size=2m');
    expect(disk).toBeDefined();
    fs.writeFileSync(path.join(disk!, 'filler'), Buffer.alloc(2 * 1024 * 1024 - 48 * 1024));
    const outputDir = path.join(disk!, 'out');
    fs.mkdirSync(outputDir);
    await expectRefusal(path.join(CORPUS_DIR, 'video-metadata/android-gps.mp4'), /disk is full/, outputDir);
  });

  it('sanitizing into the original\'s own folder makes a new file beside it', async () => {
    const folder = emptyDir('same-folder');
    const original = path.join(folder, 'clip-001.mov');
    fs.copyFileSync(path.join(CORPUS_DIR, 'video-metadata/rotated-90.mp4'), original);
    const hashBefore = await sha256File(original);
    const result = await sanitizeFile({ input: original, outputDir: folder, options: DEFAULT_SANITIZE_OPTIONS, nameTemplate: 'clip-{n}' });
    expect(result.output).not.toBe(original);
    // The original holds the name clip-001 (as a .mov): no copy takes that name in another type.
    expect(path.basename(result.output)).toBe('clip-002.mp4');
    const again = await sanitizeFile({ input: original, outputDir: folder, options: DEFAULT_SANITIZE_OPTIONS, nameTemplate: 'clip-{n}' });
    expect(path.basename(again.output)).toBe('clip-003.mp4');
    expect(await sha256File(original)).toBe(hashBefore);
  });

  it('never gives a copy a name that differs from a file there only by case (Windows, macOS and USB sticks ignore case)', async () => {
    const folder = emptyDir('case-folder');
    fs.writeFileSync(path.join(folder, 'CLIP-001.MOV'), 'a file of the worker');
    const result = await sanitizeFile({ input: path.join(CORPUS_DIR, 'video-metadata/rotated-90.mp4'), outputDir: folder, options: DEFAULT_SANITIZE_OPTIONS, nameTemplate: 'clip-{n}' });
    expect(path.basename(result.output)).toBe('clip-002.mp4');
    expect(fs.readFileSync(path.join(folder, 'CLIP-001.MOV'), 'utf8')).toBe('a file of the worker');
  });
});

describe('cancel', () => {
  it('stops in the middle, deletes the partial copy and leaves the original alone', async () => {
    const clip = path.join(CORPUS_DIR, 'video-metadata/gopro-max-gps.mp4');
    const hashBefore = await sha256File(clip);
    const outputDir = emptyDir('cancelled');
    const controller = new AbortController();
    let sawProgress = 0;
    let sawPartial = false;
    const error = await sanitizeFile(
      { input: clip, outputDir, options: DEFAULT_SANITIZE_OPTIONS, nameTemplate: 'clip-{n}' },
      {
        signal: controller.signal,
        onProgress: (fraction) => {
          sawProgress = fraction;
          if (fraction > 0.2 && !controller.signal.aborted) {
            sawPartial = fs.readdirSync(outputDir).some((name) => name.includes('.partial'));
            controller.abort();
          }
        },
      },
    ).then(() => undefined, (e: unknown) => e);
    expect(sawProgress).toBeGreaterThan(0.2);
    expect(sawProgress).toBeLessThan(0.85);
    expect(sawPartial).toBe(true); // there really was a partial file, and it is gone
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).code).toBe('cancelled');
    expect(fs.readdirSync(outputDir)).toEqual([]);
    expect(await sha256File(clip)).toBe(hashBefore);
  });
});
