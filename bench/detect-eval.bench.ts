/**
 * bench/detect-eval: how often the corner check finds what is there, and flags what is not, with the real
 * models and rules (`scanFile`, as `safetake scan` runs them). Documents and face photos are planted by ffmpeg
 * into the five clean rooms at two places and sizes; screens are the COCO scenes that have one; false flags
 * are counted on the clean rooms themselves (bottles are left out: kitchens and bathrooms really have them).
 * For documents, also how many OCR quotes, reading the parts where writing is and, as a baseline in the same
 * run, the whole frame; what the text detector alone sees of each in the app's 640x480 frame, in a full look
 * and at a glance (the case for the app's glances between full looks), and of those seen at a glance, how many
 * a glance at the part around them confirms, as the app confirms them (modelSchedule.std.ts, writingSchedule.std.ts).
 * And for documents in a 1280x720 camera's picture, what the text detector alone sees in the frame the app
 * gives it (writingFrameWidth: its own pixels) against a 640-wide one: in a full look alone, in a full look
 * with its closer looks at small print, and at a glance.
 *
 * On real photographs (scenes-real), recall per category and false flags on clean rooms by the targets'
 * matching rule, with every model and, in the same run, without the second object model (SSDLite) and
 * without the second face model (FaceBoxes): what each adds.
 *
 * Run: npx vitest run --project bench bench/detect-eval.bench.ts && node scripts/benchmarksDoc.mjs
 */
import path from 'node:path';
import { it } from 'vitest';
import { type Box, centreInside, iou, scaleBox } from '../core/media/geometry.std';
import { ocrScale } from '../core/corner/detectors.std';
import { type Risk, type RiskCategory, assessFrame } from '../core/corner/risks.std';
import { WRITING_GLANCE_LONG_SIDE, WRITING_INPUT_LONG_SIDE, writingFrameWidth } from '../core/corner/writingModel.std';
import type { FrameDetections } from '../core/corner/detections.std';
import type { WritingLine } from '../core/corner/writingLines.std';
import { planScanFrames } from '../core/corner/scanPlan.std';
import { type FrameInput, inSourcePixels, scanFile } from '../services/corner/detector.node';
import { ffmpegRawFrames } from '../services/media/ffmpeg.node';
import { readPicture } from '../services/media/picture.node';
import { FALSE_FLAG_CATEGORIES, LABELLED_CATEGORIES, flagMatches, sceneImage, scenesReal } from '../tests/integration/scenesReal.node';
import { decodeFrame, plantInRoom } from '../tests/integration/composites.node';
import { CLEAN_ROOMS, CORPUS_DIR } from '../tests/integration/corpus.node';
import { glanceThenAround, useDetector } from '../tests/integration/detectorFixture.node';
import { table, benchReport } from './measure.node';

const report = benchReport('detect-eval');

const corpus = (name: string) => path.join(CORPUS_DIR, name);
const DOCUMENTS = ['testocr.png', 'bill.png', 'poem-page.jpg', 'book-page.jpg', 'typewriter-recipe.png', 'brochure-address.png', 'receipt-crumpled.png', 'handwritten-page.png'];
const FACE_PHOTOS = ['portrait.jpg', 'person-1.jpg', 'person-2.jpg', 'two-people.jpg', 'group-indoor.jpg'];
const DOCUMENT_PLACES = [{ x: 40, y: 240, width: 260 }, { x: 380, y: 60, width: 200 }];
const PHOTO_PLACES = [{ x: 470, y: 60, width: 90 }, { x: 60, y: 90, width: 140 }];
/** A 1280x720 webcam (the size the app asks for), and pages placed in its pixels. */
const HD = { width: 1280, height: 720 };
const HD_DOCUMENT_PLACES = [{ x: 760, y: 380, width: 360 }, { x: 80, y: 120, width: 300 }, { x: 500, y: 100, width: 240 }];
const SCREEN_SCENES = ['coco-desk-monitor-books-frame.jpg', 'coco-laptop-phone.jpg', 'coco-living-room-laptop-books.jpg', 'coco-three-people-phones.jpg', 'person-phone-selfie.jpg'];

const opened = useDetector();

const onPlant = (risk: Pick<Risk, 'box'>, plant: Box) => centreInside(risk.box, plant) || iou(risk.box, plant) > 0.2;

/**
 * The baseline for reading part by part (readingRegions): the same frame as `safetake scan` makes of the
 * picture, with tesseract reading all of it wherever the text detector saw writing. Is any of `plant` quoted?
 */
