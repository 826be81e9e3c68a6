/**
 * bench/sanitize: SafeTake's sanitize against bare ffmpeg with the identical argument list, on the same
 * files, in one process. Prints ratios (ours / bare) and real-time factors per preset, the picture quality
 * of the default preset (SSIM against the source), and a comparison with mat2 on the corpus.
 *
 * Run: npx vitest run --project bench bench/sanitize.bench.ts && node scripts/benchmarksDoc.mjs
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, it } from 'vitest';
import { ffmpegArgv } from '../core/media/ffmpegArgs.std';
import { DEFAULT_SANITIZE_OPTIONS, type SanitizeOptions, planSanitize } from '../core/sanitize/plan.std';
import { auditFile } from '../services/media/audit.node';
import { resolveFfmpeg } from '../services/media/binaries.node';
import { closeExiftool } from '../services/media/exiftool.node';
import { fluentCommand, probeMedia, runFfmpeg } from '../services/media/ffmpeg.node';
import { sanitizeFile } from '../services/sanitize/sanitizeFile.node';
import { compare, runProcess, table, benchReport } from './measure.node';

const report = benchReport('sanitize');

const CORPUS = path.resolve(__dirname, '../../shared/corpus');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-bench-'));
afterAll(async () => {
  await closeExiftool();
  fs.rmSync(scratch, { recursive: true, force: true });
});

async function ffmpegOrThrow(args: string[]): Promise<void> {
  const made = await runProcess(resolveFfmpeg().path, ['-v', 'error', '-y', ...args]);
  if (made.code !== 0) throw new Error(made.stderr);
}

/**
 * Two 10 s 720p30 sources, made near-lossless: what SafeTake's users film (a fixed webcam on a room from
 * the corpus, a hand-sized object moving, mild sensor noise, a tone for sound) and the hardest case in the
 * corpus (handheld GoPro footage: everything moves).
 */
async function makeClips(): Promise<Record<string, string>> {
  const webcam = path.join(scratch, 'webcam-720p30.mp4');
  await ffmpegOrThrow([
    '-loop', '1', '-i', path.join(CORPUS, 'scenes/room-living_room.jpg'),
    '-f', 'lavfi', '-i', 'color=c=0xc08060:s=160x200',
    '-f', 'lavfi', '-i', 'sine=frequency=220:sample_rate=48000',
    '-filter_complex', "[0:v]scale=1280:720,setsar=1,noise=alls=2:allf=t[room];[1:v]format=yuv420p[hand];[room][hand]overlay=x='400+200*sin(t*1.3)':y='300+80*cos(t*0.9)',format=yuv420p[v]",
    '-map', '[v]', '-map', '2:a', '-t', '10', '-r', '30', '-c:v', 'libx264', '-preset', 'fast', '-crf', '16', '-c:a', 'aac', webcam,
  ]);
  const handheld = path.join(scratch, 'handheld-720p30.mp4');
  await ffmpegOrThrow([
    '-i', path.join(CORPUS, 'video-metadata/gopro-max-gps.mp4'), '-t', '10', '-map', '0:v:0', '-map', '0:a:0',
    '-vf', 'scale=1280:720,fps=30', '-c:v', 'libx264', '-preset', 'fast', '-crf', '14', '-c:a', 'aac', handheld,
  ]);
  return { 'webcam-like': webcam, 'handheld GoPro': handheld };
}

const PRESETS: Record<string, Partial<SanitizeOptions>> = {
  'mp4 (default)': {},
  'mp4, 720p cap, muted': { maxHeight: 720, audio: 'mute' },
  webm: { format: 'webm' },
};

