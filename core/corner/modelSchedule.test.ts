import { describe, expect, it } from 'vitest';
import { confirmationRegion } from './confirmation.std';
import { FACE_HOLD_MS, MAX_CREDIT, type ModelSchedule, PERIODS, type ScheduledRun, STILL_PICTURE_SLOWDOWN, creditAt, faceWaitingSince, nextModelRun, objectsRunRegion, periodOf, photoSweepRegion } from './modelSchedule.std';
import { STILL_LOOK_EVERY_MS, STILL_LOOK_MAX_SHARE } from './rest.std';
import { RISK_SOURCES, assessFrame } from './risks.std';
import { HYSTERESIS, type TrackerState, newTracker, trackRun, visibleRisks } from './tracker.std';

const photo = assessFrame({ width: 640, height: 480, tileFaces: [{ score: 0.9, box: { x: 470, y: 60, w: 30, h: 30 } }] });
/** A schedule on a still picture, unless a test says otherwise; models that have not run yet, unless `lastRunAt` says. */
const schedule = ({ lastRunAt, ...parts }: Partial<Omit<ModelSchedule, 'lastRunAt'>> & { lastRunAt?: Partial<ModelSchedule['lastRunAt']> }): ModelSchedule => ({
  lastRunAt: { faces: -Infinity, objects: -Infinity, photos: -Infinity, ...lastRunAt },
  creditAfterLastRun: { objects: MAX_CREDIT, photos: MAX_CREDIT },
  lastMs: { faces: 0, objects: 0, photos: 0 },
  photos: true,
  changed: { faces: false, objects: false, photos: false },
  ...parts,
});
/** A tracker whose detectors have each looked at the frame often enough to vouch for it, and seen nothing. */
const settled = (): TrackerState => ({ ...newTracker(0), runs: Object.fromEntries(RISK_SOURCES.map((source) => [source, HYSTERESIS[source].appearAfter])) as TrackerState['runs'] });
const face = assessFrame({ width: 640, height: 480, faces: [{ score: 0.9, box: { x: 260, y: 150, w: 140, h: 150 } }] });
const runAt = (now: number, parts: Parameters<typeof schedule>[0], tracker: Pick<TrackerState, 'tracks' | 'runs'> = newTracker(0)) => {
  const next = nextModelRun(now, schedule(parts), tracker);
  return next === 'rest' ? next : next.run;
};

