/**
 * Makes a verified clean copy of one file: plan (core), run ffmpeg, recover from damaged streams, verify,
 * and only then move the copy into place. The original is only ever read. On any failure or cancel the
 * partial copy is deleted, so the output folder never holds a file that did not pass every check.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { formatClock } from '../../core/shared/clock.std';
import { UserError } from '../../core/shared/errors.std';
import type { AuditReport } from '../../core/media/audit.std';
import { explainFfmpegFailure } from '../../core/media/ffmpegErrors.std';
import { PHOTO_EXTENSIONS, VIDEO_EXTENSIONS, displaySize, mainAudioStream, mainVideoStream, mediaKindForExtension, pictureEndSeconds } from '../../core/media/probe.std';
import type { MediaKind, MediaProbe } from '../../core/media/probe.std';
import { fillNameTemplate } from '../../core/sanitize/outputName.std';
import {
  type PlanRequest,
  type SanitizeOptions,
  type SanitizePlan,
  orientationFromExifTool,
  photoOutputExtension,
  planPreviewFrame,
  planSanitize,
} from '../../core/sanitize/plan.std';
import { type VerificationCheck, allPassed, verifyOutput } from '../../core/sanitize/verify.std';
import { auditFile } from '../media/audit.node';
import { FfmpegCancelled, countVideoPackets, decodeCheck, ffmpegToBuffer, probeMedia, runFfmpeg } from '../media/ffmpeg.node';

export type SanitizeRequest = {
  input: string;
  outputDir: string;
  options: SanitizeOptions;
  nameTemplate: string;
};

export type SanitizeOutcome = {
  input: string;
  output: string;
  outputSha256: string;
  before: AuditReport;
  after: AuditReport;
  checks: VerificationCheck[];
  /** Plain sentences about what was dropped while recovering a damaged file. */
  notes: string[];
};

export type SanitizeCallbacks = {
  onStage?: (stage: 'reading' | 'encoding' | 'recovering' | 'verifying') => void;
  /** 0..1 over the whole file. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
};

/** Share of a file's progress bar that encoding takes; verification (decode + audit) takes the rest. */
const ENCODE_SHARE = 0.85;
/** Damaged audio shorter than this is dropped rather than trimmed: a blip of sound helps nobody. */
const MIN_USEFUL_AUDIO_SECONDS = 0.5;

const cancelled = () => new UserError('Cancelled. No copy was made, and the original is unchanged.', 'cancelled');

async function checkInput(input: string): Promise<MediaKind> {
  const name = path.basename(input);
  const stat = await fs.promises.stat(input).catch(() => undefined);
  if (!stat) throw new UserError(`${name} cannot be found. It may have been moved or deleted.`);
  if (!stat.isFile()) throw new UserError(`${name} is not a file.`);
  const kind = mediaKindForExtension(path.extname(input));
  if (!kind) {
    throw new UserError(
      `${name} is not a video or photo SafeTake handles. Videos: ${VIDEO_EXTENSIONS.join(' ')}; photos: ${PHOTO_EXTENSIONS.join(' ')}.`,
    );
  }
  if (stat.size === 0) throw new UserError(`${name} is empty (0 bytes): there is no picture or sound in it.`);
  await fs.promises.access(input, fs.constants.R_OK).catch(() => {
    throw new UserError(`SafeTake may not read ${name}. Check the file's permissions.`);
  });
  return kind;
}

async function checkOutputDir(outputDir: string): Promise<void> {
  const stat = await fs.promises.stat(outputDir).catch(() => undefined);
  if (!stat?.isDirectory()) throw new UserError(`The output folder ${outputDir} does not exist.`);
  await fs.promises.access(outputDir, fs.constants.W_OK).catch(() => {
    throw new UserError(`SafeTake may not write into ${outputDir}. Choose an output folder you can write to.`);
  });
}

/** The first free name for the template in `dir`. */
async function allocateOutputPath(dir: string, template: string, originalBase: string, extension: string): Promise<string> {
  for (let counter = 1; counter < 100_000; counter++) {
    const candidate = path.join(dir, fillNameTemplate(template, counter, originalBase) + extension);
    if (!fs.existsSync(candidate)) return candidate;
  }
  throw new UserError(`The output folder ${dir} has no free name left for this template.`);
}

/** Moves the verified copy into place without ever replacing an existing file. */
async function publish(temp: string, dir: string, template: string, originalBase: string, extension: string): Promise<string> {
  for (;;) {
    const target = await allocateOutputPath(dir, template, originalBase, extension);
    try {
      await fs.promises.link(temp, target); // fails if target appeared meanwhile: never clobbers
      await fs.promises.unlink(temp);
      return target;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') continue;
      if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EXDEV' || code === 'EMLINK') {
        // File systems without hard links (FAT, exFAT on USB sticks): rename after a last check.
        if (fs.existsSync(target)) continue;
        await fs.promises.rename(temp, target);
        return target;
      }
      throw error;
    }
  }
}

