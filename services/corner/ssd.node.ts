/**
 * SSDLite (coco-ssd) in Node, for `safetake scan`: the pinned weights read from `resources/models/coco-ssd`
 * and checked against their hashes (ssd.std.ts), on the whole frame and its tiles. Human's Node build uses
 * this same tfjs, so SSDLite runs on the WASM backend Human has started (open it after Human).
 */
import * as cocoSsd from '@tensorflow-models/coco-ssd';
import * as tf from '@tensorflow/tfjs-core';
import type { ObjectDetection } from '../../core/corner/detections.std';
import { loadPinnedArtifacts } from '../../core/corner/pinnedModel.std';
import { SSD_MAX_PROPOSALS, SSD_MODEL, SSD_MODEL_URL, SSD_PROPOSAL_MIN_SCORE, ssdDetections, ssdLoadRouter, ssdObjectsFromTiles, ssdTiles, tileFinds, type SsdTiles } from '../../core/corner/ssd.std';
import { readPinnedFile, sha256Hex } from './pinnedModel.node';

/** `tiles` says what the tiles add to the whole frame's finds (SsdTiles; every object unless told). */
export type SsdModel = { detect(rgb: Uint8Array, width: number, height: number, options?: { tiles?: SsdTiles }): Promise<ObjectDetection[]> };

export async function openSsd(): Promise<SsdModel> {
  const load = async () => (await loadPinnedArtifacts(SSD_MODEL, readPinnedFile(SSD_MODEL), sha256Hex)) as tf.io.ModelArtifacts;
  tf.io.registerLoadRouter(ssdLoadRouter(load) as unknown as Parameters<typeof tf.io.registerLoadRouter>[0]);
  const model = await cocoSsd.load({ modelUrl: SSD_MODEL_URL });
  return {
    async detect(rgb, width, height, options = {}) {
      const frame = tf.tensor3d(rgb, [height, width, 3], 'int32');
      try {
        const runs = [{ tile: { x: 0, y: 0, w: width, h: height }, objects: ssdDetections(await model.detect(frame, SSD_MAX_PROPOSALS, SSD_PROPOSAL_MIN_SCORE)) }];
        const tiles = options.tiles ?? true;
        for (const tile of tiles === false ? [] : ssdTiles(width, height)) {
          const crop = tf.slice(frame, [tile.y, tile.x, 0], [tile.h, tile.w, 3]);
          try {
            runs.push({ tile, objects: tileFinds(ssdDetections(await model.detect(crop, SSD_MAX_PROPOSALS, SSD_PROPOSAL_MIN_SCORE)), tiles) });
          } finally {
            crop.dispose();
          }
        }
        return ssdObjectsFromTiles(runs);
      } finally {
        frame.dispose();
      }
    },
  };
}