describe('which model runs next', () => {
  it('starts with objects, then photos, then fills the time with faces until one is due again', () => {
    expect(runAt(0, {})).toBe('objects');
    expect(runAt(0, { lastRunAt: { objects: 0, photos: -Infinity } })).toBe('photos');
    const justRan = { lastRunAt: { objects: 0, photos: 0 } };
    expect(runAt(STILL_PICTURE_SLOWDOWN * PERIODS.objects.everyMs - 1, justRan)).toBe('faces');
    expect(runAt(STILL_PICTURE_SLOWDOWN * PERIODS.objects.everyMs, justRan)).toBe('objects');
  });

  it('stretches the period of a slow model so that it keeps to its share and faces keep theirs', () => {
    // Objects at 400 ms and photos at 550 ms (Chromium, all detectors running) would fill 1.1 of the worker
    // with fixed periods of 0.7 and 1 s.
    expect(periodOf('objects', 400)).toBeCloseTo(400 / PERIODS.objects.maxShare);
    expect(periodOf('photos', 550)).toBeCloseTo(550 / PERIODS.photos.maxShare);
    expect(periodOf('objects', 100)).toBe(PERIODS.objects.everyMs);
  });

  it('runs at once when the picture changes if it has saved a run, which a still spell leaves it', () => {
    const period = PERIODS.objects.everyMs;
    const at = (now: number, creditAfterLastRun: number) =>
      runAt(now, { lastRunAt: { objects: 0, photos: now }, creditAfterLastRun: { objects: creditAfterLastRun, photos: 0 }, changed: { faces: false, objects: true, photos: false } });
    // A run on a still picture leaves half a run saved (MAX_CREDIT less the one spent): half a period after it, a change runs at once.
    expect(at(period / 2, MAX_CREDIT - 1)).toBe('objects');
    expect(at(period / 2 - 1, MAX_CREDIT - 1)).toBe('faces');
    // While the picture keeps changing, it has nothing saved after a run: once a period.
    expect(at(period - 1, 0)).toBe('faces');
    expect(at(period, 0)).toBe('objects');
    expect(creditAt('objects', 10 * period, schedule({ lastRunAt: { objects: 0, photos: 0 }, creditAfterLastRun: { objects: 0, photos: 0 } }))).toBe(MAX_CREDIT);
  });

  it('lets faces look first at a changed picture, once, before the runs the change made due', () => {
    const changed = { changed: { faces: true, objects: true, photos: true } };
    expect(runAt(0, { ...changed, previous: { run: 'photos', why: 'due' } })).toBe('faces');
    expect(runAt(0, { ...changed, previous: { run: 'faces', why: 'fill' } })).toBe('faces');
    expect(runAt(0, { ...changed, previous: { run: 'faces', why: 'changed' } })).toBe('objects');
    // A sighting to confirm still goes first.
    const seenOnce = trackRun(newTracker(0), 'photos', photo, 100);
    expect(nextModelRun(150, schedule({ ...changed, previous: { run: 'photos', why: 'due' } }), seenOnce)).toEqual({ run: 'photos', why: 'confirm' });
  });

  /** How often the app checks whether a still picture has changed while a model rests (useCornerCheck). */
  const STILL_CHECK = 50;
  /**
   * The worker simulated for five minutes, with runs as long as `cost` says. The picture is still, except
   * that something comes into view every `entryEveryMs` (at every phase of the periods), or it changes all
   * the time (0: a hand moving in view). With `tracker` settled, the models may rest on the still picture
   * (checking for a change every STILL_CHECK ms). Returns how long each entry waited for its first faces run
   * and its first objects run, on average, and the share of the worker each model took.
   */
  function simulate(cost: Record<ScheduledRun['run'], number>, entryEveryMs: number, tracker: Pick<TrackerState, 'tracks' | 'runs'> = newTracker(0)) {
    const lastRunAt = { faces: -Infinity, objects: -Infinity, photos: -Infinity };
    const creditAfterLastRun = { objects: MAX_CREDIT, photos: MAX_CREDIT };
    const seenSinceChange = { faces: false, objects: false, photos: false };
    const busy = { faces: 0, objects: 0, photos: 0 };
    const waits = { faces: [] as number[], objects: [] as number[] };
    const waitingSince: { faces?: number; objects?: number } = {};
    let previous: ScheduledRun | undefined;
    let now = 0;
    while (now < 300_000) {
      const changed = { faces: !seenSinceChange.faces, objects: !seenSinceChange.objects, photos: !seenSinceChange.photos };
      const current = schedule({ lastRunAt, creditAfterLastRun, lastMs: cost, changed, previous });
      const next = nextModelRun(now, current, tracker);
      const entry = entryEveryMs > 0 ? Math.ceil((now + 1) / entryEveryMs) * entryEveryMs : now;
      if (next === 'rest') {
        now += STILL_CHECK;
      } else {
        previous = next;
        const { run } = next;
        if (run !== 'faces') creditAfterLastRun[run] = creditAt(run, now, current) - 1;
        lastRunAt[run] = now;
        seenSinceChange[run] = true;
        if (run !== 'photos' && waitingSince[run] !== undefined) {
          waits[run].push(now - waitingSince[run]);
          delete waitingSince[run];
        }
        busy[run] += cost[run];
        now += cost[run];
      }
      if (now >= entry) {
        if (entryEveryMs > 0) waitingSince.faces = waitingSince.objects = entry;
        seenSinceChange.faces = seenSinceChange.objects = seenSinceChange.photos = false;
      }
    }
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    return { faceWait: mean(waits.faces), objectsWait: mean(waits.objects), share: { faces: busy.faces / now, objects: busy.objects / now, photos: busy.photos / now } };
  }

  it('keeps each periodic run to its share while the picture keeps changing, so faces keep theirs', () => {
    const { share } = simulate({ faces: 150, objects: 400, photos: 550 }, 0);
    expect(share.objects).toBeLessThanOrEqual(PERIODS.objects.maxShare + 0.02);
    expect(share.photos).toBeLessThanOrEqual(PERIODS.photos.maxShare + 0.02);
    expect(share.faces).toBeGreaterThanOrEqual(1 - PERIODS.objects.maxShare - PERIODS.photos.maxShare - 0.02);
  });

  it('runs faces and objects soon after something comes into a still picture, and half as often before', () => {
    // Runs as long as the app's (bench/flag-time: faces ~60 ms, objects and sweeps ~300 ms).
    const cost = { faces: 60, objects: 300, photos: 300 };
    const { faceWait, objectsWait, share } = simulate(cost, 5300);
    // Faces wait at most for the run under way, objects for that and one face run: 102 and 264 ms (before
    // the schedule looked at the picture, the same simulation gave 212 and 492 ms).
    expect(faceWait).toBeLessThan(cost.objects);
    expect(objectsWait).toBeLessThan(cost.objects + cost.faces);
    expect(share.objects).toBeLessThanOrEqual(PERIODS.objects.maxShare / STILL_PICTURE_SLOWDOWN + 0.05);
    expect(share.faces).toBeGreaterThan(0.5);
  });

  it('rests faces on a still picture once their flags are settled, and runs them when it changes or after STILL_LOOK_EVERY_MS', () => {
    // Objects and photos are not due before 3400 ms.
    const still = { lastRunAt: { faces: 1000, objects: 2000, photos: 2000 } };
    expect(runAt(2100, still, settled())).toBe('rest');
    expect(runAt(2100, { ...still, changed: { faces: true, objects: false, photos: false } }, settled())).toBe('faces');
    expect(runAt(1000 + STILL_LOOK_EVERY_MS, still, settled())).toBe('faces');
    // Not before they have vouched for the frame (the verdict waits for it), nor while a face waits to be confirmed or cleared.
    expect(runAt(2100, still, newTracker(0))).toBe('faces');
    const seenOnce = trackRun(settled(), 'faces', face, 900);
    expect(runAt(2100, still, seenOnce)).toBe('faces');
    const confirmed = [1, 2].reduce((tracker, run) => trackRun(tracker, 'faces', face, 900 + run), seenOnce);
    expect(runAt(2100, still, confirmed)).toBe('rest');
    expect(runAt(2100, still, trackRun(confirmed, 'faces', [], 950))).toBe('faces');
  });

  it('leaves the worker mostly idle on a still picture once everything is settled, and still runs faces and objects soon after an entry', () => {
    const cost = { faces: 60, objects: 300, photos: 300 };
    const { faceWait, objectsWait, share } = simulate(cost, 5300, settled());
    // Faces wait 20 ms and objects 80 ms on average (102 and 264 ms without rests): usually no run is under way.
    expect(faceWait).toBeLessThan(STILL_CHECK);
    expect(objectsWait).toBeLessThan(cost.faces + STILL_CHECK);
    // Faces take 0.03 of the worker (0.64 without rests), objects and sweeps 0.11 each (0.17 when only faces
    // rested): on the still picture each looks again only every STILL_LOOK_EVERY_MS, or less often if slow.
    expect(share.faces).toBeLessThan(0.05);
    expect(share.objects + share.photos).toBeLessThan(0.25);
  });

  it('rests objects and photo sweeps on a still picture once settled too, for STILL_LOOK_EVERY_MS or longer after a slow run', () => {
    const at = (now: number, objectsMs: number, tracker = settled()) =>
      runAt(now, { lastRunAt: { faces: now - 100, objects: 0, photos: now }, lastMs: { faces: 60, objects: objectsMs, photos: 300 } }, tracker);
    // Due on a still picture after twice its period (1400 ms), objects rest until STILL_LOOK_EVERY_MS...
    expect(at(1500, 150, newTracker(0))).toBe('objects');
    expect(at(1500, 150)).toBe('rest');
    expect(at(STILL_LOOK_EVERY_MS, 150)).toBe('objects');
    // ...or, after a 400-ms run, for 4 s (STILL_LOOK_MAX_SHARE).
    expect(at(3000, 400)).toBe('rest');
    expect(at(400 / STILL_LOOK_MAX_SHARE, 400)).toBe('objects');
  });

  it('holds due periods back while a face waits to be confirmed, for FACE_HOLD_MS at most', () => {
    const faceSeen = trackRun(newTracker(0), 'faces', face, 100);
    const waiting = faceWaitingSince(undefined, faceSeen, 1000);
    expect(waiting).toBe(1000);
    // A second sighting (or a new face) continues the wait; once none waits, the wait is over.
    const seenTwice = trackRun(faceSeen, 'faces', face, 150);
    expect(faceWaitingSince(waiting, seenTwice, 1100)).toBe(1000);
    expect(faceWaitingSince(waiting, trackRun(faceSeen, 'faces', [], 150), 1100)).toBeUndefined();
    const overdue = { lastRunAt: { objects: 0, photos: 0 }, faceWaitingSince: waiting };
    expect(runAt(1000 + FACE_HOLD_MS - 1, overdue, faceSeen)).toBe('faces');
    expect(runAt(1000 + FACE_HOLD_MS, overdue, faceSeen)).toBe('objects');
    // Writing confirms in its own worker over a second or more: holding for it made photos wait seconds.
    const writingSeen = trackRun(newTracker(0), 'writing', assessFrame({ width: 640, height: 480, writing: [0, 1, 2].map((row) => ({ box: { x: 40, y: 240 + row * 16, w: 200, h: 10 }, score: 0.9, thickness: 8 })) }), 100);
    expect(faceWaitingSince(undefined, writingSeen, 1000)).toBeUndefined();
  });

  it('clears a photo taken away from a still corner within two sweep periods, not at the still picture\'s half pace', () => {
    // The worker simulated from the moment a confirmed photo is taken away (the picture changes once, then stays
    // still), with runs as long as in Chromium (bench/flag-time), until the photo's flag clears.
    const cost = { faces: 60, objects: 300, photos: 400 };
    let tracker = trackRun(trackRun(settled(), 'photos', photo, -2000), 'photos', photo, -1000);
    expect(visibleRisks(tracker)).toHaveLength(1);
    const lastRunAt = { faces: -100, objects: -500, photos: -1000 };
    const creditAfterLastRun = { objects: MAX_CREDIT, photos: MAX_CREDIT };
    const changed = { faces: true, objects: true, photos: true };
    let previous: ScheduledRun | undefined;
    let now = 0;
    while (visibleRisks(tracker).length > 0 && now < 20_000) {
      const current = schedule({ lastRunAt, creditAfterLastRun, lastMs: cost, changed, previous });
      const next = nextModelRun(now, current, tracker);
      if (next === 'rest') {
        now += 50;
        continue;
      }
      if (next.run !== 'faces') creditAfterLastRun[next.run] = creditAt(next.run, now, current) - 1;
      lastRunAt[next.run] = now;
      changed[next.run] = false;
      previous = next;
      now += cost[next.run];
      tracker = trackRun(tracker, next.run, [], now);
    }
    // The sweep on the change (after faces and objects look), then one at the half period its credit leaves,
    // then one a period later: 2.8 s. At half pace on the still picture, the last two took 5.3 s more.
    expect(now).toBeLessThanOrEqual(2 * periodOf('photos', cost.photos) + cost.photos);
  });

  it('never sweeps photos when they are off (during a take)', () => {
    expect(runAt(10_000, { lastRunAt: { objects: 10_000, photos: 0 }, photos: false })).toBe('faces');
  });

  it('repeats a sweep at once to confirm a photo it has just seen, but not twice in a row', () => {
    const seenOnce = trackRun(newTracker(0), 'photos', photo, 100);
    const lastRunAt = { objects: 100, photos: 100 };
    expect(nextModelRun(150, schedule({ lastRunAt, previous: { run: 'photos', why: 'due' } }), seenOnce)).toEqual({ run: 'photos', why: 'confirm' });
    // The confirmation saw a different face (a new unconfirmed track): faces get their turn first.
    expect(runAt(450, { lastRunAt: { objects: 100, photos: 400 }, previous: { run: 'photos', why: 'confirm' } }, seenOnce)).toBe('faces');
    const confirmed = trackRun(seenOnce, 'photos', photo, 400);
    expect(runAt(450, { lastRunAt: { objects: 100, photos: 400 }, previous: { run: 'photos', why: 'confirm' } }, confirmed)).toBe('faces');
  });
});

