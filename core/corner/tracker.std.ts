/**
 * Turns per-frame risks into stable flags: a risk appears only after its detector has seen it in several
 * consecutive runs, and clears only after several runs without it; "Corner clear" only after no open risk
 * for a few seconds. Each detector runs at its own cadence, so hits and misses are counted per source.
 * Pure: a state and functions that return the next state.
 */
import { formatList, t } from '../i18n/i18n.std';
import { type Box, centreInside, iou } from '../media/geometry.std';
import { RISK_SOURCES, type Risk, type RiskCategory, type RiskSource, toldApart } from './risks.std';

/**
 * Runs in a row that confirm a risk, and runs without it that clear it. Faces run about 10 times a second,
 * so 3 hits is 0.3 s; objects run about twice a second and the text detector's glances three times, so 2
 * hits stays near the 1 s target for a new risk; OCR is slower, but it mostly quotes what writing has already
 * flagged. Clearing waits longer than appearing: a flag that blinks out while a hand passes in front of it
 * would teach the user to ignore flags.
 */
export const HYSTERESIS: Readonly<Record<RiskSource, { appearAfter: number; clearAfter: number }>> = {
  faces: { appearAfter: 3, clearAfter: 6 },
  // A sweep of face tiles takes several face runs' time; photos do not walk in and out of view.
  photos: { appearAfter: 2, clearAfter: 3 },
  objects: { appearAfter: 2, clearAfter: 4 },
  writing: { appearAfter: 2, clearAfter: 3 },
  text: { appearAfter: 2, clearAfter: 3 },
};
/** The frame must show no open risk this long before the verdict says "Corner clear". */
export const CLEAR_VERDICT_MS = 3000;
/** A detection in this run is the same tracked risk when its box overlaps this much... */
const MATCH_IOU = 0.3;
/** ...and each tracked box moves this far towards the new one (smoothing; 1 would follow every jitter). */
const BOX_SMOOTHING = 0.5;

export type TrackedRisk = Risk & {
  id: number;
  hits: number;
  misses: number;
  confirmed: boolean;
  accepted: boolean;
  firstSeenAt: number;
  /** A glance (see RunScope) has seen it: glances that miss it count. */
  glanced: boolean;
};

/**
 * What a run could see, when not everything: only the part `lookedAt` (a confirmation around something new:
 * a photo sweep of one tile, a glance at one paper); or, for a `glance` (the text detector on a smaller
 * input, which misses small print), only what glances have seen before; or, for a run that looked only for
 * what is new (`newOnly`: an objects confirmation that runs one of the two object models), only the tracks
 * not yet confirmed. A run says nothing about the tracks it could not see: it may find them (a glance
 * confirming what a full look saw), but if it does not, they keep their counts.
 */
export type RunScope = { lookedAt?: Box; glance?: boolean; newOnly?: boolean };

/** A run that looked at all of the frame with everything its detector can see. */
export function isWholeRun(scope: RunScope): boolean {
  return !scope.lookedAt && !scope.glance;
}

/** A risk the user accepted on purpose ("my own face is required"): this category in this place. */
type AcceptedRisk = { category: RiskCategory; box: Box; label: string };

export type TrackerState = {
  tracks: TrackedRisk[];
  accepted: AcceptedRisk[];
  nextId: number;
  startedAt: number;
  /** Time of the last detector run folded in. */
  updatedAt: number;
  /** Last time an open (confirmed, not accepted) risk was in view. */
  lastOpenRiskAt: number;
  /**
   * How many whole runs (all of the frame, everything the detector can see) each detector has completed: no
   * verdict before each has run.
   */
  runs: Record<RiskSource, number>;
};

export function newTracker(now: number): TrackerState {
  return { tracks: [], accepted: [], nextId: 1, startedAt: now, updatedAt: now, lastOpenRiskAt: now, runs: { faces: 0, photos: 0, objects: 0, writing: 0, text: 0 } };
}

/** One detector run's risks (only those of `source` count) folded into the tracks it could see (`scope`). */
export function trackRun(state: TrackerState, source: RiskSource, risks: readonly Risk[], now: number, scope: RunScope = {}): TrackerState {
  const { lookedAt, glance = false, newOnly = false } = scope;
  const { appearAfter, clearAfter } = HYSTERESIS[source];
  const inLookedAt = (box: Box) => !lookedAt || centreInside(box, lookedAt);
  // What lies outside the part a run looked at is what earlier runs saw there, not news.
  const fresh = risks.filter((risk) => risk.source === source && inLookedAt(risk.box));
  const used = new Set<number>();
  const tracks: TrackedRisk[] = [];
  let nextId = state.nextId;
  const couldSee = (track: TrackedRisk) => inLookedAt(track.box) && (!glance || track.glanced) && (!newOnly || !track.confirmed);
  for (const track of state.tracks) {
    if (track.source !== source) {
      tracks.push(track);
      continue;
    }
    const match = bestMatch(track, fresh, used);
    if (match === undefined) {
      if (!couldSee(track)) {
        tracks.push(track);
        continue;
      }
      const misses = track.misses + 1;
      // An unconfirmed track that misses once was a flicker: drop it at once.
      if (misses < (track.confirmed ? clearAfter : 1)) tracks.push({ ...track, misses, hits: track.confirmed ? track.hits : 0 });
      continue;
    }
    used.add(match);
    const risk = fresh[match]!;
    const hits = track.hits + 1;
    tracks.push({ ...track, ...risk, box: smooth(track.box, risk.box), hits, misses: 0, confirmed: track.confirmed || hits >= appearAfter, glanced: track.glanced || glance });
  }
  fresh.forEach((risk, index) => {
    if (used.has(index)) return;
    const accepted = state.accepted.some((zone) => isInZone(risk, zone));
    tracks.push({ ...risk, id: nextId, hits: 1, misses: 0, confirmed: appearAfter <= 1, accepted, firstSeenAt: now, glanced: glance });
    nextId += 1;
  });
  const open = tracks.some((track) => track.confirmed && !track.accepted);
  const runs = { ...state.runs, [source]: state.runs[source] + (isWholeRun(scope) ? 1 : 0) };
  return { ...state, tracks: source === 'text' ? withQuotes(tracks, risks) : tracks, nextId, updatedAt: now, lastOpenRiskAt: open ? now : state.lastOpenRiskAt, runs };
}

