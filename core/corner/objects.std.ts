/**
 * Screens and books in one frame, from both object models: CenterNet (Human) and SSDLite-MobileNetV2
 * (coco-ssd), which see different screens. A screen either model is sure of is kept; one both half see is
 * kept too, and one SSDLite half sees that looks lit (screenLook.std.ts); a lit one is boxed to the whole of
 * its picture. A paper CenterNet half sees is kept when SSDLite is sure of it, and one either model half sees
 * when it looks like paper (paperLook.std.ts). Books standing on a shelf are not papers: their spines at most
 * carry titles. Pure.
 */
import { type Box, area, coverage, grown, iou, overlaps, union } from '../media/geometry.std';
import type { ObjectDetection } from './detections.std';
import type { WritingLine } from './writingLines.std';

const SCREEN_LABELS: readonly string[] = ['tv', 'laptop', 'cell phone'];
export const isBook = (object: ObjectDetection): boolean => object.label === 'book';
export const isScreen = (object: ObjectDetection): boolean => SCREEN_LABELS.includes(object.label);

/**
 * What CenterNet names needs this score: it scores clutter in clean kitchens at 0.20-0.29 (cups, bowls, a
 * bottle) and real monitors, laptops, books and bottles at 0.30-0.60.
 */
export const CENTERNET_MIN_SCORE = 0.3;
/**
 * ...but a phone held in a hand scores 0.21-0.27, and CenterNet named nothing in the corpus's clean rooms
 * "cell phone" at 0.15 or more.
 */
export const CENTERNET_PHONE_MIN_SCORE = 0.2;
/**
 * SSDLite alone: on the 19 clean rooms it called a framed painting a TV at 0.75 and a framed shirt a laptop at
 * 0.61; screens it is sure of score 0.77-0.92. It named no phone in a clean room at 0.15 or more, and scored
 * a phone held in a hand 0.40.
 */
export const SSD_SCREEN_MIN_SCORE = 0.8;
export const SSD_PHONE_MIN_SCORE = 0.35;
/**
 * ...and a screen it half sees (a TV or a laptop, not a phone: too small to judge) is one when it looks lit
 * (screenLook.std.ts): it scored a video wall 0.17-0.25 and a monitor showing a web page 0.25.
 */
const SSD_LIT_MIN_SCORE = 0.15;
/**
 * Both models on the same box (IoU): a screen each half sees (a wall TV at an angle: 0.21 and 0.42), a paper
 * (a folded map: 0.26 and 0.49), and the least either must score for that.
 */
const AGREE_IOU = 0.3;
const AGREED_MIN_SCORE = 0.2;

/**
 * A screen stands wider than tall, and seen at an angle narrows: a 16:9 picture turned 60 degrees away is 0.9
 * times as wide as tall. Posters and banners, lit and coloured too, mostly stand taller than that.
 */
const SCREEN_MIN_WIDTH_PER_HEIGHT = 0.9;
const isScreenShaped = (object: ObjectDetection): boolean => object.box.w >= SCREEN_MIN_WIDTH_PER_HEIGHT * object.box.h;
/**
 * A TV or a laptop either model proposes at least as sure as any screen rule asks: how it looks is taken
 * (objectLooks.std.ts), and a lit one is flagged with the whole of its picture (screenLook.std.ts).
 */
export const isLookedAtScreen = (object: ObjectDetection): boolean => (object.label === 'tv' || object.label === 'laptop') && object.score >= SSD_LIT_MIN_SCORE;
/** A TV or laptop SSDLite half sees, shaped as a screen stands: what its look (lit or not) decides. */
export const isHalfSeenScreen = (object: ObjectDetection): boolean => isLookedAtScreen(object) && object.score < SSD_SCREEN_MIN_SCORE && isScreenShaped(object);