describe('confirming a photo around what is new', () => {
  const photoAt = (boxes: Array<{ x: number; y: number; w: number; h: number }>) => assessFrame({ width: 640, height: 480, tileFaces: boxes.map((box) => ({ score: 0.9, box })) });

  it('looks only around the new sightings, grown by a quarter on each side, within the frame', () => {
    const seenOnce = trackRun(newTracker(0), 'photos', photoAt([{ x: 470, y: 60, w: 40, h: 40 }]), 100);
    expect(confirmationRegion(seenOnce, 'photos', { width: 640, height: 480 })).toEqual({ x: 460, y: 50, w: 60, h: 60 });
    // Confirmed tracks, and other detectors' sightings, are not looked at again.
    expect(confirmationRegion(trackRun(seenOnce, 'photos', photoAt([{ x: 470, y: 60, w: 40, h: 40 }]), 200), 'photos', { width: 640, height: 480 })).toBeUndefined();
    expect(confirmationRegion(seenOnce, 'faces', { width: 640, height: 480 })).toBeUndefined();
    // Near the edge, the region stops at the frame.
    expect(confirmationRegion(trackRun(newTracker(0), 'photos', photoAt([{ x: 600, y: 440, w: 40, h: 40 }]), 100), 'photos', { width: 640, height: 480 })).toEqual({ x: 590, y: 430, w: 50, h: 50 });
  });

  it('looks at the whole frame when what is new spreads over most of it', () => {
    const corners = photoAt([{ x: 10, y: 10, w: 40, h: 40 }, { x: 590, y: 430, w: 40, h: 40 }]);
    expect(confirmationRegion(trackRun(newTracker(0), 'photos', corners, 100), 'photos', { width: 640, height: 480 })).toBeUndefined();
  });
});

