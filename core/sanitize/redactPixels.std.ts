/**
 * Hiding a region of a video frame, and measuring what detail is left in it. Pure, on raw planar YUV 4:2:0
 * frames (ffmpeg's yuv420p: the Y plane, then U and V at half size), so redaction runs between the decoder
 * and the encoder with no colour conversion.
 *
 * Why a blur this strong by default: OCR and face detectors are weak judges (tesseract reads nothing of a
 * receipt under a light blur that a person still reads at a glance), so the measure is the fine detail that
 * survives, at full, half and quarter scale. Three passes of a box blur a quarter of the region's short side
 * wide leave a smooth wash of its colours; a mosaic keeps coarse detail (and pixelated text can be recovered by
 * known tools), so it is offered, never the default.
 */
import { type Box, overlapOf, overlaps, union, without } from '../media/geometry.std';

export type YuvFrame = { data: Uint8Array; width: number; height: number };
export const REDACT_STYLES = ['blur', 'fill', 'pixelate'] as const;
export type RedactStyle = (typeof REDACT_STYLES)[number];

/** The blur's box is this fraction of the region's short side (each of three passes). */
const BLUR_RADIUS_FRACTION = 1 / 4;
/** Never a narrower blur than this, in pixels: small regions still lose every letter. */
const MIN_BLUR_RADIUS = 6;
/** Mosaic cells: this fraction of the region's short side, at least MIN_CELL pixels. */
const CELL_FRACTION = 1 / 6;
const MIN_CELL = 12;
/** Neutral grey in video levels (Y 16..235): a fill that reads as "removed", in light and dark scenes. */
const FILL_LUMA = 110;
const FILL_CHROMA = 128;

type Plane = { data: Uint8Array; offset: number; stride: number; width: number; height: number };

function planes(frame: YuvFrame): [Plane, Plane, Plane] {
  const { width, height, data } = frame;
  const cw = width >> 1;
  const ch = height >> 1;
  return [
    { data, offset: 0, stride: width, width, height },
    { data, offset: width * height, stride: cw, width: cw, height: ch },
    { data, offset: width * height + cw * ch, stride: cw, width: cw, height: ch },
  ];
}

/** The frame's bytes for a yuv420p picture of this size. */
export function yuvFrameBytes(width: number, height: number): number {
  return width * height + 2 * (width >> 1) * (height >> 1);
}

/** The box on even pixels inside the frame (chroma covers 2x2 blocks), or undefined when nothing is left. */
export function snapToFrame(box: Box, width: number, height: number): Box | undefined {
  const even = outToEvenPixels(box);
  const [x0, y0] = [Math.max(0, even.x), Math.max(0, even.y)];
  const [x1, y1] = [Math.min(width & ~1, even.x + even.w), Math.min(height & ~1, even.y + even.h)];
  return x1 - x0 >= 2 && y1 - y0 >= 2 ? { x: x0, y: y0, w: x1 - x0, h: y1 - y0 } : undefined;
}

/** Hides `box` (frame pixels) in the frame, in place. */
export function hideRegion(frame: YuvFrame, box: Box, style: RedactStyle): void {
  const region = snapToFrame(box, frame.width, frame.height);
  if (!region) return;
  const [y, u, v] = planes(frame);
  const half = { x: region.x / 2, y: region.y / 2, w: region.w / 2, h: region.h / 2 };
  if (style === 'fill') {
    fillPlane(y, region, FILL_LUMA);
    fillPlane(u, half, FILL_CHROMA);
    fillPlane(v, half, FILL_CHROMA);
  } else if (style === 'pixelate') {
    const cell = Math.max(MIN_CELL, Math.round(Math.min(region.w, region.h) * CELL_FRACTION)) & ~1;
    pixelatePlane(y, region, cell);
    pixelatePlane(u, half, cell / 2);
    pixelatePlane(v, half, cell / 2);
  } else {
    const radius = Math.max(MIN_BLUR_RADIUS, Math.round(Math.min(region.w, region.h) * BLUR_RADIUS_FRACTION));
    blurPlane(y, region, radius);
    blurPlane(u, half, Math.max(1, radius >> 1));
    blurPlane(v, half, Math.max(1, radius >> 1));
  }
}

/**
 * Hides every box (frame pixels) in the frame, in place. Boxes that overlap are hidden as one: the box around
 * them is washed once, so no seam between two washes runs through what is hidden, and then only the pixels
 * inside the boxes keep the wash. The parts of the box around them that no box covers (beside a face and the
 * body below it) show as they were: the copy keeps what the tracks do not hide. What `shown` covers (where a
 * track the user keeps visible shows through: shownParts) shows as it was too.
 */
