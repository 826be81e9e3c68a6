/**
 * bench/flag-time: how long after something comes into view the app flags it, in Chromium with every detector
 * running (the built renderer, test bridge, fake 30 fps camera). The camera shows a clean room, then the same
 * room with risks planted in it, then the clean room again, and so on: first all four risks at once (a page,
 * a small face photo, a large portrait, i.e. a face in view, and a computer monitor: the worst case for two
 * cores), then each one alone (the target: a new risk flagged within 1 s of entering the view); then all four
 * and the face alone again while something keeps moving in a corner of the view (a board circling once a
 * second, as a hand at work would): the picture never stays still, so the models run as often as their shares
 * allow, which is where faces could be starved. In the page, every presented camera frame is sampled where
 * each risk lands: the frame in which that spot turns to the risk's own brightness is the moment it came into
 * view; the moment the panel lists it is its flag. Likewise, when the spot turns back to the room, the risk was
 * taken away, and the moment the panel stops listing it, its flag cleared (the user waits for that after moving
 * something out of frame). Beside each time, the detector's own run time as the app
 * shows it, and the ratio of the flag time to the runs the flag needs (its hysteresis): above 1 is time spent
 * waiting for a turn or sharing the CPU. And for each flag, the entries in which it went away and came back, or
 * showed for a risk that was not there: a flicker, or a false flag. Last, the check is opened afresh on the
 * room with all four already in it, three times: from the click on its tab to each flag, and to every
 * detector having run (the verdict waits for that).
 *
 * Run: npm run build && npx vitest run --project bench bench/flag-time.bench.ts && node scripts/benchmarksDoc.mjs
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, it } from 'vitest';
import { type Box, clampToFrame } from '../core/media/geometry.std';
import type { RiskSource } from '../core/corner/risks.std';
import { HYSTERESIS } from '../core/corner/tracker.std';
import { resolveFfmpeg } from '../services/media/binaries.node';
import { closeExiftool } from '../services/media/exiftool.node';
import { type Plant, plantInRoom } from '../tests/integration/composites.node';
import { CORPUS_DIR } from '../tests/integration/corpus.node';
import { type CameraScene, circlingBoard, makeFakeCameraSequence } from '../tests/e2e/fakeCamera.node';
import { launchInChromium } from '../tests/e2e/launchChromium.node';
import { detectorStatsLine } from './detectorStats.node';
import { table, benchReport } from './measure.node';

const report = benchReport('flag-time');

/** Long enough for every flag to clear (small print waits three full looks, text three readings). */
const CLEAN_SECONDS = 10;
const PLANTED_SECONDS = 8;
const CYCLES = 4;
const ALL_AT_ONCE = 'all four at once';
const WHILE_MOVING = ', while something moves';
/**
 * What moves in view in the last part of each cycle (circlingBoard) circles in this part of the frame (clear of
 * every planted risk). Wherever it is, it darkens the part by tens of levels: that is how the page tells that it
 * is in view.
 */
const MOVING_AREA: Box = { x: 20, y: 10, w: 200, h: 180 };

/**
 * What is planted and timed: the panel's title for its flag (label, where), and the detector whose runs
 * confirm it. Where is part of the title because the monitor's screen shows writing (top centre) and CenterNet
 * may call the portrait "Another person" (middle right): each flag is the one where its own risk lies.
 */
type Timed = { name: string; title: RegExp; source: RiskSource; plant: Omit<Plant, 'room'> };
const TIMED: readonly Timed[] = [
  {
    name: 'page', title: /^(Writing|Readable text).*, (middle|bottom) left$/, source: 'writing',
    plant: { item: 'documents/testocr.png', x: 40, y: 220, width: 260 },
  },
  {
    // CenterNet also sees the person in this photo: "Another person" is its flag as often as "Photo with a face".
    name: 'photo with a face', title: /^(Photo with a face|Another person), top right$/, source: 'photos',
    plant: { item: 'faces/portrait.jpg', x: 470, y: 60, width: 90 },
  },
  { name: 'face in view', title: /^Face in view/, source: 'faces', plant: { item: 'faces/person-1.jpg', x: 300, y: 180, width: 360 } },
  {
    // The desk scene's monitor, cut out of its photo.
    name: 'screen', title: /^Screen/, source: 'objects',
    plant: { item: 'scenes/coco-desk-monitor-books-frame.jpg', crop: { x: 104, y: 168, w: 210, h: 192 }, x: 240, y: 10, width: 160 },
  },
];
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-bench-flag-'));
afterAll(async () => {
  fs.rmSync(scratch, { recursive: true, force: true });
  // The bridge's ExifTool outlives the page otherwise.
  await closeExiftool();
});

