/**
 * Which model the corner check's detection worker runs next. Faces are cheap and fill the time; objects and
 * photo sweeps come round on their own clocks, but never take more than their share of the worker, so faces
 * (a person walking in) are always seen several times a second. While the picture stays still they come round
 * half as often, so that when something comes into view their turn is usually already due. A run that has
 * just seen something new, not yet confirmed, is repeated at once (a photo sweep only around what is new), so
 * its flag takes little more than one run's time instead of a whole period. Once its own flags are settled,
 * each detector rests while the picture stays still (mayRest). Pure.
 */
import { type Box, area, clampToFrame, union } from '../media/geometry.std';
import type { RiskSource } from './risks.std';
import { THUMBNAIL, cellsUnder, pictureChanged } from './sceneChange.std';
import { HYSTERESIS, type RunScope, type TrackedRisk, type TrackerState } from './tracker.std';

/** The worker's models that come round periodically (faces run in between). */
export type PeriodicRun = 'objects' | 'photos';
/**
 * Why a run was chosen: to confirm what its last run saw, to look first at a changed picture, because its
 * period is up, or to fill the time (faces).
 */
export type RunReason = 'confirm' | 'changed' | 'due' | 'fill';
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

/** How often `run` comes round on average, given how long it last took. */
export function periodOf(run: PeriodicRun, lastMs: number): number {
  return Math.max(PERIODS[run].everyMs, lastMs / PERIODS[run].maxShare);
}

/**
 * While the picture has not changed since a periodic run last looked, it comes round this many times less
 * often: the same picture gives the model the same answers, and a run on it only catches what the last run
 * narrowly missed. The time this saves is spent when the picture changes: each periodic run earns one run per
 * period (creditAt) and may save up to MAX_CREDIT runs, so that after a still spell it runs the moment
 * something comes into view, while the picture keeps changing it runs once a period, as before, and over time
 * it keeps to its share. In five simulated minutes of 300-ms runs (schedule.test.ts), something coming into a
 * still picture waits 264 ms on average for objects' turn, against 492 ms when the periods ignored the picture,
 * and faces get 0.64 of the worker instead of 0.41.
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
 * clearing: a photo taken away leaves a still picture behind, and its flag needs HYSTERESIS.photos.clearAfter
 * sweeps that miss it. At half pace those took 4-7 s after the first, longer than a user waits for the flag
 * to go (and longer than the 8 s empty spell of the E2E test on CI); at the usual pace, 1.5 periods.
 */
function isDue(run: PeriodicRun, now: number, schedule: ModelSchedule, tracker: Pick<TrackerState, 'tracks'>): boolean {
  if (!schedule.changed[run] && !isClearing(tracker, run)) return now - schedule.lastRunAt[run] >= STILL_PICTURE_SLOWDOWN * periodOf(run, schedule.lastMs[run]);
  return creditAt(run, now, schedule) >= 1;
}

/** The flags of `source` that have been missed and not yet cleared. */
function clearingTracks(tracker: Pick<TrackerState, 'tracks'>, source: RiskSource): TrackedRisk[] {
  return tracker.tracks.filter((track) => track.source === source && track.confirmed && track.misses > 0);
}

function isClearing(tracker: Pick<TrackerState, 'tracks'>, source: RiskSource): boolean {
  return clearingTracks(tracker, source).length > 0;
}

/**
 * On a still picture, a detector whose flags are settled looks again only this often... Another look at the
 * same picture gives the same answers; in between, its CPU goes to the detectors that still have something
 * to confirm, and when something comes into view it is free to look at once. The gap is short enough that a
 * change too small or too faint for the picture's thumbnail (sceneChange.std.ts) is still seen within a few
 * seconds.
 */
export const STILL_LOOK_EVERY_MS = 2000;
/**
 * ...or less often if its look is slow, so that on a still picture each detector takes at most this share of
 * the time: tesseract's reading (~1 s) comes round every 10 s or so, faces (~0.1 s) every 2 s. On a still room
 * with a page in it, Chromium kept 0.97 cores busy with this rule (the camera's preview alone: 0.34), against
 * 1.40 when objects and sweeps came round at half their period and tesseract every 2 s, and 1.98 while something
 * moved in view (bench/preview, while frames were still converted on the UI thread; since then, 0.72).
 */
export const STILL_LOOK_MAX_SHARE = 0.1;

/**
 * Whether `source` has looked at the frame whole often enough to vouch for it (as the verdict needs), and
 * nothing it saw waits to be confirmed or cleared.
 */
function isSettled(source: RiskSource, tracker: Pick<TrackerState, 'tracks' | 'runs'>): boolean {
  const inFlux = awaitsConfirmation(tracker, source) || isClearing(tracker, source);
  return tracker.runs[source] >= HYSTERESIS[source].appearAfter && !inFlux;
}

