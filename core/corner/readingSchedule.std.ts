/**
 * When tesseract reads. A reading takes a second or two of CPU beside the models, so it reads only where the
 * text detector saw writing, only when what it read may be out of date, and, while something moves over the
 * page, only once that part of the picture holds still (the page sharp and uncovered) or after a while.
 * bench/preview measures what this saves the preview. Pure.
 */
import { cellsUnder, pictureChanged } from './sceneChange.std';
import type { TrackerState } from './tracker.std';

/** What tesseract last read: the picture's thumbnail then (sceneChange.std.ts), and the writing then in view. */
export type LastReading = { picture?: Uint8Array; writingIds: ReadonlySet<number> };

/**
 * Whether tesseract's last reading may be out of date (if not, it may rest: mayRest; if so, it may put the
 * reading off: readingPutOff): writing has come into view since, or the picture has changed where writing is.
 * A change elsewhere (a hand at work in a corner) gives it nothing new to read. Without a thumbnail, it is out
 * of date.
 */
export function readingOutdated(last: LastReading, picture: Uint8Array | undefined, tracker: Pick<TrackerState, 'tracks'>, frame: { width: number; height: number }): boolean {
  if (!picture || newWritingSince(last, tracker)) return true;
  return pictureChanged(last.picture, picture, cellsUnderWriting(tracker, frame));
}

/** Whether writing has come into view since tesseract's last reading. */
function newWritingSince(last: LastReading, tracker: Pick<TrackerState, 'tracks'>): boolean {
  return tracker.tracks.some((track) => track.source === 'writing' && !last.writingIds.has(track.id));
}

/** The thumbnail cells (THUMBNAIL) under the writing in view. */
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
/** ...or when its last reading began this long ago, so that what it quotes is never older than that. */
export const READ_WHILE_MOVING_EVERY_MS = 4000;

/**
 * Whether tesseract puts off a reading that is out of date (readingOutdated) while the picture keeps
 * changing where writing is: not for writing new in view, which it reads at once.
 */
export function readingPutOff(last: LastReading & { at: number }, tracker: Pick<TrackerState, 'tracks'>, stillness: WritingStillness, now: number): boolean {
  if (newWritingSince(last, tracker)) return false;
  return now - stillness.since < READ_WHEN_STILL_FOR_MS && now - last.at < READ_WHILE_MOVING_EVERY_MS;
}

/**
 * The longest tesseract waits for other detectors to confirm what they have just seen (readingYields): long
 * enough for a photo sweep's and the object models' second runs on a busy worker, short enough that a
 * sighting that never confirms (a flicker the next run drops, and another after it) cannot keep the page
 * from being read.
 */
export const READING_YIELDS_FOR_MS = 1500;

/**
 * Whether tesseract waits instead of reading, and since when it has waited for sightings to be confirmed
 * (`since`, ms, carried from one call to the next; undefined while none waits): while the text detector
 * confirms a new sighting, always; while another detector confirms one, for at most READING_YIELDS_FOR_MS.
 * A reading takes about a second of one of two cores: when a page, a photo and a screen come into view at
 * once (bench/flag-time), reading the page beside the photo's and the screen's confirming runs held their
 * flags back; the page is flagged already, and its quote can come after.
 */
export function readingYields(tracker: Pick<TrackerState, 'tracks'>, since: number | undefined, now: number): { waits: boolean; since: number | undefined } {
  const unconfirmed = tracker.tracks.filter((track) => !track.confirmed && track.source !== 'text');
  if (unconfirmed.length === 0) return { waits: false, since: undefined };
  const from = since ?? now;
  return { waits: unconfirmed.some((track) => track.source === 'writing') || now - from < READING_YIELDS_FOR_MS, since: from };
}