/** Mean brightness (0..255) of a 640x480 rendering of `image` inside `box`. */
function brightness(image: string, box: Box): number {
  const [value] = execFileSync(resolveFfmpeg().path, [
    '-v', 'error', '-i', image, '-vf', `scale=640:480,crop=${box.w}:${box.h}:${box.x}:${box.y},scale=1:1:flags=area,format=gray`,
    '-f', 'rawvideo', '-',
  ]);
  return value!;
}

/** Where the page watches for a risk to come into view: the middle of its box, and the brightness half-way between room and risk. */
type Probe = { name: string; box: Box; clean: number; planted: number };

/**
 * In the page: samples each probe's box in each presented frame, records when it turns to its risk's
 * brightness (that risk came into view), and when each flag's title shows in the panel (and shows again).
 */
const watchFlags = (probes: Probe[], movingArea: Probe) => `(() => {
  const video = document.querySelector('.camera-stage video');
  const canvas = new OffscreenCanvas(640, 480);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  const events = (window.__flagEvents = []);
  const probes = ${JSON.stringify(probes)};
  const flags = ${JSON.stringify(TIMED.map((timed) => ({ name: timed.name, title: timed.title.source })))};
  const inView = {};
  const shownBefore = {};
  const moving = ${JSON.stringify(movingArea)};
  const tick = (now) => {
    context.drawImage(video, 0, 0, 640, 480);
    const meanOf = (box) => {
      const { data } = context.getImageData(box.x, box.y, box.w, box.h);
      let sum = 0;
      for (let i = 0; i < data.length; i += 4) sum += (data[i] + data[i + 1] + data[i + 2]) / 3;
      return sum / (data.length / 4);
    };
    const somethingMoves = meanOf(moving.box) < (moving.clean + moving.planted) / 2;
    for (const probe of probes) {
      const mean = meanOf(probe.box);
      const planted = Math.abs(mean - probe.planted) < Math.abs(mean - probe.clean);
      if (inView[probe.name] === false && planted) events.push({ kind: 'in view', name: probe.name, at: now, moving: somethingMoves });
      if (inView[probe.name] === true && !planted) events.push({ kind: 'out of view', name: probe.name, at: now });
      inView[probe.name] = planted;
    }
    const titles = [...document.querySelectorAll('.risk-item .risk-title')].map((title) => title.textContent);
    for (const flag of flags) {
      const shown = titles.some((title) => new RegExp(flag.title).test(title));
      if (shown && !shownBefore[flag.name]) events.push({ kind: 'flag', name: flag.name, at: performance.now() });
      if (!shown && shownBefore[flag.name]) events.push({ kind: 'flag gone', name: flag.name, at: performance.now() });
      shownBefore[flag.name] = shown;
    }
    video.requestVideoFrameCallback(tick);
  };
  video.requestVideoFrameCallback(tick);
})()`;

type FlagEvent = { kind: 'in view' | 'out of view' | 'flag' | 'flag gone'; name: string; at: number; moving?: boolean };
/** Risks that came into view in one frame (all four, or one alone), whether something moved in view, and the events until the next entry. */
type Entry = { names: string[]; at: number; moving: boolean; during: FlagEvent[] };

function entriesOf(events: FlagEvent[]): Entry[] {
  const entries: Entry[] = [];
  for (const event of events) {
    const last = entries.at(-1);
    // Risks planted together come into view in the same frame (give it a frame or two of rendering).
    if (event.kind === 'in view' && last && event.at - last.at < 100) last.names.push(event.name);
    else if (event.kind === 'in view') entries.push({ names: [event.name], at: event.at, moving: event.moving === true, during: [] });
    else last?.during.push(event);
  }
  return entries;
}

/**
 * One flag's times over the entries of one kind (to the flag after it came into view, and to the flag's going
 * after it went), and the entries where it flickered (or showed unplanted).
 */
type Tally = { times: number[]; clearTimes: number[]; flickers: number; entries: number };

/** The lower median of `times` and the slowest, in ms. */
function medianAndSlowest(times: number[]): [string, string] {
  const sorted = [...times].sort((a, b) => a - b);
  return [sorted.length > 0 ? sorted[Math.floor((sorted.length - 1) / 2)]!.toFixed(0) : '–', sorted.at(-1)?.toFixed(0) ?? '–'];
}

function summarise({ times, clearTimes, flickers, entries }: Tally): Array<string | number> {
  return [`${times.length}/${entries}`, ...medianAndSlowest(times), times.filter((ms) => ms <= 1000).length, flickers, `${clearTimes.length}/${entries}`, ...medianAndSlowest(clearTimes)];
}