export function hideRegions(frame: YuvFrame, boxes: readonly Box[], style: RedactStyle, shown: readonly Box[] = []): void {
  const regions = boxes.map((box) => snapToFrame(box, frame.width, frame.height)).filter((region): region is Box => region !== undefined);
  // Pulled in to whole chroma pixels inside the frame, never out: a pixel half in a hidden box stays hidden.
  const frameBox = { x: 0, y: 0, w: frame.width & ~1, h: frame.height & ~1 };
  const showThrough = shown
    .map((box) => {
      const inFrame = overlapOf(box, frameBox);
      return inFrame && insideEvenPixels(inFrame);
    })
    .filter((box): box is Box => box !== undefined && regions.some((region) => overlaps(region, box)))
    .map((box): Spans => [{ from: box.y, to: box.y + box.h, xs: [[box.x, box.x + box.w]] }]);
  const shownPixels = showThrough.map((spans) => planes(frame).map((plane, i) => copySpans(plane, spans, i === 0 ? 1 : 2)));
  for (const { around, members } of overlappingGroups(regions)) {
    if (members.length === 1) {
      hideRegion(frame, around, style);
      continue;
    }
    const uncovered = uncoveredSpans(around, members);
    const parts = planes(frame).map((plane, i) => ({ plane, scale: i === 0 ? 1 : 2 }));
    const saved = parts.map(({ plane, scale }) => copySpans(plane, uncovered, scale));
    hideRegion(frame, around, style);
    parts.forEach(({ plane, scale }, i) => pasteSpans(plane, uncovered, scale, saved[i]!));
  }
  showThrough.forEach((spans, k) => planes(frame).forEach((plane, i) => pasteSpans(plane, spans, i === 0 ? 1 : 2, shownPixels[k]![i]!)));
}

/**
 * Where what the user keeps visible shows through the hidden boxes around it: only through other people's
 * bodies (`seeThrough`: a face kept inside the box of someone standing behind the worker), never through a
 * paper, a screen, a photo or another face hidden there, which stay hidden where they overlap it (a kept
 * face's box is wider than the face, and would show the monitor behind it). Parts of `shown` boxes
 * (hideRegions pulls them in to whole chroma pixels).
 */
export function shownParts(shown: readonly Box[], hidden: ReadonlyArray<{ box: Box; seeThrough: boolean }>): Box[] {
  // On whole chroma pixels from the start, hidden boxes out and kept ones in, as hideRegions takes them: parts
  // cut apart at an odd edge (a kept face across two bodies) would each be pulled in, leaving a hidden seam
  // between them across the face.
  const opaque = hidden.filter((region) => !region.seeThrough).map((region) => outToEvenPixels(region.box));
  const bodies = hidden.filter((region) => region.seeThrough).map((region) => outToEvenPixels(region.box));
  const parts = shown.flatMap((box) => {
    const kept = insideEvenPixels(box);
    return kept ? bodies.flatMap((body) => overlapOf(kept, body) ?? []) : [];
  });
  return opaque.reduce((left, cut) => left.flatMap((part) => without(part, cut)), parts);
}

/** The box grown to even pixels (every chroma pixel it touches); snapToFrame keeps it inside a frame. */
function outToEvenPixels(box: Box): Box {
  const [x0, y0] = [Math.floor(box.x / 2) * 2, Math.floor(box.y / 2) * 2];
  return { x: x0, y: y0, w: Math.ceil((box.x + box.w) / 2) * 2 - x0, h: Math.ceil((box.y + box.h) / 2) * 2 - y0 };
}

/** The box shrunk to even pixels (a chroma pixel wholly inside it or not at all), undefined when nothing is left. */
function insideEvenPixels(box: Box): Box | undefined {
  const [x0, y0] = [Math.ceil(box.x / 2) * 2, Math.ceil(box.y / 2) * 2];
  const [x1, y1] = [Math.floor((box.x + box.w) / 2) * 2, Math.floor((box.y + box.h) / 2) * 2];
  return x1 > x0 && y1 > y0 ? { x: x0, y: y0, w: x1 - x0, h: y1 - y0 } : undefined;
}

