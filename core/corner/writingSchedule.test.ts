import { describe, expect, it } from 'vitest';
import { STILL_LOOK_EVERY_MS, STILL_LOOK_MAX_SHARE } from './rest.std';
import { RISK_SOURCES, assessFrame } from './risks.std';
import { HYSTERESIS, type RunScope, type TrackerState, newTracker, trackRun, visibleRisks } from './tracker.std';
import { GLANCES_PER_FULL_LOOK, type WritingPicture, nextWritingLook } from './writingSchedule.std';

const settled = (): TrackerState => ({ ...newTracker(0), runs: Object.fromEntries(RISK_SOURCES.map((source) => [source, HYSTERESIS[source].appearAfter])) as TrackerState['runs'] });

describe('the text detector: glances between full looks', () => {
  const lines = (thickness: number) =>
    assessFrame({ width: 640, height: 480, writing: [0, 1, 2].map((row) => ({ box: { x: 40, y: 100 + row * 3 * thickness, w: 150, h: thickness }, score: 0.9, thickness })) });

  const FRAME = { width: 640, height: 480 };
  /** A picture that keeps changing: the text detector never rests. */
  const CHANGING: WritingPicture = { changedSinceLook: true, changedSinceFullLook: true, sinceLookMs: 0, lookMs: 300 };
  const lookAt = (glances: number, previous: RunScope | undefined, tracker: TrackerState): RunScope => {
    const look = nextWritingLook(glances, previous, tracker, FRAME, CHANGING);
    if (look === 'rest') throw new Error('the text detector rested on a changing picture');
    return look;
  };

  it(`glances ${GLANCES_PER_FULL_LOOK} times, then looks in full`, () => {
    const quiet = newTracker(0);
    const runs: boolean[] = [];
    let glances = 0;
    let previous: RunScope | undefined;
    for (let i = 0; i < 2 * (GLANCES_PER_FULL_LOOK + 1); i += 1) {
      previous = lookAt(glances, previous, quiet);
      glances = previous.glance ? glances + 1 : 0;
      runs.push(Boolean(previous.glance));
    }
    const cycle = [...Array<boolean>(GLANCES_PER_FULL_LOOK).fill(true), false];
    expect(runs).toEqual([...cycle, ...cycle]);
  });

  it('tries a whole glance first on what a full look saw, and looks in full at once if the glance could not see it', () => {
    const seenInFull = trackRun(newTracker(0), 'writing', lines(4), 100);
    expect(lookAt(0, {}, seenInFull)).toEqual({ glance: true });
    const glanceMissed = trackRun(seenInFull, 'writing', [], 300, { glance: true });
    expect(lookAt(1, { glance: true }, glanceMissed)).toEqual({});
  });

  it('confirms what a glance saw with a glance at the part around it', () => {
    const seenAtAGlance = trackRun(newTracker(0), 'writing', lines(12), 100, { glance: true });
    const around = lookAt(1, { glance: true }, seenAtAGlance);
    // The three lines span 40..190 x 100..184; the region is that grown by a quarter on each side.
    expect(around).toEqual({ glance: true, lookedAt: { x: 3, y: 79, w: 225, h: 126 } });
    const confirmed = trackRun(seenAtAGlance, 'writing', lines(12), 200, around);
    expect(visibleRisks(confirmed)).toHaveLength(1);
  });

  it('after a look around that missed, glances at the whole frame: the paper seen again is confirmed as before', () => {
    const seenAtAGlance = trackRun(newTracker(0), 'writing', lines(12), 100, { glance: true });
    const around = lookAt(1, { glance: true }, seenAtAGlance);
    const missed = trackRun(seenAtAGlance, 'writing', [], 200, around);
    expect(missed.tracks).toEqual([]);
    expect(lookAt(2, around, missed)).toEqual({ glance: true });
    const seenAgain = trackRun(missed, 'writing', lines(12), 300, { glance: true });
    // The glance after a look around is not another look around: a paper the crop cannot confirm is confirmed whole.
    expect(lookAt(3, { glance: true }, seenAgain).lookedAt).toBeDefined();
    expect(lookAt(3, around, seenAgain)).toEqual({ glance: true });
  });

  it('once settled, glances at a changed picture, then looks in full at once, then rests while the picture stays still', () => {
    const next = (tracker: TrackerState, picture: WritingPicture) => nextWritingLook(1, { glance: true }, tracker, FRAME, picture);
    const glance = { lookMs: 100 };
    expect(next(settled(), { changedSinceLook: true, changedSinceFullLook: true, sinceLookMs: 3000, ...glance })).toEqual({ glance: true });
    // The glance has seen the new picture, and found nothing new: a full look for its small print.
    expect(next(settled(), { changedSinceLook: false, changedSinceFullLook: true, sinceLookMs: 400, ...glance })).toEqual({});
    expect(next(settled(), { changedSinceLook: false, changedSinceFullLook: false, sinceLookMs: 1000, ...glance })).toBe('rest');
    // Every STILL_LOOK_EVERY_MS it looks again, glances and full looks in turn as before...
    expect(next(settled(), { changedSinceLook: false, changedSinceFullLook: false, sinceLookMs: STILL_LOOK_EVERY_MS, ...glance })).toEqual({ glance: true });
    // ...or, after a look slow enough to take more than STILL_LOOK_MAX_SHARE of that, later.
    const slowLook = { changedSinceLook: false, changedSinceFullLook: false, lookMs: 700 };
    expect(next(settled(), { ...slowLook, sinceLookMs: 700 / STILL_LOOK_MAX_SHARE - 1 })).toBe('rest');
    expect(next(settled(), { ...slowLook, sinceLookMs: 700 / STILL_LOOK_MAX_SHARE })).toEqual({ glance: true });
    // Nothing rests before the text detector has vouched for the frame, nor while a paper's flag is clearing.
    const still = { changedSinceLook: false, changedSinceFullLook: false, sinceLookMs: 1000, ...glance };
    expect(next(newTracker(0), still)).toEqual({ glance: true });
    const paper = [1, 2].reduce((tracker, run) => trackRun(tracker, 'writing', lines(12), run, { glance: true }), settled());
    expect(next(paper, still)).toBe('rest');
    expect(next(trackRun(paper, 'writing', [], 3, { glance: true }), still)).toEqual({ glance: true });
  });

  it('confirms what the last glance saw with one more whole glance before the full look that is due, not two', () => {
    const seenAtAGlance = trackRun(newTracker(0), 'writing', lines(12), 100, { glance: true });
    const around = { glance: true, lookedAt: { x: 0, y: 0, w: 10, h: 10 } };
    expect(lookAt(GLANCES_PER_FULL_LOOK, around, seenAtAGlance)).toEqual({ glance: true });
    expect(lookAt(GLANCES_PER_FULL_LOOK + 1, around, seenAtAGlance)).toEqual({});
  });
});