/** The other model sees this object too: both score it at least AGREED_MIN_SCORE, on boxes that overlap. */
function agreed(object: ObjectDetection, others: readonly ObjectDetection[]): boolean {
  return object.score >= AGREED_MIN_SCORE && others.some((other) => other.score >= AGREED_MIN_SCORE && iou(other.box, object.box) >= AGREE_IOU);
}

/**
 * Screens from both models, each once (at its best score and the label of its best find), a lit one boxed to
 * the whole of its picture.
 */
export function screensIn(objects: readonly ObjectDetection[], ssdObjects: readonly ObjectDetection[]): ObjectDetection[] {
  const centernet = objects.filter(isScreen);
  const ssd = ssdObjects.filter(isScreen);
  const sure = [
    ...centernet.filter((object) => object.score >= (object.label === 'cell phone' ? CENTERNET_PHONE_MIN_SCORE : CENTERNET_MIN_SCORE) || agreed(object, ssd)),
    ...ssd.filter((object) => object.score >= (object.label === 'cell phone' ? SSD_PHONE_MIN_SCORE : SSD_SCREEN_MIN_SCORE) || agreed(object, centernet) || (object.lit === true && isHalfSeenScreen(object))),
  ];
  // One screen, once: the box of its surest find (the other model's box around it is looser, not more).
  const pictures = [...objects, ...ssdObjects].flatMap((object) => (object.picture && isScreenShaped(object) ? [object.picture] : []));
  return onceEach(sure, []).map((screen) => (screen.picture ? { ...screen, box: wholePicture(screen.picture, pictures) } : screen));
}

/**
 * A lit screen's picture with what the other lit finds shaped as screens stand see of it (their pictures
 * overlapping it by AGREE_IOU): a picture is followed only so far from its find (screenLook.std.ts), and the
 * models box different parts of a wide screen, the surest often not the widest (on a lobby's video wall seen
 * at 640 px, the surest find's picture stops a tenth short of its right end, and a less sure one reaches it).
 * Finds taller than wide add nothing: lit posters and banners stand so.
 */
function wholePicture(picture: Box, pictures: readonly Box[]): Box {
  return pictures.filter((other) => iou(other, picture) >= AGREE_IOU).reduce(union, picture);
}

/** `finds` without those on an object already found (in `found`, or a surer one of `finds`), surest first. */
function onceEach(finds: readonly ObjectDetection[], found: readonly ObjectDetection[]): ObjectDetection[] {
  const kept: ObjectDetection[] = [];
  for (const find of [...finds].sort((a, b) => b.score - a.score)) {
    if (![...found, ...kept].some((other) => iou(other.box, find.box) >= AGREE_IOU)) kept.push(find);
  }
  return kept;
}

/**
 * A book CenterNet half sees (0.2-0.3) is a paper when SSDLite sees it too, at least this sure: a folded map
 * lying on a seat (0.26 and 0.49). On the clean rooms, SSDLite scored clutter CenterNet took for a book (a
 * tissue box on a coffee table) at most 0.24.
 */
const SSD_BOOK_MIN_SCORE = 0.35;
/**
 * A book box at least this many times taller than wide is a spine standing on a shelf (a page or an
 * envelope on a desk, seen from a camera above it, is wider than tall).
 */
const SPINE_ASPECT = 1.5;

/**
 * A book either model sees at any score it proposes is a paper when this much of its box looks like paper
 * (paperLook.std.ts): sheets lying on a desk, which both models score 0.15-0.30, are 0.57-0.94 paper-white;
 * no book find in the corpus's clean rooms (scenes-real and scenes) was more than 0.23 so.
 */
const PAPER_LOOK_MIN = 0.5;
/**
 * A book find lying inside another at least twice its size (this share of it inside) that looks partly like
 * paper itself is a part of that one: the white middle of a folded map (0.52-0.61), which the models see whole
 * (0.38-0.48). It stands or falls with the whole (a part flagged alone would hide a corner of the map in a
 * clean copy, not the map). A box around it that does not look like paper (a desk) leaves it a sheet.
 */
