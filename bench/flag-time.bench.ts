/**
 * bench/flag-time: how long after something comes into view the app flags it, in Chromium with every detector
 * running (the built renderer, test bridge, fake 30 fps camera). The camera shows a clean room, then the same
 * room with a page, a small face photo and a large portrait (a face in view) planted in it, then the clean room
 * again, in a loop. In the page, every presented camera frame is sampled where the page lands: the frame it
 * turns bright is the moment they came into view; the moment the panel lists each is its flag. Beside each time, the detector's
 * own run time as the app shows it, and the ratio of the flag time to the runs the flag needs (its hysteresis):
 * above 1 is time spent waiting for a turn or sharing the CPU. And for each flag, the entries in which it went
 * away and came back before the next entry: a flicker, or a false flag in the clean room.
 *
 * Run: npm run build && npm run bench -- bench/flag-time.bench.ts
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, it } from 'vitest';
import { HYSTERESIS } from '../core/detect/tracker.std';
import { resolveFfmpeg } from '../services/binaries.node';
import { plantInRoom } from '../tests/integration/composites.node';
import { closeExiftool } from '../services/exiftool.node';
import { CORPUS_DIR } from '../tests/integration/corpus.node';
import { makeFakeCameraSequence } from '../tests/e2e/fakeCamera.node';
import { launchInChromium } from '../tests/e2e/launchChromium.node';
import { table } from './measure.node';

const CLEAN_SECONDS = 14;
const PLANTED_SECONDS = 10;
const CYCLES = 5;
const PAGE = { x: 40, y: 220, width: 260 };
const PHOTO = { x: 470, y: 60, width: 90 };
const FACE = { x: 300, y: 180, width: 360 };
/** What is timed: the panel's label for it, and the detector whose runs confirm it. */
const FLAGS = [
  { name: 'page', label: /^(Writing|Readable text)/, source: 'writing' },
  // CenterNet also sees the person in this photo: "Another person" is its flag as often as "Photo with a face".
  { name: 'photo with a face', label: /^(Photo with a face|Another person)/, source: 'photos' },
  { name: 'face in view', label: /^Face in view/, source: 'faces' },
] as const;
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-bench-flag-'));
afterAll(async () => {
  fs.rmSync(scratch, { recursive: true, force: true });
  // The bridge's ExifTool outlives the page otherwise.
  await closeExiftool();
});

/** Mean brightness (0..255) of a 640x480 rendering of `image` inside `box`. */
function brightness(image: string, box: { x: number; y: number; w: number; h: number }): number {
  const [value] = execFileSync(resolveFfmpeg().path, [
    '-v', 'error', '-i', image, '-vf', `scale=640:480,crop=${box.w}:${box.h}:${box.x}:${box.y},scale=1:1:flags=area,format=gray`,
    '-f', 'rawvideo', '-',
  ]);
  return value!;
}

/**
 * In the page: samples `box` of each presented frame, records when it turns brighter than `threshold` (the
 * page came into view), and when each of FLAGS first shows in the panel after that.
 */
const watchFlags = (box: { x: number; y: number; w: number; h: number }, threshold: number) => `(() => {
  const video = document.querySelector('.camera-stage video');
  const canvas = new OffscreenCanvas(640, 480);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  const events = (window.__flagEvents = []);
  const flags = ${JSON.stringify(FLAGS.map((flag) => ({ name: flag.name, label: flag.label.source })))};
  let inView = null;
  const shownBefore = {};
  const tick = (now) => {
    context.drawImage(video, 0, 0, 640, 480);
    const { data } = context.getImageData(${box.x}, ${box.y}, ${box.w}, ${box.h});
    let sum = 0;
    for (let i = 0; i < data.length; i += 4) sum += (data[i] + data[i + 1] + data[i + 2]) / 3;
    const bright = sum / (data.length / 4) > ${threshold};
    if (inView === false && bright) events.push({ kind: 'in view', at: now });
    inView = bright;
    const labels = [...document.querySelectorAll('.risk-item .risk-title strong')].map((label) => label.textContent);
    for (const flag of flags) {
      const shown = labels.some((label) => new RegExp(flag.label).test(label));
      if (shown && !shownBefore[flag.name]) events.push({ kind: flag.name, at: performance.now() });
      shownBefore[flag.name] = shown;
    }
    video.requestVideoFrameCallback(tick);
  };
  video.requestVideoFrameCallback(tick);
})()`;

