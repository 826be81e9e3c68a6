/**
 * Which model the corner check's detection worker runs next. Faces are cheap and fill the time; objects and
 * photo sweeps come round on their own clocks, but never take more than their share of the worker, so faces
 * (a person walking in) are always seen several times a second; and a run that has just seen something new,
 * not yet confirmed, is repeated at once, so its flag takes two runs' time instead of a whole period. Pure.
 */
import type { RiskSource } from './risks.std';
import type { TrackerState } from './tracker.std';

/** The worker's models that come round periodically (faces run in between). */
export type PeriodicRun = 'objects' | 'photos';
export type ScheduledRun = { run: 'faces' | PeriodicRun; confirming: boolean };
export type ModelSchedule = {
  /** When each periodic run last started. */
  lastRunAt: Readonly<Record<PeriodicRun, number>>;
  /** How long each periodic run last took (ms); 0 before it has run. */
  lastMs: Readonly<Record<PeriodicRun, number>>;
  /** The run before this one, and whether it was a confirmation. */
  previous?: ScheduledRun;
  photos: boolean;
};

/**
 * Each periodic run comes round at most this often, and less often when it is slow: at most its share of the
 * worker's time. In Chromium with every detector running, objects took ~400 ms and a photo sweep ~550 ms:
 * with fixed periods of 0.7 and 1 s they took the whole worker and a face in view went unflagged for 5 s
 * (bench/flag-time). Half the time is left to faces.
 */
export const PERIODS: Readonly<Record<PeriodicRun, { everyMs: number; maxShare: number }>> = {
  objects: { everyMs: 700, maxShare: 0.3 },
  photos: { everyMs: 1000, maxShare: 0.2 },
};

/** How often `run` comes round, given how long it last took. */
export function periodOf(run: PeriodicRun, lastMs: number): number {
  return Math.max(PERIODS[run].everyMs, lastMs / PERIODS[run].maxShare);
}

/** True while `source` has seen something its next run must confirm or drop. */
export function awaitsConfirmation(tracker: Pick<TrackerState, 'tracks'>, source: RiskSource): boolean {
  return tracker.tracks.some((track) => track.source === source && !track.confirmed);
}

/**
 * The run due at `now`: a confirmation of an unconfirmed sighting first (never two confirmations of one model
 * in a row, so a detector that keeps seeing something new cannot shut out the others), then whichever period
 * is up, else faces. While a face or writing (in its own worker, on the same cores) waits to be confirmed, a
 * due period waits too, up to one more period: those flags matter most, and their next runs get the CPU.
 */
export function nextModelRun(now: number, schedule: ModelSchedule, tracker: Pick<TrackerState, 'tracks'>): ScheduledRun {
  const periodic: PeriodicRun[] = schedule.photos ? ['objects', 'photos'] : ['objects'];
  const justConfirmed = (run: PeriodicRun) => schedule.previous?.run === run && schedule.previous.confirming;
  const confirm = periodic.find((run) => !justConfirmed(run) && awaitsConfirmation(tracker, run));
  if (confirm) return { run: confirm, confirming: true };
  const holding = awaitsConfirmation(tracker, 'faces') || awaitsConfirmation(tracker, 'writing');
  const due = periodic.find((run) => now - schedule.lastRunAt[run] >= (holding ? 2 : 1) * periodOf(run, schedule.lastMs[run]));
  return { run: due ?? 'faces', confirming: false };
}