async function quotedReadingWhole(file: string, plant: Box): Promise<boolean> {
  const scale = ocrScale(640, 480);
  const frame = decodeFrame(file, Math.round(640 * scale), Math.round(480 * scale));
  const writing = await opened.detector.runWriting(frame);
  const lines = writing.length > 0 ? await opened.detector.runOcr(frame, [{ x: 0, y: 0, w: frame.width, h: frame.height }]) : [];
  const risks = assessFrame({ width: frame.width, height: frame.height, writing, lines });
  return risks.some((risk) => risk.text !== undefined && onPlant({ box: scaleBox(risk.box, 1 / scale) }, plant));
}

/**
 * Recall of `category` for `items` planted at `places` in every clean room: per item, and over all. With
 * `looks`, also how many of them OCR read some of (quoted on the flag), and would have reading the whole
 * frame; how many the text detector alone sees in the app's 640x480 frame, in a full look and at a glance (the
 * app glances between full looks), and how many of those seen at a glance the next look, a glance around
 * them, confirms (nextWritingLook).
 */
async function plantedRecall(category: RiskCategory, folder: string, items: string[], places: typeof DOCUMENT_PLACES, looks = false) {
  const rows: Array<Array<string | number>> = [];
  let found = 0;
  let total = 0;
  const seen = { quoted: 0, quotedWhole: 0, full: 0, glance: 0, around: 0 };
  for (const item of items) {
    let hits = 0;
    const itemSeen = { quoted: 0, quotedWhole: 0, full: 0, glance: 0, around: 0 };
    for (const room of CLEAN_ROOMS) {
      for (const place of places) {
        const plant = plantInRoom({ ...place, item: corpus(`${folder}/${item}`), room: corpus(`scenes/${room}`) }, opened.scratchFile('eval.png'));
        const report = await scanFile(plant.file, opened.detector);
        if (report.risks.some((risk) => risk.category === category && onPlant(risk, plant.box))) hits += 1;
        if (!looks) continue;
        if (report.risks.some((risk) => risk.text !== undefined && onPlant(risk, plant.box))) itemSeen.quoted += 1;
        if (await quotedReadingWhole(plant.file, plant.box)) itemSeen.quotedWhole += 1;
        const frame = decodeFrame(plant.file, 640, 480);
        const onThePlant = (risks: Risk[]) => risks.some((risk) => risk.source === 'writing' && onPlant(risk, plant.box));
        if (onThePlant(assessFrame({ width: 640, height: 480, writing: await opened.detector.runWriting(frame, WRITING_INPUT_LONG_SIDE) }))) itemSeen.full += 1;
        const { saw, confirmed } = await glanceThenAround(opened.detector, frame);
        if (!onThePlant(saw)) continue;
        itemSeen.glance += 1;
        if (onThePlant(confirmed)) itemSeen.around += 1;
      }
    }
    const tries = CLEAN_ROOMS.length * places.length;
    rows.push([item, `${hits}/${tries}`, ...(looks ? [`${itemSeen.quoted}/${tries}`, `${itemSeen.quotedWhole}/${tries}`, `${itemSeen.full}/${tries}`, `${itemSeen.glance}/${tries}`, `${itemSeen.around}/${itemSeen.glance}`] : [])]);
    found += hits;
    total += tries;
    seen.quoted += itemSeen.quoted;
    seen.quotedWhole += itemSeen.quotedWhole;
    seen.full += itemSeen.full;
    seen.glance += itemSeen.glance;
    seen.around += itemSeen.around;
  }
  return { rows, recall: found / total, found, total, seen };
}

/**
 * Documents in a 1280x720 camera's picture, as the text detector sees them: in the frame the app gives it
 * (writingFrameWidth: the camera's own pixels) and in the 640 px frame the face and object models take, in a
 * full look alone, in a full look with its closer looks at small print (as the app and `safetake scan` take
 * it), and at a glance.
 */
