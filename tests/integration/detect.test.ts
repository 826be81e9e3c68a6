/**
 * The real detector (Human's BlazeFace + CenterNet on WASM, PaddleOCR's text detector on onnxruntime-web,
 * tesseract) and the risk rules on real images:
 * corpus scenes, and rooms with a document or a face photo planted at a known place.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { centreInside, coverage, iou } from '../../core/media/geometry.std';
import { type RiskCategory, assessFrame } from '../../core/corner/risks.std';
import type { FrameDetections } from '../../core/corner/detections.std';
import { WRITING_GLANCE_LONG_SIDE, WRITING_INPUT_LONG_SIDE } from '../../core/corner/writingModel.std';
import { planScanFrames } from '../../core/corner/scanPlan.std';
import { inSourcePixels, scanFile } from '../../services/corner/detector.node';
import { ffmpegRawFrames } from '../../services/media/ffmpeg.node';
import { readPicture } from '../../services/media/picture.node';
import { decodeFrame, plantInRoom } from './composites.node';
import { CLEAN_ROOMS, CORPUS_DIR } from './corpus.node';
import { glanceThenAround, useDetector } from './detectorFixture.node';
import { flagMatches, sceneImage } from './scenesReal.node';

const corpus = (name: string) => path.join(CORPUS_DIR, name);
/** Categories a clean room has nothing of (bottles and framed art may really be there). */
const NOT_IN_CLEAN_ROOMS: RiskCategory[] = ['document', 'person', 'screen'];

const opened = useDetector();

/** Plants `plant.item` in `plant.room` and scans the result: what was found, and where the item is. */
async function scanPlanted(plant: { item: string; room: string; x: number; y: number; width: number }) {
  const { file, box } = plantInRoom({ ...plant, item: corpus(plant.item), room: corpus(`scenes/${plant.room}`) }, opened.scratchFile('planted.png'));
  return { risks: (await scanFile(file, opened.detector)).risks, box };
}

describe('clean rooms', () => {
  // The target: at most one false flag per clean scene. Measured: one, a black lamp shade in
  // room-bedroom2 that CenterNet scores 0.44 as a tv; none in the others.
  it('flag at most one document, person or screen that is not there, per room', async () => {
    const falseFlags: Record<string, string[]> = {};
    for (const room of CLEAN_ROOMS) {
      const report = await scanFile(corpus(`scenes/${room}`), opened.detector);
      falseFlags[room] = report.risks.filter((risk) => NOT_IN_CLEAN_ROOMS.includes(risk.category)).map((risk) => `${risk.label} ${risk.where}`);
    }
    for (const flags of Object.values(falseFlags)) expect(flags.length, JSON.stringify(falseFlags)).toBeLessThanOrEqual(1);
    expect(Object.values(falseFlags).flat().length, JSON.stringify(falseFlags)).toBeLessThanOrEqual(1);
  });
});

describe('planted documents are found where they are, and read', () => {
  const cases = [
    { item: 'documents/testocr.png', room: 'room-living_room.jpg', x: 30, y: 250, width: 260, words: /quick brown/i },
    { item: 'documents/testocr.png', room: 'room-kitchen.jpg', x: 380, y: 40, width: 220, words: /test the ocr/i },
    { item: 'documents/brochure-address.png', room: 'room-bedroom.jpg', x: 330, y: 120, width: 280, words: /Sequence Recorder/i },
    { item: 'documents/bill.png', room: 'room-bedroom2.png', x: 60, y: 60, width: 420, words: /cheque|balance/i },
  ];
  it.each(cases)('$item in $room at $x,$y, $width px wide', async (plant) => {
    const { risks, box } = await scanPlanted(plant);
    const found = risks.filter((risk) => risk.category === 'document' && (centreInside(risk.box, box) || iou(risk.box, box) > 0.2));
    expect(found.length, JSON.stringify(risks)).toBeGreaterThan(0);
    expect(found.map((risk) => risk.text ?? '').join(' ')).toMatch(plant.words);
  });

  it('marks an address and phone number as personal (high severity)', async () => {
    const report = await scanFile(corpus('documents/brochure-address.png'), opened.detector);
    const personal = report.risks.find((risk) => risk.details?.includes('address'));
    expect(personal?.severity).toBe('high');
    expect(personal?.text).toMatch(/Oxnard Street/);
  });
});

