import { describe, expect, it } from 'vitest';
import { THUMBNAIL } from '../corner/sceneChange.std';
import type { Box } from '../media/geometry.std';
import { REDACT_REFRESH_SECONDS, SCREEN_TILES_EVERY_OBJECTS_LOOKS, type ScheduleState, firstFrameSeconds, planDecodeFrames, planFirstFrame, redactFrameRate, selfCheckWritingRegion, sourcesAt } from './redactPlan.std';

const still = new Uint8Array(THUMBNAIL.width * THUMBNAIL.height).fill(100);
/** The picture on `frame` of a pan: a different set of cells lit on each frame. */
const panned = (frame: number) => Uint8Array.from(still, (value, cell) => ((cell + frame) % 7 === 0 ? value + 60 : value));

const SIZE = { width: 1280, height: 720 };
const clipAt = (framesPerSecond: number, isLast: boolean, stillSince: (from: number) => boolean = () => false) => ({ framesPerSecond, isLast, size: SIZE, stillSince });

function run(frames: number, thumbnailAt: (frame: number) => Uint8Array, stillSince?: (from: number) => boolean) {
  let state: ScheduleState = {};
  const ran: Record<string, number[]> = { faces: [], photos: [], objects: [], writing: [], screenTiles: [] };
  const regions = new Map<number, Box>();
  for (let frame = 0; frame < frames; frame += 1) {
    const planned = sourcesAt(frame, () => thumbnailAt(frame), state, clipAt(30, frame === frames - 1, stillSince));
    state = planned.state;
    for (const source of planned.sources) ran[source]!.push(frame);
    if (planned.screenTiles) ran.screenTiles!.push(frame);
    if (planned.writingRegion) regions.set(frame, planned.writingRegion);
  }
  return Object.assign(ran, { regions });
}

describe('sourcesAt', () => {
  it('on a still picture: faces on every beat, the rest at the start, every refresh and on the last frame', () => {
    const ran = run(400, () => still);
    expect(ran.faces!.slice(0, 4)).toEqual([0, 6, 12, 18]);
    const refresh = REDACT_REFRESH_SECONDS * 30;
    expect(ran.objects).toEqual([0, refresh, 2 * refresh, 399]);
    expect(ran.writing).toEqual([0, refresh, 2 * refresh, 399]);
  });

  it('when the picture keeps changing: every detector on its own beat', () => {
    const ran = run(121, panned);
    expect(ran.objects).toEqual([0, 30, 60, 90, 120]);
    expect(ran.photos).toEqual([0, 60, 120]);
  });

  it('looks for screens in the tiles on one objects look in three, and on the first and last frame', () => {
    expect(SCREEN_TILES_EVERY_OBJECTS_LOOKS).toBe(3);
    const panning = run(301, panned);
    expect(panning.objects).toEqual([0, 30, 60, 90, 120, 150, 180, 210, 240, 270, 300]);
    expect(panning.screenTiles).toEqual([0, 90, 180, 270, 300]);
    // On a still picture objects look only at each refresh: one of those in three looks in the tiles too.
    const refresh = REDACT_REFRESH_SECONDS * 30;
    expect(run(1000, () => still).screenTiles).toEqual([0, 3 * refresh, 6 * refresh, 999]);
    // A photo's only frame.
    expect(run(1, () => still).screenTiles).toEqual([0]);
  });

  it('looks in the tiles only every 15 s on a camera held still, however much moves in front of it', () => {
    const refresh = REDACT_REFRESH_SECONDS * 30;
    const hand = run(1000, panned, () => true);
    expect(hand.objects!.slice(0, 4)).toEqual([0, 30, 60, 90]);
    expect(hand.screenTiles).toEqual([0, 3 * refresh, 6 * refresh, 999]);
    // The camera moved since the tiles last looked: one objects look in three again.
    const moved = run(301, panned, (from) => from >= 90);
    expect(moved.screenTiles).toEqual([0, 90, 300]);
  });

  it('keeps one objects look in three for the tiles at a rate that is not a whole number', () => {
    // 12.4 fps: objects every 12 frames; the tiles on every third of them, not by a clock that rounds to a fourth.
    let state: ScheduleState = {};
    const objects: number[] = [];
    const tiles: number[] = [];
    for (let frame = 0; frame < 200; frame += 1) {
      const planned = sourcesAt(frame, () => panned(frame), state, clipAt(12.4, false));
      state = planned.state;
      if (planned.sources.includes('objects')) objects.push(frame);
      if (planned.screenTiles) tiles.push(frame);
    }
    expect(tiles).toEqual(objects.filter((_, i) => i % 3 === 0));
  });
});

