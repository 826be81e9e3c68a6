/**
 * How the object models' finds look on the frame where they were found, for the rules in objects.std.ts that
 * weigh it: a "book" may be a sheet of paper (paperLook.std.ts), a TV or a laptop may be lit, and then shows
 * a picture that may run on past its box (screenLook.std.ts). Pure.
 */
import type { ObjectDetection } from './detections.std';
import { isBook, isLookedAtScreen } from './objects.std';
import { medianLuma, paperLook } from './paperLook.std';
import { litPictureAround, looksLit } from './screenLook.std';

/**
 * Both object models' finds on a `width` x `height` frame, each book with its paperLook and each TV or laptop
 * with whether it looks lit, and if so its picture. `pixels` gives the frame's interleaved pixels, asked for
 * only when there is one of those to look at.
 */
export function withLooks(
  finds: { objects: readonly ObjectDetection[]; ssdObjects: readonly ObjectDetection[] },
  pixels: () => Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  channels: 3 | 4,
): { objects: ObjectDetection[]; ssdObjects: ObjectDetection[] } {
  const looked = (object: ObjectDetection) => isBook(object) || isLookedAtScreen(object);
  if (!finds.objects.some(looked) && !finds.ssdObjects.some(looked)) return { objects: [...finds.objects], ssdObjects: [...finds.ssdObjects] };
  const frame = pixels();
  let median: number | undefined;
  const withLook = (object: ObjectDetection): ObjectDetection => {
    if (isBook(object)) return { ...object, paperLook: paperLook(frame, width, height, channels, (median ??= medianLuma(frame, width, height, channels)), object.box) };
    if (!isLookedAtScreen(object)) return object;
    if (!looksLit(frame, width, height, channels, object.box)) return { ...object, lit: false };
    return { ...object, lit: true, picture: litPictureAround(frame, width, height, channels, object.box) };
  };
  return { objects: finds.objects.map(withLook), ssdObjects: finds.ssdObjects.map(withLook) };
}