it('time from coming into view to the flag, for a page, a face photo and a face', async () => {
  const roomFile = path.join(CORPUS_DIR, 'scenes/room-bedroom.jpg');
  const withPage = plantInRoom({ ...PAGE, room: roomFile, item: path.join(CORPUS_DIR, 'documents/testocr.png') }, path.join(scratch, 'page.png'));
  const withPhoto = plantInRoom({ ...PHOTO, room: withPage.file, item: path.join(CORPUS_DIR, 'faces/portrait.jpg') }, path.join(scratch, 'photo.png')).file;
  const planted = plantInRoom({ ...FACE, room: withPhoto, item: path.join(CORPUS_DIR, 'faces/person-1.jpg') }, path.join(scratch, 'planted.png')).file;
  const clean = path.join(scratch, 'clean.png');
  fs.copyFileSync(roomFile, clean);
  // Half-way between the clean room and the page, where the page lands.
  const box = { x: PAGE.x + 20, y: PAGE.y + 10, w: PAGE.width - 40, h: 40 };
  const threshold = (brightness(clean, box) + brightness(planted, box)) / 2;
  const camera = makeFakeCameraSequence([{ image: clean, seconds: CLEAN_SECONDS }, { image: planted, seconds: PLANTED_SECONDS }], scratch, 'camera', 30);

  const app = await launchInChromium({ camera: 'fake', cameraVideo: camera });
  try {
    const { page } = app;
    await page.getByRole('tab', { name: 'Check corner' }).click();
    const stats = page.getByTestId('detector-stats');
    // Every model has loaded and run before the first entry counts.
    for (let i = 0; i < 120 && !/faces \d+ ms · photos \d+ ms · objects \d+ ms · writing \d+ ms \(glance \d+ ms\)/.test((await stats.textContent()) ?? ''); i++) await page.waitForTimeout(500);
    await page.evaluate(watchFlags(box, threshold));
    await page.waitForTimeout(CYCLES * (CLEAN_SECONDS + PLANTED_SECONDS) * 1000);
    const events = (await page.evaluate('window.__flagEvents')) as Array<{ kind: string; at: number }>;
    const line = (await stats.textContent()) ?? '';

    const runMs = (name: string) => Number(new RegExp(`${name} (\\d+) ms`).exec(line)?.[1]);
    const rows: Array<Array<string | number>> = [];
    const times: Record<string, number[]> = Object.fromEntries(FLAGS.map((flag) => [flag.name, []]));
    const flickers: Record<string, number> = Object.fromEntries(FLAGS.map((flag) => [flag.name, 0]));
    const entries = events.flatMap((event, index) => (event.kind === 'in view' ? [index] : []));
    entries.forEach((start, entry) => {
      const during = events.slice(start + 1, entries[entry + 1]);
      for (const { name, source } of FLAGS) {
        const shown = during.filter((later) => later.kind === name);
        // Shown again after it went away, before the next entry: the flag flickered (or came back in the clean room).
        if (shown.length > 1) flickers[name]! += 1;
        const flag = shown[0];
        const after = flag ? flag.at - events[start]!.at : undefined;
        if (after !== undefined) times[name]!.push(after);
        const needed = HYSTERESIS[source].appearAfter * runMs(source);
        rows.push([entry + 1, name, after?.toFixed(0) ?? 'not flagged', `${HYSTERESIS[source].appearAfter} x ${runMs(source)}`, after ? (after / needed).toFixed(2) : '']);
      }
    });
    const summary = FLAGS.map(({ name }) => {
      const sorted = [...times[name]!].sort((a, b) => a - b);
      const median = sorted.length > 0 ? sorted[Math.floor((sorted.length - 1) / 2)]!.toFixed(0) : '–';
      return [name, `${sorted.length}/${entries.length}`, median, sorted.at(-1)?.toFixed(0) ?? '–', sorted.filter((ms) => ms <= 1000).length, flickers[name]!];
    });
    console.log(`\nbench/flag-time: Chromium, every detector running, ${entries.length} entries of a page (260 px wide), a face photo (90 px) and a portrait (360 px)\n`);
    console.log(table(['entry', 'flag', 'ms after in view', 'runs needed (last run ms)', 'flag / runs'], rows));
    console.log('');
    console.log(table(['flag', 'flagged', 'median ms (lower)', 'slowest ms', 'within 1 s', 'entries where it flickered'], summary));
    console.log(`\n${line}\n`);
  } finally {
    await app.close();
  }
}, 600_000);
