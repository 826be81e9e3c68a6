/**
 * Runs in a Web Worker: BlazeFace and CenterNet (Human, tfjs WASM with SIMD) on camera frames, so inference never blocks the preview. Models and wasm come
 * from the app's own origin (copied into the bundle at build time); Human's CDN defaults are overridden.
 */
import { Human } from '@vladmandic/human';
import { ASSET_FOLDERS, detectionsFromHuman, humanConfig } from '../../core/detect/detectors.std';
import type { DetectReply, DetectRequest } from './detectorProtocol';

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

self.onmessage = async (event: MessageEvent<DetectRequest>) => {
  const { id, frame, faces, objects } = event.data;
  try {
    if (!(await ready)) return;
    const begin = performance.now();
    const result = await human.detect(frame, { face: { enabled: faces }, object: { enabled: objects } });
    const found = detectionsFromHuman(result);
    reply({ kind: 'detected', id, width: frame.width, height: frame.height, ...found, ms: performance.now() - begin });
  } catch (error) {
    reply({ kind: 'failed', id, message: error instanceof Error ? error.message : String(error) });
  } finally {
    frame.close();
  }
};
