/**
 * Whether what an object model half sees as a "book" looks like paper: a sheet lying on a desk, a sofa or the
 * floor is white (or nearly), brighter than the room around it, and smooth at a distance, where a row of book
 * spines is striped by their edges and a book cover is coloured. The models score papers lying flat at
 * 0.15-0.30, where they also score clutter; the look tells them apart. Pure.
 */
import { type Box, clampToFrame } from '../media/geometry.std';

/** A pixel is paper-white when its channels differ by less than this (0..255)... */
const PAPER_MAX_CHROMA = 30;
/** ...and it is brighter than the frame's median by at least this, and never darker than PAPER_MIN_LUMA. */
const PAPER_ABOVE_MEDIAN = 20;
const PAPER_MIN_LUMA = 140;
/**
 * A step in brightness of more than this between a pixel and the next one across, or the next one down, is an
 * edge. More than MAX_EDGE_SHARE of them either way is a striped box: spines side by side (0.34-0.42 across),
 * books or boxes piled up (0.22 down), not a sheet (at most 0.06 across and 0.10 down on the corpus's sheets:
 * print on a sheet the models see as a whole is too small to make such steps).
 */
const EDGE_STEP = 25;
const MAX_EDGE_SHARE = 0.15;
/**
 * "The next one" is a pixel of a frame this wide away (the app's frames): a frame scanned at 1600 px sees
 * the same stripes as the app's 640 px one, and gives the same answer.
 */
const EDGE_REFERENCE_WIDTH = 640;
/**
 * A pixel whose every channel is at least this is blown out: a lamp, a light panel, a window. More than
 * MAX_GLARE_SHARE of them is a light, not a sheet (a light panel in a ceiling had 0.47; the sheets on a desk,
 * none).
 */
export const GLARE = 245;
export const MAX_GLARE_SHARE = 0.25;
/** The box's rim (this share of each side) is left out: the models' boxes run over the sheet's edge. */
const RIM = 0.1;
/** At most about this many pixels of a box are weighed for their tone (edges are looked for along their rows and columns). */
const SAMPLES = 4096;

export const luma = (pixels: ArrayLike<number>, at: number): number => 0.299 * pixels[at]! + 0.587 * pixels[at + 1]! + 0.114 * pixels[at + 2]!;
export const chroma = (pixels: ArrayLike<number>, at: number): number => Math.max(pixels[at]!, pixels[at + 1]!, pixels[at + 2]!) - Math.min(pixels[at]!, pixels[at + 1]!, pixels[at + 2]!);

/** The median brightness of a `width` x `height` frame of interleaved pixels, from a sample of them. */
export function medianLuma(pixels: Uint8Array | Uint8ClampedArray, width: number, height: number, channels: 3 | 4): number {
  const histogram = new Uint32Array(256);
  const step = Math.max(1, Math.floor((width * height) / 65_536));
  let count = 0;
  for (let pixel = 0; pixel < width * height; pixel += step, count += 1) histogram[Math.round(luma(pixels, pixel * channels))]! += 1;
  for (let value = 0, seen = 0; value < 256; value += 1) {
    seen += histogram[value]!;
    if (seen * 2 >= count) return value;
  }
  return 255;
}

/**
 * The share (0..1) of `box`'s inside that is paper-white, or 0 when the box is striped with edges or is a
 * light. `median` is the frame's median brightness (medianLuma).
 */
export function paperLook(pixels: Uint8Array | Uint8ClampedArray, width: number, height: number, channels: 3 | 4, median: number, box: Box): number {
  const inside = clampToFrame({ x: box.x + box.w * RIM, y: box.y + box.h * RIM, w: box.w * (1 - 2 * RIM), h: box.h * (1 - 2 * RIM) }, width, height);
  const reach = Math.max(1, Math.round(Math.max(width, height) / EDGE_REFERENCE_WIDTH));
  // Each pixel looked at has its neighbours across and down inside the frame.
  const x0 = Math.round(inside.x);
  const y0 = Math.round(inside.y);
  const x1 = Math.min(Math.round(inside.x + inside.w), width - reach);
  const y1 = Math.min(Math.round(inside.y + inside.h), height - reach);
  if (!(x1 > x0 && y1 > y0)) return 0;
  const step = Math.max(1, Math.floor(Math.sqrt(((x1 - x0) * (y1 - y0)) / SAMPLES)));
  const whiteAbove = Math.max(median + PAPER_ABOVE_MEDIAN, PAPER_MIN_LUMA);
  const stepOf = (at: number, next: number) => Math.abs(luma(pixels, at + next) - luma(pixels, at)) > EDGE_STEP;
  let looked = 0;
  let white = 0;
  let glare = 0;
  for (let y = y0; y < y1; y += step) {
    for (let x = x0; x < x1; x += step) {
      const at = (y * width + x) * channels;
      looked += 1;
      if (luma(pixels, at) > whiteAbove && chroma(pixels, at) < PAPER_MAX_CHROMA) white += 1;
      if (Math.min(pixels[at]!, pixels[at + 1]!, pixels[at + 2]!) >= GLARE) glare += 1;
    }
  }
  // Edges along every pixel of the rows and columns looked at: a stripe narrower than the step between them
  // is not stepped over.
  let alongRows = 0;
  let edgesAcross = 0;
  for (let y = y0; y < y1; y += step) {
    for (let x = x0, at = (y * width + x0) * channels; x < x1; x += 1, at += channels, alongRows += 1) if (stepOf(at, reach * channels)) edgesAcross += 1;
  }
  let alongColumns = 0;
  let edgesDown = 0;
  for (let x = x0; x < x1; x += step) {
    for (let y = y0, at = (y0 * width + x) * channels; y < y1; y += 1, at += width * channels, alongColumns += 1) if (stepOf(at, reach * width * channels)) edgesDown += 1;
  }
  const striped = edgesAcross > MAX_EDGE_SHARE * alongRows || edgesDown > MAX_EDGE_SHARE * alongColumns;
  return striped || glare > MAX_GLARE_SHARE * looked ? 0 : white / looked;
}