describe('papers on a cluttered desk are read part by part', () => {
  // Read whole, these frames gave tesseract's one threshold and its layout the dark desk and the clutter:
  // nothing of the recipe, "4" of the book page, broken lines of the poem. Read alone (readingRegions), the page
  // gives up its words.
  const desk = 'coco-desk-monitor-books-frame.jpg';
  const cases = [
    { item: 'documents/typewriter-recipe.png', room: desk, x: 400, y: 240, width: 200, words: /linzen/i },
    { item: 'documents/book-page.jpg', room: desk, x: 400, y: 240, width: 180, words: /MARCUS AURELIUS/ },
    { item: 'documents/poem-page.jpg', room: desk, x: 400, y: 240, width: 180, words: /Tyger Tyger/ },
  ];
  it.each(cases)('$item on the desk at $x,$y, $width px wide', async (plant) => {
    const { risks, box } = await scanPlanted(plant);
    const read = risks.filter((risk) => risk.category === 'document' && centreInside(risk.box, box)).map((risk) => risk.text ?? '');
    expect(read.join(' '), JSON.stringify(risks)).toMatch(plant.words);
  });
});

describe('papers OCR cannot read are still found as writing, where they are', () => {
  // OCR alone reads neither of these at a webcam's resolution (bench/detect-eval counts them).
  const cases = [
    { item: 'documents/receipt-crumpled.png', room: 'room-kitchen.jpg', x: 380, y: 60, width: 200 },
    { item: 'documents/handwritten-page.png', room: 'room-bathroom.jpg', x: 40, y: 240, width: 260 },
  ];
  it.each(cases)('$item in $room at $x,$y, $width px wide', async (plant) => {
    const { risks, box } = await scanPlanted(plant);
    const paper = risks.find((risk) => risk.category === 'document' && centreInside(risk.box, box));
    expect(paper, JSON.stringify(risks)).toMatchObject({ source: 'writing', label: expect.stringMatching(/^(Writing|Readable text)/) });
    // On the paper, not spilling into the room (the page's margins and the part cut off by the frame stay out).
    expect(coverage(paper!.box, box), JSON.stringify(paper)).toBeGreaterThan(0.9);
  });
});

describe('a page beside big print on clothes', () => {
  it('is flagged on its own: the box is the page, not the T-shirt and all between', async () => {
    // A real office photo (scenes-real): a woman in a T-shirt printed "adidas" in letters 3.4 times as thick
    // as the page's, 80 px from a page planted at her side; a full look of the app's 640x480 frame.
    const office = sceneImage('scr-office-woman-phone-laptop.jpg');
    const { file, box } = plantInRoom({ item: corpus('documents/testocr.png'), room: office, x: 20, y: 360, width: 200 }, opened.scratchFile('office-page.png'));
    const frame = decodeFrame(file, 640, 480);
    const risks = assessFrame({ width: 640, height: 480, writing: await opened.detector.runWriting(frame, WRITING_INPUT_LONG_SIDE) });
    const page = risks.find((risk) => risk.source === 'writing' && centreInside(risk.box, box));
    expect(page, JSON.stringify(risks)).toBeDefined();
    // The page runs past the frame's bottom: what is in view of it.
    const inView = { ...box, h: 480 - box.y };
    expect(coverage(inView, page!.box)).toBeGreaterThan(0.9);
    expect(coverage(page!.box, inView)).toBeGreaterThan(0.9);
    expect(page!.where).toBe('bottom left');
  });
});

describe('a closer look at small print', () => {
  // A bank statement 240-250 px wide in a 1280x720 camera's picture: its letters are 2-3 px at a full look's
  // scale, where the model sees only its heading; looking closer at the sheet around the heading, in the
  // camera's own pixels, it sees the table, and the flag is the whole statement, once.
  it.each([
    { room: 'room-bedroom.jpg', x: 500, y: 100, width: 240 },
    { room: 'room-living_room.jpg', x: 700, y: 420, width: 250 },
  ])('flags a statement $width px wide in $room, which a full look alone misses', async (place) => {
    const hd = { width: 1280, height: 720 };
    const { file, box } = plantInRoom({ ...place, item: corpus('documents/bill.png'), room: corpus(`scenes/${place.room}`) }, opened.scratchFile('statement-720p.png'), hd);
    const frame = decodeFrame(file, hd.width, hd.height);
    const onStatement = (risks: ReturnType<typeof assessFrame>) => risks.filter((risk) => risk.source === 'writing' && centreInside(risk.box, box));
    expect(onStatement(assessFrame({ ...hd, writing: await opened.detector.runWriting(frame) }))).toEqual([]);
    const flags = onStatement(assessFrame({ ...hd, writing: await opened.detector.lookForWriting(frame) }));
    expect(flags, JSON.stringify(flags)).toHaveLength(1);
    expect(coverage(box, flags[0]!.box)).toBeGreaterThan(0.95);
    expect(coverage(flags[0]!.box, box)).toBeGreaterThan(0.8);
  });
});

