/**
 * When a detector has nothing to do. A detector whose flags are settled rests while the picture stays still:
 * another look at the same picture gives the same answers, and its CPU goes to the detectors that still have
 * something to confirm, so that when something comes into view each is free to look at once. Pure.
 */
import type { RiskSource } from './risks.std';
import { HYSTERESIS, type TrackedRisk, type TrackerState } from './tracker.std';

/**
 * On a still picture, a detector whose flags are settled looks again only this often: often enough that a
 * change too small or too faint for the picture's thumbnail (sceneChange.std.ts) is still seen within a few
 * seconds...
 */
export const STILL_LOOK_EVERY_MS = 2000;
/**
 * ...or less often if its look is slow, so that on a still picture each detector takes at most this share of
 * the time: tesseract, whose reading takes about a second, comes round every ten seconds or so; faces every
 * two. bench/preview measures the CPU a still corner costs against the camera alone.
 */
export const STILL_LOOK_MAX_SHARE = 0.1;

/** How often a detector whose looks take `lookMs` looks at all of a still picture. */
export function stillLookEvery(lookMs: number): number {
  return Math.max(STILL_LOOK_EVERY_MS, lookMs / STILL_LOOK_MAX_SHARE);
}

/** True while `source` has seen something its next run must confirm or drop. */
export function awaitsConfirmation(tracker: Pick<TrackerState, 'tracks'>, source: RiskSource): boolean {
  return tracker.tracks.some((track) => track.source === source && !track.confirmed);
}

/** The flags of `source` that have been missed and not yet cleared. */
export function clearingTracks(tracker: Pick<TrackerState, 'tracks'>, source: RiskSource): TrackedRisk[] {
  return tracker.tracks.filter((track) => track.source === source && track.confirmed && track.misses > 0);
}

export function isClearing(tracker: Pick<TrackerState, 'tracks'>, source: RiskSource): boolean {
  return clearingTracks(tracker, source).length > 0;
}

/**
 * Whether `source` has looked at the frame whole often enough to vouch for it (as the verdict needs), and
 * nothing it saw waits to be confirmed or cleared.
 */
export function isSettled(source: RiskSource, tracker: Pick<TrackerState, 'tracks' | 'runs'>): boolean {
  const inFlux = awaitsConfirmation(tracker, source) || isClearing(tracker, source);
  return tracker.runs[source] >= HYSTERESIS[source].appearAfter && !inFlux;
}

/** What a detector's rest depends on: whether the picture has changed since its last look, how long ago that look began and how long it took (ms). */
type SinceLook = { changed: boolean; sinceLookMs: number; lookMs: number };

/**
 * Whether `source` may rest instead of looking: its flags are settled, the picture has not changed since its
 * last look, and that look was less than stillLookEvery ago.
 */
export function mayRest(source: RiskSource, tracker: Pick<TrackerState, 'tracks' | 'runs'>, { changed, sinceLookMs, lookMs }: SinceLook): boolean {
  return !changed && sinceLookMs < stillLookEvery(lookMs) && isSettled(source, tracker);
}
