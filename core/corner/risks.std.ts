/**
 * The risk rules: what the detectors saw in one frame -> what in it gives the worker away, in words, with
 * what to do about it. The same rules run in the app (live camera) and in `safetake scan`. Pure.
 */
import { t } from '../i18n/i18n.std';
import { type Box, area, centreInside, clampToFrame, coverage, iou, placesToldApart, union, whereInFrame } from '../media/geometry.std';
import type { FrameDetections, ObjectDetection, TextLine } from './detections.std';
import { CENTERNET_MIN_SCORE, booksIn, screensIn } from './objects.std';
import { type FaceKind, facesIn, peopleIn } from './people.std';
import { type PersonalDetail, personalDetailName, personalDetailsIn } from './textRisk.std';
import { writingBlocks } from './writingBlocks.std';

/** The categories of `safetake scan --json`, fixed by the CLI's documented format. */
export const RISK_CATEGORIES = ['document', 'face', 'screen', 'person', 'medicine', 'other'] as const;
export type RiskCategory = (typeof RISK_CATEGORIES)[number];
/** A category in a worker's words, as a list of what a check left open reads it. */
export function riskName(category: RiskCategory): string {
  return t(`corner.risk.name.${category}`);
}
/**
 * Which detector found a risk: each runs at its own cadence, so the tracker counts frames per source.
 * `faces` is BlazeFace on the whole frame (faces in view, faces on screens); `photos` is BlazeFace on tiles
 * (small faces: photos, posters, people far away; see tiles.std.ts) and FaceBoxes on the whole frame (faces
 * in profile, looking down, in crowds; see faceboxes.std.ts). `writing` is the text detector (where
 * there is writing, readable or not; see writingModel.std.ts), `text` is OCR (what the writing says).
 */
export type RiskSource = 'faces' | 'photos' | 'objects' | 'writing' | 'text';
export const RISK_SOURCES: readonly RiskSource[] = ['faces', 'photos', 'objects', 'writing', 'text'];

export type Risk = {
  category: RiskCategory;
  /** What kind of thing it is, whatever the language of its label (redaction groups by it). */
  kind: RiskKind;
  /** What it is, in words: "Readable text", "Photo with a face", "Screen", ... */
  label: string;
  score: number;
  box: Box;
  /** Text a viewer could read (OCR), quoted to the user. */
  text?: string;
  /** Personal details the text seems to contain. */
  details?: PersonalDetail[];
  /** `low`: worth a look, not worth moving (book titles on a shelf). */
  severity: 'high' | 'medium' | 'low';
  source: RiskSource;
  /** Where it is, in words ("bottom left"). */
  where: string;
  /** What to do about it, in one sentence. */
  guidance: string;
};

/**
 * What a risk is, for its words: each kind has a label (`corner.risk.label.*`) and a sentence of what to do
 * about it (`corner.risk.advice.*`, with where it is). Readable text is told to move like any writing.
 */
export type RiskKind =
  | 'medicine'
  | 'vehicle'
  | 'screen'
  | 'laptop'
  | 'phone'
  | 'papers'
  | 'bookTitles'
  | 'person'
  | 'faceInView'
  | 'photoFace'
  | 'faceOnScreen'
  | 'writing'
  | 'readableText';

/**
 * COCO labels other than screens, people and books that give something away, with their category and kind.
 * Everything else COCO knows (cups, chairs, plants, ovens...) says nothing about who or where the worker is.
 */
const RISKY_OBJECTS: Readonly<Record<string, { category: RiskCategory; kind: RiskKind }>> = {
  bottle: { category: 'medicine', kind: 'medicine' },
  car: { category: 'other', kind: 'vehicle' },
  truck: { category: 'other', kind: 'vehicle' },
  motorcycle: { category: 'other', kind: 'vehicle' },
  bus: { category: 'other', kind: 'vehicle' },
};
const SCREEN_KINDS: Readonly<Record<string, RiskKind>> = { tv: 'screen', laptop: 'laptop', 'cell phone': 'phone' };
/** OCR words below this confidence (0..100) are mostly texture read as letters. */
export const OCR_MIN_WORD_CONFIDENCE = 70;
/** A text line is "readable" with at least this many letters or digits in confident words. */
const OCR_MIN_CHARACTERS = 6;
/** Two risks of one category overlapping this much (IoU) are the same thing seen twice. */
const DUPLICATE_IOU = 0.5;
/**
 * Text closer than this many line heights belongs to the same paper or screen: lines of a paragraph are
 * under one line apart, table columns on a bill two to four.
 */
