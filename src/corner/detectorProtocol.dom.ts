/** Messages between the Check corner view and its detection Web Workers (detector.worker.dom.ts, writing.worker.dom.ts). */
import { type Box, scaleBox } from '../../core/media/geometry.std';
import type { RiskSource } from '../../core/corner/risks.std';
import { type FaceDetection, type ObjectDetection, type ObjectModels, scaleObject } from '../../core/corner/detections.std';
import { type WritingLine, scaleWritingLine } from '../../core/corner/writingLines.std';

/**
 * The workers' models: faces on the whole frame, faces on its tiles (photos) or objects (detector.worker),
 * or lines of writing (writing.worker). OCR runs in tesseract's own worker.
 */
export type ModelRun = Exclude<RiskSource, 'text'>;

/**
 * Requests and replies are in the camera frame's pixels; each worker scales the frame to what its model
 * needs (modelWorkerHost.dom.ts), so the view never has to know those sizes.
 */
export type DetectRequest = {
  id: number;
  /** The camera's frame, transferred (not copied) to the worker, which scales it and closes it. */
  frame: VideoFrame;
  run: ModelRun;
  /**
   * A confirmation around something new: a photo sweep sweeps only the tiles that hold this part; the text
   * detector looks only at it, at the same scale. (Objects look at the whole frame, with `objectModels`.)
   */
  region?: Box;
  /** For objects: the models that run (both when absent); one left out reports nothing, and its last finds stand. */
  objectModels?: ObjectModels;
  /** For writing: a glance, on a smaller input (WRITING_GLANCE_LONG_SIDE). */
  glance?: boolean;
  /**
   * The picture is as the last run of this model saw it. For objects, SSDLite's tile sweep goes on (one more
   * tile); without it the sweep starts again and only the whole frame is looked at. For photos, FaceBoxes
   * looks again sooner at a picture that changes (faceboxesLookDue).
   */
  still?: boolean;
  /**
   * For photos: the picture's change thumbnail now (sceneChange.std.ts). FaceBoxes' finds from an earlier look
   * are reported only where the picture under them is as it was then (faceboxesReported), and a confirmation
   * of a find that moved looks again (faceboxesLookDue).
   */
  thumbnail?: Uint8Array;
};

/**
 * What a run found; empty for what it did not look for. An objects run reports the finds of the models it
 * ran: CenterNet's, and SSDLite's on the whole frame and the tiles of its latest sweep (ssd.std.ts); a photos
 * run BlazeFace's on tiles (as `faces`) and FaceBoxes' from its own look or, where the picture has not
 * changed, the last one (faceboxes.std.ts).
 */
export type Detected = { faces: FaceDetection[]; faceboxes: FaceDetection[]; objects: ObjectDetection[]; ssdObjects: ObjectDetection[]; writing: WritingLine[] };

export type DetectReply =
  | { kind: 'ready'; backend: string; loadMs: number }
  | ({
      kind: 'detected';
      id: number;
      /** The run's time in the worker: scaling the frame and inference, without the transfer. */
      ms: number;
    } & Detected)
  /** Without `id`, the model could not load; `message` is why, in the words of whatever failed. */
  | { kind: 'failed'; id?: number; message: string };

export const NOTHING_DETECTED: Detected = { faces: [], faceboxes: [], objects: [], ssdObjects: [], writing: [] };

/** `found` with every box (and line thickness) multiplied by `factor`: from one frame's pixels to another's. */
export function scaleDetected(found: Detected, factor: number): Detected {
  const scaled = <T extends { box: Box }>(items: T[]) => items.map((item) => ({ ...item, box: scaleBox(item.box, factor) }));
  return {
    faces: scaled(found.faces),
    faceboxes: scaled(found.faceboxes),
    objects: found.objects.map((object) => scaleObject(object, factor)),
    ssdObjects: found.ssdObjects.map((object) => scaleObject(object, factor)),
    writing: found.writing.map((line) => scaleWritingLine(line, factor)),
  };
}