describe('where an objects run looks', () => {
  const monitor = assessFrame({ width: 640, height: 480, objects: [{ label: 'tv', score: 0.5, box: { x: 240, y: 40, w: 160, h: 100 } }] });
  const seenOnce = trackRun(newTracker(0), 'objects', monitor, 100);

  it('confirms around what it saw; otherwise looks at all of the frame', () => {
    expect(objectsRunRegion('confirm', seenOnce, { width: 640, height: 480 })).toEqual(confirmationRegion(seenOnce, 'objects', { width: 640, height: 480 }));
    expect(objectsRunRegion('confirm', seenOnce, { width: 640, height: 480 })).toEqual({ x: 200, y: 15, w: 240, h: 150 });
    expect(objectsRunRegion('due', seenOnce, { width: 640, height: 480 })).toBeUndefined();
    expect(objectsRunRegion('confirm', newTracker(0), { width: 640, height: 480 })).toBeUndefined();
  });
});

describe('where a photo sweep looks', () => {
  const FRAME = { width: 640, height: 480 };
  const seenOnce = trackRun(newTracker(0), 'photos', photo, 100);
  /** The last whole sweep: half a second ago, 300 ms long. */
  const recent = { sinceMs: 500, ms: 300 };

  it('confirms around what it saw, whatever changed', () => {
    expect(photoSweepRegion('confirm', seenOnce, FRAME, { x: 0, y: 0, w: 100, h: 100 }, recent)).toEqual(confirmationRegion(seenOnce, 'photos', FRAME));
  });

  it('sweeps only where the picture changed, a thumbnail cell (20 px) around it, within the frame', () => {
    expect(photoSweepRegion('due', newTracker(0), FRAME, { x: 300, y: 200, w: 60, h: 80 }, recent)).toEqual({ x: 280, y: 180, w: 100, h: 120 });
    expect(photoSweepRegion('due', newTracker(0), FRAME, { x: 0, y: 440, w: 60, h: 40 }, recent)).toEqual({ x: 0, y: 420, w: 80, h: 60 });
  });

  it('sweeps all of the frame when nothing changed (its period came round) or most of it did', () => {
    expect(photoSweepRegion('due', newTracker(0), FRAME, undefined, recent)).toBeUndefined();
    expect(photoSweepRegion('due', newTracker(0), FRAME, { x: 0, y: 0, w: 600, h: 400 }, recent)).toBeUndefined();
  });

  it('also looks again where a flag is clearing, so that a photo taken away while something moves elsewhere clears', () => {
    const flagged = trackRun(trackRun(newTracker(0), 'photos', photo, 100), 'photos', photo, 200);
    const missedOnce = trackRun(flagged, 'photos', [], 300);
    expect(visibleRisks(missedOnce)).toHaveLength(1);
    const corner = { x: 20, y: 10, w: 100, h: 80 };
    // The photo at 470..500 x 60..90 and the corner, a cell around both.
    expect(photoSweepRegion('due', missedOnce, FRAME, corner, recent)).toEqual({ x: 0, y: 0, w: 520, h: 110 });
    expect(photoSweepRegion('due', flagged, FRAME, corner, recent)).toEqual({ x: 0, y: 0, w: 140, h: 110 });
  });

  it('sweeps all of the frame as often as on a still picture, however long something keeps moving in a corner', () => {
    const corner = { x: 20, y: 10, w: 200, h: 180 };
    expect(photoSweepRegion('due', newTracker(0), FRAME, corner, { sinceMs: STILL_LOOK_EVERY_MS - 1, ms: 100 })).toBeDefined();
    expect(photoSweepRegion('due', newTracker(0), FRAME, corner, { sinceMs: STILL_LOOK_EVERY_MS, ms: 100 })).toBeUndefined();
    // A slow sweep comes round less often, as it does on a still picture.
    const slow = 400 / STILL_LOOK_MAX_SHARE;
    expect(photoSweepRegion('due', newTracker(0), FRAME, corner, { sinceMs: slow - 1, ms: 400 })).toBeDefined();
    expect(photoSweepRegion('due', newTracker(0), FRAME, corner, { sinceMs: slow, ms: 400 })).toBeUndefined();
  });
});
