/**
 * Where each flag's label goes over the preview so that no label hides another: above its box if there is
 * room, else inside its top, below it, or at its right edge; failing all, the free place nearest to it. Labels
 * of flags that are close together (a photo on a shelf above a screen) otherwise print over each other, and
 * at a large text size or zoom a few labels fill a small preview: a label then gets shorter (the picture's
 * overlay cuts its text with an ellipsis; the list beside the preview says it whole) before it may cover
 * another. Pure: in the picture's pixels.
 */
import { type Box, overlaps } from '../media/geometry.std';

type LabelSize = { w: number; h: number };
export type LabelPlace = { x: number; y: number; w: number };

/** Labels that do not all fit whole are tried at these shares of their widths, then at LABEL_MIN_HEIGHTS their heights. */
const SHORTER_SHARES = [0.6];
/** The least a label is cut to, in its heights: a word's first letters and the ellipsis. */
const LABEL_MIN_HEIGHTS = 3;
/** The grid free places are looked for on is no finer than this, in the picture's pixels. */
const LABEL_MIN_STEP = 4;

/**
 * The top-left corner and width of each box's label (`sizes[i]` is box i's label at its whole width), none
 * overlapping while the picture holds them, all in the picture. Labels are whole if all fit whole; else all
 * are tried shorter (SHORTER_SHARES, then LABEL_MIN_HEIGHTS), the same share of each.
 */
export function labelPlaces(boxes: readonly Box[], sizes: readonly LabelSize[], picture: { width: number; height: number }): LabelPlace[] {
  const shortest = (size: LabelSize) => Math.min(size.w, LABEL_MIN_HEIGHTS * size.h);
  const levels: Array<(size: LabelSize) => number> = [(size) => size.w, ...SHORTER_SHARES.map((share) => (size: LabelSize) => Math.max(shortest(size), share * size.w)), shortest];
  let tried: readonly number[] | undefined;
  for (const width of levels) {
    const widths = sizes.map(width);
    if (tried && widths.every((w, index) => w === tried![index])) continue;
    tried = widths;
    const places = placedApart(boxes, sizes.map((size, index) => ({ w: widths[index]!, h: size.h })), picture);
    if (places) return places;
  }
  // More labels than the picture holds: each at its shortest, above its box, wherever the others are.
  return boxes.map((box, index) => {
    const size = { w: shortest(sizes[index]!), h: sizes[index]!.h };
    const label = inPicture(box.x, box.y - size.h, size, picture);
    return { x: label.x, y: label.y, w: label.w };
  });
}

/** Each label placed in turn where none placed before it is (freePlace), or undefined when one fits nowhere. */
function placedApart(boxes: readonly Box[], sizes: readonly LabelSize[], picture: { width: number; height: number }): LabelPlace[] | undefined {
  const placed: Box[] = [];
  for (const [index, box] of boxes.entries()) {
    const label = freePlace(box, sizes[index]!, placed, picture);
    if (!label) return undefined;
    placed.push(label);
  }
  return placed.map((label) => ({ x: label.x, y: label.y, w: label.w }));
}

function inPicture(x: number, y: number, size: LabelSize, picture: { width: number; height: number }): Box {
  return {
    x: Math.min(Math.max(0, x), Math.max(0, picture.width - size.w)),
    y: Math.min(Math.max(0, y), Math.max(0, picture.height - size.h)),
    ...size,
  };
}

/**
 * A place for a label of `size` beside `box` that none of `placed` takes: one of its five places around the
 * box, or else the free one nearest the place above it, on a grid a label's height apart, with the picture's
 * far edges and the edges of the labels already placed (a label fits snugly beside another).
 */
function freePlace(box: Box, size: LabelSize, placed: readonly Box[], picture: { width: number; height: number }): Box | undefined {
  const at = (x: number, y: number) => inPicture(x, y, size, picture);
  const free = (label: Box) => !placed.some((other) => overlaps(label, other));
  const right = box.x + box.w - size.w;
  const around = [at(box.x, box.y - size.h), at(box.x, box.y), at(box.x, box.y + box.h), at(right, box.y - size.h), at(right, box.y + box.h - size.h)].find(free);
  if (around) return around;
  const wanted = at(box.x, box.y - size.h);
  const step = Math.max(LABEL_MIN_STEP, size.h);
  const columns = [box.x, picture.width - size.w, ...placed.flatMap((other) => [other.x + other.w, other.x - size.w])];
  const rows = [wanted.y, picture.height - size.h, ...placed.flatMap((other) => [other.y + other.h, other.y - size.h])];
  for (let x = 0; x <= picture.width - size.w; x += step) columns.push(x);
  for (let y = 0; y <= picture.height - size.h; y += step) rows.push(y);
  let nearest: { label: Box; distance: number } | undefined;
  for (const y of rows) {
    for (const x of columns) {
      const label = at(x, y);
      const distance = Math.hypot(label.x - wanted.x, label.y - wanted.y);
      if ((!nearest || distance < nearest.distance) && free(label)) nearest = { label, distance };
    }
  }
  return nearest?.label;
}
