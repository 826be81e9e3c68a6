/**
 * Runs in a Web Worker: BlazeFace (on the whole frame, or on its tiles for small faces) and CenterNet (Human,
 * tfjs WASM with SIMD) on camera frames, so inference never blocks the preview. Models and wasm come
 * from the app's own origin (copied into the bundle at build time); Human's CDN defaults are overridden.
 */
import { Human } from '@vladmandic/human';
import { ASSET_FOLDERS, detectionsFromHuman, humanConfig } from '../../core/corner/detectors.std';
import { faceTiles, facesFromTiles, tilesFor } from '../../core/corner/tiles.std';
import { type Detected, NOTHING_DETECTED } from './detectorProtocol.dom';
import { type ScaledRequest, serveModel } from './modelWorkerHost.dom';

const origin = self.location.origin;
const human = new Human(humanConfig({ modelBasePath: `${origin}/${ASSET_FOLDERS.models}/`, wasmPath: `${origin}/${ASSET_FOLDERS.wasm}/` }));
// tfjs's multi-threaded WASM starts its threads from blob: scripts, which the app's CSP (script-src 'self')
// refuses on purpose: a strict CSP is worth more than the speed threads would add (docs/platform-facts.md).
human.tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
/** Camera frames are scaled to this width: Human resizes to its models' inputs anyway, and smaller is cheaper to move. */
const DETECT_WIDTH = 640;

async function detect({ frame, run, region }: ScaledRequest): Promise<Detected> {
  if (run === 'writing') throw new Error('Writing is found by writing.worker.dom.ts.');
  if (run !== 'photos') {
    const found = detectionsFromHuman(await human.detect(frame, { face: { enabled: run === 'faces' }, object: { enabled: run === 'objects' } }));
    return { ...NOTHING_DETECTED, ...found };
  }
  const runs = [];
  for (const tile of region ? tilesFor(region, frame.width, frame.height) : faceTiles(frame.width, frame.height)) {
    const crop = await createImageBitmap(frame, tile.x, tile.y, tile.w, tile.h);
    try {
      runs.push({ tile, faces: detectionsFromHuman(await human.detect(crop, { face: { enabled: true }, object: { enabled: false } })).faces });
    } finally {
      crop.close();
    }
  }
  return { ...NOTHING_DETECTED, faces: facesFromTiles(runs) };
}

serveModel(
  async () => {
    await human.load();
    return String(human.tf.getBackend());
  },
  detect,
  () => DETECT_WIDTH,
);
