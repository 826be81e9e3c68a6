/** Every check a clean copy must pass before it takes its name: it decodes, it is the right shape, it is clean. */
import type { AuditReport } from '../../core/media/audit.std';
import { type MediaKind, type MediaProbe, mainVideoStream, pictureEndSeconds } from '../../core/media/probe.std';
import { type VerificationCheck, allPassed, verifyOutput } from '../../core/sanitize/verify.std';
import { auditFile } from '../media/audit.node';
import { decodeCheck, probeMedia, readVideoPackets } from '../media/ffmpeg.node';
import { type Encoded, surveyDamage } from './recovery.node';

/** Every check on the finished copy (run side by side: the encoder is done, both cores are free). */
export async function verifyCopy(
  temp: string,
  request: { input: string; kind: MediaKind; probe: MediaProbe; encoded: Encoded },
  signal: AbortSignal | undefined,
): Promise<{ checks: VerificationCheck[]; after: AuditReport; notes: string[]; pictureSeconds?: number }> {
  const { input, kind, probe, encoded } = request;
  const video = mainVideoStream(probe)!;
  const [decode, outputProbe, after] = await Promise.all([decodeCheck(temp, '0', signal), probeMedia(temp), auditFile(temp)]);
  const source =
    kind === 'video' && !encoded.recovered
      ? { pictureEndSeconds: pictureEndSeconds(probe), frameSeconds: encoded.plan.frameSeconds ?? (video.framesPerSecond ? 1 / video.framesPerSecond : undefined) }
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
    // off or missing (read the source's frames: a demux, no decode) or the source is cut short (survey the
    // damage).
    const packets = await readVideoPackets(input, probe.startSeconds);
    checks = verifyOutput({ ...facts, source: { ...source, ...(packets ? { packets } : {}) } });
    if (!allPassed(checks)) {
      const survey = await surveyDamage(input, probe, signal);
      if (survey.notes.length > 0) {
        notes.push(...survey.notes);
        checks = verifyOutput({ ...facts, source: undefined });
      }
    }
  }
  return { checks, after, notes, pictureSeconds: pictureEndSeconds(outputProbe) };
}