async function hdWritingRecall() {
  const frameWidths = [writingFrameWidth(HD.width, HD.height), 640];
  const looks: Array<{ name: string; run: (frame: FrameInput) => Promise<WritingLine[]> }> = [
    { name: 'full look alone', run: (frame) => opened.detector.runWriting(frame, WRITING_INPUT_LONG_SIDE) },
    { name: 'full look, looking closer', run: (frame) => opened.detector.lookForWriting(frame) },
    { name: 'glance', run: (frame) => opened.detector.runWriting(frame, WRITING_GLANCE_LONG_SIDE) },
  ];
  const found = new Array<number>(frameWidths.length * looks.length).fill(0);
  const rows: Array<Array<string | number>> = [];
  for (const item of DOCUMENTS) {
    const itemFound = new Array<number>(found.length).fill(0);
    for (const room of CLEAN_ROOMS) {
      for (const place of HD_DOCUMENT_PLACES) {
        const plant = plantInRoom({ ...place, item: corpus(`documents/${item}`), room: corpus(`scenes/${room}`) }, opened.scratchFile('eval-hd.png'), HD);
        for (const [w, width] of frameWidths.entries()) {
          const frame = decodeFrame(plant.file, width, Math.round((width * HD.height) / HD.width));
          for (const [l, look] of looks.entries()) {
            const risks = assessFrame({ width: frame.width, height: frame.height, writing: await look.run(frame) });
            if (risks.some((risk) => onPlant({ box: scaleBox(risk.box, HD.width / width) }, plant.box))) itemFound[w * looks.length + l]! += 1;
          }
        }
      }
    }
    const tries = CLEAN_ROOMS.length * HD_DOCUMENT_PLACES.length;
    rows.push([item, ...itemFound.map((count) => `${count}/${tries}`)]);
    itemFound.forEach((count, index) => (found[index]! += count));
  }
  const total = DOCUMENTS.length * CLEAN_ROOMS.length * HD_DOCUMENT_PLACES.length;
  rows.push(['all', ...found.map((count) => `${count}/${total}`)]);
  const headers = frameWidths.flatMap((width) => looks.map((look) => `${look.name}, ${width}-wide frame`));
  return { headers, rows };
}

it('recall per category and false flags per clean room', async () => {
  const documents = await plantedRecall('document', 'documents', DOCUMENTS, DOCUMENT_PLACES, true);
  const faces = await plantedRecall('face', 'faces', FACE_PHOTOS, PHOTO_PLACES);
  const hd = await hdWritingRecall();
  const screenRows: Array<Array<string | number>> = [];
  for (const scene of SCREEN_SCENES) {
    const report = await scanFile(corpus(`scenes/${scene}`), opened.detector);
    screenRows.push([scene, report.risks.filter((risk) => risk.category === 'screen').map((risk) => risk.label).join(', ') || '—']);
  }
  const falseRows: Array<Array<string | number>> = [];
  for (const room of CLEAN_ROOMS) {
    const report = await scanFile(corpus(`scenes/${room}`), opened.detector);
    const flags = report.risks.filter((risk) => risk.category !== 'medicine');
    falseRows.push([room, flags.length, flags.map((risk) => `${risk.label} ${risk.where}`).join('; ') || '—']);
  }
  const screensFound = screenRows.filter((row) => row[1] !== '—').length;
  report.line(`\nbench/detect-eval (Node, the models and rules of safetake scan)\n`);
  report.line(`Documents planted in ${CLEAN_ROOMS.length} rooms x ${DOCUMENT_PLACES.length} places: recall ${(documents.recall * 100).toFixed(0)}% (${documents.found}/${documents.total})`);
  report.line(table(['document', 'found', 'quoted (OCR read some)', 'quoted, OCR reading the whole frame', 'text detector, full look (960)', 'at a glance (640)', 'of those, confirmed by a glance around'], documents.rows));
  report.line(`OCR read some of it (quoted on the flag) in ${documents.seen.quoted}/${documents.total}; reading the whole frame instead of the parts where writing is, in ${documents.seen.quotedWhole}/${documents.total}`);
  report.line(
    `The text detector alone, in the app's 640x480 frame: ${documents.seen.full}/${documents.total} in a full look, ${documents.seen.glance}/${documents.total} at a glance; ` +
      `${documents.seen.around}/${documents.seen.glance} of those confirmed by a glance around them`,
  );
  report.line(`\nDocuments planted 240-360 px wide in ${CLEAN_ROOMS.length} rooms seen by a 1280x720 camera: the text detector alone, in the frame the app gives it (the camera's own pixels) and in a 640-wide one`);
  report.line(table(['document', ...hd.headers], hd.rows));
  report.line(`\nFace photos planted in ${CLEAN_ROOMS.length} rooms x ${PHOTO_PLACES.length} places (90 and 140 px wide): recall ${(faces.recall * 100).toFixed(0)}% (${faces.found}/${faces.total})`);
  report.line(table(['photo', 'found'], faces.rows));
  report.line(`\nScreens in COCO scenes that have one: ${screensFound}/${SCREEN_SCENES.length}`);
  report.line(table(['scene', 'screens flagged'], screenRows));
  report.line(`\nFlags on clean rooms (bottles left out):`);
  report.line(table(['room', 'flags', 'what'], falseRows));
}, 3_600_000);

