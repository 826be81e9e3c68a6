/**
 * FaceBoxes in Node, for `safetake scan`, redaction and the tests: the pinned weights read from
 * `resources/models/faceboxes` and checked against their hashes (faceboxes.std.ts), on the whole frame.
 * It runs on the tfjs WASM backend (open it after Human, or after the detector has started the backend).
 */
import * as tf from '@tensorflow/tfjs-core';
import { type GraphModel, loadGraphModel } from '@tensorflow/tfjs-converter';
import type { FaceDetection } from '../../core/corner/detections.std';
import { FACEBOXES_MODEL, FACEBOXES_INPUT, FACEBOXES_OUTPUTS, faceboxesFaces, faceboxesInputSize } from '../../core/corner/faceboxes.std';
import { loadPinnedArtifacts } from '../../core/corner/pinnedModel.std';
import { readPinnedFile, sha256Hex } from './pinnedModel.node';

/** `graph` is the bare model (for the benchmarks' baseline); `detect` runs it on a frame as the rules need it. */
export type FaceboxesModel = { graph: GraphModel; detect(rgb: Uint8Array, width: number, height: number): Promise<FaceDetection[]> };

export async function openFaceboxes(): Promise<FaceboxesModel> {
  const artifacts = (await loadPinnedArtifacts(FACEBOXES_MODEL, readPinnedFile(FACEBOXES_MODEL), sha256Hex)) as tf.io.ModelArtifacts;
  const model = await loadGraphModel(tf.io.fromMemory(artifacts));
  return {
    graph: model,
    async detect(rgb, width, height) {
      const size = faceboxesInputSize(width, height);
      const input = tf.tidy(() => tf.cast(tf.image.resizeBilinear(tf.tensor4d(rgb, [1, height, width, 3], 'int32'), [size.height, size.width]), 'int32'));
      let outputs: tf.Tensor[] = [];
      try {
        outputs = (await model.executeAsync({ [FACEBOXES_INPUT]: input }, [...FACEBOXES_OUTPUTS])) as tf.Tensor[];
        const [boxes, scores, count] = await Promise.all(outputs.map((output) => output.data()));
        return faceboxesFaces(boxes!, scores!, count![0]!, width, height);
      } finally {
        tf.dispose([input, ...outputs]);
      }
    },
  };
}