const TEXT_BLOCK_GAP_LINES = 4;
/** Quoted text is cut here: enough for the user to recognise it. */
const MAX_QUOTE = 140;

/** Applies every rule to one frame: the risks in it, most severe first, biggest first within a severity. */
export function assessFrame(frame: FrameDetections): Risk[] {
  const objects = frame.objects ?? [];
  const screens = screensIn(objects, frame.ssdObjects ?? []);
  const people = peopleIn(frame);
  // The largest person is taken to be the worker; only the others are "another person".
  const others = dropContained(people.slice(1), people[0]);

  const risks: Risk[] = [];
  const add = (risk: Omit<Risk, 'label' | 'where' | 'guidance' | 'box'> & { box: Box; kind: RiskKind }) => {
    const box = clampToFrame(risk.box, frame.width, frame.height);
    const where = whereInFrame(box, frame.width, frame.height);
    const { kind, ...rest } = risk;
    const label = kind === 'readableText' && risk.details ? t('corner.risk.label.readableTextDetails', { details: risk.details.map(personalDetailName).join(', ') }) : t(`corner.risk.label.${kind}`);
    risks.push({ ...rest, kind, label, box, where, guidance: guidanceFor(kind, where) });
  };

  for (const object of objects.filter((candidate) => candidate.score >= CENTERNET_MIN_SCORE)) {
    const rule = RISKY_OBJECTS[object.label];
    if (rule) add({ category: rule.category, kind: rule.kind, score: object.score, box: object.box, severity: 'medium', source: 'objects' });
  }
  for (const screen of screens) {
    add({ category: 'screen', kind: SCREEN_KINDS[screen.label]!, score: screen.score, box: screen.box, severity: 'medium', source: 'objects' });
  }
  const books = booksIn(objects, frame.ssdObjects ?? [], frame.writing ?? []);
  for (const paper of books.papers) {
    add({ category: 'document', kind: 'papers', score: paper.score, box: paper.box, severity: 'medium', source: 'objects' });
  }
  for (const shelf of books.shelves) {
    add({ category: 'other', kind: 'bookTitles', score: shelf.score, box: shelf.box, severity: 'low', source: 'objects' });
  }
  for (const person of others) {
    add({ category: 'person', kind: 'person', score: person.score, box: person.box, severity: 'high', source: 'objects' });
  }
  for (const face of facesIn(frame, people, screens.map((screen) => screen.box))) {
    add({ category: 'face', kind: FACE_KINDS[face.kind], score: face.score, box: face.box, severity: 'high', source: face.source });
  }
  // OCR's text is quoted on the block of writing it was read from; text OCR read where the detector saw no
  // block (a short sign, a label) is a risk of its own.
  const blocks = writingBlocks(frame.writing ?? [], frame);
  const readText = textBlocks(frame.lines ?? []);
  for (const block of blocks) {
    const quote = readText.filter((text) => centreInside(text.box, block.sheet)).map((text) => text.text).join(' ');
    add({ ...documentRisk(quote), score: block.score, box: block.sheet, source: 'writing' });
  }
  for (const text of readText.filter((candidate) => !blocks.some((block) => centreInside(candidate.box, block.sheet)))) {
    add({ ...documentRisk(text.text), score: text.confidence / 100, box: text.box, source: 'text' });
  }
  return sortBySeverity(dropDuplicates(risks));
}

/** What to do about a risk of `kind` at `where`; readable text is moved like any writing. */
function guidanceFor(kind: RiskKind, where: string): string {
  return t(`corner.risk.advice.${kind === 'readableText' ? 'writing' : kind}`, { where });
}

/**
 * Flags of one label in one part of the frame (sheets strewn on a desk) would read alike in a list: each of
 * those in `risks` says which it is from the left ("bottom centre, 2 of 3 from the left").
 */
export function toldApart<T extends Risk>(risks: readonly T[]): T[] {
  const places = placesToldApart(risks);
  return risks.map((risk, i) => (places[i] === risk.where ? risk : { ...risk, where: places[i]!, guidance: guidanceFor(risk.kind, places[i]!) }));
}

const FACE_KINDS: Readonly<Record<FaceKind, RiskKind>> = { person: 'faceInView', picture: 'photoFace', screen: 'faceOnScreen' };

