/** Progress and summaries the Sanitize screen shows, computed from batch state. Pure. */
import type { AuditReport } from '../media/audit.std';
import { t } from '../i18n/i18n.std';
import { identifyingRule } from '../media/identifyingTags.std';

/** What a photo, or a file whose length is not known, weighs against a video's seconds. */
const MIN_WEIGHT_SECONDS = 1;

/**
 * The batch's progress: each file weighs its picture's length (a 60 s clip takes about sixty times as long as
 * a photo), finished ones (any outcome) count whole.
 */
export function batchFraction(items: ReadonlyArray<{ status: string; fraction: number; seconds?: number }>): number {
  if (items.length === 0) return 0;
  const finished = new Set(['done', 'failed', 'cancelled', 'found']);
  const weight = (item: { seconds?: number }) => Math.max(MIN_WEIGHT_SECONDS, item.seconds ?? 0);
  const total = items.reduce((sum, item) => sum + weight(item), 0);
  return items.reduce((sum, item) => sum + weight(item) * (finished.has(item.status) ? 1 : item.fraction), 0) / total;
}

/** A moment of the batch: milliseconds since it started, and its progress then. */
export type ProgressSample = { ms: number; fraction: number };

/** How far back the speed is measured: the work's recent pace, not its quick first steps. */
const SPEED_WINDOW_MS = 20_000;
/** Before this much time and progress there is nothing honest to say. */
const MIN_ELAPSED_MS = 3000;
const MIN_FRACTION = 0.03;

/**
 * Seconds left at the speed of the last SPEED_WINDOW_MS (reading a file is quick, finding and encoding slow:
 * the average since the start would promise too little and then rise); undefined until there is enough.
 */
export function secondsLeft(samples: readonly ProgressSample[]): number | undefined {
  const last = samples.at(-1);
  if (!last || last.ms < MIN_ELAPSED_MS || last.fraction < MIN_FRACTION) return undefined;
  const from = samples.find((sample) => sample.ms >= last.ms - SPEED_WINDOW_MS && sample.fraction < last.fraction) ?? { ms: 0, fraction: 0 };
  const perMs = (last.fraction - from.fraction) / Math.max(1, last.ms - from.ms);
  return perMs > 0 ? Math.max(0, (1 - last.fraction) / perMs / 1000) : undefined;
}

export function describeTimeLeft(seconds: number | undefined): string {
  if (seconds === undefined) return t('sanitize.timeLeft.estimating');
  if (seconds < 60) return t('sanitize.timeLeft.seconds', { seconds: Math.max(1, Math.round(seconds)) });
  return t('sanitize.timeLeft.minutes', { minutes: Math.round(seconds / 60) });
}

/**
 * "Location, Device, Date or time": the kinds of identifying data in a file, each named once, by the rule
 * that found it (read again from the tag, not from its reason, which is in the language the audit was made in).
 */
export function identifyingKinds(report: AuditReport): string[] {
  const rules = report.tags.filter((tag) => tag.identifying).flatMap((tag) => identifyingRule(tag) ?? []);
  return [...new Set(rules)].map((rule) => t(`audit.kind.${rule}`));
}
