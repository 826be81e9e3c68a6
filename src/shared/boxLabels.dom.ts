/**
 * Labels over the boxes drawn on a picture (the corner check's flags, the review's tracks): each placed by
 * labelPlaces.std.ts so that none hides another and all stay inside the picture, by its size as laid out.
 * Labels are positioned in an overlay the size of the picture, not inside their boxes: a box's border would
 * offset them, by more the smaller the box.
 */
import './boxLabels.css';
import { type CSSProperties, useCallback, useEffect, useRef, useState } from 'react';
import type { Box } from '../../core/media/geometry.std';
import { labelPlaces } from '../../core/corner/labelPlaces.std';

type LabelSize = { w: number; h: number };
type Picture = { width: number; height: number };

/**
 * A label's size in CSS pixels before it has been laid out (small text, a few pixels of padding), from its
 * text: a little wider than the text is. Once shown, each label is placed by its measured size: the user's
 * font size, zoom and language all change it.
 */
const ESTIMATED_HEIGHT_PX = 18;
const estimatedWidthPx = (text: string) => 8 + 7.2 * text.length;

/**
 * Each shown label's size in CSS pixels, by its text, as laid out: a ref to give each label element, and the
 * sizes measured so far. A label whose size changes renders the labels again, re-placed.
 */
function useLabelSizes(): [(element: HTMLElement | null) => (() => void) | undefined, ReadonlyMap<string, LabelSize>] {
  const [sizes, setSizes] = useState<ReadonlyMap<string, LabelSize>>(new Map());
  const observer = useRef<ResizeObserver | undefined>(undefined);
  const ref = useCallback((element: HTMLElement | null) => {
    if (!element) return undefined;
    observer.current ??= new ResizeObserver((entries) => {
      // A label in a hidden view (another tab, a closed section) measures nothing: its size is kept as it was.
      const readings = entries
        .map((entry) => entry.target)
        .filter((target): target is HTMLElement => target instanceof HTMLElement && target.isConnected)
        .map((target) => {
          const shortened = target.style.width !== '';
          // Its whole width, borders included, also when it is shown shorter (labelPlaces).
          const w = shortened ? target.scrollWidth + target.offsetWidth - target.clientWidth : target.offsetWidth;
          return { text: target.textContent ?? '', w, shortened, h: target.offsetHeight };
        })
        .filter((reading) => reading.w > 0 && reading.h > 0);
      setSizes((known) => {
        // A shortened label keeps the width known whole: its scrollWidth may round a pixel or its padding off,
        // and a label taken for narrower than it is would be shown whole, not fit, and be shortened, over and over.
        const measured = readings.map(({ text, w, shortened, h }): [string, LabelSize] => [text, { w: shortened ? Math.max(known.get(text)?.w ?? 0, w) : w, h }]);
        return measured.some(([text, size]) => known.get(text)?.w !== size.w || known.get(text)?.h !== size.h) ? new Map([...known, ...measured]) : known;
      });
    });
    const watching = observer.current;
    watching.observe(element);
    return () => watching.unobserve(element);
  }, []);
  useEffect(() => () => observer.current?.disconnect(), []);
  return [ref, sizes];
}

/** The overlay's width in CSS pixels, kept as the window is resized: labels are placed in the picture's pixels. */
function useWidth(): [(element: HTMLElement | null) => void, number] {
  const [width, setWidth] = useState(0);
  const observer = useRef<ResizeObserver | undefined>(undefined);
  const ref = useCallback((element: HTMLElement | null) => {
    observer.current?.disconnect();
    if (!element) return;
    observer.current = new ResizeObserver(([entry]) => setWidth(entry?.contentRect.width ?? 0));
    observer.current.observe(element);
  }, []);
  return [ref, width];
}

/**
 * Where each of `labels` goes over its box of `boxes` (the picture's pixels): `overlayRef` for the element
 * the picture's size that holds the labels, `labelRef` for each label (of class `box-label`), and each
 * label's style (its place, and its width when shortened, in percent of the picture). A label is never
 * wider than the overlay, nor than its place leaves it (boxLabels.css cuts it short with an ellipsis).
 */
export function useBoxLabels(boxes: readonly Box[], labels: readonly string[], picture: Picture) {
  const [overlayRef, overlayWidth] = useWidth();
  const [labelRef, sizes] = useLabelSizes();
  // Picture pixels per CSS pixel of the overlay, to size the labels in the picture's pixels.
  const toPicture = overlayWidth > 0 ? picture.width / overlayWidth : 1;
  const wholeSizes = labels.map((label) => {
    const { w, h } = sizes.get(label) ?? { w: estimatedWidthPx(label), h: ESTIMATED_HEIGHT_PX };
    return { w: (overlayWidth > 0 ? Math.min(w, overlayWidth) : w) * toPicture, h: h * toPicture };
  });
  const places = labelPlaces(boxes, wholeSizes, picture);
  // A label shortened to fit (a crowded picture, a large zoom) gets its width; a whole one keeps its own.
  const labelStyles: CSSProperties[] = places.map((place, index) => ({
    left: `${(place.x / picture.width) * 100}%`,
    top: `${(place.y / picture.height) * 100}%`,
    ...(place.w < wholeSizes[index]!.w ? { width: `${(place.w / picture.width) * 100}%` } : {}),
  }));
  return { overlayRef, labelRef, labelStyles };
}
