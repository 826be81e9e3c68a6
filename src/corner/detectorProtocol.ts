/** Messages between the Check corner view and its detection Web Worker (detector.worker.ts). */
import type { FaceDetection, ObjectDetection } from '../../core/detect/risks.std';

export type DetectRequest = {
  id: number;
  /** A camera frame, transferred (not copied) to the worker, which closes it. */
  frame: ImageBitmap;
  faces: boolean;
  objects: boolean;
};

export type DetectReply =
  | { kind: 'ready'; backend: string; loadMs: number }
  | {
      kind: 'detected';
      id: number;
      width: number;
      height: number;
      faces: FaceDetection[];
      objects: ObjectDetection[];
      /** Inference time in the worker, without the transfer. */
      ms: number;
    }
  | { kind: 'failed'; id?: number; message: string };
