/**
 * When the text detector looks, and how: at a glance (a smaller input, several times cheaper, which sees
 * pages), or in full (which also sees small print: a receipt, a bill's table). Pure.
 */
import { confirmationRegion } from './confirmation.std';
import { isSettled, mayRest } from './rest.std';
import type { RunScope, TrackerState } from './tracker.std';

/**
 * The text detector looks at the whole frame in full (WRITING_INPUT_LONG_SIDE) after at most this many
 * glances (WRITING_GLANCE_LONG_SIDE): pages are flagged at a glance's pace, small print that only a full look
 * sees within about one cycle.
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
 * - what a glance has just seen is confirmed by a glance at the part around it (confirmationRegion), a
 *   fraction of a whole glance's cost (bench/detect). Papers whose few lines the model needs the frame around
 *   to see (brochures, crumpled receipts) can escape it (bench/detect-eval counts them): then the track is
 *   dropped as a flicker, the next glance is whole, sees the paper again, and the glance after confirms it.
 *   One more whole glance than usual is allowed before a due full look for that, and only one, so that
 *   glances that keep seeing something new cannot put off the full look for good;
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
