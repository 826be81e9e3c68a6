/**
 * bench/detect: the detector's cost per model on 640x480 frames, on tfjs WASM in Node (the app runs the same
 * models and configuration in a Chromium Web Worker; its own timings show in the Check corner view).
 * Baseline, same process, same frames, interleaved: bare `human.detect` on a tensor. Ours: the app's path
 * per run (detect, convert, risk rules, tracker). For writing, bare is onnxruntime's `session.run` on an input
 * tensor made beforehand; ours adds resampling the frame into it, finding the lines and blocks, the rules and
 * the tracker. For text, on pages planted in rooms, bare is tesseract on the whole picture with its default
 * light-on-dark second pass, ours is our settings without it on the parts where writing is (plus reading the
 * lines out). And what closer looks at small print add to a full look, on these frames and on 1280x720 frames
 * with a bank statement in a room. Cache off (every frame inferred) and cache on (Human's
 * result cache, which a still camera hits) are both reported; the targets are judged on cache off.
 *
 * Run: npx vitest run --project bench bench/detect.bench.ts && node scripts/benchmarksDoc.mjs
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, it } from 'vitest';
import type { Config } from '@vladmandic/human';
import * as ort from 'onnxruntime-web';
import { OEM, createWorker } from 'tesseract.js';
import { OCR_PARAMETERS, TESSERACT_LANGUAGE, detectionsFromHuman, ocrScale } from '../core/corner/detectors.std';
import type { Box } from '../core/media/geometry.std';
import { assessFrame } from '../core/corner/risks.std';
import { faceTiles } from '../core/corner/tiles.std';
import { FACEBOXES_INPUT, FACEBOXES_OUTPUTS, faceboxesInputSize } from '../core/corner/faceboxes.std';
import type { Tensor } from '@tensorflow/tfjs-core';
import { type PeriodicRun, periodOf } from '../core/corner/modelSchedule.std';
import { GLANCES_PER_FULL_LOOK } from '../core/corner/writingSchedule.std';
import { HYSTERESIS, newTracker, trackRun } from '../core/corner/tracker.std';
import { WRITING_GLANCE_LONG_SIDE, WRITING_INPUT_LONG_SIDE, WRITING_THREADS, writingInput, writingInputSize } from '../core/corner/writingModel.std';
import { readingRegions } from '../core/corner/writingBlocks.std';
import { type FrameInput, NodeDetector, ocrPicture } from '../services/corner/detector.node';
import { ocrLanguageDir } from '../services/corner/detectorAssets.node';
import { decodeFrame, plantInRoom } from '../tests/integration/composites.node';
import { CORPUS_DIR } from '../tests/integration/corpus.node';
import { compare, table, benchReport } from './measure.node';

const report = benchReport('detect');

const SCENES = ['room-kitchen.jpg', 'coco-desk-monitor-books-frame.jpg', 'coco-living-room-people.jpg', 'office-three-people.jpg'];
const ROUNDS = 5;
/** Pages for OCR: a clean sheet, and papers on a cluttered desk and in rooms. */
const PAGES = [
  { item: 'testocr.png', room: 'room-kitchen.jpg', x: 40, y: 240, width: 260 },
  { item: 'typewriter-recipe.png', room: 'coco-desk-monitor-books-frame.jpg', x: 400, y: 240, width: 200 },
  { item: 'brochure-address.png', room: 'room-bedroom.jpg', x: 330, y: 120, width: 280 },
  { item: 'book-page.jpg', room: 'room-living_room.jpg', x: 400, y: 240, width: 180 },
];

/** The scene at width x height, or the `crop` of it. */
const frameOf = (scene: string, width: number, height: number, crop?: Box): FrameInput => decodeFrame(path.join(CORPUS_DIR, 'scenes', scene), width, height, crop);

let detector: NodeDetector;
/** Bank statements in rooms, seen by a 1280x720 camera: the closer looks' case. */
const HD = { width: 1280, height: 720 };
const STATEMENTS = [
  { room: 'room-bedroom.jpg', x: 500, y: 100, width: 240 },
  { room: 'room-living_room.jpg', x: 700, y: 420, width: 250 },
  { room: 'room-living_room.jpg', x: 80, y: 120, width: 300 },
];
let scratch: string;
beforeAll(async () => {
  detector = await NodeDetector.open();
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-bench-'));
}, 120_000);
afterAll(async () => {
  await detector.close();
  fs.rmSync(scratch, { recursive: true, force: true });
});

