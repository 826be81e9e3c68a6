/**
 * How long a session and its phases took: interval arithmetic on absolute instants, so midnight, time zones
 * and DST changes cannot skew a duration, and time paused is never counted. Pure.
 */
import { t } from '../i18n/i18n.std';
import type { PhaseKind } from './eventLog.std';
import type { Interval, Session } from './replay.std';

/** Phase kinds in the order reports list them; "other" is session time in no phase. */
export const PHASE_COLUMNS = ['setup', 'take', 'retake', 'sanitizing', 'uploading', 'waiting', 'instructions', 'troubleshooting', 'break', 'other'] as const;
/**
 * What a phase is called wherever a person reads it (the app, its charts, the evidence report), in the worker's
 * language. Takes a string for a key that lost its type on the way (Object.entries, a record from IPC); an
 * unknown kind is shown as it is.
 */
export function phaseName(kind: string): string {
  return (PHASE_COLUMNS as readonly string[]).includes(kind) ? t(`phase.name.${kind as (typeof PHASE_COLUMNS)[number]}`) : kind;
}

/** Total length of the union of intervals (open ones run to `now`), in milliseconds. */
export function unionMs(intervals: readonly Interval[], now: number): number {
  const closed = intervals.map((interval) => [interval.start, interval.end ?? now] as const).filter(([start, end]) => end > start).sort((a, b) => a[0] - b[0]);
  let total = 0;
  let cursor = -Infinity;
  for (const [start, end] of closed) {
    const from = Math.max(start, cursor);
    if (end > from) total += end - from;
    cursor = Math.max(cursor, end);
  }
  return total;
}

/** `intervals` with the paused stretches cut out. */
function minusPauses(intervals: readonly Interval[], pauses: readonly Interval[], now: number): number {
  const working = unionMs(intervals, now);
  const overlap = intervals.flatMap((interval) =>
    pauses.map((pause) => ({ start: Math.max(interval.start, pause.start), end: Math.min(interval.end ?? now, pause.end ?? now) })),
  );
  return working - unionMs(overlap, now);
}

/** Stretches that are not work: pauses, and breaks the worker does not count as work. */
function restIntervals(session: Session): Interval[] {
  return [...session.pauses, ...session.phases.filter((phase) => phase.phase === 'break' && !phase.countsAsWork)];
}

/** Seconds of one phase of the session so far, pauses excluded (a break's own length for a break). */
export function phaseRunSeconds(session: Session, phase: Interval & { phase?: PhaseKind }, now: number): number {
  return minusPauses([phase], phase.phase === 'break' ? session.pauses : restIntervals(session), now) / 1000;
}

/** Working time of the session: start to end (or now), pauses and uncounted breaks excluded. Paid and unpaid time alike. */
export function sessionSeconds(session: Session, now: number): number {
  return minusPauses([{ start: session.start, end: session.end }], restIntervals(session), now) / 1000;
}

/** Phases that are working time: every phase but a break the worker does not count as work. */
const worked = (session: Session) => session.phases.filter((phase) => phase.phase !== 'break' || phase.countsAsWork);

/**
 * Working seconds per phase kind, and the working time in no phase at all: together they make the session's
 * working time, as a report of where the time went must (evidence for a dispute that did not add up would
 * not be believed). Where phases run at once (a take recorded while an upload goes on, a break counted as
 * work during a take), the time counts once, for the phase started last: what the worker turned to.
 * "break" holds only breaks counted as work.
 */
export function phaseSeconds(session: Session, now: number): Record<PhaseKind | 'other', number> {
  const rest = restIntervals(session);
  const phases = worked(session);
  const foreground = foregroundIntervals(phases, now);
  const kinds = PHASE_COLUMNS.filter((kind): kind is PhaseKind => kind !== 'other');
  const result = Object.fromEntries(kinds.map((kind) => [kind, minusPauses(foreground.filter((part) => part.phase === kind), rest, now) / 1000])) as Record<
    PhaseKind | 'other',
    number
  >;
  result.other = Math.max(0, sessionSeconds(session, now) - minusPauses(phases, rest, now) / 1000);
  return result;
}

/**
 * Where the working time running now goes in phaseSeconds: the open working phase started last (`open` in the
 * order they started), else "other".
 */
export function frontPhase(open: ReadonlyArray<{ phase: PhaseKind; countsAsWork?: boolean }>): PhaseKind | 'other' {
  return open.findLast((phase) => phase.phase !== 'break' || phase.countsAsWork)?.phase ?? 'other';
}

/**
 * The stretches of `phases` in which each is the one started last of those running (open ones run to `now`):
 * every instant some phase runs belongs to exactly one of them.
 */
function foregroundIntervals(phases: ReadonlyArray<Interval & { phase: PhaseKind }>, now: number): Array<Interval & { phase: PhaseKind }> {
  const endOf = (interval: Interval) => interval.end ?? now;
  const instants = [...new Set(phases.flatMap((phase) => [phase.start, endOf(phase)]))].sort((a, b) => a - b);
  const parts: Array<Interval & { phase: PhaseKind }> = [];
  for (let i = 0; i + 1 < instants.length; i += 1) {
    const [start, end] = [instants[i]!, instants[i + 1]!];
    // Phases come in the order they started: the last one running over the whole stretch is in front.
    const front = phases.findLast((phase) => phase.start <= start && endOf(phase) >= end);
    if (front) parts.push({ start, end, phase: front.phase });
  }
  return parts;
}

/** Seconds of breaks not counted as work (pauses excluded): rest, shown apart from the working time. */
export function restBreakSeconds(session: Session, now: number): number {
  return minusPauses(session.phases.filter((phase) => phase.phase === 'break' && !phase.countsAsWork), session.pauses, now) / 1000;
}

/**
 * When the worker last started working without a rest: the session's start, or the end of the last pause or
 * break (a break rests the body whether or not it is paid as work).
 */
export function workingSince(session: Session): number {
  const rests = [...session.pauses, ...session.phases.filter((phase) => phase.phase === 'break')].filter((rest) => rest.end !== undefined);
  return Math.max(session.start, ...rests.map((rest) => rest.end!));
}
