/** Messages between the Check corner view and its detection Web Workers (detector.worker.ts, writing.worker.ts). */
import type { Box } from '../../core/detect/geometry.std';
import type { FaceDetection, ObjectDetection, RiskSource } from '../../core/detect/risks.std';
import type { WritingLine } from '../../core/detect/writing.std';

/**
 * The workers' models: faces on the whole frame, faces on its tiles (photos) or objects (detector.worker),
 * or lines of writing (writing.worker). OCR runs in tesseract's own worker.
 */
export type ModelRun = Exclude<RiskSource, 'text'>;

/**
 * The workers scale camera frames to this width (Human resizes to its models' inputs anyway; smaller is cheaper
 * to move), and answer in the scaled frame's pixels.
 */
export const DETECT_WIDTH = 640;

export type DetectRequest = {
  id: number;
  /** The camera's frame, transferred (not copied) to the worker, which scales it (DETECT_WIDTH) and closes it. */
  frame: VideoFrame;
  run: ModelRun;
  /**
   * A confirmation around something new (frame pixels): a photo sweep sweeps only the tiles that hold this
   * part; the text detector looks only at it, at the same scale.
   */
  region?: Box;
  /** For writing: a glance, on a smaller input (WRITING_GLANCE_LONG_SIDE). */
  glance?: boolean;
};

/** What a run found, in the frame's pixels; empty for what it did not look for. */
export type Detected = { faces: FaceDetection[]; objects: ObjectDetection[]; writing: WritingLine[] };

export type DetectReply =
  | { kind: 'ready'; backend: string; loadMs: number }
  | ({
      kind: 'detected';
      id: number;
      width: number;
      height: number;
      /** The run's time in the worker: scaling the frame and inference, without the transfer. */
      ms: number;
    } & Detected)
  | { kind: 'failed'; id?: number; message: string };

export const NOTHING_DETECTED: Detected = { faces: [], objects: [], writing: [] };
