/**
 * Runs in a Web Worker: BlazeFace (on the whole frame, or on its tiles for small faces) and CenterNet (Human,
 * tfjs WASM with SIMD) on camera frames, so inference never blocks the preview. Models and wasm come
 * from the app's own origin (copied into the bundle at build time); Human's CDN defaults are overridden.
 */
import { Human } from '@vladmandic/human';
import { ASSET_FOLDERS, detectionsFromHuman, humanConfig } from '../../core/detect/detectors.std';
import type { FaceDetection, ObjectDetection } from '../../core/detect/risks.std';
import { faceTiles, facesFromTiles } from '../../core/detect/tiles.std';
import type { DetectReply, DetectRequest, ModelRun } from './detectorProtocol';

const origin = self.location.origin;
const human = new Human(humanConfig({ modelBasePath: `${origin}/${ASSET_FOLDERS.models}/`, wasmPath: `${origin}/${ASSET_FOLDERS.wasm}/` }));
// tfjs's multi-threaded WASM starts its threads from blob: scripts, which the app's CSP (script-src 'self')
// refuses on purpose. SIMD without threads measured only ~10% slower here (FINDINGS.md): keep the CSP strict.
human.tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
const reply = (message: DetectReply) => self.postMessage(message);

const started = performance.now();
const ready = human.load().then(
  () => {
    reply({ kind: 'ready', backend: String(human.tf.getBackend()), loadMs: performance.now() - started });
    return true;
  },
  (error: unknown) => {
    reply({ kind: 'failed', message: `The detector could not start: ${error instanceof Error ? error.message : String(error)}` });
    return false;
  },
);

async function detect(frame: ImageBitmap, run: ModelRun): Promise<{ faces: FaceDetection[]; objects: ObjectDetection[] }> {
  if (run !== 'photos') return detectionsFromHuman(await human.detect(frame, { face: { enabled: run === 'faces' }, object: { enabled: run === 'objects' } }));
  const runs = [];
  for (const tile of faceTiles(frame.width, frame.height)) {
    const crop = await createImageBitmap(frame, tile.x, tile.y, tile.w, tile.h);
    try {
      runs.push({ tile, faces: detectionsFromHuman(await human.detect(crop, { face: { enabled: true }, object: { enabled: false } })).faces });
    } finally {
      crop.close();
    }
  }
  return { faces: facesFromTiles(runs), objects: [] };
}

self.onmessage = async (event: MessageEvent<DetectRequest>) => {
  const { id, frame, run } = event.data;
  try {
    if (!(await ready)) return;
    const begin = performance.now();
    const found = await detect(frame, run);
    reply({ kind: 'detected', id, width: frame.width, height: frame.height, ...found, ms: performance.now() - begin });
  } catch (error) {
    reply({ kind: 'failed', id, message: error instanceof Error ? error.message : String(error) });
  } finally {
    frame.close();
  }
};