/**
 * The part of a hidden box whose detail the self-check weighs: all of it, unless boxes `shown` through it
 * (kept visible) overlap it, which show the source. Then the biggest of its four sides beyond them (the box
 * around them); detailIn's edge band keeps the measure off the seam between the wash and the sharp picture, as
 * it does at the box's own edges. Undefined when they cover it.
 */
export function measuredPart(box: Box, shown: readonly Box[]): Box | undefined {
  const inside = shown.filter((other) => overlaps(other, box));
  if (inside.length === 0) return box;
  const around = inside.reduce(union);
  const [right, bottom] = [box.x + box.w, box.y + box.h];
  const sides = [
    { x: box.x, y: box.y, w: box.w, h: around.y - box.y },
    { x: box.x, y: around.y + around.h, w: box.w, h: bottom - (around.y + around.h) },
    { x: box.x, y: box.y, w: around.x - box.x, h: box.h },
    { x: around.x + around.w, y: box.y, w: right - (around.x + around.w), h: box.h },
  ].filter((side) => side.w > 0 && side.h > 0);
  return sides.sort((a, b) => b.w * b.h - a.w * a.h)[0];
}

/**
 * The fine detail of the frame in each box (detailIn on its measuredPart, before anything is hidden), then
 * every box hidden (hideRegions), what `shown` covers left as it was: what the encode pass does to a frame, so
 * the self-check can weigh the copy against the source.
 */
export function measureAndHide(frame: YuvFrame, boxes: readonly Box[], style: RedactStyle, shown: readonly Box[] = []): number[][] {
  const details = boxes.map((box) => {
    const part = measuredPart(box, shown);
    return part ? detailIn(frame.data, frame.width, frame.height, part) : DETAIL_SCALES.map(() => 0);
  });
  hideRegions(frame, boxes, style, shown);
  return details;
}

/**
 * Boxes in groups, each with the box around its members: boxes that overlap, and then groups whose boxes
 * around them overlap, are one group, until no two groups' boxes around overlap. So a group's wash reads no
 * pixel another group hides. A box that overlaps nothing is a group of one.
 */
export function overlappingGroups(boxes: readonly Box[]): Array<{ around: Box; members: Box[] }> {
  const groups = boxes.map((box) => ({ around: box, members: [box] }));
  for (let joined = true; joined; ) {
    joined = false;
    for (let i = 0; i < groups.length && !joined; i += 1) {
      const j = groups.findIndex((other, index) => index > i && overlaps(other.around, groups[i]!.around));
      if (j < 0) continue;
      const [other] = groups.splice(j, 1);
      groups[i] = { around: union(groups[i]!.around, other!.around), members: [...groups[i]!.members, ...other!.members] };
      joined = true;
    }
  }
  return groups;
}

/** Runs of frame rows (`from` to `to`, exclusive) and the spans of x (`[start, end)`) on them no member covers. */
type Spans = Array<{ from: number; to: number; xs: Array<[number, number]> }>;

/**
 * The parts of `around` that no box of `members` covers, as runs of rows with the same spans. Every box sits
 * on even pixels (snapToFrame), so each chroma pixel is wholly inside or wholly outside them.
 */
function uncoveredSpans(around: Box, members: readonly Box[]): Spans {
  const edges = [...new Set([around.y, around.y + around.h, ...members.flatMap((box) => [box.y, box.y + box.h])])].sort((a, b) => a - b);
  const spans: Spans = [];
  for (let i = 0; i + 1 < edges.length; i += 1) {
    const [from, to] = [edges[i]!, edges[i + 1]!];
    const covering = members.filter((box) => box.y <= from && box.y + box.h >= to).sort((a, b) => a.x - b.x);
    const xs: Array<[number, number]> = [];
    let x = around.x;
    for (const box of covering) {
      if (box.x > x) xs.push([x, box.x]);
      x = Math.max(x, box.x + box.w);
    }
    if (x < around.x + around.w) xs.push([x, around.x + around.w]);
    if (xs.length > 0) spans.push({ from, to, xs });
  }
  return spans;
}

/** Calls `visit` with the start (index into the frame's bytes) and length of each span's pixels in `plane`. */
function eachSpan(plane: Plane, spans: Spans, scale: number, visit: (start: number, length: number) => void): void {
  for (const { from, to, xs } of spans) {
    for (let row = from / scale; row < to / scale; row += 1) {
      for (const [start, end] of xs) visit(plane.offset + row * plane.stride + start / scale, (end - start) / scale);
    }
  }
}

