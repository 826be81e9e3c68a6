/**
 * Runs in a Web Worker: PaddleOCR's text detector (onnxruntime-web, WASM with SIMD) finds the lines of writing
 * in camera frames, readable or not, off the UI thread and apart from the face and object models. The model
 * and onnxruntime's wasm come from the app's own origin (copied into the bundle at build time).
 */
import * as ort from 'onnxruntime-web/wasm';
import { ASSET_FOLDERS } from '../../core/corner/detectors.std';
import { WRITING_GLANCE_LONG_SIDE, WRITING_INPUT_LONG_SIDE, WRITING_MODEL_FILE, WRITING_THREADS, type WritingModel, findWriting, findWritingLookingCloser, onnxWritingModel, writingFrameWidth } from '../../core/corner/writingModel.std';
import { type Detected, NOTHING_DETECTED } from './detectorProtocol.dom';
import { framePixelsReader } from './framePixels.dom';
import { warmUp } from './warmUp.dom';
import { type ScaledRequest, serveModel } from './modelWorkerHost.dom';

const origin = self.location.origin;
ort.env.wasm.wasmPaths = `${origin}/${ASSET_FOLDERS.onnxWasm}/`;
// One thread in the app (WRITING_THREADS says why).
ort.env.wasm.numThreads = WRITING_THREADS.app;
let model: WritingModel | undefined;
const pixelsOf = framePixelsReader();

/** A glance, or a glance around what one saw, looks once; a full look also looks closer at small print. */
async function detect({ frame, glance, region }: ScaledRequest): Promise<Detected> {
  const data = pixelsOf(frame);
  const writing =
    glance || region
      ? await findWriting(model!, data, frame.width, frame.height, 4, glance ? WRITING_GLANCE_LONG_SIDE : WRITING_INPUT_LONG_SIDE, region)
      : await findWritingLookingCloser(model!, data, frame.width, frame.height, 4);
  return { ...NOTHING_DETECTED, writing };
}

serveModel(
  async () => {
    const session = await ort.InferenceSession.create(`${origin}/${ASSET_FOLDERS.models}/${WRITING_MODEL_FILE}`);
    const loaded = onnxWritingModel(session, (input, dims) => new ort.Tensor('float32', input, dims));
    await warmUp((page) => findWriting(loaded, page.data, page.width, page.height, 4, WRITING_GLANCE_LONG_SIDE));
    model = loaded;
    return 'onnx wasm';
  },
  detect,
  writingFrameWidth,
);
