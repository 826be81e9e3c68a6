/**
 * The checks a clean copy must pass before it is moved into place, and the verdict. Pure: the service
 * gathers the facts (decode, probe, audit), this decides.
 */
import { z } from 'zod';
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
    detail: facts.decodeErrors.length === 0 ? 'ffmpeg decodes the whole copy without an error.' : `Decoding the copy failed: ${facts.decodeErrors.slice(0, 3).join('; ')}`,
  });

  const types = facts.output.streams.map((stream) => stream.type);
  const streamsOk = types.length === facts.plan.expectedStreams.length && types.every((type, i) => type === facts.plan.expectedStreams[i]);
  checks.push({
    id: 'streams',
    passed: streamsOk,
    detail: streamsOk ? `Only ${facts.plan.expectedStreams.join(' and ')}: no data, subtitle or telemetry tracks.` : `Unexpected streams: ${types.join(', ') || 'none'} (expected ${facts.plan.expectedStreams.join(', ')}).`,
  });

  const video = mainVideoStream(facts.output);
  const sizeOk = video?.width === facts.plan.outputSize.width && video?.height === facts.plan.outputSize.height && video.rotation === 0;
  checks.push({
    id: 'size',
    passed: sizeOk,
    detail: sizeOk ? `${facts.plan.outputSize.width}×${facts.plan.outputSize.height}, upright, no rotation tag.` : `The picture is ${video?.width}×${video?.height} rotated ${video?.rotation}°, expected ${facts.plan.outputSize.width}×${facts.plan.outputSize.height} upright.`,
  });

  if (facts.source) {
    const expected = facts.source.pictureEndSeconds ?? 0;
    const actual = pictureEndSeconds(facts.output) ?? 0;
    const tolerance = facts.source.frameSeconds ?? FALLBACK_FRAME_SECONDS;
    const withinAFrame = Math.abs(actual - expected) <= tolerance + 1e-3;
    // Some containers (ASF, AVI) declare a length that their frames do not fill; then every frame being
    // there is the proof that nothing was lost.
    const everyFrame = facts.source.packets !== undefined && facts.outputFrames === facts.source.packets;
    checks.push({
      id: 'duration',
      passed: withinAFrame || everyFrame,
      detail: `${actual.toFixed(3)} s and ${facts.outputFrames} frames; the source declares ${expected.toFixed(3)} s${facts.source.packets !== undefined ? ` and ${facts.source.packets} frames` : ''} (allowed: one frame, ${tolerance.toFixed(3)} s).`,
    });
  }

  const clean = isAuditClean(facts.audit);
  checks.push({
    id: 'audit',
    passed: clean,
    detail: clean
      ? 'ExifTool finds no identifying tag, and no encoder or camera text hides in the stream.'
      : !facts.audit.readable
        ? `ExifTool could not read the copy${facts.audit.exiftoolError ? `: ${facts.audit.exiftoolError}` : ''}.`
        : `${facts.audit.identifyingCount} identifying tag(s)${facts.audit.streamFingerprints.length ? ` and in-stream text (${facts.audit.streamFingerprints.join(', ')})` : ''} remain.`,
  });
  return checks;
}

export function allPassed(checks: VerificationCheck[]): boolean {
  return checks.every((check) => check.passed);
}
