/**
 * The corner check's loops on a virtual clock, with a fake camera and fake workers that take model-like time:
 * what the user sees (a flag after a risk comes into view, gone after it leaves, a quote once text is read)
 * and what the CPU pays (rest on a still picture, no reading without writing, nothing after stop).
 */
import { describe, expect, it } from 'vitest';
import { BOTH_OBJECT_MODELS, type FaceDetection, type ObjectDetection, type ObjectModels, type TextLine } from '../../core/corner/detections.std';
import { THUMBNAIL } from '../../core/corner/sceneChange.std';
import { type TrackerState, newTracker } from '../../core/corner/tracker.std';
import type { WritingLine } from '../../core/corner/writingLines.std';
import { type CheckDevices, startCheckLoops } from './checkLoops.dom';
import type { DetectReply, ModelRun } from './detectorProtocol.dom';

/** Model times like the app's on two cores (bench/detect): a run holds its worker this long. */
const RUN_MS: Record<ModelRun, number> = { faces: 30, objects: 140, photos: 140, writing: 260 };
const FRAME = { width: 640, height: 480 };

function virtualClock() {
  let now = 0;
  const timers: Array<{ at: number; resolve: () => void }> = [];
  // A macrotask runs only once every pending promise callback has: all loops have gone as far as they can.
  const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
  return {
    now: () => now,
    wallNow: () => 1_800_000_000_000 + now,
    sleep: (ms: number) => new Promise<void>((resolve) => timers.push({ at: now + ms, resolve })),
    /** Lets every loop run until virtual time `until`, firing timers in order. */
    async runUntil(until: number) {
      for (;;) {
        await settle();
        timers.sort((a, b) => a.at - b.at);
        const next = timers[0];
        if (!next || next.at > until) {
          now = until;
          return;
        }
        timers.shift();
        now = Math.max(now, next.at);
        next.resolve();
      }
    },
  };
}

/** What the fake camera shows: what each model would find in it, and its thumbnail (sceneChange.std.ts). */
type Scene = { faces: FaceDetection[]; objects: ObjectDetection[]; ssdObjects?: ObjectDetection[]; writing: WritingLine[]; picture: Uint8Array };
/** A grey picture with a dark 4x4-cell patch whose left edge is at cell `patchAt` (something in view). */
function picture(patchAt: number): Uint8Array {
  const cells = new Uint8Array(THUMBNAIL.width * THUMBNAIL.height).fill(120);
  for (let y = 10; y < 14; y++) for (let x = patchAt; x < patchAt + 4; x++) cells[y * THUMBNAIL.width + x] = 20;
  return cells;
}

function fakeCheck(scene: Scene, options: { text?: boolean; photos?: boolean; read?: TextLine[] } = {}) {
  const clock = virtualClock();
  const runs: Array<{ run: ModelRun; at: number; thumbnail?: Uint8Array; objectModels?: ObjectModels }> = [];
  const readings: Array<{ at: number; lines: readonly WritingLine[] }> = [];
  let frames = true;
  const detect = async ({ run, thumbnail, objectModels }: { run: ModelRun; thumbnail?: Uint8Array; objectModels?: ObjectModels }): Promise<DetectReply | undefined> => {
    if (!frames) return undefined;
    runs.push({ run, at: clock.now(), ...(thumbnail ? { thumbnail } : {}), ...(objectModels ? { objectModels } : {}) });
    await clock.sleep(RUN_MS[run]);
    const { centernet, ssd } = run === 'objects' ? (objectModels ?? BOTH_OBJECT_MODELS) : { centernet: false, ssd: false };
    const found = { faces: run === 'faces' || run === 'photos' ? scene.faces : [], faceboxes: [], objects: centernet ? scene.objects : [], ssdObjects: ssd ? (scene.ssdObjects ?? []) : [], writing: run === 'writing' ? scene.writing : [] };
    return { kind: 'detected', id: runs.length, ms: RUN_MS[run], ...found };
  };
  const devices: CheckDevices = {
    camera: { ready: () => true, size: () => FRAME, thumbnail: async () => scene.picture },
    models: detect,
    ...(options.text
      ? {
          writing: detect,
          startOcr: async () => ({
            read: async (lines: readonly WritingLine[]) => {
              readings.push({ at: clock.now(), lines });
              await clock.sleep(800);
              return options.read ?? [];
            },
            close: async () => undefined,
          }),
        }
      : {}),
    clock,
  };
  let tracker: TrackerState = newTracker(clock.wallNow());
  const errors: string[] = [];
  const stop = startCheckLoops(devices, { get: () => tracker, set: (next) => (tracker = next) }, { onRun: () => undefined, onError: (message) => errors.push(message) }, { photos: options.photos ?? true });
  return {
    clock,
    runs,
    readings,
    errors,
    stop,
    flags: () => tracker.tracks.filter((track) => track.confirmed),
    cameraGivesFrames: (giving: boolean) => (frames = giving),
  };
}

const face: FaceDetection = { score: 0.9, box: { x: 260, y: 120, w: 110, h: 130 } };
const monitor: ObjectDetection = { label: 'tv', score: 0.8, box: { x: 40, y: 60, w: 220, h: 150 } };
const page: WritingLine[] = [0, 1, 2, 3, 4].map((line) => ({ box: { x: 380, y: 260 + line * 22, w: 200, h: 12 }, score: 0.9, thickness: 12 }));
const empty = (): Scene => ({ faces: [], objects: [], writing: [], picture: picture(0) });

