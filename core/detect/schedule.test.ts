import { describe, expect, it } from 'vitest';
import { assessFrame } from './risks.std';
import { OBJECTS_EVERY_MS, PHOTOS_EVERY_MS, nextModelRun } from './schedule.std';
import { newTracker, trackRun } from './tracker.std';

const never = { objects: -Infinity, photos: -Infinity };
const photo = assessFrame({ width: 640, height: 480, tileFaces: [{ score: 0.9, box: { x: 470, y: 60, w: 30, h: 30 } }] });

describe('which model runs next', () => {
  it('starts with objects, then photos, then fills the time with faces until a period is up', () => {
    const idle = newTracker(0);
    expect(nextModelRun(0, { lastRunAt: never, photos: true }, idle)).toBe('objects');
    expect(nextModelRun(0, { lastRunAt: { objects: 0, photos: -Infinity }, photos: true }, idle)).toBe('photos');
    const justRan = { objects: 0, photos: 0 };
    expect(nextModelRun(OBJECTS_EVERY_MS - 1, { lastRunAt: justRan, photos: true }, idle)).toBe('faces');
    expect(nextModelRun(OBJECTS_EVERY_MS, { lastRunAt: justRan, photos: true }, idle)).toBe('objects');
    expect(nextModelRun(PHOTOS_EVERY_MS, { lastRunAt: { objects: PHOTOS_EVERY_MS, photos: 0 }, photos: true }, idle)).toBe('photos');
  });

  it('never sweeps photos when they are off (during a take)', () => {
    expect(nextModelRun(10_000, { lastRunAt: { objects: 10_000, photos: 0 }, photos: false }, newTracker(0))).toBe('faces');
  });

  it('repeats a sweep at once to confirm or drop a photo it has just seen, then waits its period again', () => {
    const seenOnce = trackRun(newTracker(0), 'photos', photo, 100);
    const lastRunAt = { objects: 100, photos: 100 };
    expect(nextModelRun(150, { lastRunAt, photos: true }, seenOnce)).toBe('photos');
    const confirmed = trackRun(seenOnce, 'photos', photo, 400);
    expect(nextModelRun(450, { lastRunAt: { objects: 100, photos: 400 }, photos: true }, confirmed)).toBe('faces');
    const dropped = trackRun(seenOnce, 'photos', [], 400);
    expect(nextModelRun(450, { lastRunAt: { objects: 100, photos: 400 }, photos: true }, dropped)).toBe('faces');
  });
});
