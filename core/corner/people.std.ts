/**
 * People and faces in one frame, from every pass that looks for them: BlazeFace on the whole frame and on
 * tiles, FaceBoxes on the whole frame, and the person boxes of both object models. A face is a risk of its own
 * wherever it is, also inside a person's box; what the face belongs to (a body in the room, a picture, a
 * screen) only changes the words. Pure.
 */
import { type Box, area, centreInside, coverage, iou } from '../media/geometry.std';
import type { FaceDetection, FrameDetections, ObjectDetection } from './detections.std';

/**
 * Person boxes need this score from either object model: CenterNet also reports loose boxes below 0.5
 * around real people, and SSDLite scored no person at 0.15 or more in the 19 clean rooms of the corpus and
 * scenes-real, while it scores people it finds in real rooms 0.6-0.99.
 */
export const PERSON_MIN_SCORE = 0.5;
/**
 * A face alone needs this score: BlazeFace scored things that are not faces up to 0.59 on the whole frame
 * and 0.60 on tiles in the 19 clean rooms (crockery, a sink, a mirror's frame)...
 */
export const FACE_MIN_SCORE = 0.62;
/**
 * ...and a face that sits where a person's head is needs less: the body agrees. Faces in profile, far away or
 * half turned score 0.4-0.6 (scenes-real).
 */
export const CORROBORATED_FACE_MIN_SCORE = 0.4;
/**
 * FaceBoxes scores on its own scale: on the 14 clean rooms of scenes-real its surest find that is not a face
 * is 0.62 (a chair's back), while it scores real faces in profile, looking down or cut by the frame's edge
 * 0.64-0.99. Alone it needs 0.7; where a body agrees, 0.5.
 */
export const FACEBOXES_FACE_MIN_SCORE = 0.7;
export const FACEBOXES_CORROBORATED_MIN_SCORE = 0.5;
/**
 * A face smaller than this share of the frame's short side, with no body below it, is in a photo or a poster:
 * the worker at the camera fills much more of the frame.
 */
export const SMALL_FACE_FRACTION = 0.15;
/** Two finds of one face overlap at least this much (IoU), or one's centre is inside the other. */
const SAME_FACE_IOU = 0.3;
const isSameFace = (a: Box, b: Box) => iou(a, b) >= SAME_FACE_IOU || centreInside(a, b) || centreInside(b, a);
/** Two person boxes overlapping this much (IoU) are one person that both models found. */
const SAME_PERSON_IOU = 0.5;
/** A head is in the top part of a body's box: this share of its height. */
const HEAD_SHARE_OF_BODY = 0.45;
/**
 * A small face with a body below it is someone in the room when the body is this share of the frame's height
 * or more, or is cut by the frame's edge: people seated at a table in scenes-real fill 0.34-0.7 of it, while a
 * framed photo on a shelf or wall, body and all, fills a quarter or less. Over time the live check has better
 * evidence (a photo does not move); from one still picture this is what there is.
 */
const BODY_MIN_FRAME_SHARE = 0.3;

/** What a face belongs to, as far as one frame tells: a body in the room, a picture, a screen. */
export type FaceKind = 'person' | 'picture' | 'screen';
export type FoundFace = FaceDetection & {
  /** The pass that found it: `faces` if the whole-frame pass did (it runs most often), else `photos`. */
  source: 'faces' | 'photos';
  kind: FaceKind;
};

/** Person boxes from both object models, each person once (at its best score), largest first. */
export function peopleIn(frame: Pick<FrameDetections, 'objects' | 'ssdObjects'>): ObjectDetection[] {
  const all = [...(frame.objects ?? []), ...(frame.ssdObjects ?? [])].filter((object) => object.label === 'person' && object.score >= PERSON_MIN_SCORE);
  const kept: ObjectDetection[] = [];
  for (const person of all.sort((a, b) => b.score - a.score)) {
    if (!kept.some((other) => iou(other.box, person.box) >= SAME_PERSON_IOU)) kept.push(person);
  }
  return kept.sort((a, b) => area(b.box) - area(a.box));
}

/** The person whose head `face` is: its centre in the top of the body's box, and narrower than the body. */
function bodyOf(face: Box, people: readonly ObjectDetection[]): ObjectDetection | undefined {
  return people.find((person) => centreInside(face, person.box) && face.y + face.h / 2 <= person.box.y + HEAD_SHARE_OF_BODY * person.box.h && face.w <= person.box.w);
}

