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
import { FrameBuffers, probeMedia, runFfmpeg, runFfmpegFromFrames } from '../media/ffmpeg.node';
import { assertUnchangedPath, checkMediaFile } from '../media/mediaFile.node';
import { photoOrientation } from '../media/picture.node';
import { flushToDisk, partialPath, publish, removeStalePartials } from './publish.node';
import { cancelled, encodeWithRecovery, removeQuietly } from './recovery.node';
import { verifyCopy } from './verifyCopy.node';
import type { RedactionReport } from '../../core/sanitize/selfCheck.std';
import { type FoundTracks, SourceDetail, findTracks, markedInCopy, redactSourceOf, redactedFrames, redactionLooks, reportTracks, selfCheck, tracksForSize, withMarked } from './redact.node';
import type { FfmpegInvocation } from '../../core/media/ffmpegArgs.std';
import { yuvFrameBytes } from '../../core/sanitize/redactPixels.std';
import { t } from '../../core/i18n/i18n.std';

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
  /** Tracks a review found and the user chose: hidden as they are, instead of looking again. */
  found?: FoundTracks;
};

export type SanitizeOutcome = z.output<typeof sanitizeOutcome>;

type SanitizeCallbacks = {
  onStage?: (stage: 'reading' | 'detecting' | 'encoding' | 'recovering' | 'verifying' | 'checking') => void;
  /** 0..1 over the whole file. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
};

/** Share of a file's progress bar that encoding takes; verification (decode + audit) takes the rest. */
const ENCODE_SHARE = 0.85;
/**
 * With redaction, the shares of finding (the detectors on the source), encoding with verification, and the
 * self-check (bench/redact measures what each takes).
 */
const REDACT_SHARES = { find: 0.45, encode: 0.35, check: 0.2 } as const;


async function checkOutputDir(outputDir: string): Promise<void> {
  const stat = await fs.promises.stat(outputDir).catch(() => undefined);
  if (!stat) throw new UserError(t('sanitizeFile.noOutputFolder', { outputDir }));
  if (!stat.isDirectory()) throw new UserError(t('sanitizeFile.outputNotAFolder', { outputDir }));
  await fs.promises.access(outputDir, fs.constants.W_OK).catch(() => {
    throw new UserError(t('sanitizeFile.outputNotWritable', { outputDir }));
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
  if (notMedia) throw new UserError(t('sanitizeFile.nothingWritten', { reason: notMedia }));
  const probe = await probeMedia(input);
  const video = mainVideoStream(probe);
  if (!video) throw new UserError(t('sanitizeFile.noPicture', { name: path.basename(input) }));
  // No codec, or no picture size (e.g. random bytes that ffprobe takes for raw H.263): nothing decodable.
  if (video.codec === 'none' || video.codec === 'unknown' || !displaySize(video)) {
    throw new UserError(t('sanitizeFile.undecodable', { name: path.basename(input) }));
  }

  const extension = kind === 'photo' ? photoOutputExtension(path.extname(input)) : request.options.format === 'webm' ? '.webm' : '.mp4';
  await removeStalePartials(outputDir);
  const temp = partialPath(outputDir, extension);
  const baseRequest: PlanRequest = { input, output: temp, kind, probe, options: request.options, photoOrientation: photoOrientation(before) };
  const redaction = request.options.redact || request.found ? await startRedaction(baseRequest, request.found, callbacks) : undefined;
  const encodeShare = redaction ? REDACT_SHARES.find + REDACT_SHARES.encode * ENCODE_SHARE : ENCODE_SHARE;
  const encodeStart = redaction ? REDACT_SHARES.find : 0;
  const encodeProgress = (fraction: number) => callbacks.onProgress?.(encodeStart + fraction * (encodeShare - encodeStart));
  const encode = (plan: SanitizePlan) =>
    redaction
      ? redaction.encode(plan.invocation, encodeProgress)
      : runFfmpeg(plan.invocation, {
          durationSeconds: kind === 'video' ? (video.durationSeconds ?? probe.durationSeconds) : undefined,
          signal,
          onProgress: encodeProgress,
        });

  try {
    callbacks.onStage?.('encoding');
    const encoded = await encodeWithRecovery(redaction?.request ?? baseRequest, encode, callbacks.onStage, signal);
    callbacks.onStage?.('verifying');
    await flushToDisk(temp);
    if (signal?.aborted) throw cancelled();
    const verified = await verifyCopy(temp, { input, kind, probe, encoded }, signal);
    const verifiedAt = redaction ? REDACT_SHARES.find + REDACT_SHARES.encode : ENCODE_SHARE + (1 - ENCODE_SHARE) / 2;
    callbacks.onProgress?.(verifiedAt);
    if (signal?.aborted) throw cancelled();
    if (!allPassed(verified.checks)) {
      const failed = verified.checks.filter((check) => !check.passed).map((check) => check.detail);
      throw new UserError(t('sanitizeFile.checksFailed', { failed: failed.join(' ') }));
    }
    let report: RedactionReport | undefined;
    if (redaction) {
      callbacks.onStage?.('checking');
      report = await redaction.check(temp, (fraction) => callbacks.onProgress?.(verifiedAt + fraction * (1 - verifiedAt)));
      if (!report.selfCheck?.passed) throw new UserError(t('sanitizeFile.selfCheckFailed', { summary: report.selfCheck?.summary ?? t('sanitizeFile.selfCheckDidNotRun') }));
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
      ...(report ? { redaction: report } : {}),
    };
  } catch (error) {
    await removeQuietly(temp);
    if (error instanceof UserError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOSPC') throw new UserError(explainFfmpegFailure('ENOSPC'));
    throw error;
  }
}

/**
 * Redaction's first pass (the tracks), and what the encode and the self-check need from it: the plan request
 * that reads the picture from stdin, the redacted frames, and the check of the finished copy.
 */
async function startRedaction(base: PlanRequest, reviewed: FoundTracks | undefined, callbacks: SanitizeCallbacks) {
  const chosen = { style: base.options.redact?.style ?? 'blur', groups: base.options.redact?.groups ?? [], keepFace: base.options.redact?.keepFace ?? 'none' };
  const { source, display } = redactSourceOf(base, base.options.maxHeight);
  const looks = await redactionLooks();
  callbacks.onStage?.('detecting');
  const marked = markedInCopy(base.options.blur, display, source.size);
  const found = reviewed
    ? withMarked(tracksForSize(reviewed, source.size), marked)
    : await findTracks(source, looks, base.options.redact ?? { groups: [], keepFace: 'none' }, marked, {
        signal: callbacks.signal,
        onProgress: (fraction) => callbacks.onProgress?.(fraction * REDACT_SHARES.find),
      });
  const sourceDetail = new SourceDetail();
  const buffers = new FrameBuffers(yuvFrameBytes(source.size.width, source.size.height));
  const { frameCount, framesPerSecond } = found;
  return {
    request: { ...base, rawPicture: { ...source.size, framesPerSecond } } satisfies PlanRequest,
    encode: (invocation: FfmpegInvocation, onProgress: (fraction: number) => void) => {
      sourceDetail.clear();
      const frames = redactedFrames(source, found, chosen, sourceDetail, looks, buffers, { signal: callbacks.signal, onProgress, expectedFrames: frameCount });
      return runFfmpegFromFrames(invocation, frames, callbacks.signal, buffers);
    },
    check: async (copy: string, onProgress: (fraction: number) => void): Promise<RedactionReport> => ({
      tracks: reportTracks(found),
      ...(source.kind === 'photo' ? { photo: true } : {}),
      selfCheck: await selfCheck(copy, source, found, chosen, sourceDetail, looks, { signal: callbacks.signal, onProgress }),
    }),
  };
}