/**
 * Real photographs (scenes-real): recall per category and false flags on clean rooms, with the rules as
 * they run and, in the same run, without SSDLite's finds (what the second object model adds); and what each
 * model costs per picture, as a share of the whole scan.
 */
it('recall per category and false flags on real photos (scenes-real)', async () => {
  const { scenes, clean } = scenesReal();
  const rulesets = {
    'every model': (found: FrameDetections) => assessFrame(found),
    'without SSDLite': (found: FrameDetections) => assessFrame({ ...found, ssdObjects: [] }),
    'without FaceBoxes': (found: FrameDetections) => assessFrame({ ...found, faceboxes: [] }),
  };
  const recall = Object.fromEntries(Object.keys(rulesets).map((name) => [name, Object.fromEntries(LABELLED_CATEGORIES.map((category) => [category, { found: 0, total: 0 }]))]));
  const misses: Array<Array<string | number>> = [];
  const falseFlags: Record<string, number[]> = Object.fromEntries(Object.keys(rulesets).map((name) => [name, []]));
  const falseRows: Array<Array<string | number>> = [];
  const cost = { ssd: 0, rest: 0 };
  for (const file of [...scenes.map((scene) => scene.file), ...clean]) {
    const { found, ms } = await detectPicture(sceneImage(file));
    cost.ssd += ms.ssd;
    cost.rest += ms.rest;
    const labels = scenes.find((scene) => scene.file === file)?.labels;
    for (const [name, assess] of Object.entries(rulesets)) {
      const risks = assess(found);
      if (!labels) {
        const flags = risks.filter((risk) => FALSE_FLAG_CATEGORIES.includes(risk.category));
        falseFlags[name]!.push(flags.length);
        if (name === 'every model' && flags.length > 0) falseRows.push([file, flags.map((risk) => `${risk.label}, ${risk.where} (${risk.score.toFixed(2)})`).join('; ')]);
        continue;
      }
      for (const label of labels) {
        const hit = risks.some((risk) => flagMatches(risk, label));
        recall[name]![label.category]!.total += 1;
        if (hit) recall[name]![label.category]!.found += 1;
        else if (name === 'every model') misses.push([file, label.category, `${label.box.x},${label.box.y} ${label.box.w}x${label.box.h}`]);
      }
    }
  }
  const percent = ({ found, total }: { found: number; total: number }) => `${found}/${total} (${Math.round((100 * found) / total)}%)`;
  report.line(`\nReal photos (scenes-real: ${scenes.length} labelled scenes, ${clean.length} clean rooms), as safetake scan sees them`);
  report.line(
    table(
      ['rules', ...LABELLED_CATEGORIES, 'false flags on clean rooms (mean, most on one)'],
      Object.keys(rulesets).map((name) => {
        const flags = falseFlags[name]!;
        return [name, ...LABELLED_CATEGORIES.map((category) => percent(recall[name]![category]!)), `${(flags.reduce((a, b) => a + b, 0) / flags.length).toFixed(2)}, ${Math.max(...flags)}`];
      }),
    ),
  );
  report.line(`SSDLite (whole frame and tiles) took ${((100 * cost.ssd) / (cost.ssd + cost.rest)).toFixed(0)}% of the scans' model time (the other models and OCR: the rest).`);
  report.line(`\nMissed on real photos (file, category, labelled box):`);
  report.line(table(['file', 'category', 'box'], misses));
  report.line(`\nFlags on the clean real rooms:`);
  report.line(table(['room', 'flags'], falseRows.length > 0 ? falseRows : [['—', 'none']]));
}, 3_600_000);

/** One picture through the scan's models, as `safetake scan` decodes it, in its own pixels; with the time SSDLite took and the rest. */
async function detectPicture(file: string): Promise<{ found: FrameDetections; ms: { ssd: number; rest: number } }> {
  const plan = planScanFrames(await readPicture(file));
  for await (const rgb of ffmpegRawFrames(plan.invocation, plan.frame.width * plan.frame.height * 3)) {
    const frame = { rgb, width: plan.frame.width, height: plan.frame.height };
    const started = performance.now();
    const rest = await opened.detector.detect(frame, { faces: true, photos: true, objects: true, writing: true, text: true });
    const restMs = performance.now() - started;
    const ssdStarted = performance.now();
    await opened.detector.runSsd(frame);
    const ssdMs = performance.now() - ssdStarted;
    return { found: inSourcePixels(rest, plan.scale, plan.source), ms: { ssd: ssdMs, rest: restMs - ssdMs } };
  }
  throw new Error(`${file}: no picture`);
}
