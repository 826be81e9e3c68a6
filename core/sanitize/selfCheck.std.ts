/**
 * What a redacted copy reports, and the self-check's verdict: the detectors and OCR run again on the clean
 * copy, and the detail left in every hidden region is measured against the source's. Pure: the service
 * gathers the findings, this decides and words them.
 */
import { z } from 'zod';
import { t } from '../i18n/i18n.std';
import { REDACT_GROUPS } from './redactTracks.std';

/** A hidden region may keep at most this share of the source's fine detail, at each scale. */
export const MAX_DETAIL_KEPT = 0.15;

const seconds = z.number().nonnegative();

export const redactedTrack = z.object({
  id: z.number().int(),
  group: z.enum([...REDACT_GROUPS, 'marked']),
  label: z.string(),
  /** Where it first shows, in words ("middle right"). */
  where: z.string(),
  hidden: z.boolean(),
  fromSeconds: seconds,
  toSeconds: seconds,
  /** Frames the track covers in the copy. */
  frames: z.number().int().nonnegative(),
});

const finding = z.object({
  /** A face or readable words in a hidden region, or a hidden region that keeps too much of its detail. */
  kind: z.enum(['face', 'text', 'detail']),
  trackId: z.number().int(),
  atSeconds: seconds,
  detail: z.string(),
});

const stillVisible = z.object({ label: z.string(), atSeconds: seconds, where: z.string() });

export const selfCheckReport = z.object({
  passed: z.boolean(),
  /** Frames the detectors and OCR looked at again. */
  framesChecked: z.number().int().nonnegative(),
  /** Frames whose hidden regions had their detail measured (every frame of every hidden track). */
  detailFramesChecked: z.number().int().nonnegative(),
  hiddenRegions: z.number().int().nonnegative(),
  /** The most detail any hidden region kept, as a share of its source's, at the worst scale. */
  worstDetailKept: z.number().nonnegative(),
  findings: z.array(finding),
  stillVisible: z.array(stillVisible),
  summary: z.string(),
});

/** `photo`: the copy is a photo, so its tracks and what is still visible have no time. */
export const redactionReport = z.object({ tracks: z.array(redactedTrack), selfCheck: selfCheckReport.optional(), photo: z.boolean().optional() });

export type RedactedTrack = z.output<typeof redactedTrack>;
export type SelfCheckFinding = z.output<typeof finding>;
export type StillVisible = z.output<typeof stillVisible>;
export type SelfCheckReport = z.output<typeof selfCheckReport>;
export type RedactionReport = z.output<typeof redactionReport>;

/**
 * The first of the items that share a key: one clear line per thing (a finding per track and kind, a still
 * visible risk per label and place), not one a frame.
 */
export function firstOfEach<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The verdict on what the self-check found, in words; of a photo (`photo`), without its one frame's count. */
export function selfCheckVerdict(facts: Omit<SelfCheckReport, 'passed' | 'summary'>, { photo = false }: { photo?: boolean } = {}): SelfCheckReport {
  const passed = facts.findings.length === 0;
  const kept = Math.round(facts.worstDetailKept * 100);
  const summary = !passed
    ? t('redact.selfCheck.failed', { findings: facts.findings.map((item) => item.detail).join(' ') })
    : photo
      ? facts.hiddenRegions === 0
        ? t('redact.selfCheck.nothingHiddenPhoto')
        : t('redact.selfCheck.passedPhoto', { regions: facts.hiddenRegions, kept })
      : facts.hiddenRegions === 0
        ? t('redact.selfCheck.nothingHidden', { frames: facts.framesChecked })
        : t('redact.selfCheck.passed', { regions: facts.hiddenRegions, frames: facts.framesChecked, measured: facts.detailFramesChecked, kept });
  return { ...facts, passed, summary };
}
