/**
 * Which model the corner check's detection worker runs next. Faces are cheap and fill the time; objects and
 * photo sweeps come round on their own clocks; and a run that has just seen something new, not yet confirmed,
 * is repeated at once, so a flag takes two runs' time instead of waiting a whole period. Pure.
 */
import type { RiskSource } from './risks.std';
import type { TrackerState } from './tracker.std';

/** The worker's models that come round periodically (faces run in between). */
export type PeriodicRun = 'objects' | 'photos';
export type ModelSchedule = { lastRunAt: Readonly<Record<PeriodicRun, number>>; photos: boolean };

/**
 * Objects (CenterNet, ~250-310 ms) run at most this often; faces (BlazeFace, ~50-100 ms) fill the time
 * between, so a face is seen several times a second.
 */
export const OBJECTS_EVERY_MS = 700;
/**
 * A sweep of face tiles (six BlazeFace runs, ~210 ms) at least this often. A sweep takes the place of a few
 * face runs, not extra CPU: the worker is busy either way.
 */
export const PHOTOS_EVERY_MS = 1000;

const PERIOD: Readonly<Record<PeriodicRun, number>> = { objects: OBJECTS_EVERY_MS, photos: PHOTOS_EVERY_MS };

/** True while `source` has seen something its next run must confirm or drop. */
export function awaitsConfirmation(tracker: Pick<TrackerState, 'tracks'>, source: RiskSource): boolean {
  return tracker.tracks.some((track) => track.source === source && !track.confirmed);
}

/** The run due at `now`: an unconfirmed sighting first, then whichever period is up, else faces. */
export function nextModelRun(now: number, schedule: ModelSchedule, tracker: Pick<TrackerState, 'tracks'>): 'faces' | PeriodicRun {
  const periodic: PeriodicRun[] = schedule.photos ? ['objects', 'photos'] : ['objects'];
  const confirming = periodic.find((run) => awaitsConfirmation(tracker, run));
  if (confirming) return confirming;
  return periodic.find((run) => now - schedule.lastRunAt[run] >= PERIOD[run]) ?? 'faces';
}