/** The clean room, each risk planted in it alone, and all four together (made once, in scratch). */
let rooms: { clean: string; alone: Array<ReturnType<typeof plantInRoom>>; together: string } | undefined;
function plantedRooms(): NonNullable<typeof rooms> {
  if (rooms) return rooms;
  const clean = path.join(scratch, 'clean.png');
  fs.copyFileSync(path.join(CORPUS_DIR, 'scenes/room-bedroom.jpg'), clean);
  const plantOn = (room: string, timed: Timed, out: string) => plantInRoom({ ...timed.plant, room, item: path.join(CORPUS_DIR, timed.plant.item) }, path.join(scratch, out));
  const alone = TIMED.map((timed) => plantOn(clean, timed, `${timed.name}.png`));
  const together = TIMED.reduce((room, timed, index) => plantOn(room, timed, `together-${index}.png`).file, clean);
  rooms = { clean, alone, together };
  return rooms;
}

it('time from coming into view to the flag, for a page, a face photo, a face and a screen, together and alone', async () => {
  const { clean, alone, together } = plantedRooms();
  // The middle half of each risk's box, away from its edges (and the frame's).
  const probes = TIMED.map((timed, index): Probe => {
    const { x, y, w, h } = alone[index]!.box;
    const box = clampToFrame({ x: Math.round(x + w / 4), y: Math.round(y + h / 4), w: Math.round(w / 2), h: Math.round(h / 2) }, 640, 480);
    return { name: timed.name, box, clean: brightness(clean, box), planted: brightness(together, box) };
  });
  const moving = circlingBoard(scratch, MOVING_AREA.x + 50, MOVING_AREA.y + 50);
  // The board where it starts each second, on the clean room: the brightness the page compares against.
  const withBoard = plantInRoom({ room: clean, item: moving.image, x: moving.x + moving.radius, y: moving.y, width: moving.size }, path.join(scratch, 'with-board.png')).file;
  const face = alone[TIMED.findIndex((timed) => timed.source === 'faces')]!.file;
  const enter = (image: string, extra: Partial<CameraScene> = {}): CameraScene[] => [
    { image: clean, seconds: CLEAN_SECONDS, ...extra },
    { image, seconds: PLANTED_SECONDS, ...extra },
  ];
  const scenes = [together, ...alone.map((plant) => plant.file)].flatMap((image) => enter(image)).concat(enter(together, { moving }), enter(face, { moving }));
  const camera = makeFakeCameraSequence(scenes, scratch, 'camera', 30);

  const app = await launchInChromium({ camera: 'fake', cameraVideo: camera });
  try {
    const { page } = app;
    await page.getByRole('tab', { name: 'Check corner' }).click();
    // Every model has loaded and run before the first entry counts.
    await page.locator('[data-every-detector-ran="true"]').waitFor({ timeout: 60_000 });
    await page.evaluate(watchFlags(probes, { name: 'something moving', box: MOVING_AREA, clean: brightness(clean, MOVING_AREA), planted: brightness(withBoard, MOVING_AREA) }));
    await page.waitForTimeout(CYCLES * scenes.reduce((sum, scene) => sum + scene.seconds, 0) * 1000);
    const events = (await page.evaluate('window.__flagEvents')) as FlagEvent[];
    // An entry too close to the end had no time to be flagged: it is not counted.
    const endedAt = (await page.evaluate('performance.now()')) as number;
    const line = await detectorStatsLine(page);

    const runMs = (source: RiskSource) => Number(new RegExp(`${source} (\\d+) ms`).exec(line)?.[1]);
    const rows: Array<Array<string | number>> = [];
    const tallies = new Map<string, Tally>();
    const keyOf = (kind: string, name: string) => `${kind}\u0000${name}`;
    const tally = (kind: string, name: string) => {
      const key = keyOf(kind, name);
      if (!tallies.has(key)) tallies.set(key, { times: [], clearTimes: [], flickers: 0, entries: 0 });
      return tallies.get(key)!;
    };
    entriesOf(events).filter((entry) => entry.at + PLANTED_SECONDS * 1000 <= endedAt).forEach((entry, index) => {
      const kind = `${entry.names.length === TIMED.length ? ALL_AT_ONCE : 'alone'}${entry.moving ? WHILE_MOVING : ''}`;
      for (const { name, source } of TIMED) {
        const shown = entry.during.filter((event) => event.kind === 'flag' && event.name === name);
        const planted = entry.names.includes(name);
        if (!planted) {
          // A flag for a risk that is not there.
          if (shown.length > 0) tally('not planted', name).flickers += 1;
          continue;
        }
        const counted = tally(kind, name);
        counted.entries += 1;
        // Shown again after it went away, before the next entry: the flag flickered.
        if (shown.length > 1) counted.flickers += 1;
        const after = shown[0] ? shown[0].at - entry.at : undefined;
        if (after !== undefined) counted.times.push(after);
        // Taken away: the first time its flag went after that (before the next entry).
        const wentAt = entry.during.find((event) => event.kind === 'out of view' && event.name === name)?.at;
        const gone = wentAt === undefined ? undefined : entry.during.find((event) => event.kind === 'flag gone' && event.name === name && event.at >= wentAt);
        const clearedAfter = gone && wentAt !== undefined ? gone.at - wentAt : undefined;
        if (clearedAfter !== undefined) counted.clearTimes.push(clearedAfter);
        const needed = HYSTERESIS[source].appearAfter * runMs(source);
        rows.push([index + 1, kind, name, after?.toFixed(0) ?? 'not flagged', `${HYSTERESIS[source].appearAfter} x ${runMs(source)}`, after ? (after / needed).toFixed(2) : '', clearedAfter?.toFixed(0) ?? 'not cleared']);
      }
    });
    const kinds = [ALL_AT_ONCE, 'alone', `${ALL_AT_ONCE}${WHILE_MOVING}`, `alone${WHILE_MOVING}`];
    const summary = kinds.flatMap((kind) => TIMED.filter(({ name }) => tallies.has(keyOf(kind, name))).map(({ name }) => [kind, name, ...summarise(tally(kind, name))]));
    const falseFlags = TIMED.map(({ name }) => `${name} ${tally('not planted', name).flickers}`).join(', ');
    report.line(`\nbench/flag-time: Chromium, every detector running; a page (260 px wide), a face photo (90 px), a portrait (360 px) and a monitor (160 px), all four at once and each alone; then all four and the face alone while something moves in view\n`);
    report.line(table(['entry', 'planted', 'flag', 'ms after in view', 'runs needed (last run ms)', 'flag / runs', 'cleared, ms after taken away'], rows));
    report.line('');
    report.line(table(['planted', 'flag', 'flagged', 'median ms (lower)', 'slowest ms', 'within 1 s', 'entries where it flickered', 'cleared', 'median ms to clear', 'slowest clear ms'], summary));
    report.line(`\nEntries where a flag showed for a risk not in view: ${falseFlags}`);
    report.line(`\n${line}\n`);
  } finally {
    await app.close();
  }
}, 900_000);