/** What a detector's rest depends on: whether the picture has changed since its last look, how long ago that look began and how long it took (ms). */
export type SinceLook = { changed: boolean; sinceLookMs: number; lookMs: number };

/**
 * Whether `source` may rest instead of looking: its flags are settled, the picture has not changed since its
 * last look, and that look was less than STILL_LOOK_EVERY_MS ago (or longer, for a slow look: STILL_LOOK_MAX_SHARE).
 */
export function mayRest(source: RiskSource, tracker: Pick<TrackerState, 'tracks' | 'runs'>, { changed, sinceLookMs, lookMs }: SinceLook): boolean {
  return !changed && sinceLookMs < stillLookEvery(lookMs) && isSettled(source, tracker);
}

/** How often a detector whose looks take `lookMs` looks at all of a still picture (STILL_LOOK_EVERY_MS, STILL_LOOK_MAX_SHARE). */
function stillLookEvery(lookMs: number): number {
  return Math.max(STILL_LOOK_EVERY_MS, lookMs / STILL_LOOK_MAX_SHARE);
}

/** What tesseract last read: the picture's thumbnail then (sceneChange.std.ts), and the writing then in view. */
export type LastReading = { picture?: Uint8Array; writingIds: ReadonlySet<number> };

/**
 * Whether tesseract's last reading may be out of date (if not, it may rest: mayRest; if so, it may put the
 * reading off: readingPutOff): writing has come into view since, or the picture has changed where writing is.
 * A change elsewhere (a hand at work in a corner) gives it nothing new to read: while something moved in a
 * corner, reading the still page again and again (a second or two each time) held the preview to 0.84 of the
 * camera's rate on two cores, 0.90 with this rest (bench/preview, one run each, when it counted the UI
 * thread's frame callbacks rather than frames presented). Without a thumbnail, it is out of date.
 */
export function readingOutdated(last: LastReading, picture: Uint8Array | undefined, tracker: Pick<TrackerState, 'tracks'>, frame: { width: number; height: number }): boolean {
  if (!picture || newWritingSince(last, tracker)) return true;
  return pictureChanged(last.picture, picture, cellsUnderWriting(tracker, frame));
}

/** Whether writing has come into view since tesseract's last reading. */
function newWritingSince(last: LastReading, tracker: Pick<TrackerState, 'tracks'>): boolean {
  return tracker.tracks.some((track) => track.source === 'writing' && !last.writingIds.has(track.id));
}

/** The thumbnail cells (sceneChange.std.ts) under the writing in view. */
function cellsUnderWriting(tracker: Pick<TrackerState, 'tracks'>, frame: { width: number; height: number }): boolean[] {
  return cellsUnder(tracker.tracks.filter((track) => track.source === 'writing').map((track) => track.box), frame);
}

/** When the picture last changed where writing is (`since`, ms), and the thumbnail it changed to. */
export type WritingStillness = { since: number; picture?: Uint8Array };

/** The next WritingStillness, given the thumbnail at `now` (without one, the picture counts as changing). */
export function writingStillness(
  previous: WritingStillness,
  picture: Uint8Array | undefined,
  tracker: Pick<TrackerState, 'tracks'>,
  frame: { width: number; height: number },
  now: number,
): WritingStillness {
  if (!picture) return { since: now };
  return pictureChanged(previous.picture, picture, cellsUnderWriting(tracker, frame)) ? { since: now, picture } : previous;
}

/**
 * While the picture keeps changing where writing is (a hand at work over a page), tesseract reads it again
 * once that part has held still this long, the page sharp and uncovered...
 */
export const READ_WHEN_STILL_FOR_MS = 300;
/**
 * ...or when its last reading began this long ago, so that what it quotes is never older than that. Reading
 * a page again and again while something moved over it (a second each time, on two cores beside the models)
 * left the UI thread 0.92-0.93 of the frame callbacks it got with the camera alone, 0.96-0.97 with this rest
 * (bench/preview, one run each; the preview presented 0.98-0.99 of the camera's frames either way).
 */
export const READ_WHILE_MOVING_EVERY_MS = 4000;

/**
 * Whether tesseract puts off a reading that is out of date (readingOutdated) while the picture keeps
 * changing where writing is: not for writing new in view, which it reads at once.
 */