it('sanitize vs bare ffmpeg, per preset', async () => {
  const rows: Array<Array<string | number>> = [];
  const quality: string[] = [];
  for (const [content, clip] of Object.entries(await makeClips())) {
  const probe = await probeMedia(clip);
  const seconds = probe.durationSeconds ?? 10;
  for (const [name, preset] of Object.entries(PRESETS)) {
    const options = { ...DEFAULT_SANITIZE_OPTIONS, ...preset };
    const output = path.join(scratch, `bare${options.format === 'webm' ? '.webm' : '.mp4'}`);
    const plan = planSanitize({ input: clip, output, kind: 'video', probe, options });
    const argv = ffmpegArgv(plan.invocation);
    // The two must run the very same command, or the ratio means nothing.
    if (JSON.stringify(fluentCommand(plan.invocation)._getArguments()) !== JSON.stringify(argv)) throw new Error('fluent-ffmpeg arguments differ from ffmpegArgv');
    const outDir = fs.mkdtempSync(path.join(scratch, 'out-'));
    const medians = await compare(
      {
        bare: () => runProcess(resolveFfmpeg().path, argv),
        encode: () => runFfmpeg(plan.invocation, { durationSeconds: seconds, onProgress: () => undefined }),
        full: async () => {
          const result = await sanitizeFile({ input: clip, outputDir: outDir, options, nameTemplate: 'clip-{n}' });
          fs.rmSync(result.output);
        },
      },
      ROUNDS,
    );
    rows.push([
      content,
      name,
      (medians.bare! / 1000).toFixed(2),
      (medians.encode! / medians.bare!).toFixed(3),
      (medians.full! / medians.bare!).toFixed(3),
      `${(seconds / (medians.bare! / 1000)).toFixed(2)}x`,
      `${(seconds / (medians.full! / 1000)).toFixed(2)}x`,
    ]);
    if (name === 'mp4 (default)') {
      const measured = await runProcess(resolveFfmpeg().path, ['-i', output, '-i', clip, '-lavfi', '[0:v][1:v]ssim', '-f', 'null', '-']);
      quality.push(`${content}: SSIM ${/SSIM .*All:([\d.]+)/.exec(measured.stderr)?.[1] ?? 'n/a'}`);
    }
  }
  }
  report.line(`\nbench/sanitize: 10 s 720p30 clips, ${ROUNDS} interleaved rounds, medians, ${os.cpus().length} cores`);
  report.line(table(['content', 'preset', 'bare ffmpeg s', 'encode ours/bare', 'full ours/bare', 'bare real-time', 'full real-time'], rows));
  report.line('encode = the same ffmpeg run through SafeTake (fluent-ffmpeg, progress parsing); full = encode + verification');
  report.line('(decode of the whole copy, ffprobe, ExifTool audit, byte scan, fsync, publish).');
  report.line(`Default preset quality against the source (1.0 = identical; above 0.98 is not visibly different): ${quality.join('; ')}`);
});

const MAT2 = '/usr/bin/mat2';

it.skipIf(!fs.existsSync(MAT2))('SafeTake vs mat2 on the corpus', async () => {
  const files = ['video-metadata', 'photo-metadata'].flatMap((folder) =>
    fs.readdirSync(path.join(CORPUS, folder)).sort().map((name) => path.join(CORPUS, folder, name)),
  );
  const describe = async (file: string | undefined, refusal: string | undefined) => {
    if (!file) return `refused${refusal ? ` (${refusal})` : ''}`;
    const audit = await auditFile(file);
    return `${audit.identifyingCount} tags${audit.streamFingerprints.length ? `, in-stream: ${audit.streamFingerprints.join('+')}` : ''}${audit.readable ? '' : ', unreadable'}`;
  };
  const rows: string[][] = [];
  let mat2Refused = 0;
  let oursRefused = 0;
  for (const file of files) {
    const work = fs.mkdtempSync(path.join(scratch, 'mat2-'));
    const copy = path.join(work, path.basename(file));
    fs.copyFileSync(file, copy);
    const ran = await runProcess(MAT2, [copy]);
    const cleaned = fs.readdirSync(work).find((name) => name.includes('.cleaned.'));
    const mat2Reason = ran.stdout.concat(ran.stderr).trim().split('\n').pop()?.slice(0, 60);
    if (!cleaned) mat2Refused++;
    let ours: string | undefined;
    let ourReason: string | undefined;
    try {
      ours = (await sanitizeFile({ input: file, outputDir: fs.mkdtempSync(path.join(scratch, 'ours-')), options: DEFAULT_SANITIZE_OPTIONS, nameTemplate: 'clip-{n}' })).output;
    } catch (error) {
      oursRefused++;
      ourReason = (error as Error).message.slice(0, 60);
    }
    rows.push([
      path.relative(CORPUS, file),
      String((await auditFile(file)).identifyingCount),
      await describe(cleaned ? path.join(work, cleaned) : undefined, mat2Reason),
      await describe(ours, ourReason),
    ]);
  }
  report.line(`\nSafeTake vs mat2 ${(await runProcess(MAT2, ['--version'])).stdout.trim()}: identifying tags left (ExifTool -ee, SafeTake's classification) and text left inside the stream`);
  report.line(table(['file', 'original', 'mat2', 'SafeTake'], rows));
  report.line(`refused: mat2 ${mat2Refused} of ${files.length}, SafeTake ${oursRefused} of ${files.length}`);
});