/**
 * A reading puts what OCR read on the flag of the writing it was read from at once (`risks` are the rules'
 * risks of the frame read, whose writing carries the quotes). Left to the text detector's next look at that
 * writing, the quote waited for it: for small print a full look, which a still picture puts off for seconds.
 */
function withQuotes(tracks: TrackedRisk[], risks: readonly Risk[]): TrackedRisk[] {
  const writing = risks.filter((risk) => risk.source === 'writing');
  return tracks.map((track) => {
    if (track.source !== 'writing') return track;
    const match = bestMatch(track, writing, new Set());
    if (match === undefined) return track;
    const { text: _text, details: _details, ...rest } = track;
    const { label, text, details, severity, guidance } = writing[match]!;
    return { ...rest, label, severity, guidance, ...(text !== undefined ? { text } : {}), ...(details !== undefined ? { details } : {}) };
  });
}

/**
 * The latest detections after a run that looked only at `lookedAt`: what it found there, and what the runs
 * before found elsewhere (all of `found` when it looked at the whole frame).
 */
export function mergeLookedAt<T extends { box: Box }>(previous: readonly T[], found: readonly T[], lookedAt?: Box): T[] {
  return lookedAt ? [...previous.filter((item) => !centreInside(item.box, lookedAt)), ...found] : [...found];
}

function bestMatch(track: TrackedRisk, risks: readonly Risk[], used: ReadonlySet<number>): number | undefined {
  let best: number | undefined;
  let bestOverlap = MATCH_IOU;
  risks.forEach((risk, index) => {
    if (used.has(index) || risk.category !== track.category) return;
    const overlap = iou(track.box, risk.box);
    if (overlap >= bestOverlap) {
      best = index;
      bestOverlap = overlap;
    }
  });
  return best;
}

function smooth(previous: Box, next: Box): Box {
  const mix = (a: number, b: number) => a + (b - a) * BOX_SMOOTHING;
  return { x: mix(previous.x, next.x), y: mix(previous.y, next.y), w: mix(previous.w, next.w), h: mix(previous.h, next.h) };
}

function isInZone(risk: Pick<Risk, 'category' | 'box'>, zone: AcceptedRisk): boolean {
  return risk.category === zone.category && (iou(risk.box, zone.box) >= MATCH_IOU || centreInside(risk.box, zone.box));
}

/** Accepts a tracked risk for the rest of this check: it and whatever of its kind appears in its place. */
export function acceptRisk(state: TrackerState, id: number): TrackerState {
  const track = state.tracks.find((candidate) => candidate.id === id);
  if (!track) return state;
  const zone: AcceptedRisk = { category: track.category, box: track.box, label: track.label };
  return {
    ...state,
    accepted: [...state.accepted, zone],
    tracks: state.tracks.map((candidate) => (isInZone(candidate, zone) ? { ...candidate, accepted: true } : candidate)),
  };
}

/** The flags the user sees: confirmed ones only, open ones first, those alike told apart by their places. */
export function visibleRisks(state: TrackerState): TrackedRisk[] {
  return toldApart(state.tracks.filter((track) => track.confirmed).sort((a, b) => Number(a.accepted) - Number(b.accepted) || a.id - b.id));
}

type Verdict =
  | { status: 'checking'; message: string }
  | { status: 'risks'; open: number; accepted: number; message: string }
  | { status: 'clear'; accepted: number; message: string };

/** Whether every detector has run often enough to have flagged what it sees: "clear" means nothing before that. */
export function everyDetectorRan(state: TrackerState, sources: readonly RiskSource[] = RISK_SOURCES): boolean {
  return sources.every((source) => state.runs[source] >= HYSTERESIS[source].appearAfter);
}

/**
 * The check's verdict. `blurred`: the flags the worker chose to blur in the clean copy, dealt with as accepted
 * ones are, and said apart from them: "Corner clear (2 accepted and 1 to blur in the clean copy)".
 */
export function verdictOf(state: TrackerState, now: number, sources: readonly RiskSource[] = RISK_SOURCES, blurred: ReadonlySet<number> = new Set()): Verdict {
  const visible = visibleRisks(state);
  const open = visible.filter((track) => !track.accepted).length;
  const accepted = visible.length - open;
  if (open > 0) return { status: 'risks', open, accepted, message: t('corner.verdict.toFix', { count: open }) };
  if (!everyDetectorRan(state, sources) || now - state.lastOpenRiskAt < CLEAR_VERDICT_MS) return { status: 'checking', message: t('corner.verdict.checking') };
  const toBlur = visible.filter((track) => blurred.has(track.id)).length;
  const dealt = [
    ...(accepted > toBlur ? [t('corner.verdict.accepted', { count: accepted - toBlur })] : []),
    ...(toBlur > 0 ? [t('corner.verdict.toBlur', { count: toBlur })] : []),
  ];
  return { status: 'clear', accepted, message: dealt.length > 0 ? t('corner.verdict.clearDealt', { dealt: formatList(dealt) }) : t('corner.verdict.clear') };
}