it('per-model latency and overhead against bare inference', async () => {
  const frames = SCENES.map((scene) => frameOf(scene, 640, 480));
  const human = detector.human;
  // Human's cache: reuse results while the picture changes less than cacheSensitivity, up to skipFrames/skipTime.
  // Human keeps every per-call setting, so the uncached baseline sets the cache off again explicitly (it
  // runs first in each round, before ours).
  const cacheSettings = (on: boolean) =>
    ({ cacheSensitivity: on ? 0.7 : 0, face: { detector: { skipFrames: on ? 10 : 0, skipTime: on ? 2000 : 0 } }, object: { skipFrames: on ? 10 : 0, skipTime: on ? 2000 : 0 } }) as Partial<Config>;

  const bare = (frame: FrameInput, parts: { faces: boolean; objects: boolean }, extra: Partial<Config> = cacheSettings(false)) => async () => {
    const input = human.tf.tensor4d(frame.rgb, [1, frame.height, frame.width, 3], 'int32');
    await human.detect(input, { ...extra, face: { enabled: parts.faces, ...(extra.face ?? {}) }, object: { enabled: parts.objects, ...(extra.object ?? {}) } } as Partial<Config>);
    human.tf.dispose(input);
  };
  let tracker = newTracker(0);
  const ours = (frame: FrameInput, parts: { faces: boolean; objects: boolean }) => async () => {
    const found = detectionsFromHuman(await detector.runHuman(frame, parts));
    tracker = trackRun(tracker, parts.faces ? 'faces' : 'objects', assessFrame({ width: frame.width, height: frame.height, ...found }), Date.now());
  };
  const rows: Array<Array<string | number>> = [];
  const latency: Record<string, number> = {};
  for (const [model, parts] of [['faces (BlazeFace)', { faces: true, objects: false }], ['objects (CenterNet)', { faces: false, objects: true }]] as const) {
    const totals = { bare: 0, ours: 0, cached: 0 };
    for (const frame of frames) {
      await bare(frame, parts)(); // warm-up for this frame size and model
      const medians = await compare({ bare: bare(frame, parts), ours: ours(frame, parts), cached: bare(frame, parts, cacheSettings(true)) }, ROUNDS);
      totals.bare += medians.bare! / frames.length;
      totals.ours += medians.ours! / frames.length;
      totals.cached += medians.cached! / frames.length;
    }
    latency[model] = totals.ours;
    rows.push([model, totals.bare.toFixed(0), totals.ours.toFixed(0), (totals.ours / totals.bare).toFixed(2), (1000 / totals.ours).toFixed(1), totals.cached.toFixed(0), (1000 / totals.cached).toFixed(1)]);
  }

  // Photos: BlazeFace on the frame's six tiles, and FaceBoxes on the whole frame. Bare: the same tiles, already
  // cut, as tensors, and FaceBoxes' graph on the frame already at its input size.
  const photoTotals = { bare: 0, ours: 0, tilesOnly: 0 };
  const faceboxesSize = faceboxesInputSize(640, 480);
  for (const [index, frame] of frames.entries()) {
    const tiles = faceTiles(frame.width, frame.height).map((tile) => frameOf(SCENES[index]!, frame.width, frame.height, tile));
    const faceboxesInput = frameOf(SCENES[index]!, faceboxesSize.width, faceboxesSize.height);
    const bareTiles = async () => {
      for (const tile of tiles) await bare(tile, { faces: true, objects: false })();
      const input = human.tf.tensor4d(faceboxesInput.rgb, [1, faceboxesInput.height, faceboxesInput.width, 3], 'int32');
      human.tf.dispose([input, ...((await detector.faceboxes.graph.executeAsync({ [FACEBOXES_INPUT]: input }, [...FACEBOXES_OUTPUTS])) as Tensor[])]);
    };
    const oursTiles = async () => {
      const tileFaces = await detector.runFaceTiles(frame);
      const faceboxes = await detector.runFaceboxes(frame);
      tracker = trackRun(tracker, 'photos', assessFrame({ width: frame.width, height: frame.height, tileFaces, faceboxes }), Date.now());
    };
    await bareTiles();
    const oursTilesOnly = async () => {
      const tileFaces = await detector.runFaceTiles(frame);
      tracker = trackRun(tracker, 'photos', assessFrame({ width: frame.width, height: frame.height, tileFaces }), Date.now());
    };
    const medians = await compare({ bare: bareTiles, ours: oursTiles, tilesOnly: oursTilesOnly }, ROUNDS);
    photoTotals.bare += medians.bare! / frames.length;
    photoTotals.ours += medians.ours! / frames.length;
    photoTotals.tilesOnly += medians.tilesOnly! / frames.length;
  }
  // The app's photos runs look with FaceBoxes only every few seconds (faceboxesLookDue): a flag waits on the tiles.
  latency.photos = photoTotals.tilesOnly;
  rows.push([`photos (BlazeFace, ${faceTiles(640, 480).length} tiles; FaceBoxes, ${faceboxesSize.width}x${faceboxesSize.height})`, photoTotals.bare.toFixed(0), photoTotals.ours.toFixed(0), (photoTotals.ours / photoTotals.bare).toFixed(2), (1000 / photoTotals.ours).toFixed(1), '', '']);

  // Writing: PaddleOCR's text detector, a full look, a glance (the app glances between full looks), and the
  // glance around a page that confirms what a glance saw (nextWritingLook): here around bench/flag-time's
  // page, 260x196 px at (40, 220), grown by a quarter on each side and cut at the frame's edge.
  const AROUND_PAGE: Box = { x: 0, y: 171, w: 365, h: 294 };
  const looks = [
    { look: 'full', longSide: WRITING_INPUT_LONG_SIDE, scope: {} },
    { look: 'glance', longSide: WRITING_GLANCE_LONG_SIDE, scope: { glance: true } },
    { look: 'glance around a page', longSide: WRITING_GLANCE_LONG_SIDE, scope: { glance: true, lookedAt: AROUND_PAGE } },
  ] as const;
  const writing: Record<(typeof looks)[number]['look'], { bare: number; ours: number }> = {
    full: { bare: 0, ours: 0 },
    glance: { bare: 0, ours: 0 },
    'glance around a page': { bare: 0, ours: 0 },
  };
  for (const { look, longSide, scope } of looks) {
    const region: Box = 'lookedAt' in scope ? scope.lookedAt : { x: 0, y: 0, w: 640, h: 480 };
    const writingSize = writingInputSize(region.w, region.h, (longSide * Math.max(region.w, region.h)) / 640);
    for (const frame of frames) {
      const input = new ort.Tensor('float32', writingInput(frame.rgb, frame.width, frame.height, 3, writingSize, region), [1, 3, writingSize.height, writingSize.width]);
      const bareWriting = () => detector.writing.run({ [detector.writing.inputNames[0]!]: input });
      const oursWriting = async () => {
        const lines = await detector.runWriting(frame, longSide, region);
        tracker = trackRun(tracker, 'writing', assessFrame({ width: frame.width, height: frame.height, writing: lines }), Date.now(), scope);
      };
      await bareWriting();
      const medians = await compare({ bare: bareWriting, ours: oursWriting }, ROUNDS);
      writing[look].bare += medians.bare! / frames.length;
      writing[look].ours += medians.ours! / frames.length;
    }
    const { bare, ours } = writing[look];
    rows.push([
      `writing, ${look} (PaddleOCR det, ${writingSize.width}x${writingSize.height}, ${WRITING_THREADS.scan} threads)`,
      bare.toFixed(0), ours.toFixed(0), (ours / bare).toFixed(2), (1000 / ours).toFixed(1), '', '',
    ]);
  }

  // Closer looks (findWritingLookingCloser): what they add to a full look, on the scenes above (no small
  // print: nothing to look closer at, or little) and on a 1280x720 camera's frame with a bank statement 240-300
  // px wide lying in a room, whose heading alone a full look sees.
  const statements = STATEMENTS.map((place, index) => {
    const planted = plantInRoom({ ...place, item: path.join(CORPUS_DIR, 'documents/bill.png'), room: path.join(CORPUS_DIR, 'scenes', place.room) }, path.join(scratch, `statement-${index}.png`), HD);
    return decodeFrame(planted.file, HD.width, HD.height);
  });
  const closer: Array<Array<string | number>> = [];
  for (const [name, looked] of [[`${frames.length} scenes, 640x480`, frames], [`${statements.length} statements in rooms, 1280x720`, statements]] as const) {
    let alone = 0;
    let lookingCloser = 0;
    for (const frame of looked) {
      const medians = await compare({ alone: () => detector.runWriting(frame), closer: () => detector.lookForWriting(frame) }, ROUNDS);
      alone += medians.alone! / looked.length;
      lookingCloser += medians.closer! / looked.length;
    }
    closer.push([name, alone.toFixed(0), lookingCloser.toFixed(0), (lookingCloser / alone).toFixed(2)]);
  }

  // Text, on pages planted in rooms (OCR reads only where there is writing). Bare: tesseract with our page mode
  // and resolution but its default second, light-on-dark pass over doubtful words (which ours leaves out), on
  // the whole picture; ours reads only the parts where the text detector found writing (readingRegions; the
  // detector's own time is in the rows above).
  const size = { width: Math.round(640 * ocrScale(640, 480)), height: Math.round(480 * ocrScale(640, 480)) };
  const ocrFrames = PAGES.map((page, index) => {
    const planted = plantInRoom({ ...page, item: path.join(CORPUS_DIR, 'documents', page.item), room: path.join(CORPUS_DIR, 'scenes', page.room) }, path.join(scratch, `page-${index}.png`));
    return decodeFrame(planted.file, size.width, size.height);
  });
  const ocrRegions = await Promise.all(ocrFrames.map(async (frame) => readingRegions(await detector.runWriting(frame), frame.width, frame.height)));
  const bareOcr = await createWorker(TESSERACT_LANGUAGE, OEM.LSTM_ONLY, { langPath: ocrLanguageDir(), cacheMethod: 'none', gzip: true });
  await bareOcr.setParameters({ ...OCR_PARAMETERS, tessedit_do_invert: '1' } as unknown as Parameters<typeof bareOcr.setParameters>[0]);
  const ocr = { bare: 0, ours: 0 };
  for (const [index, frame] of ocrFrames.entries()) {
    const medians = await compare(
      { bare: () => bareOcr.recognize(ocrPicture(frame), {}, { blocks: true, text: false }), ours: () => detector.runOcr(frame, ocrRegions[index]!) },
      3,
    );
    ocr.bare += medians.bare! / ocrFrames.length;
    ocr.ours += medians.ours! / ocrFrames.length;
  }
  await bareOcr.terminate();
  rows.push([`text (tesseract, ${size.width}x${size.height}, ${PAGES.length} pages in rooms: bare reads it whole, ours where writing is)`, ocr.bare.toFixed(0), ocr.ours.toFixed(0), (ocr.ours / ocr.bare).toFixed(2), (1000 / ocr.ours).toFixed(2), '', '']);

  report.line(`\nbench/detect: 640x480, ${frames.length} scenes, ${ROUNDS} interleaved rounds, medians; Node, tfjs ${String(human.tf.getBackend())}\n`);
  report.line(table(['model', 'bare ms', 'ours ms', 'ours/bare', 'ours fps (cache off)', 'cache on ms', 'cache on fps'], rows));
  report.line(`\nThe photos pass on its tiles alone (the app's runs between FaceBoxes' looks): ${photoTotals.tilesOnly.toFixed(0)} ms.`);
  report.line(`\nA glance around a page costs ${(writing['glance around a page'].ours / writing.glance.ours).toFixed(2)} of a whole glance (ours against ours).`);
  report.line('\nA full look alone, and with its closer looks at small print (ours against ours, medians):\n');
  report.line(table(['frames', 'full look alone ms', 'looking closer ms', 'looking closer / alone'], closer));
  // Time to flag a new risk: its detector must see it appearAfter times. Objects and photo sweeps come round
  // every two periods (periodOf(run, its latency)) while the picture is still, and at once when it changes,
  // unless the last run was less than half a period ago; a sweep that saw something new is repeated at once
  // (modelSchedule.std.ts, writingSchedule.std.ts). Something coming into a still picture waits for the first run a sixteenth of a period
  // on average (a quarter of the time the last run was under half a period ago, then a quarter period on
  // average), half a period at worst, leaving out the run under way; then the runs take their time.
  const periodic = (run: PeriodicRun, ms: number, appearAfter: number) => ({ mean: periodOf(run, ms) / 16 + appearAfter * ms, worst: periodOf(run, ms) / 2 + appearAfter * ms });
  const objectFlag = periodic('objects', latency['objects (CenterNet)']!, HYSTERESIS.objects.appearAfter);
  const photoFlag = periodic('photos', latency.photos, HYSTERESIS.photos.appearAfter);
  // Faces fill the time between; writing runs back to back in its own worker, and OCR then quotes it. A page
  // is seen at a glance and confirmed by a glance around it;
  // small print only a full look sees waits for one, then a full look confirms it (nextWritingLook): on
  // average half a cycle of glances and a full look, then one more full look.
  const faceFlag = HYSTERESIS.faces.appearAfter * latency['faces (BlazeFace)']!;
  const pageFlag = writing.glance.ours + (HYSTERESIS.writing.appearAfter - 1) * writing['glance around a page'].ours;
  const cycle = GLANCES_PER_FULL_LOOK * writing.glance.ours + writing.full.ours;
  const smallPrintFlag = cycle / 2 + writing.full.ours + writing.glance.ours + writing.full.ours;
  const both = ({ mean, worst }: { mean: number; worst: number }) => `${mean.toFixed(0)} ms (at worst ${worst.toFixed(0)})`;
  report.line(
    `\nNew risk flagged after (at these latencies): face ${faceFlag.toFixed(0)} ms, object ${both(objectFlag)}, photo with a face ${both(photoFlag)}, ` +
      `page of writing ${pageFlag.toFixed(0)} ms, small print ${smallPrintFlag.toFixed(0)} ms; text read by OCR alone ${(HYSTERESIS.text.appearAfter * ocr.ours).toFixed(0)} ms\n`,
  );
}, 1_800_000);