/**
 * A paper, sign or label with writing: "Writing" while nothing on it could be read, "Readable text" (quoted,
 * with the personal details it seems to hold) once OCR read some, and high severity when it holds one.
 */
function documentRisk(read: string): Pick<Risk, 'category' | 'severity' | 'text' | 'details'> & { kind: RiskKind } {
  if (read === '') return { category: 'document', kind: 'writing', severity: 'medium' };
  const details = personalDetailsIn(read);
  return {
    category: 'document',
    kind: 'readableText',
    text: read.length > MAX_QUOTE ? `${read.slice(0, MAX_QUOTE - 1)}…` : read,
    ...(details.length > 0 ? { details } : {}),
    severity: details.length > 0 ? 'high' : 'medium',
  };
}

/** People whose box lies mostly inside the worker's are the worker seen twice (CenterNet does that). */
function dropContained(people: readonly ObjectDetection[], worker: ObjectDetection | undefined): ObjectDetection[] {
  if (!worker) return [...people];
  return people.filter((person) => coverage(person.box, worker.box) < 0.8);
}

/**
 * Keeps the better of two risks that are the same thing: same category and overlapping boxes. Writing (found
 * or read) beats an object box (it shows where the letters are and quotes them); otherwise the higher score wins.
 */
function dropDuplicates(risks: Risk[]): Risk[] {
  const kept: Risk[] = [];
  const isWriting = (risk: Risk) => risk.source === 'text' || risk.source === 'writing';
  const rank = (risk: Risk) => (isWriting(risk) ? 2 : 1) + risk.score;
  for (const risk of [...risks].sort((a, b) => rank(b) - rank(a))) {
    const same = kept.some((other) => {
      if (other.category !== risk.category) return false;
      const textOnObject = isWriting(other) && !isWriting(risk) && coverage(other.box, risk.box) > 0.5;
      return textOnObject || iou(other.box, risk.box) >= DUPLICATE_IOU;
    });
    if (!same) kept.push(risk);
  }
  return kept;
}

const SEVERITY_ORDER: Readonly<Record<Risk['severity'], number>> = { high: 0, medium: 1, low: 2 };

function sortBySeverity(risks: Risk[]): Risk[] {
  return risks.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || area(b.box) - area(a.box));
}

/** Confident lines, merged when near each other (one paper, one screen); blocks with too little text dropped. */
export function textBlocks(lines: readonly TextLine[]): TextLine[] {
  const confident = lines
    .map((line) => ({ ...line, text: line.text.replace(/\s+/g, ' ').trim() }))
    .filter((line) => line.confidence >= OCR_MIN_WORD_CONFIDENCE && line.text !== '')
    .sort((a, b) => a.box.y - b.box.y || a.box.x - b.box.x);
  // Merge until nothing changes: table columns and paragraphs of one paper end up in one block.
  let blocks = confident.map((line) => ({ ...line, weight: line.text.length, lineHeight: line.box.h }));
  for (let merged = true; merged; ) {
    merged = false;
    const next: typeof blocks = [];
    for (const block of blocks) {
      const near = next.find((candidate) => nearEachOther(candidate, block));
      if (!near) {
        next.push({ ...block });
        continue;
      }
      near.text = `${near.text} ${block.text}`;
      near.confidence = (near.confidence * near.weight + block.confidence * block.weight) / (near.weight + block.weight);
      near.weight += block.weight;
      near.box = union(near.box, block.box);
      near.lineHeight = Math.min(near.lineHeight, block.lineHeight);
      merged = true;
    }
    blocks = next;
  }
  return blocks
    .filter((block) => block.text.replace(/[^\p{L}\p{N}]/gu, '').length >= OCR_MIN_CHARACTERS)
    .map(({ weight: _weight, lineHeight: _lineHeight, ...block }) => block);
}

/** Within TEXT_BLOCK_GAP_LINES line heights of each other, on both axes. */
function nearEachOther(a: TextLine & { lineHeight: number }, b: TextLine & { lineHeight: number }): boolean {
  const gap = TEXT_BLOCK_GAP_LINES * Math.min(a.lineHeight, b.lineHeight);
  const overlapsHorizontally = b.box.x < a.box.x + a.box.w + gap && b.box.x + b.box.w > a.box.x - gap;
  const overlapsVertically = b.box.y < a.box.y + a.box.h + gap && b.box.y + b.box.h > a.box.y - gap;
  return overlapsHorizontally && overlapsVertically;
}
