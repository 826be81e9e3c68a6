/**
 * The checks a clean copy must pass before it is moved into place, and the verdict. Pure: the service
 * gathers the facts (decode, probe, audit), this decides.
 */
import { z } from 'zod';
import { formatNumber, t } from '../i18n/i18n.std';
import { type AuditReport, isAuditClean } from '../media/audit.std';
import { type MediaProbe, type VideoPackets, mainVideoStream, pictureEndSeconds } from '../media/probe.std';
import type { SanitizePlan } from './plan.std';

export const verificationCheck = z.object({
  id: z.enum(['decodes', 'streams', 'size', 'duration', 'audit']),
  passed: z.boolean(),
  detail: z.string(),
});
export type VerificationCheck = z.output<typeof verificationCheck>;

/** When the source's frame rate is unknown, one frame is taken to last this long. */
const FALLBACK_FRAME_SECONDS = 1 / 24;

export function verifyOutput(facts: {
  plan: SanitizePlan;
  decodeErrors: string[];
  output: MediaProbe;
  /**
   * For videos: the picture length the source declares, and what a demux of it found: how many frames, and
   * when the last one starts and ends (a live recording, such as a browser's take, declares no length).
   */
  source?: { pictureEndSeconds?: number; frameSeconds?: number; packets?: VideoPackets };
  /** Video frames decoded from the output. */
  outputFrames: number;
  audit: AuditReport;
}): VerificationCheck[] {
  const checks: VerificationCheck[] = [];
  checks.push({
    id: 'decodes',
    passed: facts.decodeErrors.length === 0,
    detail: facts.decodeErrors.length === 0 ? t('verify.decodes.passed') : t('verify.decodes.failed', { errors: facts.decodeErrors.slice(0, 3).join('; ') }),
  });

  const types = facts.output.streams.map((stream) => stream.type);
  const streamsOk = types.length === facts.plan.expectedStreams.length && types.every((type, i) => type === facts.plan.expectedStreams[i]);
  checks.push({
    id: 'streams',
    passed: streamsOk,
    detail: streamsOk
      ? t('verify.streams.passed', { audio: facts.plan.expectedStreams.includes('audio') ? 'yes' : 'no' })
      : t('verify.streams.failed', { found: types.join(', ') || t('verify.streams.none'), expected: facts.plan.expectedStreams.join(', ') }),
  });

  const video = mainVideoStream(facts.output);
  const sizeOk = video?.width === facts.plan.outputSize.width && video?.height === facts.plan.outputSize.height && video.rotation === 0;
  checks.push({
    id: 'size',
    passed: sizeOk,
    detail: sizeOk
      ? t('verify.size.passed', { width: String(facts.plan.outputSize.width), height: String(facts.plan.outputSize.height) })
      : t('verify.size.failed', { width: String(video?.width), height: String(video?.height), rotation: String(video?.rotation), expectedWidth: String(facts.plan.outputSize.width), expectedHeight: String(facts.plan.outputSize.height) }),
  });

  if (facts.source) {
    const { pictureEndSeconds: declared, packets } = facts.source;
    const actual = pictureEndSeconds(facts.output) ?? 0;
    const tolerance = facts.source.frameSeconds ?? FALLBACK_FRAME_SECONDS;
    const within = (end: number | undefined) => end !== undefined && Math.abs(actual - end) <= tolerance + 1e-3;
    // Where the source's frames end: at the end of its last frame, a frame after that frame starts when
    // frames carry no length (as a browser writes them), within a frame. A copy stamped at one rate may drop
    // that last frame when it falls nearer the next step of the rate: then it ends up to half a frame before
    // that frame starts, and no earlier.
    const lastStart = packets?.lastStartSeconds;
    const atFramesEnd =
      lastStart === undefined
        ? within(packets?.endSeconds)
        : actual >= lastStart - tolerance / 2 - 1e-3 && actual <= Math.max(packets?.endSeconds ?? lastStart, lastStart + tolerance) + tolerance + 1e-3;
    // A copy stamped at one rate fills the gaps a busy recorder leaves between frames, so its frame count
    // proves nothing unless it also ends where the source's frames do.
    const everyFrame = packets?.count === facts.outputFrames && (facts.plan.frameSeconds === undefined || lastStart === undefined || atFramesEnd);
    // Some containers (ASF, AVI) declare a length that their frames do not fill: then the copy holds every
    // frame of the source (frames that fall short of a declared length are otherwise a file cut short). A
    // live recording, such as a browser's take, declares no length: then the copy ends where the source's
    // frames end, within a frame.
    const passed = within(declared) || everyFrame || (declared === undefined && atFramesEnd);
    const values = { actual: seconds(actual), frames: facts.outputFrames, declared: declared === undefined ? 'none' : 'some', expected: seconds(declared ?? 0), tolerance: seconds(tolerance) };
    checks.push({
      id: 'duration',
      passed,
      detail: !packets
        ? t('verify.duration.measured', values)
        : packets.endSeconds !== undefined
          ? t('verify.duration.measuredWithSourceEnd', { ...values, sourceFrames: packets.count, sourceEnd: seconds(packets.endSeconds) })
          : packets.lastStartSeconds !== undefined
            ? t('verify.duration.measuredWithSourceLastStart', { ...values, sourceFrames: packets.count, sourceLastStart: seconds(packets.lastStartSeconds) })
            : t('verify.duration.measuredWithSourceFrames', { ...values, sourceFrames: packets.count }),
    });
  }

  const clean = isAuditClean(facts.audit);
  checks.push({
    id: 'audit',
    passed: clean,
    detail: clean
      ? t('verify.audit.passed')
      : !facts.audit.readable
        ? facts.audit.exiftoolError
          ? t('verify.audit.unreadableBecause', { error: facts.audit.exiftoolError })
          : t('verify.audit.unreadable')
        : facts.audit.streamFingerprints.length
          ? t('verify.audit.tagsAndStreamText', { count: facts.audit.identifyingCount, fingerprints: facts.audit.streamFingerprints.join(', ') })
          : t('verify.audit.tags', { count: facts.audit.identifyingCount }),
  });
  return checks;
}

/** Seconds to the millisecond, as the checks quote them ("12.345"). */
function seconds(value: number): string {
  return formatNumber(value, { minimumFractionDigits: 3, maximumFractionDigits: 3, useGrouping: false });
}

export function allPassed(checks: VerificationCheck[]): boolean {
  return checks.every((check) => check.passed);
}
