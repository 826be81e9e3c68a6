/**
 * Which model the corner check's detection worker runs next. Faces are cheap and fill the time; objects and
 * photo sweeps come round on their own clocks, but never take more than their share of the worker, so faces
 * (a person walking in) are always seen several times a second; and a run that has just seen something new,
 * not yet confirmed, is repeated at once (a photo sweep only around what is new), so its flag takes little
 * more than one run's time instead of a whole period. Pure.
 */
import { type Box, area, clampToFrame, union } from './geometry.std';
import type { RiskSource } from './risks.std';
import type { RunScope, TrackedRisk, TrackerState } from './tracker.std';

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
 * (bench/flag-time). With the text detector on one thread (objects ~340 ms, sweeps ~300-400 ms), shares of
 * 0.35 and 0.3 flagged a planted photo in 0.75-1.3 s against 1.0-1.8 s with 0.3 and 0.2, and faces, with
 * the rest (0.35, runs of 60-85 ms), still in 0.25-1.1 s.
 */
export const PERIODS: Readonly<Record<PeriodicRun, { everyMs: number; maxShare: number }>> = {
  objects: { everyMs: 700, maxShare: 0.35 },
  photos: { everyMs: 1000, maxShare: 0.3 },
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
 * A confirmation around what is new (a photo sweep's, a glance's) looks there, grown by this share of its size
 * on every side (it may have moved a little)...
 */
const CONFIRM_MARGIN = 0.25;
/** ...unless that is most of the frame anyway: then the whole frame, which refreshes everything else too. */
const CONFIRM_MAX_SHARE = 0.6;

/**
 * Where a confirmation of `source` looks (in the tracker's pixels, a `frame` wide and high): around its
 * unconfirmed sightings (those `which` picks); undefined for the whole frame. A photo seen once is confirmed by
 * sweeping one tile of six; writing seen at a glance, by a glance at the part around it.
 */
export function confirmationRegion(
  tracker: Pick<TrackerState, 'tracks'>,
  source: RiskSource,
  frame: { width: number; height: number },
  which: (track: TrackedRisk) => boolean = () => true,
): Box | undefined {
  const fresh = tracker.tracks.filter((track) => track.source === source && !track.confirmed && which(track)).map((track) => track.box);
  if (fresh.length === 0) return undefined;
  const seen = fresh.reduce(union);
  const grown = { x: seen.x - seen.w * CONFIRM_MARGIN, y: seen.y - seen.h * CONFIRM_MARGIN, w: seen.w * (1 + 2 * CONFIRM_MARGIN), h: seen.h * (1 + 2 * CONFIRM_MARGIN) };
  const region = clampToFrame(grown, frame.width, frame.height);
  return area(region) > CONFIRM_MAX_SHARE * frame.width * frame.height ? undefined : region;
}

/**
 * The run due at `now`: a confirmation of an unconfirmed sighting first (never two confirmations of one model
 * in a row, so a detector that keeps seeing something new cannot shut out the others), then whichever period
 * is up, else faces. While a face waits to be confirmed, a due period waits too, up to one more period: a
 * person walking in matters most, and three quick face runs confirm it. (Holding for writing as well, which
 * confirms in its own worker over a second or more, kept photos waiting: bench/flag-time.)
 */
export function nextModelRun(now: number, schedule: ModelSchedule, tracker: Pick<TrackerState, 'tracks'>): ScheduledRun {
  const periodic: PeriodicRun[] = schedule.photos ? ['objects', 'photos'] : ['objects'];
  const justConfirmed = (run: PeriodicRun) => schedule.previous?.run === run && schedule.previous.confirming;
  const confirm = periodic.find((run) => !justConfirmed(run) && awaitsConfirmation(tracker, run));
  if (confirm) return { run: confirm, confirming: true };
  const holding = awaitsConfirmation(tracker, 'faces');
  const due = periodic.find((run) => now - schedule.lastRunAt[run] >= (holding ? 2 : 1) * periodOf(run, schedule.lastMs[run]));
  return { run: due ?? 'faces', confirming: false };
}

/**
 * The text detector looks at the whole frame in full (WRITING_INPUT_LONG_SIDE) after at most this many
 * glances (WRITING_GLANCE_LONG_SIDE, about 2.5x cheaper): pages are flagged at a glance's pace, small print
 * only a full look sees within about one cycle.
 */
export const GLANCES_PER_FULL_LOOK = 3;

/**
 * The text detector's next look (a RunScope: a full look is the whole scope):
 * - a full look after GLANCES_PER_FULL_LOOK glances, or when a glance has just failed to see what a full look
 *   saw and must confirm (small print);
 * - what a glance has just seen is confirmed by a glance at the part around it (confirmationRegion), about
 *   a third of a whole glance's cost for a 260-px page (bench/detect: 0.35). Of bench/detect-eval's 63 papers
 *   that glances see, it confirms 54: every page, poem, book, recipe and handwritten sheet, but only 3 of 9
 *   brochures and 1 of 4 crumpled receipts, whose few lines the model needs the frame around to see. When
 *   that fails (the track is dropped as a flicker), the next glance is whole: it sees the paper again, and the
 *   glance after confirms it as before. One more whole glance than usual is allowed before a due full look
 *   for that, and only one, so that glances that keep seeing something new cannot put off the full look for
 *   good;
 * - what a full look saw is first tried at a whole glance: a page is confirmed by it, at a glance's cost.
 */
export function nextWritingLook(
  glancesSinceFullLook: number,
  previous: RunScope | undefined,
  tracker: Pick<TrackerState, 'tracks'>,
  frame: { width: number; height: number },
): RunScope {
  const waiting = tracker.tracks.filter((track) => track.source === 'writing' && !track.confirmed);
  if (waiting.some((track) => !track.glanced) && previous?.glance) return {};
  const confirmingAtAGlance = waiting.some((track) => track.glanced);
  const around = confirmingAtAGlance && !previous?.lookedAt ? confirmationRegion(tracker, 'writing', frame, (track) => track.glanced) : undefined;
  if (around) return { glance: true, lookedAt: around };
  return glancesSinceFullLook < GLANCES_PER_FULL_LOOK + (confirmingAtAGlance ? 1 : 0) ? { glance: true } : {};
}
