import { describe, expect, it } from 'vitest';
import { whereInFrame } from '../media/geometry.std';
import { assessFrame, textBlocks, toldApart } from './risks.std';
import type { FrameDetections } from './detections.std';
import { CENTERNET_PHONE_MIN_SCORE, CENTERNET_MIN_SCORE, SSD_PHONE_MIN_SCORE, SSD_SCREEN_MIN_SCORE } from './objects.std';
import { CORROBORATED_FACE_MIN_SCORE, FACEBOXES_CORROBORATED_MIN_SCORE, FACEBOXES_FACE_MIN_SCORE, FACE_MIN_SCORE, PERSON_MIN_SCORE } from './people.std';

const frame = (parts: Omit<FrameDetections, 'width' | 'height'>): FrameDetections => ({ width: 640, height: 480, ...parts });
const box = (x: number, y: number, w: number, h: number) => ({ x, y, w, h });

describe('risk rules', () => {
  it('maps COCO labels to categories in words, and ignores harmless objects', () => {
    const risks = assessFrame(
      frame({
        objects: [
          { label: 'tv', score: 0.6, box: box(400, 40, 200, 150) },
          { label: 'cell phone', score: 0.4, box: box(20, 380, 60, 80) },
          { label: 'book', score: 0.5, box: box(250, 200, 60, 40) },
          { label: 'bottle', score: 0.45, box: box(560, 300, 30, 90) },
          { label: 'cup', score: 0.9, box: box(300, 300, 40, 40) },
          { label: 'chair', score: 0.9, box: box(100, 100, 100, 200) },
        ],
      }),
    );
    expect(risks.map((risk) => [risk.category, risk.label, risk.where])).toEqual(
      expect.arrayContaining([
        ['screen', 'Screen', 'top right'],
        ['screen', 'Phone', 'bottom left'],
        ['document', 'Books or papers', 'in the centre'],
        ['medicine', 'Medicine or label', 'bottom right'],
      ]),
    );
    expect(risks).toHaveLength(4);
    expect(risks.find((risk) => risk.label === 'Phone')?.guidance).toBe('Turn off the phone, bottom left, or turn it away from the camera.');
  });

  it('ignores objects below their threshold', () => {
    const risks = assessFrame(
      frame({
        objects: [{ label: 'tv', score: CENTERNET_MIN_SCORE - 0.01, box: box(0, 0, 100, 100) }],
        ssdObjects: [
          { label: 'tv', score: SSD_SCREEN_MIN_SCORE - 0.01, box: box(300, 0, 100, 100) },
          { label: 'cell phone', score: SSD_PHONE_MIN_SCORE - 0.01, box: box(300, 300, 30, 60) },
        ],
      }),
    );
    expect(risks).toEqual([]);
  });

  it('keeps a screen each object model is sure of, or one both half see, once', () => {
    const risks = assessFrame(
      frame({
        objects: [
          { label: 'tv', score: 0.21, box: box(0, 0, 100, 160) },
          { label: 'laptop', score: 0.5, box: box(400, 300, 200, 120) },
        ],
        ssdObjects: [
          { label: 'tv', score: 0.42, box: box(2, 4, 98, 150) },
          { label: 'laptop', score: 0.92, box: box(405, 310, 190, 110) },
          { label: 'cell phone', score: SSD_PHONE_MIN_SCORE, box: box(250, 300, 40, 60) },
          { label: 'tv', score: SSD_SCREEN_MIN_SCORE, box: box(250, 20, 120, 90) },
        ],
      }),
    );
    expect(risks.map((risk) => [risk.label, risk.where])).toEqual(
      expect.arrayContaining([
        ['Screen', 'top left'],
        ['Laptop screen', 'bottom right'],
        ['Phone', 'bottom centre'],
        ['Screen', 'top centre'],
      ]),
    );
    expect(risks).toHaveLength(4);
  });

  it('keeps a screen SSDLite half sees only when it looks lit, a phone never by its look', () => {
    const wall = { label: 'tv', score: 0.17, box: box(200, 100, 300, 160) };
    expect(assessFrame(frame({ ssdObjects: [{ ...wall, lit: true }] })).map((risk) => risk.label)).toEqual(['Screen']);
    expect(assessFrame(frame({ ssdObjects: [{ ...wall, lit: false }] }))).toEqual([]);
    expect(assessFrame(frame({ ssdObjects: [wall] }))).toEqual([]);
    // Taller than wide, as posters and banners stand: not judged by its look.
    expect(assessFrame(frame({ ssdObjects: [{ ...wall, box: box(200, 60, 120, 200), lit: true }] }))).toEqual([]);
    expect(assessFrame(frame({ ssdObjects: [{ label: 'cell phone', score: SSD_PHONE_MIN_SCORE - 0.01, box: box(300, 300, 60, 30), lit: true }] }))).toEqual([]);
  });

  it('boxes a lit screen to the whole of its picture', () => {
    const wall = { label: 'tv', score: 0.17, box: box(200, 100, 300, 160), lit: true };
    expect(assessFrame(frame({ ssdObjects: [{ ...wall, picture: box(120, 100, 380, 160) }] })).map((risk) => risk.box)).toEqual([box(120, 100, 380, 160)]);
    expect(assessFrame(frame({ objects: [{ ...wall, score: 0.5, picture: box(200, 90, 300, 170) }] })).map((risk) => risk.box)).toEqual([box(200, 90, 300, 170)]);
  });

  it('boxes a lit screen to what the lit finds shaped as screens see of its picture, not another screen\'s', () => {
    // The surest find sees the left of a wide wall; a less sure one sees its picture running further right.
    // One taller than wide (a lit poster, as like as not) adds nothing.
    const left = { label: 'tv', score: 0.36, box: box(100, 100, 100, 100), lit: true, picture: box(100, 95, 190, 110) };
    const middle = { label: 'tv', score: 0.2, box: box(140, 85, 180, 130), lit: true, picture: box(104, 85, 220, 130) };
    const tall = { label: 'tv', score: 0.34, box: box(260, 85, 56, 128), lit: true, picture: box(140, 85, 250, 128) };
    const apart = { label: 'tv', score: 0.3, box: box(450, 100, 60, 40), lit: true, picture: box(430, 90, 100, 60) };
    const risks = assessFrame(frame({ ssdObjects: [left, middle, tall, apart] }));
    expect(risks.map((risk) => risk.box)).toEqual([box(100, 85, 224, 130), box(430, 90, 100, 60)]);
  });

  it('believes a phone at a lower score than other objects', () => {
    const risks = assessFrame(
      frame({
        objects: [
          { label: 'cell phone', score: CENTERNET_PHONE_MIN_SCORE, box: box(20, 20, 30, 60) },
          { label: 'cell phone', score: CENTERNET_PHONE_MIN_SCORE - 0.01, box: box(300, 20, 30, 60) },
          { label: 'laptop', score: CENTERNET_PHONE_MIN_SCORE, box: box(300, 300, 200, 120) },
        ],
      }),
    );
    expect(risks.map((risk) => [risk.label, risk.where])).toEqual([['Phone', 'top left']]);
  });

  it('takes the largest person for the worker and flags only the others', () => {
    const risks = assessFrame(
      frame({
        objects: [
          { label: 'person', score: 0.9, box: box(200, 100, 250, 380) },
          { label: 'person', score: 0.7, box: box(520, 150, 80, 200) },
          { label: 'person', score: PERSON_MIN_SCORE - 0.01, box: box(10, 150, 80, 200) },
          // CenterNet's second, smaller box around the worker: not another person.
          { label: 'person', score: 0.6, box: box(230, 120, 180, 300) },
        ],
      }),
    );
    expect(risks.map((risk) => [risk.label, risk.where, risk.severity])).toEqual([['Another person', 'middle right', 'high']]);
  });

  it('flags each face once, whichever passes found it: in view, in a photo, on a screen', () => {
    const risks = assessFrame(
      frame({
        objects: [{ label: 'tv', score: 0.6, box: box(420, 20, 200, 160) }],
        faces: [
          { score: 0.9, box: box(260, 150, 140, 150) },
          { score: 0.8, box: box(470, 40, 90, 90) },
          { score: 0.8, box: box(40, 40, 30, 30) },
        ],
        tileFaces: [
          // The same small face, found again by a tile: one flag.
          { score: 0.8, box: box(42, 41, 29, 30) },
          { score: FACE_MIN_SCORE - 0.01, box: box(100, 300, 30, 30) },
          // The worker's own face, cut by a tile's edge.
          { score: 0.9, box: box(262, 150, 138, 150) },
        ],
      }),
    );
    const faces = risks.filter((risk) => risk.category === 'face').map((risk) => [risk.label, risk.where, risk.source]);
    expect(faces).toEqual(
      expect.arrayContaining([
        ['Face in view', 'in the centre', 'faces'],
        ['Photo with a face', 'top left', 'faces'],
        ['Face on a screen', 'top right', 'faces'],
      ]),
    );
    expect(faces).toHaveLength(3);
  });

  it('believes a face the size of someone in the room only when a whole-frame pass sees something there too', () => {
    // 640x480: a small face is under 72 px tall. The tiles' find of a 120 px "face" on a blank wall, however
    // sure, is not a face when neither BlazeFace on the whole frame nor FaceBoxes sees anything there.
    const large = box(300, 120, 110, 120);
    const small = box(40, 40, 40, 44);
    const faces = (found: Partial<FrameDetections>) => assessFrame(frame({ tileFaces: [{ score: 0.9, box: large }, { score: 0.9, box: small }], ...found })).filter((risk) => risk.category === 'face');
    expect(faces({}).map((risk) => risk.box)).toEqual([small]);
    // FaceBoxes or whole-frame BlazeFace seeing it, even below what either needs alone, makes it a face.
    expect(faces({ faceboxes: [{ score: 0.3, box: box(305, 125, 100, 110) }] }).map((risk) => risk.box)).toEqual([large, small]);
    expect(faces({ faces: [{ score: 0.45, box: box(298, 118, 112, 124) }] }).map((risk) => risk.box)).toEqual([large, small]);
    // So does a body below it: someone turned away, between two looks of FaceBoxes.
    expect(faces({ objects: [{ label: 'person', score: 0.9, box: box(270, 100, 170, 380) }] }).map((risk) => risk.box)).toContainEqual(large);
    // A photo's face the tiles found on a board they also took for a large face stays a face.
    const photo = box(340, 160, 30, 34);
    const onBoard = assessFrame(frame({ tileFaces: [{ score: 0.9, box: large }, { score: 0.8, box: photo }] })).filter((risk) => risk.category === 'face');
    expect(onBoard.map((risk) => risk.box)).toEqual([photo]);
  });

  it('keeps a face inside another person\'s box as a face, and believes a weaker face where a head is', () => {
    const risks = assessFrame(
      frame({
        objects: [
          { label: 'person', score: 0.9, box: box(200, 60, 260, 420) },
          { label: 'person', score: 0.8, box: box(500, 100, 120, 360) },
        ],
        // A bystander's face in profile: weak, but where the head of a body is.
        tileFaces: [
          { score: CORROBORATED_FACE_MIN_SCORE, box: box(530, 110, 50, 60) },
          // As weak, on a wall, with no body: not a face.
          { score: CORROBORATED_FACE_MIN_SCORE, box: box(20, 20, 40, 40) },
        ],
      }),
    );
    expect(risks.map((risk) => [risk.category, risk.label, risk.where])).toEqual([
      ['person', 'Another person', 'middle right'],
      ['face', 'Face in view', 'top right'],
    ]);
  });

  it('weighs a FaceBoxes find on its own scale, and keeps BlazeFace\'s box for a face both models see', () => {
    const body = { label: 'person', score: 0.9, box: box(500, 100, 120, 360) };
    const risks = (faceboxes: FrameDetections['faceboxes'], faces: FrameDetections['faces'] = []) =>
      assessFrame(frame({ objects: [body], faces, faceboxes })).filter((risk) => risk.category === 'face');
    // A child in profile at a bystander's head: BlazeFace sees nothing, FaceBoxes half sees it.
    const profile = box(530, 110, 44, 58);
    expect(risks([{ score: FACEBOXES_CORROBORATED_MIN_SCORE, box: profile }]).map((risk) => risk.box)).toEqual([profile]);
    expect(risks([{ score: FACEBOXES_CORROBORATED_MIN_SCORE - 0.01, box: profile }])).toEqual([]);
    // On a wall, with no body, a score that would pass for BlazeFace does not pass for FaceBoxes.
    const wall = box(20, 20, 40, 40);
    expect(FACE_MIN_SCORE).toBeLessThan(FACEBOXES_FACE_MIN_SCORE);
    expect(risks([{ score: FACEBOXES_FACE_MIN_SCORE - 0.01, box: wall }])).toEqual([]);
    expect(risks([{ score: FACEBOXES_FACE_MIN_SCORE, box: wall }])).toHaveLength(1);
    // Both models on one face: one flag, on BlazeFace's box, however sure FaceBoxes is.
    const both = risks([{ score: 0.99, box: box(528, 104, 50, 66) }], [{ score: 0.7, box: profile }]);
    expect(both.map((risk) => [risk.box, risk.source])).toEqual([[profile, 'faces']]);
  });

  it('reads upright books on a shelf as one note about titles, only where writing is seen, and flat ones as papers', () => {
    const spines = [0, 1, 2, 3].map((n) => ({ label: 'book', score: 0.4, box: box(100 + n * 16, 100, 14, 44) }));
    const lying = { label: 'book', score: 0.4, box: box(300, 380, 120, 70) };
    expect(assessFrame(frame({ objects: [...spines, lying] })).map((risk) => risk.label)).toEqual(['Books or papers']);
    const titles = [{ box: box(102, 105, 8, 30), score: 0.9, thickness: 6 }];
    const risks = assessFrame(frame({ objects: [...spines, lying], writing: titles }));
    expect(risks.map((risk) => [risk.category, risk.label, risk.severity])).toEqual([
      ['document', 'Books or papers', 'medium'],
      ['other', 'Book titles', 'low'],
    ]);
    expect(risks[1]?.box).toEqual(box(100, 100, 62, 44));
  });

  it('takes a paper CenterNet half sees when SSDLite is sure of it too, not when both half see it', () => {
    // A folded map lying on a seat, from a real photo: CenterNet 0.26, SSDLite 0.49 on about the same box.
    const map = { label: 'book', score: 0.26, box: box(160, 300, 300, 100) };
    const ssdMap = { label: 'book', score: 0.49, box: box(200, 310, 260, 110) };
    expect(assessFrame(frame({ objects: [map], ssdObjects: [ssdMap] })).map((risk) => [risk.label, risk.score])).toEqual([['Books or papers', 0.26]]);
    expect(assessFrame(frame({ objects: [map] }))).toEqual([]);
    // A tissue box on a coffee table: 0.22 and 0.24; SSDLite must be sure of it.
    expect(assessFrame(frame({ objects: [{ ...map, score: 0.22 }], ssdObjects: [{ ...ssdMap, score: 0.24 }] }))).toEqual([]);
    expect(assessFrame(frame({ objects: [map], ssdObjects: [{ ...ssdMap, score: 0.3 }] }))).toEqual([]);
    // A book lying on its side among upright ones CenterNet half sees is on a shelf, not a paper (a bookcase).
    const lyingOnShelf = { label: 'book', score: 0.21, box: box(104, 122, 48, 35) };
    const uprights = [0, 1].map((n) => ({ label: 'book', score: 0.27, box: box(88 + n * 15, 166, 15, 31) }));
    expect(assessFrame(frame({ objects: [lyingOnShelf, ...uprights], ssdObjects: [{ ...lyingOnShelf, score: 0.54 }] }))).toEqual([]);
    // An upright book both half see does not become a shelf that hides a paper beside it.
    const spine = { label: 'book', score: 0.25, box: box(470, 300, 20, 60) };
    const paperBeside = { label: 'book', score: 0.4, box: box(495, 330, 80, 40) };
    const titles = [{ box: box(472, 305, 8, 40), score: 0.9, thickness: 6 }];
    expect(assessFrame(frame({ objects: [spine, paperBeside], ssdObjects: [{ ...spine, score: 0.5 }], writing: titles })).map((risk) => risk.label)).toContain('Books or papers');
    // SSDLite's own book elsewhere in the frame does not lend its score.
    expect(assessFrame(frame({ objects: [map], ssdObjects: [{ ...ssdMap, box: box(10, 10, 100, 60) }] }))).toEqual([]);
  });

  it('takes a book either model half sees as a paper when it looks like paper, once, and not among spines', () => {
    // Sheets lying on an office desk, from a real photo: CenterNet 0.20, SSDLite 0.15, most of the box paper-white.
    const sheet = { label: 'book', score: 0.2, box: box(120, 400, 200, 60), paperLook: 0.9 };
    expect(assessFrame(frame({ objects: [sheet] })).map((risk) => [risk.label, risk.score])).toEqual([['Books or papers', 0.2]]);
    expect(assessFrame(frame({ objects: [{ ...sheet, paperLook: 0.3 }] }))).toEqual([]);
    expect(assessFrame(frame({ objects: [{ ...sheet, paperLook: undefined }] }))).toEqual([]);
    const ssdSheet = { ...sheet, score: 0.15, box: box(110, 395, 210, 70) };
    expect(assessFrame(frame({ ssdObjects: [ssdSheet] })).map((risk) => risk.score)).toEqual([0.15]);
    // Both models on one sheet (boxes at IoU 0.43): one flag, on CenterNet's box.
    expect(assessFrame(frame({ objects: [sheet], ssdObjects: [{ ...ssdSheet, box: box(200, 400, 200, 60) }] })).map((risk) => risk.box)).toEqual([sheet.box]);
    // A white book lying beside upright ones, even ones only proposed, and a white spine: a shelf, not a paper.
    const uprights = [0, 1].map((n) => ({ label: 'book', score: 0.27, box: box(300 + n * 15, 380, 15, 40) }));
    expect(assessFrame(frame({ objects: [{ ...sheet, box: box(330, 400, 50, 30) }, ...uprights] }))).toEqual([]);
    expect(assessFrame(frame({ objects: [{ ...sheet, box: box(330, 400, 50, 30) }], ssdObjects: uprights.map((upright) => ({ ...upright, score: 0.16 })) }))).toEqual([]);
    expect(assessFrame(frame({ ssdObjects: [{ ...ssdSheet, box: box(100, 100, 20, 60) }] }))).toEqual([]);
    // The white middle of a folded map the models see whole but weakly: a part, not a paper of its own...
    const map = { label: 'book', score: 0.3, box: box(100, 300, 400, 150), paperLook: 0.4 };
    expect(assessFrame(frame({ ssdObjects: [map, { ...ssdSheet, box: box(300, 330, 60, 80) }] }))).toEqual([]);
    // ...but not of a proposal around it that does not look like paper (the desk it lies on).
    const desk = { label: 'book', score: 0.16, box: box(60, 350, 400, 130), paperLook: 0.1 };
    expect(assessFrame(frame({ objects: [sheet], ssdObjects: [desk] })).map((risk) => risk.box)).toEqual([sheet.box]);
  });

  it('tells apart flags of one kind in one part of the frame by their order from the left', () => {
    const sheet = (x: number) => ({ label: 'book', score: 0.4, box: box(x, 400, 60, 40) });
    const risks = toldApart(assessFrame(frame({ objects: [sheet(330), sheet(230), { ...sheet(20), box: box(20, 20, 60, 40) }] })));
    expect(risks.map((risk) => risk.where).sort()).toEqual(['bottom centre, 1 of 2 from the left', 'bottom centre, 2 of 2 from the left', 'top left']);
    const second = risks.find((risk) => risk.box.x === 330)!;
    expect(second.where).toBe('bottom centre, 2 of 2 from the left');
    expect(second.guidance).toContain('bottom centre, 2 of 2 from the left');
  });

  it('quotes readable text, raises it to high for personal details, and lets it stand for the book it is on', () => {
    const risks = assessFrame(
      frame({
        objects: [{ label: 'book', score: 0.5, box: box(20, 300, 200, 160) }],
        lines: [
          { text: 'Mrs Ada Obi', confidence: 92, box: box(30, 320, 120, 14) },
          { text: '12 Allen Avenue, Ikeja', confidence: 90, box: box(30, 338, 160, 14) },
          { text: 'ok', confidence: 95, box: box(500, 20, 20, 14) },
          { text: 'xqzvkwrtpl', confidence: 40, box: box(400, 400, 90, 14) },
        ],
      }),
    );
    expect(risks).toHaveLength(1);
    expect(risks[0]).toMatchObject({
      category: 'document',
      label: 'Readable text (address, name)',
      text: 'Mrs Ada Obi 12 Allen Avenue, Ikeja',
      severity: 'high',
      where: 'bottom left',
      source: 'text',
    });
  });

  it('flags a block of writing nobody could read yet, then quotes what OCR read on it as one risk', () => {
    const page = [0, 1, 2].map((row) => ({ box: box(400, 60 + row * 16, 160, 10), score: 0.8, thickness: 6 }));
    const unread = assessFrame(frame({ writing: page, objects: [{ label: 'book', score: 0.5, box: box(390, 50, 190, 70) }] }));
    expect(unread).toHaveLength(1);
    expect(unread[0]).toMatchObject({
      category: 'document',
      label: 'Writing (papers, signs, labels)',
      severity: 'medium',
      source: 'writing',
      where: 'top right',
      guidance: 'Move the paper or sign with writing, top right, out of frame or turn it over.',
    });
    expect(unread[0]?.text).toBeUndefined();

    const read = assessFrame(
      frame({
        writing: page,
        lines: [
          { text: 'Call 0803 555 0199', confidence: 90, box: box(402, 62, 150, 12) },
          { text: 'Kitchen rota', confidence: 88, box: box(20, 420, 120, 14) },
        ],
      }),
    );
    expect(read.map((risk) => [risk.source, risk.label, risk.text, risk.severity])).toEqual([
      ['writing', 'Readable text (phone number)', 'Call 0803 555 0199', 'high'],
      ['text', 'Readable text', 'Kitchen rota', 'medium'],
    ]);
  });

  it('does not flag a short word or two side by side on their own (a brand name on a kettle)', () => {
    const words = [0, 1].map((column) => ({ box: box(100 + column * 36, 100, 30, 10), score: 0.9, thickness: 8 }));
    expect(assessFrame(frame({ writing: words }))).toEqual([]);
    expect(assessFrame(frame({ writing: words.slice(0, 1) }))).toEqual([]);
  });

  it('flags two confident lines one above the other as a card (a name and a title)', () => {
    const card = [0, 1].map((row) => ({ box: box(100, 100 + row * 16, 30, 10), score: 0.9, thickness: 8 }));
    expect(assessFrame(frame({ writing: card })).map((risk) => risk.label)).toEqual(['Writing (papers, signs, labels)']);
  });

  it('keeps boxes inside the frame', () => {
    const [risk] = assessFrame(frame({ objects: [{ label: 'laptop', score: 0.8, box: box(-20, 400, 200, 200) }] }));
    expect(risk?.box).toEqual({ x: 0, y: 400, w: 180, h: 80 });
  });
});

describe('text blocks', () => {
  it('merges the columns of one paper and keeps a separate paper apart', () => {
    const blocks = textBlocks([
      { text: 'Date Description', confidence: 90, box: box(10, 10, 100, 10) },
      { text: '100.00 200.00', confidence: 90, box: box(140, 10, 60, 10) },
      { text: 'Balance forward', confidence: 90, box: box(10, 24, 100, 10) },
      { text: 'Shopping list eggs', confidence: 90, box: box(400, 300, 120, 10) },
    ]);
    expect(blocks.map((block) => block.text)).toEqual(['Date Description 100.00 200.00 Balance forward', 'Shopping list eggs']);
  });
});

describe('where in the frame', () => {
  it.each([
    [box(0, 0, 10, 10), 'top left'],
    [box(300, 0, 40, 10), 'top centre'],
    [box(600, 230, 20, 20), 'middle right'],
    [box(300, 220, 40, 40), 'in the centre'],
    [box(0, 470, 10, 10), 'bottom left'],
  ])('%j is %s', (where, words) => {
    expect(whereInFrame(where, 640, 480)).toBe(words);
  });
});
