/**
 * The checks a clean copy must pass before it is moved into place, and the verdict. Pure: the service
 * gathers the facts (decode, probe, audit), this decides.
 */
import { z } from 'zod';
import { formatNumber, t } from '../i18n/i18n.std';
import { type AuditReport, isAuditClean } from '../media/audit.std';
import { type MediaProbe, mainVideoStream, pictureEndSeconds } from '../media/probe.std';
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
  /** For videos: the source's picture length, and its frame count where a demux could tell. */
  source?: { pictureEndSeconds?: number; frameSeconds?: number; packets?: number };
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
    const expected = facts.source.pictureEndSeconds ?? 0;
    const actual = pictureEndSeconds(facts.output) ?? 0;
    const tolerance = facts.source.frameSeconds ?? FALLBACK_FRAME_SECONDS;
    const withinAFrame = Math.abs(actual - expected) <= tolerance + 1e-3;
    // Some containers (ASF, AVI) declare a length that their frames do not fill; then every frame being
    // there is the proof that nothing was lost.
    const everyFrame = facts.source.packets !== undefined && facts.outputFrames === facts.source.packets;
    const values = { actual: seconds(actual), frames: facts.outputFrames, expected: seconds(expected), tolerance: seconds(tolerance) };
    checks.push({
      id: 'duration',
      passed: withinAFrame || everyFrame,
      detail: facts.source.packets !== undefined ? t('verify.duration.measuredWithSourceFrames', { ...values, sourceFrames: facts.source.packets }) : t('verify.duration.measured', values),
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
