/**
 * Models SafeTake ships in its own `resources/models` rather than from an npm package's folder: each file is
 * pinned by its sha256 and checked before tfjs sees a byte, so a changed file is refused, never run. Pure.
 */
import { t } from '../i18n/i18n.std';

/** A model's folder under `resources/models` and the sha256 (hex) of each of its files, model JSON first. */
export type PinnedModel = { readonly folder: string; readonly files: Readonly<Record<string, string>> };

/** The parts of a tfjs model.json the loader reads. */
type ModelJson = { modelTopology: unknown; weightsManifest: Array<{ paths: string[]; weights: unknown[] }> };
/** What tfjs's `io.IOHandler.load` returns, as far as a graph model needs it. */
export type PinnedArtifacts = { modelTopology: unknown; weightSpecs: unknown[]; weightData: ArrayBuffer };

/** The model's JSON: the first file it pins. */
export function modelJsonOf(model: PinnedModel): string {
  return Object.keys(model.files)[0]!;
}

/**
 * The model's files, read by `read` (from disk in Node, from the app's origin in the app) and each checked
 * against its pinned hash with `sha256` (hex) before it is used: the artifacts tfjs loads the graph from.
 */
export async function loadPinnedArtifacts(model: PinnedModel, read: (name: string) => Promise<Uint8Array>, sha256: (bytes: Uint8Array) => Promise<string>): Promise<PinnedArtifacts> {
  const verified = async (name: string) => {
    const bytes = await read(name);
    const hash = await sha256(bytes);
    if (hash !== model.files[name]) throw new Error(t('corner.model.notPinned', { name, hash }));
    return bytes;
  };
  const json = JSON.parse(new TextDecoder().decode(await verified(modelJsonOf(model)))) as ModelJson;
  const paths = json.weightsManifest.flatMap((group) => group.paths);
  if (!paths.every((name) => name in model.files)) throw new Error(t('corner.model.unpinnedWeights'));
  const shards = await Promise.all(paths.map(verified));
  const weightData = new Uint8Array(shards.reduce((sum, shard) => sum + shard.byteLength, 0));
  shards.reduce((offset, shard) => (weightData.set(shard, offset), offset + shard.byteLength), 0);
  return { modelTopology: json.modelTopology, weightSpecs: json.weightsManifest.flatMap((group) => group.weights), weightData: weightData.buffer };
}
