/**
 * Which model the corner check's detection worker runs next. Faces are cheap and fill the time; objects and
 * photo sweeps come round on their own clocks, but never take more than their share of the worker, so faces
 * (a person walking in) are always seen several times a second. While the picture stays still the periodic
 * runs come round half as often, so that when something comes into view their turn is usually already due.
 * Confirmations come first (confirmation.std.ts); a detector whose flags are settled rests (rest.std.ts).
 * bench/flag-time measures how long each risk takes to be flagged under this schedule. Pure.
 */
import { type Box, union } from '../media/geometry.std';
import { confirmationRegion, partAround } from './confirmation.std';
import { awaitsConfirmation, clearingTracks, isClearing, mayRest, stillLookEvery } from './rest.std';
import { THUMBNAIL } from './sceneChange.std';
import type { TrackerState } from './tracker.std';

/** The worker's models that come round periodically (faces run in between). */
export type PeriodicRun = 'objects' | 'photos';
/**
 * Why a run was chosen: to confirm what its last run saw, to look first at a changed picture, because its
 * period is up, or to fill the time (faces).
 */
type RunReason = 'confirm' | 'changed' | 'due' | 'fill';
export type ScheduledRun = { run: 'faces' | PeriodicRun; why: RunReason };
export type ModelSchedule = {
  /** When each model last started a run. */
  lastRunAt: Readonly<Record<ScheduledRun['run'], number>>;
  /** The runs' worth of time each periodic run had left to spend after its last run (creditAt). */
  creditAfterLastRun: Readonly<Record<PeriodicRun, number>>;
  /** How long each model's last run at the whole frame took (ms); 0 before it has run. */
  lastMs: Readonly<Record<ScheduledRun['run'], number>>;
  /** The run before this one, and why it ran. */
  previous?: ScheduledRun;
  /** Whether the picture has changed since each model last looked at all of it (sceneChange.std.ts). */
  changed: Readonly<Record<ScheduledRun['run'], boolean>>;
  /** Since when a face seen has waited to be confirmed without a break (faceWaitingSince); undefined while none waits. */
  faceWaitingSince?: number;
  photos: boolean;
};

/**
 * Each periodic run comes round at most this often, and less often when it is slow: at most its share of the
 * worker's time: without the cap, slow runs would take the whole worker and leave a face in view unflagged
 * for seconds; the shares leave faces the rest of the worker, and still flag a photo within a second or so.
 */
export const PERIODS: Readonly<Record<PeriodicRun, { everyMs: number; maxShare: number }>> = {
  objects: { everyMs: 700, maxShare: 0.35 },
  photos: { everyMs: 1000, maxShare: 0.3 },
};

/** How often `run` comes round on average, given how long it last took. */
export function periodOf(run: PeriodicRun, lastMs: number): number {
  return Math.max(PERIODS[run].everyMs, lastMs / PERIODS[run].maxShare);
}

/**
 * While the picture has not changed since a periodic run last looked, it comes round this many times less
 * often: the same picture gives the model the same answers, and a run on it only catches what the last run
 * narrowly missed. The time this saves is spent when the picture changes: each periodic run earns one run per
 * period (creditAt) and may save up to MAX_CREDIT runs, so that after a still spell it runs the moment
 * something comes into view, while the picture keeps changing it runs once a period, and over time it keeps
 * to its share (modelSchedule.test.ts simulates five minutes of it).
 */
export const STILL_PICTURE_SLOWDOWN = 2;
/** Runs a periodic run may save up: one to spend at once on a change, and half of one so the next is not far behind. */
export const MAX_CREDIT = 1.5;

/** The runs' worth of time periodic `run` has to spend at `now`: what it had left after its last run, plus one per period since. */
export function creditAt(run: PeriodicRun, now: number, schedule: Pick<ModelSchedule, 'lastRunAt' | 'creditAfterLastRun' | 'lastMs'>): number {
  const earned = (now - schedule.lastRunAt[run]) / periodOf(run, schedule.lastMs[run]);
  return Math.min(MAX_CREDIT, schedule.creditAfterLastRun[run] + earned);
}

/**
 * Whether periodic `run` is due at `now` (see STILL_PICTURE_SLOWDOWN). Not slowed while a flag of its own is
 * clearing: a photo taken away leaves a still picture behind, and its flag needs several sweeps that miss it
 * (HYSTERESIS); at half pace the flag would stay for seconds after the photo went.
 */
function isDue(run: PeriodicRun, now: number, schedule: ModelSchedule, tracker: Pick<TrackerState, 'tracks'>): boolean {
  if (!schedule.changed[run] && !isClearing(tracker, run)) return now - schedule.lastRunAt[run] >= STILL_PICTURE_SLOWDOWN * periodOf(run, schedule.lastMs[run]);
  return creditAt(run, now, schedule) >= 1;
}