describe('glances and full looks of the text detector', () => {
  // The premise of the app's glances (modelSchedule.std.ts, writingSchedule.std.ts) and of its E2E receipt spec: a page is seen at the
  // camera's own 640 px, a crumpled receipt at this place only at 960.
  it.each([
    { item: 'documents/testocr.png', room: 'room-bedroom.jpg', x: 40, y: 220, width: 260, atAGlance: true },
    { item: 'documents/receipt-crumpled.png', room: 'room-kitchen.jpg', x: 380, y: 60, width: 200, atAGlance: false },
  ])('$item in $room: in a full look, and at a glance: $atAGlance', async ({ atAGlance, ...plant }) => {
    const { file, box } = plantInRoom({ ...plant, item: corpus(plant.item), room: corpus(`scenes/${plant.room}`) }, opened.scratchFile('planted.png'));
    const frame = decodeFrame(file, 640, 480);
    const onPaper = async (longSide: number) =>
      assessFrame({ width: 640, height: 480, writing: await opened.detector.runWriting(frame, longSide) }).some((risk) => risk.source === 'writing' && centreInside(risk.box, box));
    expect(await onPaper(WRITING_INPUT_LONG_SIDE)).toBe(true);
    expect(await onPaper(WRITING_GLANCE_LONG_SIDE)).toBe(atAGlance);
  });

  // The app confirms what a glance saw with a glance at the part around it (nextWritingLook), a fraction of
  // a whole glance's cost: the paper seen there is the same track, and is flagged where it lies.
  it.each([
    { item: 'documents/testocr.png', room: 'room-bedroom.jpg', x: 40, y: 220, width: 260 },
    { item: 'documents/book-page.jpg', room: 'room-living_room.jpg', x: 380, y: 60, width: 200 },
    { item: 'documents/handwritten-page.png', room: 'room-kitchen.jpg', x: 40, y: 240, width: 260 },
  ])('$item in $room: seen at a glance, confirmed by a glance around it', async (plant) => {
    const { file, box } = plantInRoom({ ...plant, item: corpus(plant.item), room: corpus(`scenes/${plant.room}`) }, opened.scratchFile('planted.png'));
    const { around, confirmed } = await glanceThenAround(opened.detector, decodeFrame(file, 640, 480));
    expect(around?.lookedAt).toBeDefined();
    expect(confirmed.some((risk) => centreInside(risk.box, box))).toBe(true);
  });
});

describe('planted face photos are found where they are', () => {
  const cases = [
    { item: 'faces/portrait.jpg', room: 'room-living_room.jpg', x: 420, y: 60, width: 90 },
    { item: 'faces/person-1.jpg', room: 'room-bedroom.jpg', x: 80, y: 90, width: 160 },
    // Cut by the frame's bottom edge and half the frame tall: from one still picture, as much a person sitting
    // there as a photo (people.std.ts); its face is flagged either way.
    { item: 'faces/person-2.jpg', room: 'room-kitchen.jpg', x: 440, y: 240, width: 130, label: 'Face in view' },
    // Faces of 15-30 px: BlazeFace misses them on the whole frame and finds them on its tiles.
    { item: 'faces/two-people.jpg', room: 'room-bedroom.jpg', x: 470, y: 60, width: 90 },
    { item: 'faces/group-indoor.jpg', room: 'room-bedroom2.png', x: 60, y: 90, width: 140 },
  ];
  it.each(cases)('$item in $room at $x,$y, $width px wide', async (plant) => {
    const { risks, box } = await scanPlanted(plant);
    const face = risks.find((risk) => risk.category === 'face' && centreInside(risk.box, box));
    expect(face, JSON.stringify(risks)).toMatchObject({ label: plant.label ?? 'Photo with a face', severity: 'high' });
  });
});

