/**
 * Whether a TV or a laptop the models see looks lit, and how far its picture goes: a screen that is on gives
 * off its own light, so its picture is brighter than the room around it and than its own bezel, and it shows
 * colour, where a framed print, a mirror or a poster on a wall is lit by the room (no brighter than the wall)
 * and a sheet of paper or a whiteboard is bright but grey. SSDLite scores screens showing content 0.17-0.25
 * (a video wall, a monitor with a web page), with clutter; the look tells them apart. Pure.
 */
import { type Box, clampToFrame, union } from '../media/geometry.std';
// Blown out as paperLook.std.ts judges it (GLARE, MAX_GLARE_SHARE): a window or a lamp, not a screen.
import { GLARE, MAX_GLARE_SHARE, chroma, luma } from './paperLook.std';
import { type ToneReach, sheetAround } from './sheet.std';

/** The picture is the box less this share of each side (the bezel, and boxes that run over the screen). */
const PICTURE_INSET = 0.15;
/** The bezel is the box's outer band, this share of its short side wide... */
const BEZEL = 0.08;
/** ...and the room around it a band outside the box, this share of its short side wide. */
const AROUND = 0.12;
/**
 * A lit picture is brighter (0..255) than the room around by at least this (screens showing content in the
 * corpus's real photos: 28-43; a framed jersey and a poster: darker than their wall, -72 to -18)...
 */
const ABOVE_AROUND = 25;
/** ...than its own bezel by at least this (the screens: 26-49)... */
const ABOVE_BEZEL = 20;
/**
 * ...and its pixels' channels differ by this much on average: content in colour (the screens: 41-244; a map,
 * a receipt and a whiteboard, as bright as screens, 7-19).
 */
const MIN_CHROMA = 32;
/** At most about this many pixels of the box and its surroundings are weighed. */
const SAMPLES = 4096;

/**
 * A lit picture is followed as a sheet's tone is (sheet.std.ts), from the middle of its box outwards: the
 * models often box a part of a screen (a lobby's video wall: its left sixth left out on the photo, two thirds
 * of it on frames panned across it, in scenes-real), and the rest shows as much. Its tone is followed more
 * loosely than paper's, since a wall's panels differ in hue (green 146-182 under the same blue) and what
 * stops it is the bezel or the room, tens of levels darker (ABOVE_AROUND, ABOVE_BEZEL): within 20 levels of
 * brightness and 48 of colour. It fills at least 0.7 of its box (the wall, with its seams and what it shows:
 * 0.80-0.82), and goes as far as one and a half times the picture's longer side, even where it runs on
 * past that: the screen is bigger than its box, not a desk under a sheet. Only a picture whose tone is in
 * colour is followed (MIN_CHROMA), and always its light tone: a white page on a screen shares its tone with
 * a white wall or a sheet beside it, and dark content with the bezel and a dark room.
 */
const PICTURE: ToneReach = { reach: 1.5, brightness: 20, colour: 48, minFill: 0.7, runOn: 'reach', boards: false, minToneColour: MIN_CHROMA };

const pictureOf = (box: Box): Box => ({ x: box.x + box.w * PICTURE_INSET, y: box.y + box.h * PICTURE_INSET, w: box.w * (1 - 2 * PICTURE_INSET), h: box.h * (1 - 2 * PICTURE_INSET) });

const contains = (box: Box, x: number, y: number) => x >= box.x && x < box.x + box.w && y >= box.y && y < box.y + box.h;

/** Whether `box` on a `width` x `height` frame of interleaved pixels (`channels` 3 or 4) looks like a screen that is on. */
export function looksLit(pixels: Uint8Array | Uint8ClampedArray, width: number, height: number, channels: 3 | 4, box: Box): boolean {
  const short = Math.min(box.w, box.h);
  const picture = pictureOf(box);
  const innerBezel = { x: box.x + short * BEZEL, y: box.y + short * BEZEL, w: box.w - 2 * short * BEZEL, h: box.h - 2 * short * BEZEL };
  const reach = clampToFrame({ x: box.x - short * AROUND, y: box.y - short * AROUND, w: box.w + 2 * short * AROUND, h: box.h + 2 * short * AROUND }, width, height);
  const step = Math.max(1, Math.floor(Math.sqrt((reach.w * reach.h) / SAMPLES)));
  const sums = { picture: 0, pictureChroma: 0, pictureCount: 0, glare: 0, bezel: 0, bezelCount: 0, around: 0, aroundCount: 0 };
  for (let y = Math.round(reach.y); y < reach.y + reach.h; y += step) {
    for (let x = Math.round(reach.x); x < reach.x + reach.w; x += step) {
      const at = (y * width + x) * channels;
      if (contains(picture, x, y)) {
        sums.picture += luma(pixels, at);
        sums.pictureChroma += chroma(pixels, at);
        sums.pictureCount += 1;
        if (Math.min(pixels[at]!, pixels[at + 1]!, pixels[at + 2]!) >= GLARE) sums.glare += 1;
      } else if (!contains(box, x, y)) {
        sums.around += luma(pixels, at);
        sums.aroundCount += 1;
      } else if (!contains(innerBezel, x, y)) {
        sums.bezel += luma(pixels, at);
        sums.bezelCount += 1;
      }
    }
  }
  // A box that fills the frame has no room around it to compare with: it is not judged lit.
  if (sums.pictureCount === 0 || sums.bezelCount === 0 || sums.aroundCount === 0) return false;
  const bright = sums.picture / sums.pictureCount;
  return (
    bright >= sums.around / sums.aroundCount + ABOVE_AROUND &&
    bright >= sums.bezel / sums.bezelCount + ABOVE_BEZEL &&
    sums.pictureChroma / sums.pictureCount >= MIN_CHROMA &&
    sums.glare <= MAX_GLARE_SHARE * sums.pictureCount
  );
}

/** The whole of a lit screen's picture around `box` (looksLit), up to its bezel or the room (PICTURE); at least the box. */
export function litPictureAround(pixels: Uint8Array | Uint8ClampedArray, width: number, height: number, channels: 3 | 4, box: Box): Box {
  return union(box, sheetAround(pixels, width, height, channels, pictureOf(box), PICTURE));
}