describe('the corner check loops', () => {
  it('flags a face and a screen within a second of the check starting, and clears them once they go', async () => {
    const scene = { ...empty(), faces: [face], objects: [monitor] };
    const check = fakeCheck(scene);
    await check.clock.runUntil(1000);
    expect(check.flags().map((flag) => flag.category).sort()).toEqual(['face', 'screen']);
    Object.assign(scene, { faces: [], objects: [], picture: picture(12) });
    await check.clock.runUntil(6000);
    expect(check.flags()).toEqual([]);
    check.stop();
  });

  it('confirms a screen only SSDLite sees with SSDLite alone, and does not count that as a miss of CenterNet\'s monitor', async () => {
    const scene = { ...empty(), objects: [monitor] };
    const check = fakeCheck(scene, { photos: false });
    await check.clock.runUntil(2000);
    expect(check.flags().map((flag) => flag.label)).toEqual(['Screen']);
    // The monitor goes as a laptop only SSDLite sees comes into view beside it, close enough that the
    // confirmation around the laptop takes in the monitor's place.
    const laptop: ObjectDetection = { label: 'laptop', score: 0.9, box: { x: 180, y: 150, w: 180, h: 120 } };
    Object.assign(scene, { objects: [], ssdObjects: [laptop], picture: picture(20) });
    const changedAt = check.clock.now();
    const objectsRuns = () => check.runs.filter((run) => run.run === 'objects' && run.at >= changedAt);
    // Up to just after the confirmation: the laptop is flagged, and the monitor has missed one run, not two.
    for (let at = changedAt; !(objectsRuns().length >= 2 && at > objectsRuns()[1]!.at + RUN_MS.objects) && at < changedAt + 3000; at += 10) await check.clock.runUntil(at);
    const [seen, confirmation] = objectsRuns();
    expect(seen?.objectModels).toEqual(BOTH_OBJECT_MODELS);
    expect(confirmation?.objectModels).toEqual({ centernet: false, ssd: true });
    expect(check.flags().map((flag) => [flag.label, flag.misses])).toEqual([['Screen', 1], ['Laptop screen', 0]]);
    check.stop();
  });

  it('rests on a still picture once its flags are settled, and looks again as soon as it changes', async () => {
    const scene = empty();
    const check = fakeCheck(scene);
    await check.clock.runUntil(3000);
    const stillFrom = check.runs.length;
    await check.clock.runUntil(13_000);
    const stillRuns = check.runs.length - stillFrom;

    // The same ten seconds while something moves in view: the picture changes every 100 ms.
    const movingScene = empty();
    const moving = fakeCheck(movingScene);
    for (let at = 100; at <= 13_000; at += 100) {
      await moving.clock.runUntil(at);
      movingScene.picture = picture((at / 100) % 2 ? 4 : 20);
    }
    const movingRuns = moving.runs.filter((run) => run.at >= 3000).length;
    expect(stillRuns).toBeGreaterThan(0);
    expect(stillRuns).toBeLessThan(movingRuns / 2);

    scene.faces = [face];
    scene.picture = picture(24);
    const changedAt = check.clock.now();
    await check.clock.runUntil(changedAt + 1000);
    expect(check.runs.find((run) => run.at >= changedAt)?.run).toBe('faces');
    expect(check.flags().map((flag) => flag.category)).toEqual(['face']);
    check.stop();
    moving.stop();
  });

  it('shows the photos worker the picture it was scheduled on, so FaceBoxes\' older finds stand only where nothing changed', async () => {
    const scene = empty();
    const check = fakeCheck(scene);
    await check.clock.runUntil(1500);
    scene.picture = picture(16);
    await check.clock.runUntil(4000);
    const photos = check.runs.filter((run) => run.run === 'photos');
    expect(photos.length).toBeGreaterThan(1);
    expect(photos.every((run) => run.thumbnail !== undefined)).toBe(true);
    expect(photos.at(-1)!.thumbnail).toEqual(picture(16));
    expect(check.runs.filter((run) => run.run !== 'photos').every((run) => run.thumbnail === undefined)).toBe(true);
    check.stop();
  });

  it('reads writing only while the text detector sees some, and quotes what it read on the flag', async () => {
    const scene = empty();
    const quote: TextLine = { text: 'Jane Doe, 12 Main Street', confidence: 91, box: { x: 385, y: 262, w: 190, h: 12 } };
    const check = fakeCheck(scene, { text: true, read: [quote] });
    await check.clock.runUntil(5000);
    expect(check.readings).toEqual([]);

    Object.assign(scene, { writing: page, picture: picture(16) });
    await check.clock.runUntil(12_000);
    expect(check.readings.length).toBeGreaterThan(0);
    expect(check.readings[0]!.lines).toEqual(page);
    const paper = check.flags().find((flag) => flag.category === 'document');
    expect(paper?.text).toContain('Jane Doe');
    check.stop();
  });

  it('waits for a camera that has no frame to give, and checks once it has', async () => {
    const check = fakeCheck({ ...empty(), faces: [face] });
    check.cameraGivesFrames(false);
    await check.clock.runUntil(2000);
    expect(check.runs).toEqual([]);
    check.cameraGivesFrames(true);
    await check.clock.runUntil(3000);
    expect(check.flags().map((flag) => flag.category)).toEqual(['face']);
    expect(check.errors).toEqual([]);
    check.stop();
  });

  it('runs nothing after it is stopped', async () => {
    const check = fakeCheck({ ...empty(), faces: [face] }, { text: true });
    await check.clock.runUntil(1000);
    check.stop();
    const stoppedAt = check.clock.now();
    await check.clock.runUntil(10_000);
    expect(check.runs.filter((run) => run.at > stoppedAt)).toEqual([]);
  });
});
