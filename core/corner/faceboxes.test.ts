import { describe, expect, it } from 'vitest';
import { FACEBOXES_APP_LOOK_MS, FACEBOXES_LONG_SIDE, FACEBOXES_MODEL, FACEBOXES_PROPOSAL_MIN_SCORE, faceboxesFaces, faceboxesInputSize, faceboxesLookDue, faceboxesReported } from './faceboxes.std';
import { THUMBNAIL } from './sceneChange.std';

describe('FaceBoxes', () => {
  it('reads the first `count` finds as whole faces in the frame, cut at its edges, and drops weak and empty ones', () => {
    // [ymin, xmin, ymax, xmax] as shares of the input; the fourth row is padding past `count`.
    const boxes = [0.1, 0.2, 0.3, 0.25, -0.05, 0.9, 0.2, 1.1, 0.5, 0.5, 0.5, 0.6, 0.4, 0.4, 0.6, 0.6];
    const faces = faceboxesFaces(boxes, [0.95, 0.8, 0.9, 0.99], 3, 1000, 500);
    expect(faces.map((face) => face.score)).toEqual([0.95, 0.8]);
    // Brow to chin, 50x100 px about (225, 100): grown to the face as people mark it, about the same centre.
    const [first, second] = faces.map((face) => face.box);
    expect(first!.w).toBeCloseTo(60.5);
    expect(first!.h).toBeCloseTo(116);
    expect(first!.x + first!.w / 2).toBeCloseTo(225);
    expect(first!.y + first!.h / 2).toBeCloseTo(100);
    // Past the frame's top and right edges: cut there.
    expect(second!.y).toBe(0);
    expect(second!.x + second!.w).toBe(1000);
    expect(faceboxesFaces([0.1, 0.1, 0.2, 0.2], [FACEBOXES_PROPOSAL_MIN_SCORE - 0.01], 1, 100, 100)).toEqual([]);
  });

  it('shows the model the frame with its long side at FACEBOXES_LONG_SIDE, aspect kept', () => {
    expect(faceboxesInputSize(640, 480)).toEqual({ width: FACEBOXES_LONG_SIDE, height: 768 });
    expect(faceboxesInputSize(720, 1280)).toEqual({ width: 576, height: FACEBOXES_LONG_SIDE });
  });

  it('pins the graph and its weights, graph first', () => {
    expect(Object.keys(FACEBOXES_MODEL.files)).toEqual(['faceboxes.json', 'faceboxes.bin']);
    expect(Object.values(FACEBOXES_MODEL.files).every((hash) => /^[0-9a-f]{64}$/.test(hash))).toBe(true);
  });

  const inside = { score: 0.9, box: { x: 10, y: 10, w: 20, h: 20 } };
  const outside = { score: 0.8, box: { x: 300, y: 10, w: 20, h: 20 } };
  const looked = new Uint8Array(THUMBNAIL.width * THUMBNAIL.height).fill(100);
  const last = { at: 10_000, width: 640, height: 480, faces: [inside, outside], thumbnail: looked };
  /** The picture at the look with the face at the top left gone: its four cells (20x20 px each) changed. */
  const taken = looked.slice();
  for (const cell of [0, 1, THUMBNAIL.width, THUMBNAIL.width + 1]) taken[cell] = 180;
  const part = { x: 0, y: 0, w: 100, h: 100 };

  it('looks in the app when it has no look at this frame size, or its last one is old: sooner while the picture changes', () => {
    const run = { width: 640, height: 480, still: true, thumbnail: looked };
    expect(faceboxesLookDue(undefined, { ...run, now: 0 })).toBe(true);
    expect(faceboxesLookDue(last, { ...run, now: 10_000 + FACEBOXES_APP_LOOK_MS.still - 1 })).toBe(false);
    expect(faceboxesLookDue(last, { ...run, now: 10_000 + FACEBOXES_APP_LOOK_MS.still })).toBe(true);
    expect(faceboxesLookDue(last, { ...run, still: false, now: 10_000 + FACEBOXES_APP_LOOK_MS.changing })).toBe(true);
    expect(faceboxesLookDue(last, { ...run, still: false, now: 10_000 + FACEBOXES_APP_LOOK_MS.changing - 1 })).toBe(false);
    expect(faceboxesLookDue(last, { ...run, width: 1280, height: 720, now: 10_001 })).toBe(true);
  });

  it('looks in a confirmation only when a find in its part no longer stands, however old the look', () => {
    const run = { width: 640, height: 480, still: false, now: 10_001, region: part };
    expect(faceboxesLookDue(undefined, { ...run, thumbnail: looked })).toBe(false);
    expect(faceboxesLookDue(last, { ...run, thumbnail: looked })).toBe(false);
    expect(faceboxesLookDue(last, { ...run, now: 60_000, thumbnail: looked })).toBe(false);
    // The face in the part moved (a person in profile): look again, or it would never be confirmed.
    expect(faceboxesLookDue(last, { ...run, thumbnail: taken })).toBe(true);
    expect(faceboxesLookDue(last, { ...run, region: { x: 280, y: 0, w: 100, h: 100 }, thumbnail: taken })).toBe(false);
  });

  it('reports a look\'s faces, and between looks those where the picture under them is as it was; in a confirmation, those in its part', () => {
    const run = { width: 640, height: 480, still: false, now: 10_001 };
    expect(faceboxesReported(last, { ...run, thumbnail: looked.slice() }, false)).toEqual([inside, outside]);
    expect(faceboxesReported(last, { ...run, thumbnail: looked.slice(), region: part }, false)).toEqual([inside]);
    // The face photo at the top left is taken away: the other face stands.
    expect(faceboxesReported(last, { ...run, thumbnail: taken }, false)).toEqual([outside]);
    // Something changing elsewhere in the picture leaves both standing.
    const elsewhere = looked.slice();
    elsewhere.fill(30, 20 * THUMBNAIL.width, 24 * THUMBNAIL.width);
    expect(faceboxesReported(last, { ...run, thumbnail: elsewhere }, false)).toEqual([inside, outside]);
    // The run that made the look reports all it found, thumbnail or not.
    expect(faceboxesReported({ ...last, thumbnail: undefined }, run, true)).toEqual([inside, outside]);
    expect(faceboxesReported(last, { ...run, region: part }, true)).toEqual([inside]);
    // Without a thumbnail now or at the look, nothing stands between looks; nor a look at another frame size.
    expect(faceboxesReported(last, run, false)).toEqual([]);
    expect(faceboxesReported({ ...last, thumbnail: undefined }, { ...run, thumbnail: looked }, false)).toEqual([]);
    expect(faceboxesReported(last, { ...run, width: 1280, height: 720, thumbnail: looked }, false)).toEqual([]);
    expect(faceboxesReported(undefined, { ...run, thumbnail: looked }, true)).toEqual([]);
  });
});