describe('where writing is read on a still camera', () => {
  /** A hand-sized patch (4x4 cells) that is at cells 8..11 across on odd seconds and at 14..17 on even ones, 6..9 down. */
  const handAt = (frame: number) => {
    const left = frame < 30 ? -100 : Math.floor(frame / 30) % 2 === 1 ? 8 : 14;
    return Uint8Array.from(still, (value, cell) => {
      const [x, y] = [cell % THUMBNAIL.width, Math.floor(cell / THUMBNAIL.width)];
      return x >= left && x < left + 4 && y >= 6 && y < 10 ? value + 60 : value;
    });
  };

  it('reads only where the picture changed, grown by a cell, while the camera holds still', () => {
    const ran = run(150, handAt, () => true);
    expect(ran.writing).toEqual([0, 30, 60, 90, 120, 149]);
    // Cells 8..11 and 6..9 of a 32x24 grid over 1280x720: a cell more each way.
    const cell = { w: 1280 / 32, h: 720 / 24 };
    expect(ran.regions.get(30)).toEqual({ x: 7 * cell.w, y: 5 * cell.h, w: 6 * cell.w, h: 6 * cell.h });
    // Where the hand went and where it left, though the cells it left went back to what most cells of their
    // old brightness did (what a change of exposure does too).
    expect(ran.regions.get(60)).toEqual({ x: 7 * cell.w, y: 5 * cell.h, w: 12 * cell.w, h: 6 * cell.h });
    expect([...ran.regions.keys()]).toEqual([30, 60, 90, 120]);
  });

  it('reads the whole frame once the camera moved, and at every refresh counted from the last whole look', () => {
    expect(run(150, handAt, () => false).regions.size).toBe(0);
    const refresh = REDACT_REFRESH_SECONDS * 30;
    // Frame 2 * refresh is not the last: it is read whole for the refresh, not as the last frame.
    const long = run(2 * refresh + 2, handAt, () => true);
    const whole = long.writing!.filter((frame) => !long.regions.has(frame));
    expect(whole).toEqual([0, refresh, 2 * refresh, 2 * refresh + 1]);
  });

  it('reads the whole frame when the change spans more than half of it', () => {
    const twoHands = (frame: number) =>
      frame < 30 ? still : Uint8Array.from(still, (value, cell) => {
        const [x, y] = [cell % THUMBNAIL.width, Math.floor(cell / THUMBNAIL.width)];
        return (x < 3 && y < 3) || (x > 28 && y > 20) ? value + 60 : value;
      });
    const ran = run(61, twoHands, () => true);
    expect(ran.writing).toContain(30);
    expect(ran.regions.has(30)).toBe(false);
  });
});

describe('decoding and stamping frames', () => {
  it('decodes every frame once, upright, at the copy size, as raw yuv420p', () => {
    const { outputOptions, inputs } = planDecodeFrames('in.mp4', { width: 640, height: 360 }, { leading: ['transpose=1'], inputOptions: ['-noautorotate'] });
    expect(inputs[0]!.options).toContain('-noautorotate');
    expect(outputOptions.join(' ')).toContain('-vf transpose=1,scale=640:360:flags=lanczos,format=yuv420p -fps_mode passthrough -f rawvideo');
  });

  it('puts a clip on a grid of its rate: a phone that lowered its rate on its average, before scaling', () => {
    // A phone clip: 30 fps nominal, 21.1 on average (it halved its rate in dim light).
    expect(redactFrameRate({ framesPerSecond: 30, averageFramesPerSecond: 3150 / 149 })).toBe(3150 / 149);
    expect(redactFrameRate({ framesPerSecond: 30000 / 1001, averageFramesPerSecond: 29.97 })).toBe(30000 / 1001);
    // A stream that understates its length looks faster on average: its nominal rate stands.
    expect(redactFrameRate({ framesPerSecond: 25, averageFramesPerSecond: 26 })).toBe(25);
    expect(redactFrameRate({ framesPerSecond: 25 })).toBe(25);
    expect(redactFrameRate(undefined)).toBe(30);
    const { outputOptions } = planDecodeFrames('in.mp4', { width: 640, height: 360 }, { rate: 3150 / 149 });
    expect(outputOptions.join(' ')).toContain('-vf fps=21.140940,scale=640:360:flags=lanczos,format=yuv420p');
  });

  it('starts the grid at the file\'s start for a picture that starts after its sound', () => {
    const { outputOptions } = planDecodeFrames('in.mkv', { width: 640, height: 360 }, { rate: 30, fromFileStart: true });
    expect(outputOptions.join(' ')).toContain('-vf fps=30.000000:start_time=0,scale=640:360');
    // showinfo's line for the first frame of a picture that starts 0.521 s in, and of one with frames stamped
    // before its start (a camera's MTS file).
    expect(firstFrameSeconds('[Parsed_showinfo_0 @ 0x5] n:   0 pts:    521 pts_time:0.521   duration:33')).toBe(0.521);
    expect(firstFrameSeconds('[Parsed_showinfo_0 @ 0x5] n:   0 pts:  -7200 pts_time:-0.08   duration:1800')).toBe(-0.08);
    expect(firstFrameSeconds('[Parsed_showinfo_0 @ 0x5] n:   0 pts:      1 pts_time:1.11111e-05 duration:1')).toBeCloseTo(0.0000111);
    expect(firstFrameSeconds('[Parsed_showinfo_0 @ 0x5] n:   0 pts:NOPTS pts_time:NOPTS duration:0')).toBe(0);
    expect(firstFrameSeconds('  title: pts_time:9\nOutput file is empty, nothing was encoded')).toBeUndefined();
    expect(planFirstFrame('in.mkv').outputOptions.join(' ')).toContain('-map 0:v:0 -frames:v 1 -vf showinfo -f null');
  });
});

describe('selfCheckWritingRegion', () => {
  it('reads around the hidden regions, grown so a line leaving one is read whole, or all of a frame they fill', () => {
    // A letter and a face: the box around both, 36 px (5 % of 720) more each way, inside the picture.
    expect(selfCheckWritingRegion([{ x: 100, y: 400, w: 200, h: 150 }, { x: 500, y: 100, w: 80, h: 100 }], SIZE)).toEqual({ x: 64, y: 64, w: 552, h: 522 });
    expect(selfCheckWritingRegion([{ x: 0, y: 0, w: 40, h: 40 }], SIZE)).toEqual({ x: 0, y: 0, w: 76, h: 76 });
    // Two regions at opposite corners: the box around them is most of the frame, so all of it is read.
    expect(selfCheckWritingRegion([{ x: 0, y: 0, w: 100, h: 100 }, { x: 1100, y: 600, w: 100, h: 100 }], SIZE)).toBeUndefined();
    expect(selfCheckWritingRegion([], SIZE)).toBeUndefined();
  });
});
