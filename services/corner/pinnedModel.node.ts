/** A pinned model's files read from disk in Node, and the hash they are checked against (pinnedModel.std.ts). */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { PinnedModel } from '../../core/corner/pinnedModel.std';
import { pinnedModelDir } from './detectorAssets.node';

export const readPinnedFile =
  (model: PinnedModel) =>
  (name: string): Promise<Uint8Array> =>
    readFile(path.join(pinnedModelDir(model), name));

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  return createHash('sha256').update(bytes).digest('hex');
}