/**
 * Where a photo sweep looks (undefined: all of the frame): a confirmation, around what it saw; on a picture
 * that has changed since the last sweep, only around where it changed (`changed`, from the thumbnails,
 * sceneChange.std.ts), grown by a thumbnail cell on every side, since the rest shows what that sweep saw. A
 * photo put down in a still corner is then swept on one tile of six. The whole frame is still swept as often
 * as on a still picture (`lastWholeSweep`: how long ago the last one began, and how long it took), so that a
 * hand at work in one corner cannot keep a change too faint for the thumbnails elsewhere unseen.
 */
export function photoSweepRegion(
  why: RunReason,
  tracker: Pick<TrackerState, 'tracks'>,
  frame: { width: number; height: number },
  changed: Box | undefined,
  lastWholeSweep: { sinceMs: number; ms: number },
): Box | undefined {
  if (why === 'confirm') return confirmationRegion(tracker, 'photos', frame);
  if (!changed || lastWholeSweep.sinceMs >= stillLookEvery(lastWholeSweep.ms)) return undefined;
  // It also looks again where a flag is clearing: a photo taken away while a hand moves in a corner is
  // otherwise missed only by whole sweeps, and its flag stays for seconds.
  const clearing = clearingTracks(tracker, 'photos').map((track) => track.box);
  return partAround(clearing.reduce(union, changed), { x: frame.width / THUMBNAIL.width, y: frame.height / THUMBNAIL.height }, frame);
}

/**
 * Where an objects run looks (undefined: all of the frame): a confirmation, around what it saw; the loops
 * then run only the models whose finds make flags there (objectModelsToConfirm).
 */
export function objectsRunRegion(why: RunReason, tracker: Pick<TrackerState, 'tracks'>, frame: { width: number; height: number }): Box | undefined {
  return why === 'confirm' ? confirmationRegion(tracker, 'objects', frame) : undefined;
}

/**
 * The run due at `now`: a confirmation of an unconfirmed sighting first (never two confirmations of one model
 * in a row, so a detector that keeps seeing something new cannot shut out the others), then faces if the
 * picture has changed since they last looked, then whichever periodic run is due (isDue), else faces; a model
 * that may rest (mayRest) is passed over, and if all may, the worker rests. While a face waits to be
 * confirmed, due periodic runs wait too, for FACE_HOLD_MS at most.
 */
export function nextModelRun(now: number, schedule: ModelSchedule, tracker: Pick<TrackerState, 'tracks' | 'runs'>): ScheduledRun | 'rest' {
  const periodic: PeriodicRun[] = schedule.photos ? ['objects', 'photos'] : ['objects'];
  const justConfirmed = (run: PeriodicRun) => schedule.previous?.run === run && schedule.previous.why === 'confirm';
  const confirm = periodic.find((run) => !justConfirmed(run) && awaitsConfirmation(tracker, run));
  if (confirm) return { run: confirm, why: 'confirm' };
  // Faces look first at a picture that has changed: otherwise the periodic runs a change makes due (half a
  // second of the worker together) hold back the flag of a face walking in. Once: the next run goes ahead
  // even if the picture has changed again, or motion would leave only faces.
  if (schedule.changed.faces && schedule.previous?.why !== 'changed') return { run: 'faces', why: 'changed' };
  const holding = schedule.faceWaitingSince !== undefined && now - schedule.faceWaitingSince < FACE_HOLD_MS;
  const resting = (run: ScheduledRun['run']) =>
    mayRest(run, tracker, { changed: schedule.changed[run], sinceLookMs: now - schedule.lastRunAt[run], lookMs: schedule.lastMs[run] });
  const due = holding ? undefined : periodic.find((run) => isDue(run, now, schedule, tracker) && !resting(run));
  if (due) return { run: due, why: 'due' };
  return resting('faces') ? 'rest' : { run: 'faces', why: 'fill' };
}

/**
 * A person walking in matters most, and three quick face runs confirm them: while a face waits to be
 * confirmed, due periods wait, for this long at most (three face runs, and a confirmation of what objects or
 * photos saw in the same entry), so that faces that keep being seen but never confirmed cannot shut the
 * others out. Writing is not held for: it confirms in its own worker, over a second or more.
 */
export const FACE_HOLD_MS = 600;

/**
 * The next `faceWaitingSince`: kept while a face waits to be confirmed (a new face seen before the last one
 * was confirmed or dropped continues the wait), started when one begins to, cleared when none waits.
 */
export function faceWaitingSince(previous: number | undefined, tracker: Pick<TrackerState, 'tracks'>, now: number): number | undefined {
  return awaitsConfirmation(tracker, 'faces') ? (previous ?? now) : undefined;
}
