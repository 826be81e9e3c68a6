/**
 * What the detectors report from one frame, in the frame's pixels: the input of the risk rules. Pure types.
 */
import { type Box, scaleBox } from '../media/geometry.std';
import type { WritingLine } from './writingLines.std';

/**
 * `paperLook`, on "book" finds only: the share of the box that looks like a sheet of paper (paperLook.std.ts);
 * `lit`, on TVs and laptops: whether the box looks like a screen that is on, and `picture`, on those that do,
 * the whole of the picture it shows, which may run on past the box (screenLook.std.ts). All are measured on
 * the frame where the models found it.
 */
export type ObjectDetection = { label: string; score: number; box: Box; paperLook?: number; lit?: boolean; picture?: Box };
/** `object` with its boxes multiplied by `factor`: from one frame's pixels to another's. */
export function scaleObject(object: ObjectDetection, factor: number): ObjectDetection {
  return { ...object, box: scaleBox(object.box, factor), ...(object.picture ? { picture: scaleBox(object.picture, factor) } : {}) };
}
/** Which of the two object models (CenterNet, SSDLite) an objects run runs. */
export type ObjectModels = { centernet: boolean; ssd: boolean };
export const BOTH_OBJECT_MODELS: ObjectModels = { centernet: true, ssd: true };

export type FaceDetection = { score: number; box: Box };
/** A line (or block) of words OCR read, with the mean word confidence (0..100). */
export type TextLine = { text: string; confidence: number; box: Box };

export type FrameDetections = {
  width: number;
  height: number;
  /** What CenterNet (Human's object model) found on the whole frame. */
  objects?: readonly ObjectDetection[];
  /** What SSDLite-MobileNetV2 (coco-ssd) found on the whole frame and its tiles (ssdObjectsFromTiles). */
  ssdObjects?: readonly ObjectDetection[];
  /** Faces BlazeFace found on the whole frame. */
  faces?: readonly FaceDetection[];
  /** Faces BlazeFace found on tiles of the frame (facesFromTiles). */
  tileFaces?: readonly FaceDetection[];
  /** Faces FaceBoxes found on the whole frame (faceboxes.std.ts), with the tiles: the photos pass. */
  faceboxes?: readonly FaceDetection[];
  /** Lines of writing the text detector found (writingLines). */
  writing?: readonly WritingLine[];
  /** What OCR read. */
  lines?: readonly TextLine[];
};