const PART_INSIDE = 0.8;
const PART_OF_AREA = 2;
const WHOLE_MIN_LOOK = 0.3;

/**
 * CenterNet's books split into papers (lying open or flat: a document) and shelves (upright spines side by
 * side, gathered into one box each). A book CenterNet only half sees is a paper when SSDLite is sure of it
 * (SSD_BOOK_MIN_SCORE), and a book either model half sees is one when it looks like paper (PAPER_LOOK_MIN);
 * either way, only when no upright book of either model stands beside it: lying on a shelf among spines, it
 * is a book, not a paper (a bookcase in scenes-real). The shelves stay those CenterNet itself sees. A shelf
 * is noted only where the text detector saw writing on it: titles a viewer could read.
 */
export function booksIn(objects: readonly ObjectDetection[], ssdObjects: readonly ObjectDetection[], writing: readonly WritingLine[]): { papers: ObjectDetection[]; shelves: ObjectDetection[] } {
  const isSpine = (book: ObjectDetection) => book.box.h >= SPINE_ASPECT * book.box.w;
  const beside = (book: ObjectDetection, upright: ObjectDetection) => overlaps(book.box, grown(upright.box, book.box.w / 2));
  const ssdBooks = ssdObjects.filter((object) => isBook(object) && object.score >= SSD_BOOK_MIN_SCORE);
  const anySpines = [...objects.filter((object) => isBook(object) && object.score >= AGREED_MIN_SCORE), ...ssdBooks].filter(isSpine);
  const lyingFlat = (book: ObjectDetection, spines = anySpines) => !isSpine(book) && !spines.some((spine) => beside(book, spine));
  // A paper by its look alone is weighed against every book either model proposes: upright ones beside it
  // at any score make it a book on a shelf; a papery one around it makes it a part of that.
  const proposed = [...objects, ...ssdObjects].filter(isBook);
  const proposedSpines = proposed.filter(isSpine);
  const partOfMore = (book: ObjectDetection) =>
    proposed.some((other) => !isSpine(other) && (other.paperLook ?? 0) >= WHOLE_MIN_LOOK && area(other.box) >= PART_OF_AREA * area(book.box) && coverage(book.box, other.box) >= PART_INSIDE);
  const looksLikePaper = (book: ObjectDetection) => (book.paperLook ?? 0) >= PAPER_LOOK_MIN && lyingFlat(book, proposedSpines) && !partOfMore(book);
  const halfSeenPaper = (book: ObjectDetection) => (agreed(book, ssdBooks) && lyingFlat(book)) || looksLikePaper(book);
  const centernetBooks = objects.filter((object) => isBook(object) && (object.score >= CENTERNET_MIN_SCORE || halfSeenPaper(object)));
  // A sheet only SSDLite sees, once: where CenterNet saw it too, CenterNet's box stands for it.
  const books = [...centernetBooks, ...onceEach(ssdObjects.filter((object) => isBook(object) && looksLikePaper(object)), centernetBooks)];
  const spines = books.filter(isSpine);
  const shelves: ObjectDetection[] = [];
  for (const spine of spines) {
    const reach = { x: spine.box.x - spine.box.w, y: spine.box.y, w: spine.box.w * 3, h: spine.box.h };
    const shelf = shelves.find((other) => overlaps(other.box, reach));
    if (shelf) {
      shelf.box = union(shelf.box, spine.box);
      shelf.score = Math.max(shelf.score, spine.score);
    } else shelves.push({ ...spine, label: 'shelf' });
  }
  // A book lying among the spines (on its side, or leaning) belongs to the shelf too.
  const papers = books.filter((book) => !spines.includes(book) && !shelves.some((shelf) => beside(book, shelf)));
  return { papers, shelves: shelves.filter((shelf) => writing.some((line) => overlaps(line.box, shelf.box))) };
}
