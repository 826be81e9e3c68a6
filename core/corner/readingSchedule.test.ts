import { describe, expect, it } from 'vitest';
import { READING_YIELDS_FOR_MS, READ_WHEN_STILL_FOR_MS, READ_WHILE_MOVING_EVERY_MS, readingOutdated, readingPutOff, readingYields, writingStillness } from './readingSchedule.std';
import { assessFrame } from './risks.std';
import { THUMBNAIL } from './sceneChange.std';
import { newTracker, trackRun } from './tracker.std';

describe('when tesseract reads again', () => {
  const FRAME = { width: 640, height: 480 };
  /** Three lines of writing from `x`, `y`: a paper 150x84 px. */
  const paperAt = (x: number, y: number) => [0, 1, 2].map((row) => ({ box: { x, y: y + row * 36, w: 150, h: 12 }, score: 0.9, thickness: 12 }));
  // A paper at 40..190 x 100..184 (20x20-px cells: columns 2-9, rows 5-9).
  const paper = trackRun(newTracker(0), 'writing', assessFrame({ ...FRAME, writing: paperAt(40, 100) }), 100);
  const room = Uint8Array.from({ length: THUMBNAIL.width * THUMBNAIL.height }, (_, cell) => 40 + ((cell * 7) % 160));
  const readThen = { picture: room, writingIds: new Set(paper.tracks.map((track) => track.id)) };
  const changedAt = (row: number, columns: number[]) => {
    const picture = room.slice();
    for (const column of columns) picture[row * THUMBNAIL.width + column] = picture[row * THUMBNAIL.width + column]! + 40;
    return picture;
  };

  it('reads again when the picture changes where writing is, or new writing comes into view, not for a change elsewhere', () => {
    expect(readingOutdated(readThen, room, paper, FRAME)).toBe(false);
    expect(readingOutdated(readThen, changedAt(6, [3, 4]), paper, FRAME)).toBe(true);
    // A hand moving in the top right corner leaves the page as it was read.
    expect(readingOutdated(readThen, changedAt(1, [28, 29]), paper, FRAME)).toBe(false);
    const another = trackRun(paper, 'writing', assessFrame({ ...FRAME, writing: [...paperAt(40, 100), ...paperAt(400, 300)] }), 200);
    expect(readingOutdated(readThen, room, another, FRAME)).toBe(true);
    // Without a thumbnail, nothing tells that the page is as it was.
    expect(readingOutdated(readThen, undefined, paper, FRAME)).toBe(true);
  });

  it('while something keeps moving over the page, reads it again once that part holds still, or every few seconds', () => {
    const hand = changedAt(6, [3, 4]);
    const handMoved = changedAt(7, [3, 4]);
    // The hand over the page at 1000 ms, still there and moved at 1100: the part under writing last changed at 1100.
    let stillness = writingStillness({ since: 0, picture: room }, hand, paper, FRAME, 1000);
    expect(stillness.since).toBe(1000);
    stillness = writingStillness(stillness, hand, paper, FRAME, 1050);
    expect(stillness.since).toBe(1000);
    stillness = writingStillness(stillness, handMoved, paper, FRAME, 1100);
    expect(stillness.since).toBe(1100);
    // A change elsewhere leaves the page as still as it was.
    expect(writingStillness(stillness, changedAt(1, [28, 29]), paper, FRAME, 1200).since).toBe(1100);
    const read = { ...readThen, at: 500 };
    expect(readingPutOff(read, paper, stillness, 1100 + READ_WHEN_STILL_FOR_MS - 1)).toBe(true);
    expect(readingPutOff(read, paper, stillness, 1100 + READ_WHEN_STILL_FOR_MS)).toBe(false);
    // It keeps moving: read all the same once the last reading is READ_WHILE_MOVING_EVERY_MS old.
    const moving = { since: 4400, picture: handMoved };
    expect(readingPutOff(read, paper, moving, 500 + READ_WHILE_MOVING_EVERY_MS - 1)).toBe(true);
    expect(readingPutOff(read, paper, moving, 500 + READ_WHILE_MOVING_EVERY_MS)).toBe(false);
    // Writing new in view is read at once. Without a thumbnail the picture counts as moving (read every few seconds).
    const another = trackRun(paper, 'writing', assessFrame({ ...FRAME, writing: [...paperAt(40, 100), ...paperAt(400, 300)] }), 200);
    expect(readingPutOff(read, another, moving, 1000)).toBe(false);
    expect(writingStillness(stillness, undefined, paper, FRAME, 1300)).toEqual({ since: 1300 });
  });
});

describe('tesseract waits for sightings to be confirmed', () => {
  const FRAME = { width: 640, height: 480 };
  const monitor = assessFrame({ ...FRAME, objects: [{ label: 'tv', score: 0.8, box: { x: 300, y: 80, w: 200, h: 140 } }] });
  const page = assessFrame({ ...FRAME, writing: [0, 1, 2].map((row) => ({ box: { x: 40, y: 100 + row * 36, w: 150, h: 12 }, score: 0.9, thickness: 12 })) });
  // The page confirmed (two runs), the monitor seen once: its confirming run is due.
  const pageFlagged = trackRun(trackRun(newTracker(0), 'writing', page, 100), 'writing', page, 200);
  const monitorSeen = trackRun(pageFlagged, 'objects', monitor, 300);

  it('reads when every sighting is confirmed, and waits while one is not', () => {
    expect(monitorSeen.tracks.some((track) => track.source === 'objects' && !track.confirmed)).toBe(true);
    expect(readingYields(pageFlagged, undefined, 250)).toEqual({ waits: false, since: undefined });
    expect(readingYields(monitorSeen, undefined, 300)).toEqual({ waits: true, since: 300 });
    const confirmed = trackRun(monitorSeen, 'objects', monitor, 700);
    expect(readingYields(confirmed, 300, 750)).toEqual({ waits: false, since: undefined });
  });

  it("waits for another detector's sighting at most READING_YIELDS_FOR_MS, and for the text detector's always", () => {
    expect(readingYields(monitorSeen, 300, 300 + READING_YIELDS_FOR_MS - 1).waits).toBe(true);
    expect(readingYields(monitorSeen, 300, 300 + READING_YIELDS_FOR_MS)).toEqual({ waits: false, since: 300 });
    const newPage = trackRun(newTracker(0), 'writing', page, 100);
    expect(readingYields(newPage, 0, 10 * READING_YIELDS_FOR_MS).waits).toBe(true);
  });
});
