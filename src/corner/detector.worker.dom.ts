/**
 * Runs in a Web Worker: BlazeFace (on the whole frame, or on its tiles for small faces), FaceBoxes (faces in
 * profile, looking down, in crowds), CenterNet (Human, tfjs WASM with SIMD) and SSDLite (coco-ssd), all on the
 * same tfjs WASM backend, on camera frames, so inference never blocks the preview. Models and wasm come from
 * the app's own origin (copied into the bundle at build time); Human's CDN defaults are overridden, and the
 * pinned weights of SSDLite and FaceBoxes are checked against their hashes.
 */
import * as cocoSsd from '@tensorflow-models/coco-ssd';
import * as tf from '@tensorflow/tfjs-core';
import { type GraphModel, loadGraphModel } from '@tensorflow/tfjs-converter';
import { Human } from '@vladmandic/human';
import { BOTH_OBJECT_MODELS, type FaceDetection, type ObjectDetection, type ObjectModels } from '../../core/corner/detections.std';
import { ASSET_FOLDERS, detectionsFromHuman, humanConfig } from '../../core/corner/detectors.std';
import { FACEBOXES_INPUT, FACEBOXES_MODEL, FACEBOXES_OUTPUTS, type FaceboxesLook, type FaceboxesRun, faceboxesFaces, faceboxesInputSize, faceboxesLookDue, faceboxesReported } from '../../core/corner/faceboxes.std';
import { type PinnedModel, loadPinnedArtifacts } from '../../core/corner/pinnedModel.std';
import { withLooks } from '../../core/corner/objectLooks.std';
import { SSD_MAX_PROPOSALS, SSD_MODEL, SSD_MODEL_URL, SSD_PROPOSAL_MIN_SCORE, ssdDetections, ssdLoadRouter, ssdObjectsFromTiles, ssdTiles } from '../../core/corner/ssd.std';
import { faceTiles, facesFromTiles, tilesFor } from '../../core/corner/tiles.std';
import { type Detected, NOTHING_DETECTED } from './detectorProtocol.dom';
import { framePixelsReader } from './framePixels.dom';
import { type ScaledRequest, serveModel } from './modelWorkerHost.dom';

const origin = self.location.origin;
const human = new Human(humanConfig({ modelBasePath: `${origin}/${ASSET_FOLDERS.models}/`, wasmPath: `${origin}/${ASSET_FOLDERS.wasm}/` }));
// tfjs's multi-threaded WASM starts its threads from blob: scripts, which the app's CSP (script-src 'self')
// refuses on purpose: a strict CSP is worth more than the speed threads would add (docs/platform-facts.md).
human.tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
/** Camera frames are scaled to this width: Human resizes to its models' inputs anyway, and smaller is cheaper to move. */
const DETECT_WIDTH = 640;
/** The frame's own pixels, for how the object models' finds look (objectLooks.std.ts). */
const pixelsOf = framePixelsReader();

/**
 * coco-ssd's own tfjs (the package's import) shares tfjs's global engine with the copy Human bundles, so
 * SSDLite runs on the WASM backend Human has started: no second backend is registered or loaded.
 */
async function loadSsd(): Promise<cocoSsd.ObjectDetection> {
  const load = async () => (await loadPinned(SSD_MODEL)) as tf.io.ModelArtifacts;
  tf.io.registerLoadRouter(ssdLoadRouter(load) as unknown as Parameters<typeof tf.io.registerLoadRouter>[0]);
  return cocoSsd.load({ modelUrl: SSD_MODEL_URL });
}
let ssd: cocoSsd.ObjectDetection | undefined;