function copySpans(plane: Plane, spans: Spans, scale: number): Uint8Array {
  let total = 0;
  eachSpan(plane, spans, scale, (_, length) => (total += length));
  const saved = new Uint8Array(total);
  let offset = 0;
  eachSpan(plane, spans, scale, (start, length) => {
    saved.set(plane.data.subarray(start, start + length), offset);
    offset += length;
  });
  return saved;
}

function pasteSpans(plane: Plane, spans: Spans, scale: number, saved: Uint8Array): void {
  let offset = 0;
  eachSpan(plane, spans, scale, (start, length) => {
    plane.data.set(saved.subarray(offset, offset + length), start);
    offset += length;
  });
}

function fillPlane(plane: Plane, box: Box, value: number): void {
  for (let row = box.y; row < box.y + box.h; row += 1) {
    const start = plane.offset + row * plane.stride + box.x;
    plane.data.fill(value, start, start + box.w);
  }
}

function pixelatePlane(plane: Plane, box: Box, cell: number): void {
  for (let cy = box.y; cy < box.y + box.h; cy += cell) {
    for (let cx = box.x; cx < box.x + box.w; cx += cell) {
      const w = Math.min(cell, box.x + box.w - cx);
      const h = Math.min(cell, box.y + box.h - cy);
      let sum = 0;
      for (let row = cy; row < cy + h; row += 1) {
        const start = plane.offset + row * plane.stride + cx;
        for (let i = start; i < start + w; i += 1) sum += plane.data[i]!;
      }
      fillPlane(plane, { x: cx, y: cy, w, h }, Math.round(sum / (w * h)));
    }
  }
}

/**
 * A blur as wide as three passes of a box blur of `radius`, at the cost of two passes over the region: the
 * region is averaged into cells half the radius wide, the cells are blurred three times (two cells each way),
 * and the result is spread back over the pixels by bilinear interpolation. Inside `box` only: nothing from
 * outside the region leaks in, nothing inside leaks out.
 */
function blurPlane(plane: Plane, box: Box, radius: number): void {
  const { data, offset, stride } = plane;
  const { x, y, w, h } = box;
  const cell = Math.max(2, Math.round(radius / 2));
  const gw = Math.ceil(w / cell);
  const gh = Math.ceil(h / cell);
  const grid = new Float32Array(gw * gh);
  for (let row = 0; row < h; row += 1) {
    const start = offset + (y + row) * stride + x;
    const gRow = Math.floor(row / cell) * gw;
    for (let g = 0; g < gw; g += 1) {
      const end = start + Math.min(w, (g + 1) * cell);
      let sum = 0;
      for (let i = start + g * cell; i < end; i += 1) sum += data[i]!;
      grid[gRow + g]! += sum;
    }
  }
  for (let gy = 0; gy < gh; gy += 1) {
    const rows = Math.min(cell, h - gy * cell);
    for (let gx = 0; gx < gw; gx += 1) grid[gy * gw + gx]! /= rows * Math.min(cell, w - gx * cell);
  }
  const line = new Float32Array(Math.max(gw, gh));
  const out = new Float32Array(line.length);
  for (let pass = 0; pass < 3; pass += 1) {
    for (let row = 0; row < gh; row += 1) {
      for (let i = 0; i < gw; i += 1) line[i] = grid[row * gw + i]!;
      boxBlurLine(line, out, gw, 2);
      for (let i = 0; i < gw; i += 1) grid[row * gw + i] = out[i]!;
    }
    for (let col = 0; col < gw; col += 1) {
      for (let i = 0; i < gh; i += 1) line[i] = grid[i * gw + col]!;
      boxBlurLine(line, out, gh, 2);
      for (let i = 0; i < gh; i += 1) grid[i * gw + col] = out[i]!;
    }
  }
  // Cell centres sit at (g + 0.5) * cell: each pixel takes the two nearest cells each way, edges held.
  const spot = (position: number, cells: number) => {
    const at = Math.min(cells - 1, Math.max(0, (position + 0.5) / cell - 0.5));
    const low = Math.min(cells - 1, Math.floor(at));
    return { low, high: Math.min(cells - 1, low + 1), t: at - low };
  };
  // Each grid row spread across the region's width first, then each pixel row between two of those.
  const across = new Float32Array(gh * w);
  for (let i = 0; i < w; i += 1) {
    const { low, high, t } = spot(i, gw);
    for (let row = 0; row < gh; row += 1) across[row * w + i] = grid[row * gw + low]! * (1 - t) + grid[row * gw + high]! * t;
  }
  for (let row = 0; row < h; row += 1) {
    const { low, high, t } = spot(row, gh);
    const start = offset + (y + row) * stride + x;
    const lowRow = low * w;
    const highRow = high * w;
    const keep = 1 - t;
    // Values stay within 0..255: adding a half and letting the byte array truncate rounds them.
    for (let i = 0; i < w; i += 1) data[start + i] = across[lowRow + i]! * keep + across[highRow + i]! * t + 0.5;
  }
}

