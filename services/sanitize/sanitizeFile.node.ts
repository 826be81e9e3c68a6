/**
 * Makes a verified clean copy of one file: plan (core), run ffmpeg, recover from damaged streams, verify,
 * and only then move the copy into place. The original is only ever read. On any failure or cancel the
 * partial copy is deleted, so the output folder never holds a file that did not pass every check.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { notMediaReason } from '../../core/media/audit.std';
import type { sanitizeOutcome } from '../../core/ipc/contract.std';
import { explainFfmpegFailure } from '../../core/media/ffmpegErrors.std';
import { displaySize, mainVideoStream, pictureEndSeconds } from '../../core/media/probe.std';
import { type PlanRequest, type SanitizeOptions, type SanitizePlan, photoOutputExtension } from '../../core/sanitize/plan.std';
import { allPassed } from '../../core/sanitize/verify.std';
import { UserError } from '../../core/shared/errors.std';
import { auditFile } from '../media/audit.node';
import { probeMedia, runFfmpeg } from '../media/ffmpeg.node';
import { assertUnchangedPath, checkMediaFile } from '../media/mediaFile.node';
import { photoOrientation } from '../media/picture.node';
import { flushToDisk, partialPath, publish, removeStalePartials } from './publish.node';
import { cancelled, encodeWithRecovery, removeQuietly } from './recovery.node';
import { verifyCopy } from './verifyCopy.node';

type SanitizeRequest = {
  input: string;
  /**
   * The input was resolved (every link followed) when the user chose it, maybe minutes ago in a batch: it
   * must still be that very file, not a link swapped in since (assertUnchangedPath).
   */
  resolvedWhenChosen?: boolean;
  outputDir: string;
  options: SanitizeOptions;
  nameTemplate: string;
};

export type SanitizeOutcome = z.output<typeof sanitizeOutcome>;

type SanitizeCallbacks = {
  onStage?: (stage: 'reading' | 'encoding' | 'recovering' | 'verifying') => void;
  /** 0..1 over the whole file. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
};

/** Share of a file's progress bar that encoding takes; verification (decode + audit) takes the rest. */
const ENCODE_SHARE = 0.85;


async function checkOutputDir(outputDir: string): Promise<void> {
  const stat = await fs.promises.stat(outputDir).catch(() => undefined);
  if (!stat?.isDirectory()) throw new UserError(`The output folder ${outputDir} does not exist.`);
  await fs.promises.access(outputDir, fs.constants.W_OK).catch(() => {
    throw new UserError(`SafeTake may not write into ${outputDir}. Choose an output folder you can write to.`);
  });
}

/**
 * The source's picture length for its clip record: what it declares, unless the copy found less of it (a clip
 * cut short declares its whole length, and pay per minute must not count what is not there).
 */
function sourceLength(kind: string, probe: Parameters<typeof pictureEndSeconds>[0], foundSeconds: number | undefined): { sourceSeconds?: number } {
  if (kind !== 'video') return {};
  const declared = pictureEndSeconds(probe);
  const seconds = foundSeconds !== undefined && declared !== undefined ? Math.min(declared, foundSeconds) : (foundSeconds ?? declared);
  return seconds === undefined ? {} : { sourceSeconds: seconds };
}

export async function sanitizeFile(request: SanitizeRequest, callbacks: SanitizeCallbacks = {}): Promise<SanitizeOutcome> {
  const { signal } = callbacks;
  const input = path.resolve(request.input);
  const outputDir = path.resolve(request.outputDir);
  callbacks.onStage?.('reading');
  if (request.resolvedWhenChosen) await assertUnchangedPath(input);
  const kind = await checkMediaFile(input);
  await checkOutputDir(outputDir);

  const before = await auditFile(input);
  // When ExifTool says this is no media at all, say that, instead of whatever ffmpeg makes of a text file
  // that it parsed as a broken MP4.
  const notMedia = notMediaReason(before, path.basename(input));
  if (notMedia) throw new UserError(`${notMedia} Nothing was written.`);
  const probe = await probeMedia(input);
  const video = mainVideoStream(probe);
  if (!video) throw new UserError(`${path.basename(input)} has no picture: there is nothing to sanitize. Nothing was written.`);
  // No codec, or no picture size (e.g. random bytes that ffprobe takes for raw H.263): nothing decodable.
  if (video.codec === 'none' || video.codec === 'unknown' || !displaySize(video)) {
    throw new UserError(`${path.basename(input)} stores its picture in a format SafeTake cannot decode. Nothing was written.`);
  }

  const extension = kind === 'photo' ? photoOutputExtension(path.extname(input)) : request.options.format === 'webm' ? '.webm' : '.mp4';
  await removeStalePartials(outputDir);
  const temp = partialPath(outputDir, extension);
  const baseRequest: PlanRequest = { input, output: temp, kind, probe, options: request.options, photoOrientation: photoOrientation(before) };
  const encode = (plan: SanitizePlan) =>
    runFfmpeg(plan.invocation, {
      durationSeconds: kind === 'video' ? (video.durationSeconds ?? probe.durationSeconds) : undefined,
      signal,
      onProgress: (fraction) => callbacks.onProgress?.(fraction * ENCODE_SHARE),
    });

  try {
    callbacks.onStage?.('encoding');
    const encoded = await encodeWithRecovery(baseRequest, encode, callbacks.onStage, signal);
    callbacks.onStage?.('verifying');
    await flushToDisk(temp);
    if (signal?.aborted) throw cancelled();
    const verified = await verifyCopy(temp, { input, kind, probe, encoded }, signal);
    callbacks.onProgress?.(ENCODE_SHARE + (1 - ENCODE_SHARE) / 2);
    if (signal?.aborted) throw cancelled();
    if (!allPassed(verified.checks)) {
      const failed = verified.checks.filter((check) => !check.passed).map((check) => check.detail);
      throw new UserError(`The clean copy did not pass its checks, so it was deleted: ${failed.join(' ')}`);
    }
    const originalBase = path.basename(input, path.extname(input));
    const output = await publish(temp, outputDir, request.nameTemplate, originalBase, encoded.plan.outputExtension);
    callbacks.onProgress?.(1);
    return {
      input,
      output,
      outputSha256: verified.after.sha256,
      ...sourceLength(kind, probe, encoded.recovered || verified.notes.length > 0 ? verified.pictureSeconds : undefined),
      before,
      after: { ...verified.after, file: output },
      checks: verified.checks,
      notes: [...encoded.notes, ...verified.notes],
    };
  } catch (error) {
    await removeQuietly(temp);
    if (error instanceof UserError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOSPC') throw new UserError(explainFfmpegFailure('ENOSPC'));
    throw error;
  }
}
