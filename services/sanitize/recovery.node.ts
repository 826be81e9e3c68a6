/**
 * When ffmpeg fails on a damaged source: which streams still decode, and how far, so that a second encode
 * keeps what is good and the user is told in plain sentences what was dropped.
 */
import fs from 'node:fs';
import path from 'node:path';
import { explainFfmpegFailure } from '../../core/media/ffmpegErrors.std';
import { type MediaProbe, mainAudioStream, mainVideoStream } from '../../core/media/probe.std';
import { type PlanRequest, type SanitizePlan, planSanitize } from '../../core/sanitize/plan.std';
import { formatClock } from '../../core/shared/clock.std';
import { UserError } from '../../core/shared/errors.std';
import { FfmpegCancelled, decodeCheck } from '../media/ffmpeg.node';
import { t } from '../../core/i18n/i18n.std';

/** Damaged audio shorter than this is dropped rather than trimmed: a blip of sound helps nobody. */
const MIN_USEFUL_AUDIO_SECONDS = 0.5;

export const cancelled = () => new UserError(t('sanitizeFile.cancelled'), 'cancelled');

export async function removeQuietly(file: string): Promise<void> {
  await fs.promises.rm(file, { force: true }).catch(() => undefined);
}

/**
 * After a failed encode: which streams decode, and how far. Returns the plan changes that recover what is
 * decodable, with sentences saying what was dropped, or refuses when no picture decodes at all.
 */
export async function surveyDamage(input: string, probe: MediaProbe, signal?: AbortSignal): Promise<{ changes: Partial<PlanRequest>; notes: string[] }> {
  const name = path.basename(input);
  const video = mainVideoStream(probe)!;
  const videoReport = await decodeCheck(input, `0:${video.index}`, signal);
  if (videoReport.decodedSeconds <= 0) {
    throw new UserError(t('sanitizeFile.noDecodablePicture', { name }));
  }
  const notes: string[] = [];
  const changes: Partial<PlanRequest> = {};
  const audio = mainAudioStream(probe);
  if (audio) {
    const audioReport = await decodeCheck(input, `0:${audio.index}`, signal);
    if (audioReport.errors.length > 0 || audioReport.exitCode !== 0) {
      if (audioReport.decodedSeconds >= MIN_USEFUL_AUDIO_SECONDS) {
        changes.audioEndSeconds = audioReport.decodedSeconds;
        notes.push(t('sanitizeFile.audioCut', { at: formatClock(audioReport.decodedSeconds, { tenths: true }) }));
      } else {
        changes.audioUnusable = true;
        notes.push(t('sanitizeFile.audioRemoved'));
      }
    }
  }
  const videoDuration = video.durationSeconds ?? probe.durationSeconds;
  if (videoDuration && videoReport.decodedSeconds < videoDuration - 0.5) {
    // Said against the length the file declares: a copy of 0:15.4 from a clip of 1:00.0 is not the clip. To a
    // tenth, both: 0:00.3 is not nothing, and 0:04.3 of 0:04.9 is not more than the whole.
    notes.push(t('sanitizeFile.pictureCut', { at: formatClock(videoReport.decodedSeconds, { tenths: true }), declared: formatClock(videoDuration, { tenths: true }) }));
  }
  return { changes, notes };
}

/** ffmpeg skips undecodable packets and goes on; the user should still hear that parts were damaged. */
function skippedDataNotes(encodeLog: string, probe: MediaProbe): string[] {
  const damaged = new Set([...encodeLog.matchAll(/Error while decoding stream #0:(\d+)/g)].map((match) => Number(match[1])));
  const notes: string[] = [];
  if (damaged.has(mainVideoStream(probe)?.index ?? -1)) notes.push(t('sanitizeFile.pictureSkipped'));
  if (damaged.has(mainAudioStream(probe)?.index ?? -1)) notes.push(t('sanitizeFile.soundSkipped'));
  return notes;
}

export type Encoded = { plan: SanitizePlan; notes: string[]; recovered: boolean };


/**
 * Runs the plan; when ffmpeg fails on the source (not on the disk), surveys which streams decode and runs
 * again on what does, noting what was dropped.
 */
export async function encodeWithRecovery(
  baseRequest: PlanRequest,
  encode: (plan: SanitizePlan) => Promise<string>,
  onStage: ((stage: 'recovering') => void) | undefined,
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
    const notes = survey.notes.length ? survey.notes : plan.notes.includes('audio-removed') ? [t('sanitizeFile.audioNotKept')] : [];
    // A recovered picture is as long as what decoded, not as long as the source declares.
    return { plan, notes: [...notes, ...skippedDataNotes(log, baseRequest.probe)], recovered: true };
  } catch (retryError) {
    if (retryError instanceof FfmpegCancelled) throw cancelled();
    throw new UserError(explainFfmpegFailure((retryError as { stderr?: string }).stderr ?? ''));
  }
}
