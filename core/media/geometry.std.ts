/** Boxes in source pixels and the few measures the risk rules and the tracker need. Pure. */
import { t } from '../i18n/i18n.std';

export type Box = { x: number; y: number; w: number; h: number };

export function area(box: Box): number {
  return Math.max(0, box.w) * Math.max(0, box.h);
}

function intersection(a: Box, b: Box): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** Intersection over union: 1 for the same box, 0 for boxes that do not touch. */
export function iou(a: Box, b: Box): number {
  const shared = intersection(a, b);
  const union = area(a) + area(b) - shared;
  return union > 0 ? shared / union : 0;
}

/** How much of `inner` lies inside `outer` (0..1). */
export function coverage(inner: Box, outer: Box): number {
  const size = area(inner);
  return size > 0 ? intersection(inner, outer) / size : 0;
}

/** Whether the boxes share any area (touching edges do not). */
export function overlaps(a: Box, b: Box): boolean {
  return intersection(a, b) > 0;
}

/** The box grown by `by` on every side (`x` and `y` apart, when they differ). */
export function grown(box: Box, by: number | { x: number; y: number }): Box {
  const { x, y } = typeof by === 'number' ? { x: by, y: by } : by;
  return { x: box.x - x, y: box.y - y, w: box.w + 2 * x, h: box.h + 2 * y };
}

export function centreInside(inner: Box, outer: Box): boolean {
  const cx = inner.x + inner.w / 2;
  const cy = inner.y + inner.h / 2;
  return cx >= outer.x && cx <= outer.x + outer.w && cy >= outer.y && cy <= outer.y + outer.h;
}

export function union(a: Box, b: Box): Box {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, w: Math.max(a.x + a.w, b.x + b.w) - x, h: Math.max(a.y + a.h, b.y + b.h) - y };
}

/** The area two boxes share, or undefined when they share none. */
export function overlapOf(a: Box, b: Box): Box | undefined {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const w = Math.min(a.x + a.w, b.x + b.w) - x;
  const h = Math.min(a.y + a.h, b.y + b.h) - y;
  return w > 0 && h > 0 ? { x, y, w, h } : undefined;
}

/** What of `box` lies outside `cut`: up to four boxes (the bands above and below it, then left and right). */
export function without(box: Box, cut: Box): Box[] {
  const shared = overlapOf(box, cut);
  if (!shared) return [box];
  const bands = [
    { x: box.x, y: box.y, w: box.w, h: shared.y - box.y },
    { x: box.x, y: shared.y + shared.h, w: box.w, h: box.y + box.h - (shared.y + shared.h) },
    { x: box.x, y: shared.y, w: shared.x - box.x, h: shared.h },
    { x: shared.x + shared.w, y: shared.y, w: box.x + box.w - (shared.x + shared.w), h: shared.h },
  ];
  return bands.filter((band) => band.w > 0 && band.h > 0);
}

/** The box clipped to the frame and rounded to whole pixels. */
export function clampToFrame(box: Box, width: number, height: number): Box {
  const x = Math.max(0, Math.min(width, Math.round(box.x)));
  const y = Math.max(0, Math.min(height, Math.round(box.y)));
  return { x, y, w: Math.max(0, Math.min(width, Math.round(box.x + box.w)) - x), h: Math.max(0, Math.min(height, Math.round(box.y + box.h)) - y) };
}

export type Nudge = 'left' | 'right' | 'up' | 'down';

/**
 * A box inside the picture moved `step` (> 0) pixels toward `direction`, or with `resize` grown or shrunk by its
 * right or bottom edge (right and down grow it): it stays inside the picture and, when it shrinks, no smaller
 * than `step`. A box set right by keyboard, a step a key press.
 */
export function nudgeBox(box: Box, direction: Nudge, resize: boolean, step: number, picture: { width: number; height: number }): Box {
  const dx = direction === 'left' ? -step : direction === 'right' ? step : 0;
  const dy = direction === 'up' ? -step : direction === 'down' ? step : 0;
  if (resize) {
    const w = Math.min(picture.width - box.x, Math.max(step, box.w + dx));
    const h = Math.min(picture.height - box.y, Math.max(step, box.h + dy));
    return { ...box, w, h };
  }
  return { ...box, x: Math.min(picture.width - box.w, Math.max(0, box.x + dx)), y: Math.min(picture.height - box.h, Math.max(0, box.y + dy)) };
}

export function scaleBox(box: Box, factor: number): Box {
  return { x: box.x * factor, y: box.y * factor, w: box.w * factor, h: box.h * factor };
}

/** A box as fractions (0..1) of a picture, so that it fits any picture from the same camera. */
export function toFractions(box: Box, picture: { width: number; height: number }): Box {
  const fraction = (value: number, size: number) => Math.min(1, Math.max(0, value / size));
  return { x: fraction(box.x, picture.width), y: fraction(box.y, picture.height), w: fraction(box.w, picture.width), h: fraction(box.h, picture.height) };
}

/** Fractions of a picture back into its whole pixels. */
export function fromFractions(fractions: Box, picture: { width: number; height: number }): Box {
  return {
    x: Math.round(fractions.x * picture.width),
    y: Math.round(fractions.y * picture.height),
    w: Math.round(fractions.w * picture.width),
    h: Math.round(fractions.h * picture.height),
  };
}

/** Where a box sits, in words a person uses: "bottom left", "top centre", "centre". */
export function whereInFrame(box: Box, width: number, height: number): string {
  const column = (['Left', 'Centre', 'Right'] as const)[third((box.x + box.w / 2) / width)]!;
  const row = (['top', 'middle', 'bottom'] as const)[third((box.y + box.h / 2) / height)]!;
  return t(`media.where.${row}${column}`);
}

/**
 * Each item's place in words (`where`): items of one label in one part of the frame would read alike in a
 * list, so each of those says which it is from the left ("bottom centre, 2 of 3 from the left").
 */
export function placesToldApart(items: ReadonlyArray<{ label: string; where: string; box: Box }>): string[] {
  const alike = new Map<string, number[]>();
  items.forEach((item, index) => {
    const key = `${item.label}\n${item.where}`;
    alike.set(key, [...(alike.get(key) ?? []), index]);
  });
  const places = items.map((item) => item.where);
  for (const group of alike.values()) {
    if (group.length < 2) continue;
    const middle = (index: number) => items[index]!.box.x + items[index]!.box.w / 2;
    [...group]
      .sort((a, b) => middle(a) - middle(b))
      .forEach((index, n) => (places[index] = t('media.where.fromLeft', { where: items[index]!.where, n: n + 1, count: group.length })));
  }
  return places;
}

function third(fraction: number): number {
  return fraction < 1 / 3 ? 0 : fraction > 2 / 3 ? 2 : 1;
}
