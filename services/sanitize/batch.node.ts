/**
 * A batch of files sanitized one after another (two cores: ffmpeg already uses both). A failed file gets its
 * reason and the batch goes on; any file, or the whole batch, can be cancelled.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { isUserError } from '../../core/shared/errors.std';
import type { Region, SanitizeOptions } from '../../core/sanitize/plan.std';
import type { BatchItemState, BatchUpdate } from '../../core/ipc/contract.std';
import { sanitizeFile } from './sanitizeFile.node';
import { type FoundTracks, findFileTracks } from './redact.node';
import { REDACT_GROUPS } from '../../core/sanitize/redactTracks.std';
import { pictureEndSeconds } from '../../core/media/probe.std';
import { probeMedia } from '../media/ffmpeg.node';
import { assertUnchangedPath, checkMediaFile } from '../media/mediaFile.node';
import { t } from '../../core/i18n/i18n.std';


export type Batch = {
  id: string;
  cancel: (index?: number) => void;
  done: Promise<BatchItemState[]>;
};

/** The path with every link followed, or as it is when it cannot be (a missing file gets its own error later). */
function resolveOnce(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

/**
 * A video's picture length, for weighing it in the batch; undefined for a photo or a file that is not (or no
 * longer) the media file it was when chosen: its own turn reports why.
 */
async function lengthOf(file: string): Promise<number | undefined> {
  try {
    await assertUnchangedPath(file);
    if ((await checkMediaFile(file)) !== 'video') return undefined;
    return pictureEndSeconds(await probeMedia(file));
  } catch {
    return undefined;
  }
}

/** Progress updates at most this often per file: smooth for a bar, cheap over IPC. */
const UPDATE_INTERVAL_MS = 200;

/**
 * `review`: each file's tracks are found (status `found`, with `found`) and nothing is written; the user
 * chooses, and a second batch hands the chosen tracks back with each input.
 */
export function startSanitizeBatch(
  request: { inputs: Array<{ path: string; blur: Region[]; found?: FoundTracks }>; outputDir: string; options: SanitizeOptions; nameTemplate: string; review?: boolean },
  onUpdate: (update: BatchUpdate) => void,
): Batch {
  const id = randomUUID();
  // Each file is resolved now, when it is chosen, and checked to be the same file when its turn comes.
  const items: BatchItemState[] = request.inputs.map((input, index) => ({ index, input: resolveOnce(input.path), status: 'queued', fraction: 0 }));
  const controllers = items.map(() => new AbortController());
  let lastSent = 0;
  const publish = (force = false, finished = false) => {
    const now = Date.now();
    if (!force && now - lastSent < UPDATE_INTERVAL_MS) return;
    lastSent = now;
    onUpdate({ batchId: id, items: items.map((item) => ({ ...item })), finished });
  };

  const done = (async () => {
    // Each video's length first (a quick probe of a file already checked to be media), so that progress and
    // the time left weigh a long clip as long; a file that cannot be probed weighs as a photo until its turn
    // reports it properly.
    for (const item of items) {
      if (controllers[item.index]!.signal.aborted) break;
      const seconds = await lengthOf(item.input);
      if (seconds !== undefined) item.seconds = seconds;
    }
    publish(true);
    for (const item of items) {
      const controller = controllers[item.index]!;
      if (controller.signal.aborted) {
        item.status = 'cancelled';
        item.error = t('sanitizeFile.cancelledBeforeStart');
        publish(true);
        continue;
      }
      item.status = 'reading';
      publish(true);
      const input = request.inputs[item.index]!;
      const progress = {
        signal: controller.signal,
        onStage: (stage: BatchItemState['status']) => {
          item.status = stage;
          publish(true);
        },
        onProgress: (fraction: number) => {
          item.fraction = fraction;
          publish();
        },
      };
      try {
        if (request.review) {
          progress.onStage('detecting');
          const redact = request.options.redact ?? { groups: [...REDACT_GROUPS], keepFace: 'none' as const };
          item.found = await findFileTracks(item.input, redact, request.options.maxHeight, [...request.options.blur, ...input.blur], progress);
          item.status = 'found';
          item.fraction = 1;
          publish(true);
          continue;
        }
        item.outcome = await sanitizeFile(
          {
            input: item.input,
            resolvedWhenChosen: true,
            outputDir: request.outputDir,
            options: { ...request.options, blur: [...request.options.blur, ...input.blur] },
            nameTemplate: request.nameTemplate,
            ...(input.found ? { found: input.found } : {}),
          },
          progress,
        );
        item.status = 'done';
        item.fraction = 1;
      } catch (error) {
        item.status = isUserError(error) && error.code === 'cancelled' ? 'cancelled' : 'failed';
        item.error = isUserError(error)
          ? error.message
          : t('sanitizeFile.unexpected', { name: path.basename(item.input) });
        if (!isUserError(error)) console.error('[sanitize]', error);
      }
      publish(true);
    }
    publish(true, true);
    return items;
  })();

  return {
    id,
    cancel: (index) => {
      for (const [i, controller] of controllers.entries()) if (index === undefined || index === i) controller.abort();
    },
    done,
  };
}