async function flushToDisk(file: string): Promise<void> {
  const handle = await fs.promises.open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * After a failed encode: which streams decode, and how far. Returns the plan changes that recover what is
 * decodable, with sentences saying what was dropped, or refuses when no picture decodes at all.
 */
async function surveyDamage(input: string, probe: MediaProbe, signal?: AbortSignal): Promise<{ changes: Partial<PlanRequest>; notes: string[] }> {
  const name = path.basename(input);
  const video = mainVideoStream(probe)!;
  const videoReport = await decodeCheck(input, `0:${video.index}`, signal);
  if (videoReport.decodedSeconds <= 0) {
    throw new UserError(
      `${name} has no picture that can be decoded: the file is damaged or incomplete (often cut short while copying). Nothing was written.`,
    );
  }
  const notes: string[] = [];
  const changes: Partial<PlanRequest> = {};
  const audio = mainAudioStream(probe);
  if (audio) {
    const audioReport = await decodeCheck(input, `0:${audio.index}`, signal);
    if (audioReport.errors.length > 0 || audioReport.exitCode !== 0) {
      if (audioReport.decodedSeconds >= MIN_USEFUL_AUDIO_SECONDS) {
        changes.audioEndSeconds = audioReport.decodedSeconds;
        notes.push(`The audio after ${formatClock(audioReport.decodedSeconds)} was damaged and removed.`);
      } else {
        changes.audioUnusable = true;
        notes.push('The audio was damaged and removed; the picture is kept.');
      }
    }
  }
  const videoDuration = video.durationSeconds ?? probe.durationSeconds;
  if (videoReport.errors.length > 0 && videoDuration && videoReport.decodedSeconds < videoDuration - 0.5) {
    notes.push(`The picture after ${formatClock(videoReport.decodedSeconds)} was damaged and removed.`);
  }
  return { changes, notes };
}

/** ffmpeg skips undecodable packets and goes on; the user should still hear that parts were damaged. */
function skippedDataNotes(encodeLog: string, probe: MediaProbe): string[] {
  const damaged = new Set([...encodeLog.matchAll(/Error while decoding stream #0:(\d+)/g)].map((match) => Number(match[1])));
  const notes: string[] = [];
  if (damaged.has(mainVideoStream(probe)?.index ?? -1)) notes.push('Some damaged picture data in the source could not be decoded and was skipped.');
  if (damaged.has(mainAudioStream(probe)?.index ?? -1)) notes.push('Some damaged sound data in the source could not be decoded and was skipped.');
  return notes;
}

/** EXIF orientation (1..8) of a photo, as ExifTool read it. */
function photoOrientation(audit: AuditReport): number | undefined {
  return orientationFromExifTool(audit.tags.find((tag) => tag.name === 'Orientation' && /^IFD0$|^XMP/.test(tag.group))?.value);
}

export type PreviewFrame = { png: Buffer; source: { width: number; height: number }; preview: { width: number; height: number } };

/** An upright frame of `input` to draw blur regions on, and the sizes to map the drawing back to the source. */
export async function previewFrame(input: string): Promise<PreviewFrame> {
  const plan = planPreviewFrame(await readPicture(input));
  return { png: await ffmpegToBuffer(plan.invocation), source: plan.source, preview: plan.preview };
}

/** A readable photo or video with a picture: what it is and how to stand it upright. Else a UserError. */
export async function readPicture(input: string): Promise<{ input: string; kind: MediaKind; probe: MediaProbe; photoOrientation?: number }> {
  const kind = await checkInput(input);
  const probe = await probeMedia(input);
  const video = mainVideoStream(probe);
  if (!video || !displaySize(video)) throw new UserError(`${path.basename(input)} has no picture SafeTake can read.`);
  return { input, kind, probe, photoOrientation: kind === 'photo' ? photoOrientation(await auditFile(input)) : undefined };
}

async function removeQuietly(file: string): Promise<void> {
  await fs.promises.rm(file, { force: true }).catch(() => undefined);
}

type Encoded = { plan: SanitizePlan; notes: string[]; recovered: boolean };

/**
 * Runs the plan; when ffmpeg fails on the source (not on the disk), surveys which streams decode and runs
 * again on what does, noting what was dropped.
 */
async function encodeWithRecovery(
  baseRequest: PlanRequest,
  encode: (plan: SanitizePlan) => Promise<string>,
  onStage: SanitizeCallbacks['onStage'],
  signal: AbortSignal | undefined,
): Promise<Encoded> {
  const first = planSanitize(baseRequest);
  try {
    const log = await encode(first);
    return { plan: first, notes: skippedDataNotes(log, baseRequest.probe), recovered: false };
  } catch (error) {
    if (error instanceof FfmpegCancelled) throw cancelled();
    const stderr = (error as { stderr?: string }).stderr ?? '';
    if (baseRequest.kind === 'photo' || /No space left|File too large|Permission denied|Read-only/i.test(stderr)) {
      throw new UserError(explainFfmpegFailure(stderr));
    }
  }
  onStage?.('recovering');
  const survey = await surveyDamage(baseRequest.input, baseRequest.probe, signal);
  const plan = planSanitize({ ...baseRequest, ...survey.changes });
  await removeQuietly(baseRequest.output);
  try {
    const log = await encode(plan);
    const notes = survey.notes.length ? survey.notes : plan.notes.includes('audio-removed') ? ['The audio could not be kept and was removed.'] : [];
    // A recovered picture is as long as what decoded, not as long as the source declares.
    return { plan, notes: [...notes, ...skippedDataNotes(log, baseRequest.probe)], recovered: true };
  } catch (retryError) {
    if (retryError instanceof FfmpegCancelled) throw cancelled();
    throw new UserError(explainFfmpegFailure((retryError as { stderr?: string }).stderr ?? ''));
  }
}

/** Every check on the finished copy (run side by side: the encoder is done, both cores are free). */
async function verifyCopy(
  temp: string,
  request: { input: string; kind: MediaKind; probe: MediaProbe; encoded: Encoded },
  signal: AbortSignal | undefined,
): Promise<{ checks: VerificationCheck[]; after: AuditReport; notes: string[] }> {
  const { input, kind, probe, encoded } = request;
  const video = mainVideoStream(probe)!;
  const [decode, outputProbe, after] = await Promise.all([decodeCheck(temp, '0', signal), probeMedia(temp), auditFile(temp)]);
  const source =
    kind === 'video' && !encoded.recovered
      ? { pictureEndSeconds: pictureEndSeconds(probe), frameSeconds: video.framesPerSecond ? 1 / video.framesPerSecond : undefined }
      : undefined;
  const facts = {
    plan: encoded.plan,
    decodeErrors: decode.exitCode === 0 ? decode.errors : [...decode.errors, `ffmpeg exited with ${decode.exitCode}`],
    output: outputProbe,
    source,
    outputFrames: decode.frames,
    audit: after,
  };
  let checks = verifyOutput(facts);
  const notes: string[] = [];
  if (source && checks.some((check) => check.id === 'duration' && !check.passed)) {
    // The copy is shorter or longer than the source declares. Either the container's declared length is
    // off (count the source's frames: a demux, no decode) or the source is cut short (survey the damage).
    checks = verifyOutput({ ...facts, source: { ...source, packets: await countVideoPackets(input) } });
    if (!allPassed(checks)) {
      const survey = await surveyDamage(input, probe, signal);
      if (survey.notes.length > 0) {
        notes.push(...survey.notes);
        checks = verifyOutput({ ...facts, source: undefined });
      }
    }
  }
  return { checks, after, notes };
}

export async function sanitizeFile(request: SanitizeRequest, callbacks: SanitizeCallbacks = {}): Promise<SanitizeOutcome> {
  const { signal } = callbacks;
  const input = path.resolve(request.input);
  const outputDir = path.resolve(request.outputDir);
  callbacks.onStage?.('reading');
  const kind = await checkInput(input);
  await checkOutputDir(outputDir);

  const before = await auditFile(input);
  // ExifTool recognises far more file types than ffmpeg: when it says this is no media at all, say that,
  // instead of whatever ffmpeg makes of a text file that it parsed as a broken MP4.
  const mimeType = before.tags.find((tag) => tag.group === 'File' && tag.name === 'MIMEType')?.value ?? '';
  if (before.fileType && !/^(video|image|audio)\//.test(mimeType)) {
    throw new UserError(`${path.basename(input)} is a ${before.fileType} file, not a video or photo SafeTake can read. Nothing was written.`);
  }
  const probe = await probeMedia(input);
  const video = mainVideoStream(probe);
  if (!video) throw new UserError(`${path.basename(input)} has no picture: there is nothing to sanitize. Nothing was written.`);
  // No codec, or no picture size (e.g. random bytes that ffprobe takes for raw H.263): nothing decodable.
  if (video.codec === 'none' || video.codec === 'unknown' || !displaySize(video)) {
    throw new UserError(`${path.basename(input)} stores its picture in a format SafeTake cannot decode. Nothing was written.`);
  }

  const extension = kind === 'photo' ? photoOutputExtension(path.extname(input)) : request.options.format === 'webm' ? '.webm' : '.mp4';
  const temp = path.join(outputDir, `.safetake-${randomBytes(6).toString('hex')}.partial${extension}`);
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
      outputSha256: await sha256File(output),
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
