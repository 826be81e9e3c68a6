/**
 * Where each flag's label goes over the preview so that no label hides another: above its box if there is
 * room, else inside its top, below it, or at its right edge; failing all, the nearest free row above or below.
 * Labels of flags that are close together (a photo on a shelf above a screen) otherwise print over each other.
 * Pure: in the picture's pixels.
 */
import { type Box, overlaps } from '../media/geometry.std';

type LabelSize = { w: number; h: number };

/** The top-left corner of each box's label (`sizes[i]` is box i's label), none overlapping, all in the picture. */
export function labelPlaces(boxes: readonly Box[], sizes: readonly LabelSize[], picture: { width: number; height: number }): Array<{ x: number; y: number }> {
  const placed: Box[] = [];
  return boxes.map((box, index) => {
    const size = sizes[index]!;
    const inPicture = (x: number, y: number): Box => ({
      x: Math.min(Math.max(0, x), Math.max(0, picture.width - size.w)),
      y: Math.min(Math.max(0, y), Math.max(0, picture.height - size.h)),
      ...size,
    });
    const right = box.x + box.w - size.w;
    const candidates = [
      inPicture(box.x, box.y - size.h),
      inPicture(box.x, box.y),
      inPicture(box.x, box.y + box.h),
      inPicture(right, box.y - size.h),
      inPicture(right, box.y + box.h - size.h),
    ];
    const free = (label: Box) => !placed.some((other) => overlaps(label, other));
    let label = candidates.find(free);
    for (let step = 1; !label && step * size.h <= picture.height; step += 1) {
      label = [inPicture(box.x, box.y - size.h - step * size.h), inPicture(box.x, box.y + step * size.h)].find(free);
    }
    const chosen = label ?? candidates[0]!;
    placed.push(chosen);
    return { x: chosen.x, y: chosen.y };
  });
}