/** A pinned model's files from the app's own origin, each checked against its hash (pinnedModel.std.ts). */
function loadPinned(model: PinnedModel) {
  const read = async (name: string) => new Uint8Array(await (await fetch(`${origin}/${ASSET_FOLDERS.models}/${model.folder}/${name}`)).arrayBuffer());
  const sha256 = async (bytes: Uint8Array) => [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>))].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return loadPinnedArtifacts(model, read, sha256);
}
let faceboxes: GraphModel | undefined;
/** FaceBoxes' last look, kept between looks (faceboxesLookDue). */
let lastFaceboxesLook: FaceboxesLook | undefined;

/** FaceBoxes on the whole frame, in the frame's pixels. */
async function detectFaceboxes(frame: ImageBitmap): Promise<FaceDetection[]> {
  if (!faceboxes) return [];
  const size = faceboxesInputSize(frame.width, frame.height);
  const input = tf.tidy(() => tf.cast(tf.expandDims(tf.image.resizeBilinear(tf.browser.fromPixels(frame), [size.height, size.width])), 'int32'));
  let outputs: tf.Tensor[] = [];
  try {
    outputs = (await faceboxes.executeAsync({ [FACEBOXES_INPUT]: input }, [...FACEBOXES_OUTPUTS])) as tf.Tensor[];
    const [boxes, scores, count] = await Promise.all(outputs.map((output) => output.data()));
    return faceboxesFaces(boxes!, scores!, count![0]!, frame.width, frame.height);
  } finally {
    tf.dispose([input, ...outputs]);
  }
}

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

/** CenterNet and SSDLite on the whole frame, those of the two that `models` asks for (objectModelsToConfirm). */
async function detectObjects(frame: ImageBitmap, models: ObjectModels, still: boolean): Promise<Detected> {
  const objects = models.centernet ? detectionsFromHuman(await human.detect(frame, { face: { enabled: false }, object: { enabled: true } })).objects : [];
  const ssdObjects = models.ssd ? await detectSsd(frame, still) : [];
  return { ...NOTHING_DETECTED, ...withLooks({ objects, ssdObjects }, () => pixelsOf(frame), frame.width, frame.height, 4) };
}

async function detect({ frame, run, region, still, thumbnail, objectModels = BOTH_OBJECT_MODELS }: ScaledRequest): Promise<Detected> {
  if (run === 'writing') throw new Error('Writing is found by writing.worker.dom.ts.');
  if (run === 'objects') return detectObjects(frame, objectModels, still === true);
  if (run === 'faces') return { ...NOTHING_DETECTED, faces: detectionsFromHuman(await human.detect(frame, { face: { enabled: true }, object: { enabled: false } })).faces };
  const runs = [];
  for (const tile of region ? tilesFor(region, frame.width, frame.height) : faceTiles(frame.width, frame.height)) {
    const crop = await createImageBitmap(frame, tile.x, tile.y, tile.w, tile.h);
    try {
      runs.push({ tile, faces: detectionsFromHuman(await human.detect(crop, { face: { enabled: true }, object: { enabled: false } })).faces });
    } finally {
      crop.close();
    }
  }
  const faceboxesRun: FaceboxesRun = { now: performance.now(), width: frame.width, height: frame.height, still: still === true, ...(region ? { region } : {}), ...(thumbnail ? { thumbnail } : {}) };
  const lookedNow = faceboxesLookDue(lastFaceboxesLook, faceboxesRun);
  if (lookedNow) lastFaceboxesLook = { at: faceboxesRun.now, width: frame.width, height: frame.height, faces: await detectFaceboxes(frame), ...(thumbnail ? { thumbnail } : {}) };
  return { ...NOTHING_DETECTED, faces: facesFromTiles(runs), faceboxes: faceboxesReported(lastFaceboxesLook, faceboxesRun, lookedNow) };
}

serveModel(
  async () => {
    await human.load();
    ssd = await loadSsd();
    faceboxes = await loadGraphModel(tf.io.fromMemory((await loadPinned(FACEBOXES_MODEL)) as tf.io.ModelArtifacts));
    return String(human.tf.getBackend());
  },
  detect,
  () => DETECT_WIDTH,
);