/** A running-sum box blur of the first `length` values of `line` into `out`, edges repeated. */
function boxBlurLine(line: Float32Array, out: Float32Array, length: number, radius: number): void {
  const at = (i: number) => line[i < 0 ? 0 : i >= length ? length - 1 : i]!;
  let sum = 0;
  for (let i = -radius; i <= radius; i += 1) sum += at(i);
  const width = 2 * radius + 1;
  for (let i = 0; i < length; i += 1) {
    out[i] = sum / width;
    sum += at(i + radius + 1) - at(i - radius);
  }
}

/** Regions narrower or lower than this (pixels, inside the edge band) are not measured. */
const MIN_MEASURED = 16;

/** The scales at which detail is measured: full, half and quarter. */
const DETAIL_SCALES = [1, 2, 4] as const;
export const DETAIL_SCALE_COUNT = DETAIL_SCALES.length;

/**
 * The encoder's ringing from the sharp picture around a hidden region reaches this far into it (half a
 * macroblock), or this share of its size: measured inside that band, not over it.
 */
const EDGE_BAND = { pixels: 8, share: 0.1 } as const;

/**
 * Fine detail in `box` of a luma plane (the Y plane of a frame): the variance of the Laplacian of the region
 * (less its edge band), at full, half and quarter scale (2x2 and 4x4 averages). Sharp text and faces score
 * high; a smooth wash near 0.
 */
export function detailIn(luma: Uint8Array, width: number, height: number, box: Box): number[] {
  const band = { x: Math.min(EDGE_BAND.pixels, box.w * EDGE_BAND.share), y: Math.min(EDGE_BAND.pixels, box.h * EDGE_BAND.share) };
  const region = snapToFrame({ x: box.x + band.x, y: box.y + band.y, w: box.w - 2 * band.x, h: box.h - 2 * band.y }, width, height);
  // A sliver (a region leaving the picture) holds no word or face, and its few pixels measure only noise.
  if (!region || region.w < MIN_MEASURED || region.h < MIN_MEASURED) return DETAIL_SCALES.map(() => 0);
  // Full scale read in place at every other row and column (the variance of so many pixels needs no more);
  // half scale averages 2x2 of the region, quarter scale 2x2 of that.
  const half = halvedLuma(luma, width, region);
  return [fullScaleVariance(luma, width, region), laplacianVariance(half), laplacianVariance(halved(half))];
}

type Grey = { data: Float32Array; w: number; h: number };

/**
 * The half- and quarter-scale pictures of the region being measured, reused from one region to the next: a
 * clip measures every hidden region on every frame, twice (the source, then the copy), and a new array each
 * time left megabytes of garbage a frame for the collector (bench/redact).
 */
const scratch = { half: new Float32Array(0), quarter: new Float32Array(0) };
function scratchOf(name: keyof typeof scratch, length: number): Float32Array {
  if (scratch[name].length < length) scratch[name] = new Float32Array(length);
  return scratch[name];
}

/** Pixels the full-scale measure skips between the ones it reads, across and down. */
const FULL_SCALE_STEP = 2;

function fullScaleVariance(luma: Uint8Array, width: number, region: Box): number {
  if (region.w < 3 || region.h < 3) return 0;
  let sum = 0;
  let sumSquares = 0;
  let count = 0;
  for (let row = region.y + 1; row < region.y + region.h - 1; row += FULL_SCALE_STEP) {
    for (let i = row * width + region.x + 1, end = row * width + region.x + region.w - 1; i < end; i += FULL_SCALE_STEP) {
      const laplacian = luma[i - 1]! + luma[i + 1]! + luma[i - width]! + luma[i + width]! - 4 * luma[i]!;
      sum += laplacian;
      sumSquares += laplacian * laplacian;
      count += 1;
    }
  }
  const mean = sum / count;
  return sumSquares / count - mean * mean;
}

