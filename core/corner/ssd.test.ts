import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadPinnedArtifacts } from './pinnedModel.std';
import { SSD_MODEL, SSD_MODEL_URL, ssdDetections, ssdLoadRouter, ssdObjectsFromTiles, tileFinds } from './ssd.std';

const sha256 = async (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('SSDLite weights', () => {
  it('refuses a model file whose hash is not the pinned one, before reading the rest', async () => {
    const asked: string[] = [];
    const read = async (name: string) => (asked.push(name), new TextEncoder().encode('{"modelTopology":{},"weightsManifest":[]}'));
    await expect(loadPinnedArtifacts(SSD_MODEL, read, sha256)).rejects.toThrow(/model\.json is not the pinned one/);
    expect(asked).toEqual(['model.json']);
  });

  it('answers only its own address: tfjs never sends the model\'s request anywhere else', () => {
    const load = async () => 'artifacts';
    expect(ssdLoadRouter(load)(SSD_MODEL_URL)?.load).toBe(load);
    expect(ssdLoadRouter(load)('https://storage.googleapis.com/tfjs-models/savedmodel/ssdlite_mobilenet_v2/model.json')).toBeNull();
  });

  it('pins every file the model lists, and nothing it does not', () => {
    expect(Object.keys(SSD_MODEL.files)).toEqual(['model.json', ...[1, 2, 3, 4, 5].map((n) => `group1-shard${n}of5`)]);
    expect(Object.values(SSD_MODEL.files).every((hash) => /^[0-9a-f]{64}$/.test(hash))).toBe(true);
  });
});

describe('SSDLite on tiles', () => {
  it('moves each tile\'s finds into the frame and keeps an object two runs found once, at its best score', () => {
    const tv = (score: number, x: number) => ({ class: 'tv', score, bbox: [x, 10, 40, 30] });
    const objects = ssdObjectsFromTiles([
      { tile: { x: 0, y: 0, w: 640, h: 480 }, objects: ssdDetections([tv(0.3, 500), { class: 'person', score: 0.9, bbox: [500, 10, 40, 30] }]) },
      { tile: { x: 352, y: 0, w: 288, h: 288 }, objects: ssdDetections([tv(0.6, 149)]) },
      { tile: { x: 0, y: 0, w: 288, h: 288 }, objects: ssdDetections([tv(0.5, 20)]) },
    ]);
    expect(objects.map((object) => [object.label, object.score, object.box.x])).toEqual([
      ['person', 0.9, 500],
      ['tv', 0.6, 501],
      ['tv', 0.5, 20],
    ]);
  });

  it('takes from the tiles every object, screens only, or nothing, as the look asks', () => {
    const finds = ssdDetections(['tv', 'person', 'laptop', 'book', 'cell phone'].map((label, i) => ({ class: label, score: 0.5, bbox: [i * 50, 0, 40, 30] })));
    expect(tileFinds(finds, true).map((object) => object.label)).toEqual(['tv', 'person', 'laptop', 'book', 'cell phone']);
    expect(tileFinds(finds, 'screens').map((object) => object.label)).toEqual(['tv', 'laptop', 'cell phone']);
    expect(tileFinds(finds, false)).toEqual([]);
  });
});
