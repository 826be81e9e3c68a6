/** Progress and summaries the Sanitize screen shows, computed from batch state. Pure. */
import type { AuditReport } from '../media/audit.std';

/** The batch's progress: each file counts the same, finished ones (any outcome) as whole. */
export function batchFraction(items: ReadonlyArray<{ status: string; fraction: number }>): number {
  if (items.length === 0) return 0;
  const finished = new Set(['done', 'failed', 'cancelled']);
  return items.reduce((sum, item) => sum + (finished.has(item.status) ? 1 : item.fraction), 0) / items.length;
}

/** Seconds left at the average speed so far; undefined until there is enough to go on. */
export function secondsLeft(fraction: number, elapsedMs: number): number | undefined {
  if (fraction < 0.02 || elapsedMs < 1000) return undefined;
  return Math.max(0, ((1 - fraction) * elapsedMs) / fraction / 1000);
}

export function describeTimeLeft(seconds: number | undefined): string {
  if (seconds === undefined) return 'Estimating time left…';
  if (seconds < 60) return `About ${Math.max(1, Math.round(seconds))} s left`;
  return `About ${Math.round(seconds / 60)} min left`;
}

/** "Location, Device, Date or time": the kinds of identifying data in a file, in the audit's words. */
export function identifyingKinds(report: AuditReport): string[] {
  const kinds = report.tags.filter((tag) => tag.identifying).map((tag) => tag.reason.split(':')[0]!.trim());
  return [...new Set(kinds)];
}