export function readingPutOff(last: LastReading & { at: number }, tracker: Pick<TrackerState, 'tracks'>, stillness: WritingStillness, now: number): boolean {
  if (newWritingSince(last, tracker)) return false;
  return now - stillness.since < READ_WHEN_STILL_FOR_MS && now - last.at < READ_WHILE_MOVING_EVERY_MS;
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

/** `box` grown by `by` on every side, within the frame; undefined (the whole frame) if that is most of it. */
function partAround(box: Box, by: { x: number; y: number }, frame: { width: number; height: number }): Box | undefined {
  const region = clampToFrame({ x: box.x - by.x, y: box.y - by.y, w: box.w + 2 * by.x, h: box.h + 2 * by.y }, frame.width, frame.height);
  return area(region) > CONFIRM_MAX_SHARE * frame.width * frame.height ? undefined : region;
}

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
  return partAround(seen, { x: seen.w * CONFIRM_MARGIN, y: seen.h * CONFIRM_MARGIN }, frame);
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
  // It also looks again where a flag is clearing: a photo taken away while a hand moved in a corner was
  // otherwise missed only by whole sweeps, every 3 s, and its flag stayed 7 s or more (bench/flag-time).
  const clearing = clearingTracks(tracker, 'photos').map((track) => track.box);
  return partAround(clearing.reduce(union, changed), { x: frame.width / THUMBNAIL.width, y: frame.height / THUMBNAIL.height }, frame);
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
  // Faces look first at a picture that has changed: otherwise the periodic runs that a change makes due
  // (about 0.5 s of the worker together) kept a face walking in from being flagged in 0.25 s (bench/flag-time).
  // Once: the next run goes ahead even if the picture has changed again, or motion would leave only faces.
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
 * confirmed, due periods wait, for this long at most (three face runs of 60-100 ms, and a confirmation of
 * what objects or photos saw in the same entry, up to 400 ms), so that faces that keep being seen but never
 * confirmed cannot shut the others out. (Holding for writing as well, which confirms in its own worker over
 * a second or more, kept photos waiting: bench/flag-time.)
 */
export const FACE_HOLD_MS = 600;

/**
 * The next `faceWaitingSince`: kept while a face waits to be confirmed (a new face seen before the last one
 * was confirmed or dropped continues the wait), started when one begins to, cleared when none waits.
 */
export function faceWaitingSince(previous: number | undefined, tracker: Pick<TrackerState, 'tracks'>, now: number): number | undefined {
  return awaitsConfirmation(tracker, 'faces') ? (previous ?? now) : undefined;
}

/**
 * The text detector looks at the whole frame in full (WRITING_INPUT_LONG_SIDE) after at most this many
 * glances (WRITING_GLANCE_LONG_SIDE, about 2.5x cheaper): pages are flagged at a glance's pace, small print
 * only a full look sees within about one cycle.
 */
export const GLANCES_PER_FULL_LOOK = 3;

/** What the text detector's schedule needs to know of the camera's picture (sceneChange.std.ts). */
export type WritingPicture = {
  /** Whether the picture has changed since the last look at the whole frame (a glance or a full look)... */
  changedSinceLook: boolean;
  /** ...and since the last full look. */
  changedSinceFullLook: boolean;
  /** How long ago the last look of any kind started (ms)... */
  sinceLookMs: number;
  /** ...and how long it took. */
  lookMs: number;
};

/**
 * The text detector's next look (a RunScope: a full look is the whole scope), or a rest:
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
 * - what a full look saw is first tried at a whole glance: a page is confirmed by it, at a glance's cost;
 * - once its flags are settled and a glance has seen the picture since it changed, a full look at once (it
 *   also sees small print); then, while the picture stays still, a rest (mayRest).
 */
export function nextWritingLook(
  glancesSinceFullLook: number,
  previous: RunScope | undefined,
  tracker: Pick<TrackerState, 'tracks' | 'runs'>,
  frame: { width: number; height: number },
  picture: WritingPicture,
): RunScope | 'rest' {
  const waiting = tracker.tracks.filter((track) => track.source === 'writing' && !track.confirmed);
  if (waiting.some((track) => !track.glanced) && previous?.glance) return {};
  const confirmingAtAGlance = waiting.some((track) => track.glanced);
  const around = confirmingAtAGlance && !previous?.lookedAt ? confirmationRegion(tracker, 'writing', frame, (track) => track.glanced) : undefined;
  if (around) return { glance: true, lookedAt: around };
  // A glance has seen the changed picture and found nothing new there: only a full look sees its small print.
  if (!picture.changedSinceLook && picture.changedSinceFullLook && isSettled('writing', tracker)) return {};
  if (mayRest('writing', tracker, { changed: picture.changedSinceLook, sinceLookMs: picture.sinceLookMs, lookMs: picture.lookMs })) return 'rest';
  return glancesSinceFullLook < GLANCES_PER_FULL_LOOK + (confirmingAtAGlance ? 1 : 0) ? { glance: true } : {};
}
