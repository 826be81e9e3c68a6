/**
 * Runs in a Web Worker: BlazeFace (on the whole frame, or on its tiles for small faces), CenterNet (Human,
 * tfjs WASM with SIMD) and SSDLite (coco-ssd, on the same tfjs WASM backend) on camera frames, so inference
 * never blocks the preview. Models and wasm come from the app's own origin (copied into the bundle at build
 * time); Human's CDN defaults are overridden, and SSDLite's pinned weights are checked against their hashes.
 */
import * as cocoSsd from '@tensorflow-models/coco-ssd';
import * as tf from '@tensorflow/tfjs-core';
import { Human } from '@vladmandic/human';
import type { ObjectDetection } from '../../core/corner/detections.std';
import { ASSET_FOLDERS, detectionsFromHuman, humanConfig } from '../../core/corner/detectors.std';
import { SSD_MAX_PROPOSALS, SSD_MODEL, SSD_MODEL_URL, SSD_PROPOSAL_MIN_SCORE, loadSsdArtifacts, ssdDetections, ssdLoadRouter, ssdObjectsFromTiles, ssdTiles } from '../../core/corner/ssd.std';
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

/**
 * coco-ssd's own tfjs (the package's import) shares tfjs's global engine with the copy Human bundles, so
 * SSDLite runs on the WASM backend Human has started: no second backend is registered or loaded.
 */
async function loadSsd(): Promise<cocoSsd.ObjectDetection> {
  const read = async (name: string) => new Uint8Array(await (await fetch(`${origin}/${ASSET_FOLDERS.models}/${SSD_MODEL.folder}/${name}`)).arrayBuffer());
  const sha256 = async (bytes: Uint8Array) => [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>))].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  const load = async () => (await loadSsdArtifacts(read, sha256)) as tf.io.ModelArtifacts;
  tf.io.registerLoadRouter(ssdLoadRouter(load) as unknown as Parameters<typeof tf.io.registerLoadRouter>[0]);
  return cocoSsd.load({ modelUrl: SSD_MODEL_URL });
}
let ssd: cocoSsd.ObjectDetection | undefined;

/**
 * SSDLite's sweep: every objects run looks at the whole frame; while the picture holds still, also at the
 * next tile, reporting the tiles swept since it last changed, so a still picture gets the answers `safetake
 * scan` gives it after one sweep. A changed picture starts the sweep again: tiles of an older picture would
 * keep flags of things gone.
 */
const sweep = { width: 0, height: 0, next: 0, tiles: new Map<number, ObjectDetection[]>() };

async function detectSsd(frame: ImageBitmap, still: boolean): Promise<ObjectDetection[]> {
  if (!ssd) return [];
  if (!still || sweep.width !== frame.width || sweep.height !== frame.height) Object.assign(sweep, { width: frame.width, height: frame.height, next: 0, tiles: new Map() });
  const tiles = ssdTiles(frame.width, frame.height);
  const pixels = tf.browser.fromPixels(frame);
  try {
    if (still) {
      const index = sweep.next;
      sweep.next = (index + 1) % tiles.length;
      const tile = tiles[index]!;
      const crop = tf.slice(pixels, [tile.y, tile.x, 0], [tile.h, tile.w, 3]);
      try {
        sweep.tiles.set(index, ssdDetections(await ssd.detect(crop, SSD_MAX_PROPOSALS, SSD_PROPOSAL_MIN_SCORE)));
      } finally {
        crop.dispose();
      }
    }
    const whole = ssdDetections(await ssd.detect(pixels, SSD_MAX_PROPOSALS, SSD_PROPOSAL_MIN_SCORE));
    return ssdObjectsFromTiles([{ tile: { x: 0, y: 0, w: frame.width, h: frame.height }, objects: whole }, ...[...sweep.tiles].map(([at, objects]) => ({ tile: tiles[at]!, objects }))]);
  } finally {
    pixels.dispose();
  }
}

async function detect({ frame, run, region, still }: ScaledRequest): Promise<Detected> {
  if (run === 'writing') throw new Error('Writing is found by writing.worker.dom.ts.');
  if (run !== 'photos') {
    const found = detectionsFromHuman(await human.detect(frame, { face: { enabled: run === 'faces' }, object: { enabled: run === 'objects' } }));
    return { ...NOTHING_DETECTED, ...found, ssdObjects: run === 'objects' ? await detectSsd(frame, still === true) : [] };
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
    ssd = await loadSsd();
    return String(human.tf.getBackend());
  },
  detect,
  () => DETECT_WIDTH,
);