function halvedLuma(luma: Uint8Array, width: number, region: Box): Grey {
  const w = region.w >> 1;
  const h = region.h >> 1;
  const data = scratchOf('half', w * h);
  for (let row = 0; row < h; row += 1) {
    const top = (region.y + 2 * row) * width + region.x;
    const bottom = top + width;
    for (let col = 0; col < w; col += 1) {
      const i = 2 * col;
      data[row * w + col] = (luma[top + i]! + luma[top + i + 1]! + luma[bottom + i]! + luma[bottom + i + 1]!) / 4;
    }
  }
  return { data, w, h };
}

function halved(plane: Grey): Grey {
  const w = plane.w >> 1;
  const h = plane.h >> 1;
  const data = scratchOf('quarter', w * h);
  for (let row = 0; row < h; row += 1) {
    const top = 2 * row * plane.w;
    const bottom = top + plane.w;
    for (let col = 0; col < w; col += 1) {
      const i = 2 * col;
      data[row * w + col] = (plane.data[top + i]! + plane.data[top + i + 1]! + plane.data[bottom + i]! + plane.data[bottom + i + 1]!) / 4;
    }
  }
  return { data, w, h };
}

function laplacianVariance(plane: Grey): number {
  if (plane.w < 3 || plane.h < 3) return 0;
  const { data, w } = plane;
  let sum = 0;
  let sumSquares = 0;
  for (let row = 1; row < plane.h - 1; row += 1) {
    for (let i = row * w + 1, end = row * w + w - 1; i < end; i += 1) {
      const laplacian = data[i - 1]! + data[i + 1]! + data[i - w]! + data[i + w]! - 4 * data[i]!;
      sum += laplacian;
      sumSquares += laplacian * laplacian;
    }
  }
  const count = (plane.w - 2) * (plane.h - 2);
  const mean = sum / count;
  return sumSquares / count - mean * mean;
}

/**
 * Below this much Laplacian variance (a spread under 3 grey levels) a region is flat: what is left is the
 * camera's and the encoder's noise, not detail (x264 at CRF 21 leaves up to 7 on a smooth wash, measured on
 * small regions at the picture's edge in bench/redact-eval). A flat source has nothing to lose.
 */
const FLAT_DETAIL = 8;

/**
 * The share of the source's detail kept in the output, at each scale (0 where the source is flat). The
 * encoder's own noise adds to a hidden region's variance, and variances of independent parts add: the output
 * less FLAT_DETAIL is what is left of the source. Without that, a sliver at the picture's edge whose source is
 * barely above flat (17.7) read as keeping half of it (9.6), all of it the encoder's noise, and failed a copy.
 */
export function detailKept(source: readonly number[], output: readonly number[]): number[] {
  return source.map((value, i) => (value < FLAT_DETAIL ? 0 : Math.max(0, (output[i] ?? 0) - FLAT_DETAIL) / value));
}

/**
 * The Y, U, V of one frame as interleaved RGB (BT.601, video levels), for the detectors; `half` at half the
 * width and height (each output pixel from the top-left of its 2x2 block, whose chroma it shares exactly).
 */
export function rgbOfYuv(frame: YuvFrame, half = false): { rgb: Uint8Array; width: number; height: number } {
  const { width, height, data } = frame;
  const step = half ? 2 : 1;
  const outWidth = Math.floor(width / step);
  const outHeight = Math.floor(height / step);
  const rgb = new Uint8Array(outWidth * outHeight * 3);
  const cw = width >> 1;
  const uOffset = width * height;
  const vOffset = uOffset + cw * (height >> 1);
  // Rounded (the byte array would truncate), within 0..255.
  const clamp = (value: number) => (value < 0 ? 0 : value > 254.5 ? 255 : value + 0.5);
  let o = 0;
  for (let outRow = 0; outRow < outHeight; outRow += 1) {
    const row = outRow * step;
    for (let outCol = 0; outCol < outWidth; outCol += 1, o += 3) {
      const col = outCol * step;
      const c = 1.164 * (data[row * width + col]! - 16);
      const chroma = (row >> 1) * cw + (col >> 1);
      const d = data[uOffset + chroma]! - 128;
      const e = data[vOffset + chroma]! - 128;
      rgb[o] = clamp(c + 1.596 * e);
      rgb[o + 1] = clamp(c - 0.392 * d - 0.813 * e);
      rgb[o + 2] = clamp(c + 2.017 * d);
    }
  }
  return { rgb, width: outWidth, height: outHeight };
}