describe('corpus scenes', () => {
  it('finds the monitor on the desk as a screen', async () => {
    const report = await scanFile(corpus('scenes/coco-desk-monitor-books-frame.jpg'), opened.detector);
    expect(report.risks.find((risk) => risk.category === 'screen')).toMatchObject({ label: 'Screen', where: 'bottom centre' });
  });

  // The phones' places are read off the pictures by eye (source pixels): each is mostly hidden by a hand.
  it.each([
    ['coco-three-people-phones.jpg', { x: 105, y: 88, w: 25, h: 45 }],
    ['person-phone-selfie.jpg', { x: 735, y: 200, w: 105, h: 190 }],
  ])('finds the phone held up in %s', async (scene, phone) => {
    const report = await scanFile(corpus(`scenes/${scene}`), opened.detector);
    const phones = report.risks.filter((risk) => risk.label === 'Phone');
    expect(phones.some((risk) => centreInside(risk.box, phone)), JSON.stringify(phones)).toBe(true);
  });

  // scenes-real's audience: a girl half turned at the frame's left, her face labelled at (148, 298) 80x115.
  // BlazeFace (whole frame and tiles) does not find her; FaceBoxes does, at 0.75 with a body below her face.
  it('flags a face only the second face model finds, and not without it', async () => {
    const file = sceneImage('face-audience.jpg');
    const label = { category: 'face', box: { x: 148, y: 298, w: 80, h: 115 } };
    const plan = planScanFrames(await readPicture(file));
    for await (const rgb of ffmpegRawFrames(plan.invocation, plan.frame.width * plan.frame.height * 3)) {
      const found = inSourcePixels(await opened.detector.detect({ rgb, width: plan.frame.width, height: plan.frame.height }), plan.scale, plan.source);
      expect(found.faceboxes?.length).toBeGreaterThan(0);
      expect(assessFrame({ ...found, faceboxes: [] }).some((risk) => flagMatches(risk, label))).toBe(false);
    }
    const report = await scanFile(file, opened.detector);
    expect(report.risks.filter((risk) => flagMatches(risk, label)).map((risk) => risk.label)).toEqual(['Face in view']);
  });

  // scenes-real's office desk: sheets lying flat, which CenterNet and SSDLite score 0.15-0.30 as books.
  it('finds sheets lying on a desk by how they look, and not a light in the ceiling', async () => {
    const file = sceneImage('doc-office-desk-papers.jpg');
    const sheets = [
      { x: 185, y: 874, w: 482, h: 75 },
      { x: 380, y: 760, w: 180, h: 122 },
      { x: 1140, y: 804, w: 130, h: 132 },
    ].map((box) => ({ category: 'document', box }));
    const plan = planScanFrames(await readPicture(file));
    for await (const rgb of ffmpegRawFrames(plan.invocation, plan.frame.width * plan.frame.height * 3)) {
      const found = inSourcePixels(await opened.detector.detect({ rgb, width: plan.frame.width, height: plan.frame.height }), plan.scale, plan.source);
      const unlooked = (objects: FrameDetections['objects']) => (objects ?? []).map(({ paperLook: _, ...object }) => object);
      const blind = assessFrame({ ...found, objects: unlooked(found.objects), ssdObjects: unlooked(found.ssdObjects) });
      for (const sheet of sheets) expect(blind.some((risk) => flagMatches(risk, sheet))).toBe(false);
    }
    const report = await scanFile(file, opened.detector);
    for (const sheet of sheets) expect(report.risks.filter((risk) => flagMatches(risk, sheet)).map((risk) => risk.label)).toContain('Books or papers');
    // A lit panel in an office ceiling, which SSDLite proposes as a book: white, but blown out.
    const ceiling = await scanFile(corpus('scenes/ade-ADE_train_00010243.jpg'), opened.detector);
    expect(ceiling.risks.filter((risk) => risk.category === 'document')).toEqual([]);
  });

  // scenes-real's lobby: a video wall, labelled at (528, 186) 420x228, that SSDLite boxes without its left sixth.
  it('boxes a lit video wall whole, where the model boxed a part of it', async () => {
    const wall = { x: 528, y: 186, w: 420, h: 228 };
    const file = sceneImage('scr-lobby-video-wall.jpg');
    const plan = planScanFrames(await readPicture(file));
    let frames = 0;
    for await (const rgb of ffmpegRawFrames(plan.invocation, plan.frame.width * plan.frame.height * 3)) {
      frames += 1;
      const found = inSourcePixels(await opened.detector.detect({ rgb, width: plan.frame.width, height: plan.frame.height }), plan.scale, plan.source);
      const boxedOnly = (objects: FrameDetections['objects']) => (objects ?? []).map(({ picture: _, ...object }) => object);
      const asBoxed = assessFrame({ ...found, objects: boxedOnly(found.objects), ssdObjects: boxedOnly(found.ssdObjects) }).filter((risk) => risk.category === 'screen');
      expect(asBoxed, JSON.stringify(asBoxed)).toHaveLength(1);
      expect(coverage(wall, asBoxed[0]!.box)).toBeLessThan(0.9);
    }
    expect(frames).toBe(1);
    const screens = (await scanFile(file, opened.detector)).risks.filter((risk) => risk.category === 'screen');
    expect(screens, JSON.stringify(screens)).toHaveLength(1);
    expect(coverage(wall, screens[0]!.box)).toBeGreaterThan(0.95);
    // Not the wood panelling and the donor sign around it: at most its bezel, and the box's own overrun.
    expect(coverage(screens[0]!.box, { x: 500, y: 160, w: 480, h: 280 })).toBeGreaterThan(0.95);
  });

  it('flags the people in a living room (CenterNet misses them at 0.5; BlazeFace finds their faces)', async () => {
    const report = await scanFile(corpus('scenes/coco-living-room-people.jpg'), opened.detector);
    expect(report.risks.filter((risk) => risk.category === 'person' || risk.category === 'face').length).toBeGreaterThanOrEqual(3);
  });
});
