/** Messages between the Check corner view and its detection Web Worker (detector.worker.ts). */
import type { FaceDetection, ObjectDetection, RiskSource } from '../../core/detect/risks.std';

/** The worker's models: faces on the whole frame, faces on its tiles (photos), or objects. */
export type ModelRun = Exclude<RiskSource, 'text'>;

export type DetectRequest = {
  id: number;
  /** A camera frame, transferred (not copied) to the worker, which closes it. */
  frame: ImageBitmap;
  run: ModelRun;
};

export type DetectReply =
  | { kind: 'ready'; backend: string; loadMs: number }
  | {
      kind: 'detected';
      id: number;
      width: number;
      height: number;
      /** Faces found by a `faces` or a `photos` run, in the frame's pixels. */
      faces: FaceDetection[];
      objects: ObjectDetection[];
      /** Inference time in the worker, without the transfer. */
      ms: number;
    }
  | { kind: 'failed'; id?: number; message: string };