/** A body in the room, not one in a photo (BODY_MIN_FRAME_SHARE), in a `width` x `height` frame. */
function isInRoom(body: Box, width: number, height: number): boolean {
  const cutByFrame = body.x <= 1 || body.y <= 1 || body.x + body.w >= width - 1 || body.y + body.h >= height - 1;
  return cutByFrame || body.h >= BODY_MIN_FRAME_SHARE * height;
}

/** The score a face model's find needs, alone and where a body agrees. */
type FaceMinScores = { alone: number; corroborated: number };
const BLAZEFACE_MIN: FaceMinScores = { alone: FACE_MIN_SCORE, corroborated: CORROBORATED_FACE_MIN_SCORE };
const FACEBOXES_MIN: FaceMinScores = { alone: FACEBOXES_FACE_MIN_SCORE, corroborated: FACEBOXES_CORROBORATED_MIN_SCORE };
type Find = FaceDetection & { source: 'faces' | 'photos'; min: FaceMinScores };

/**
 * Whether a face the tiles found is believed. The tiles look for faces too small for the whole-frame passes: a
 * face at least SMALL_FACE_FRACTION tall that only the tiles found, with no body below it, where neither
 * BlazeFace on the whole frame nor FaceBoxes sees anything, is something else. On the real photos of
 * scenes-real panned across a 720p frame, each of the 245 faces the tiles found was seen by one of those too,
 * and 60 of the 79 things that are not faces the tiles scored 0.62 or more (a blank whiteboard, a chair, a
 * sheet of paper close up) by neither. A body keeps the find: in the live check FaceBoxes looks only every few
 * seconds, and someone turned away may be the tiles' alone until it does.
 */
function isTileFaceBelieved(face: FaceDetection, frame: FrameDetections, people: readonly ObjectDetection[]): boolean {
  if (face.box.h < SMALL_FACE_FRACTION * Math.min(frame.width, frame.height) || bodyOf(face.box, people) !== undefined) return true;
  return [...(frame.faces ?? []), ...(frame.faceboxes ?? [])].some((other) => isSameFace(other.box, face.box));
}

/**
 * Every face, once: the whole-frame, tile and FaceBoxes finds merged, each kept when one of its finds scores
 * enough for its own model, with or without a body below it.
 */
export function facesIn(frame: FrameDetections, people: readonly ObjectDetection[], screens: readonly Box[]): FoundFace[] {
  // BlazeFace's finds first, surest first: a face both models see keeps BlazeFace's box, which the tracks and
  // the margins around hidden faces are measured on.
  const bySurest = (a: FaceDetection, b: FaceDetection) => b.score - a.score;
  // Each tile find is weighed alone, before merging: a large one that is no face must not take a small face
  // the tiles found inside it (a photo on a whiteboard) down with it.
  const tileFaces = (frame.tileFaces ?? []).filter((face) => isTileFaceBelieved(face, frame, people));
  const finds: Find[] = [
    ...[...(frame.faces ?? []).map((face) => ({ ...face, source: 'faces' as const })), ...tileFaces.map((face) => ({ ...face, source: 'photos' as const }))]
      .sort(bySurest)
      .map((face) => ({ ...face, min: BLAZEFACE_MIN })),
    ...[...(frame.faceboxes ?? [])].sort(bySurest).map((face) => ({ ...face, source: 'photos' as const, min: FACEBOXES_MIN })),
  ];
  const merged: Array<{ box: Box; finds: Find[] }> = [];
  for (const find of finds) {
    const same = merged.find((face) => isSameFace(face.box, find.box));
    if (same) same.finds.push(find);
    else merged.push({ box: find.box, finds: [find] });
  }
  const smallFace = SMALL_FACE_FRACTION * Math.min(frame.width, frame.height);
  const found: FoundFace[] = [];
  for (const face of merged) {
    const body = bodyOf(face.box, people);
    const sure = face.finds.filter((find) => find.score >= (body ? find.min.corroborated : find.min.alone));
    if (sure.length === 0) continue;
    const onScreen = screens.some((screen) => centreInside(face.box, screen) && coverage(face.box, screen) > 0.5);
    const inRoom = body !== undefined && isInRoom(body.box, frame.width, frame.height);
    const kind: FaceKind = onScreen ? 'screen' : inRoom || face.box.h >= smallFace ? 'person' : 'picture';
    const score = Math.max(...sure.map((find) => find.score));
    found.push({ score, box: face.box, source: face.finds.some((find) => find.source === 'faces') ? 'faces' : 'photos', kind });
  }
  return found;
}