/** How many times the check is opened with all four in view, and how long each opening is watched. */
const OPENINGS = 3;
const OPENING_WATCH_MS = 25_000;
const EVERY_DETECTOR_RAN = 'every detector ran ("Corner clear" possible)';

/**
 * The case a user meets first: the check opened on a corner where all four risks already are. From the click
 * on its tab (models loading, camera starting) to each flag, and to every detector having run, which the
 * verdict waits for; each opening a new page, so nothing is loaded or compiled before.
 */
it('time from opening the check with all four in view to each flag and to every detector having run', async () => {
  const camera = makeFakeCameraSequence([{ image: plantedRooms().together, seconds: OPENING_WATCH_MS / 1000 + 10 }], scratch, 'opening', 30);
  const names = [...TIMED.map((timed) => timed.name), EVERY_DETECTOR_RAN];
  const openings: Array<Record<string, number>> = [];
  for (let opening = 0; opening < OPENINGS; opening += 1) {
    const app = await launchInChromium({ camera: 'fake', cameraVideo: camera });
    try {
      const { page } = app;
      const times: Record<string, number> = {};
      const clickedAt = Date.now();
      await page.getByRole('tab', { name: 'Check corner' }).click();
      while (Date.now() - clickedAt < OPENING_WATCH_MS && names.some((name) => !(name in times))) {
        const titles = await page.locator('.risk-item .risk-title').allTextContents();
        const ran = (await page.locator('[data-every-detector-ran="true"]').count()) > 0;
        const at = Date.now() - clickedAt;
        for (const { name, title } of TIMED) if (!(name in times) && titles.some((shown) => title.test(shown))) times[name] = at;
        if (ran && !(EVERY_DETECTOR_RAN in times)) times[EVERY_DETECTOR_RAN] = at;
        await page.waitForTimeout(25);
      }
      openings.push(times);
    } finally {
      await app.close();
    }
  }
  report.line(`\nFrom opening Check corner with all four already in view (a new page each time, ${OPENINGS} openings; ms after the click on its tab, "–": not within ${OPENING_WATCH_MS / 1000} s)\n`);
  const shown = (ms: number | undefined) => (ms === undefined ? '–' : ms.toFixed(0));
  report.line(table(['flag', ...openings.map((_, index) => `opening ${index + 1}`), 'median (lower)'], names.map((name) => [name, ...openings.map((times) => shown(times[name])), medianAndSlowest(openings.flatMap((times) => (name in times ? [times[name]!] : [])))[0]!])));
}, 300_000);
