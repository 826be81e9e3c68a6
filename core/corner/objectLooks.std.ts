/**
 * How the object models' finds look on the frame where they were found, for the rules in objects.std.ts that
 * weigh it: a "book" may be a sheet of paper (paperLook.std.ts), a screen SSDLite half sees may be lit
 * (screenLook.std.ts). Pure.
 */
import type { ObjectDetection } from './detections.std';
import { isBook, isHalfSeenScreen } from './objects.std';
import { medianLuma, paperLook } from './paperLook.std';
import { looksLit } from './screenLook.std';

/**
 * Both object models' finds on a `width` x `height` frame, each book with its paperLook and each screen
 * SSDLite half sees with whether it looks lit. `pixels` gives the frame's interleaved pixels, asked for only
 * when there is one of those to look at.
 */
export function withLooks(
  finds: { objects: readonly ObjectDetection[]; ssdObjects: readonly ObjectDetection[] },
  pixels: () => Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  channels: 3 | 4,
): { objects: ObjectDetection[]; ssdObjects: ObjectDetection[] } {
  if (!finds.objects.some(isBook) && !finds.ssdObjects.some((object) => isBook(object) || isHalfSeenScreen(object))) return { objects: [...finds.objects], ssdObjects: [...finds.ssdObjects] };
  const frame = pixels();
  let median: number | undefined;
  const paper = (object: ObjectDetection) => ({ ...object, paperLook: paperLook(frame, width, height, channels, (median ??= medianLuma(frame, width, height, channels)), object.box) });
  return {
    objects: finds.objects.map((object) => (isBook(object) ? paper(object) : object)),
    ssdObjects: finds.ssdObjects.map((object) => (isBook(object) ? paper(object) : isHalfSeenScreen(object) ? { ...object, lit: looksLit(frame, width, height, channels, object.box) } : object)),
  };
}
