/**
 * The real detector for tests and benchmarks that scan images: opened once before a file's tests, closed
 * after them, with a scratch folder for the scenes they plant.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { type Risk, assessFrame } from '../../core/corner/risks.std';
import { nextWritingLook } from '../../core/corner/writingSchedule.std';
import { type RunScope, type TrackedRisk, newTracker, trackRun, visibleRisks } from '../../core/corner/tracker.std';
import { WRITING_GLANCE_LONG_SIDE } from '../../core/corner/writingModel.std';
import { type FrameInput, NodeDetector } from '../../services/corner/detector.node';
import { closeExiftool } from '../../services/media/exiftool.node';

/** Call at the top of a test or bench file: it registers the file's beforeAll and afterAll. */
export function useDetector(): { readonly detector: NodeDetector; scratchFile: (name: string) => string } {
  let detector: NodeDetector | undefined;
  let scratch = '';
  beforeAll(async () => {
    detector = await NodeDetector.open();
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-detect-'));
  }, 120_000);
  afterAll(async () => {
    await detector?.close();
    await closeExiftool();
    fs.rmSync(scratch, { recursive: true, force: true });
  });
  return {
    get detector() {
      if (!detector) throw new Error('useDetector: the detector opens in beforeAll');
      return detector;
    },
    scratchFile: (name) => path.join(scratch, name),
  };
}

/**
 * The app's first two looks of the text detector at a 640x480 frame, as its schedule makes them: a glance at
 * the whole frame (what it `saw`), then, if it saw writing, a glance at the part around it (`around`), and the
 * flags the two confirm.
 */
export async function glanceThenAround(detector: NodeDetector, frame: FrameInput): Promise<{ saw: Risk[]; around?: RunScope; confirmed: TrackedRisk[] }> {
  const look = async (scope: RunScope) => assessFrame({ width: frame.width, height: frame.height, writing: await detector.runWriting(frame, WRITING_GLANCE_LONG_SIDE, scope.lookedAt) });
  const saw = await look({ glance: true });
  const seenOnce = trackRun(newTracker(0), 'writing', saw, 100, { glance: true });
  // The same still frame, glanced at 100 ms ago and never looked at in full.
  const around = nextWritingLook(1, { glance: true }, seenOnce, frame, { changedSinceLook: false, changedSinceFullLook: true, sinceLookMs: 100, lookMs: 100 });
  if (around === 'rest' || !around.lookedAt) return { saw, confirmed: [] };
  return { saw, around, confirmed: visibleRisks(trackRun(seenOnce, 'writing', await look(around), 200, around)) };
}
