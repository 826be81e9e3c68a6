/**
 * From what the detectors saw on some frames of a clip to a box on every frame: sightings are linked into
 * tracks (one per object), the gaps between sightings filled, each track held a little before its first and
 * after its last sighting (moving on as it was moving), and every box grown by a margin. A clip is a file, not
 * a live feed, so a track's box on a frame comes from the sightings on both sides of it: a moving track's
 * smoothed, an anchored track's joined (anchoredBox).
 *
 * Papers, screens and photos on a wall are anchored: they move only when the camera does, so their boxes
 * follow the camera's motion (cameraMotion.std.ts) between sightings and for a while around them, and a pan
 * that takes a letter out of view and back finds it where it was. Faces and people move on their own. Pure.
 */
import { t } from '../i18n/i18n.std';
import { type Box, centreInside, coverage, iou, placesToldApart, union, whereInFrame } from '../media/geometry.std';
import { type CameraPose, STILL_CAMERA, intoFrame, outOfFrame } from './cameraMotion.std';
import type { FoundTracksData, RedactOptions } from './options.std';
import { shownParts } from './redactPixels.std';
import type { Risk, RiskCategory, RiskKind, RiskSource } from '../corner/risks.std';

/** What the user can ask to hide, by name (the CLI's --redact list). `marked` is an area the user chose. */
export const REDACT_GROUPS = ['faces', 'photos', 'documents', 'screens', 'people'] as const;
export type RedactGroup = (typeof REDACT_GROUPS)[number] | 'marked';

/** The group a corner-check risk belongs to. */
export function groupOf(risk: Pick<Risk, 'category' | 'kind'>): RedactGroup {
  switch (risk.category) {
    case 'face':
      return risk.kind === 'photoFace' ? 'photos' : 'faces';
    case 'screen':
      return 'screens';
    case 'person':
      return 'people';
    default:
      // Papers, labels, medicine, number plates and book titles: whatever can be read.
      return 'documents';
  }
}

/**
 * One frame's detector runs: which sources ran on it, whether objects looked in SSDLite's tiles for screens
 * too (redactPlan.std.ts), and the risks they found (frame pixels).
 */
export type FrameSample = { frame: number; sources: readonly RiskSource[]; screenTiles?: boolean; risks: readonly Risk[] };

/** Where a track was seen on one frame; `fixed` when the user drew it in the review (a correction). */
export type Sighting = { frame: number; box: Box; fixed?: true };

export type RedactTrack = {
  id: number;
  group: RedactGroup;
  label: string;
  /** Moves with the camera only (see above); its sightings are then in frame 0's pixels. */
  anchored: boolean;
  sightings: Sighting[];
  /** Frames the track is held before its first and after its last sighting. */
  holdFrames: number;
  /** Fraction of the box's size added on each side... */
  margin: number;
  /** ...and at least this fraction of the picture's short side. */
  leastMargin: number;
  /** Hidden in the clean copy (the user may keep a track visible: their own face). */
  hidden: boolean;
};

/** Options that depend on the clip: its rate, size, length, and how often each source looks. */
export type TrackingClip = {
  framesPerSecond: number;
  frameCount: number;
  width: number;
  height: number;
  /** Frames between two runs of each source. */
  everyFrames: Readonly<Record<RiskSource, number>>;
  /** The camera's pose on each frame; a still camera when absent. */
  camera?: readonly CameraPose[];
};

/** Where a track's boxes are computed: the picture, and the camera's pose on each frame. */
export type TrackFrame = { width: number; height: number; camera?: readonly CameraPose[] };

/** A track ends after this many runs of its sources without a sighting... */
export const MAX_MISSED_RUNS = 2;
/** ...and at least this long: a hand passing in front of a letter does not split its track. */
const MIN_GAP_SECONDS = 1.5;
/** A sighting continues a track when it overlaps where the track is expected this much, or its centre lies in it. */
const LINK_IOU = 0.2;
/** Held this long past the gap between two runs of the track's source, before and after. */
const HOLD_SECONDS = 0.5;
/**
 * Anchored tracks are held this long around their sightings: on a still picture the detectors look again
 * only every few seconds (redactPlan.std.ts), and a letter seen at 5 s was on the desk at 1 s too.
 */
const ANCHORED_HOLD_SECONDS = 6;
/**
 * Margins. The face passes' box on a face in the room is already wider than the face (1.6x the hand-drawn face
 * boxes of scenes-real, median, on pans across them) and a little taller (1.25x); a fifth more on each side
 * takes in hair and ears, as far again would take in the shoulders and the wall. A face in a picture comes
 * from the tile pass, whose box is tighter. A paper's box is the writing on it, grown to the sheet only where
 * the paper's tone stands out from what it lies on (sheet.std.ts): a median 0.83x the labelled papers of
 * scenes-real wide and 0.75x tall, on pans across them. Three tenths more on each side covers the median paper
 * with room for the box's jitter from look to look; a name card whose big print is about half its height is
 * covered to within a tenth of it. The other boxes are tight on the object's edges.
 */
const MARGIN: Readonly<Record<RedactGroup, number>> = { faces: 0.2, photos: 0.25, documents: 0.3, screens: 0.1, people: 0.08, marked: 0 };
/**
 * The least margin of what stays put, as a share of the picture's short side (22 px at 720p): a detector
 * places a box's edges to within a few cells of its grid whatever the object's size, so a small monitor's or
 * card's box falls as many pixels short as a big one's, which a share of its own size does not make up
 * (README, Decisions).
 */
const LEAST_MARGIN: Readonly<Record<RedactGroup, number>> = { faces: 0, photos: 0.03, documents: 0.03, screens: 0.03, people: 0, marked: 0 };
/** Smoothing: each moving track's box is averaged with its neighbours with these weights (both ways in time). */
const SMOOTHING = [1, 2, 1] as const;

type OpenTrack = { category: RiskCategory; anchored: boolean; sources: Set<RiskSource>; kinds: Map<RiskKind, number>; labels: Map<string, number>; sightings: Sighting[]; missedRuns: number };

/** Whether a risk is of something that stays put in the room (see above). */
function isAnchored(risk: Pick<Risk, 'category' | 'kind'>): boolean {
  const group = groupOf(risk);
  return group === 'documents' || group === 'screens' || group === 'photos';
}

/**
 * How well a risk's box continues a track at `frame`: their overlap (IoU) where the track expects it, or
 * LINK_IOU when one's centre is inside the other; 0 when it does not continue it.
 */
function linkScore(track: OpenTrack, found: { anchored: boolean; box: Box }, frame: number, pose: (frame: number) => CameraPose): number {
  // Someone stays where they are in the room unless seen moving: between two looks the camera may have moved
  // them across the picture (a face the tiles see every two seconds, in a pan), and another face may now be
  // where they were.
  const expected = found.anchored ? lastBox(track) : intoFrame(expectedBox(track.sightings.slice(-2).map((sighting) => inRoomOf(sighting, pose)), frame), pose(frame));
  const overlap = iou(expected, found.box);
  return overlap >= LINK_IOU ? overlap : centreInside(found.box, expected) || centreInside(expected, found.box) ? LINK_IOU : 0;
}

/** Links the samples (in any order) into tracks, one per object. */
export function linkTracks(samples: readonly FrameSample[], clip: TrackingClip): RedactTrack[] {
  const open: OpenTrack[] = [];
  const closed: OpenTrack[] = [];
  const minGapFrames = MIN_GAP_SECONDS * clip.framesPerSecond;
  const pose = (frame: number) => clip.camera?.[frame] ?? STILL_CAMERA;
  for (const sample of [...samples].sort((a, b) => a.frame - b.frame)) {
    // Each risk in the frame's pixels, or an anchored one in frame 0's (so are its track's sightings).
    const risks = [...sample.risks]
      .sort((a, b) => b.score - a.score)
      .map((risk) => {
        const anchored = isAnchored(risk);
        return { risk, anchored, box: anchored ? outOfFrame(risk.box, pose(sample.frame)) : risk.box };
      });
    // The closest pairs are linked first, whichever risk scores higher: two faces passing each other keep
    // their own tracks even when the one further from its track is the surer find.
    const pairs = risks.flatMap((found) =>
      open
        .filter((track) => track.category === found.risk.category && track.anchored === found.anchored)
        .map((track) => ({ found, track, link: linkScore(track, found, sample.frame, pose) }))
        .filter((pair) => pair.link > 0),
    );
    const claimed = new Map<OpenTrack, (typeof risks)[number]>();
    const linked = new Set<(typeof risks)[number]>();
    for (const { found, track } of pairs.sort((a, b) => b.link - a.link)) {
      if (claimed.has(track) || linked.has(found)) continue;
      claimed.set(track, found);
      linked.add(found);
    }
    for (const found of risks.filter((each) => !linked.has(each))) {
      const track: OpenTrack = { category: found.risk.category, anchored: found.anchored, sources: new Set<RiskSource>(), kinds: new Map<RiskKind, number>(), labels: new Map<string, number>(), sightings: [], missedRuns: 0 };
      open.push(track);
      claimed.set(track, found);
    }
    for (const [track, { risk, box }] of claimed) {
      track.sources.add(risk.source);
      track.labels.set(risk.label, (track.labels.get(risk.label) ?? 0) + 1);
      track.kinds.set(risk.kind, (track.kinds.get(risk.kind) ?? 0) + 1);
      track.sightings.push({ frame: sample.frame, box });
      track.missedRuns = 0;
    }
    const picture = { x: 0, y: 0, w: clip.width, h: clip.height };
    for (const track of [...open]) {
      if (claimed.has(track) || !sample.sources.some((source) => track.sources.has(source))) continue;
      // Small and angled screens are seen only in the tiles, which look less often than the whole frame: a
      // look at the whole frame alone that does not see a screen has not missed it.
      if (track.category === 'screen' && !sample.screenTiles) continue;
      // An anchored thing out of view was not missed: the camera looks elsewhere, and it will be back.
      if (track.anchored && coverage(intoFrame(lastBox(track), pose(sample.frame)), picture) < 0.5) continue;
      track.missedRuns += 1;
      const last = track.sightings[track.sightings.length - 1]!;
      if (track.missedRuns > MAX_MISSED_RUNS && sample.frame - last.frame > minGapFrames) {
        open.splice(open.indexOf(track), 1);
        closed.push(track);
      }
    }
  }
  return [...closed, ...open]
    .sort((a, b) => a.sightings[0]!.frame - b.sightings[0]!.frame)
    .map((track, index) => {
      const mostSeen = <T,>(counts: Map<T, number>) => [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
      const label = mostSeen(track.labels);
      const group = groupOf({ category: track.category, kind: mostSeen(track.kinds) });
      const slowest = Math.max(...[...track.sources].map((source) => clip.everyFrames[source]));
      const hold = track.anchored ? ANCHORED_HOLD_SECONDS * clip.framesPerSecond : slowest + HOLD_SECONDS * clip.framesPerSecond;
      return {
        id: index + 1,
        group,
        label,
        anchored: track.anchored,
        // An anchored track's sightings are joined, not averaged (anchoredBox): a look that saw all of a paper
        // keeps its box.
        sightings: track.anchored ? track.sightings : smoothed(track.sightings),
        holdFrames: Math.round(hold),
        margin: MARGIN[group],
        leastMargin: LEAST_MARGIN[group],
        hidden: true,
      };
    });
}

function lastBox(track: OpenTrack): Box {
  return track.sightings[track.sightings.length - 1]!.box;
}

/** Where a track is expected on `frame`: its last box, moved on as its last two sightings moved. */
function expectedBox(sightings: readonly Sighting[], frame: number): Box {
  const last = sightings[sightings.length - 1]!;
  const before = sightings[sightings.length - 2];
  return before ? movedOn(before, last, frame) : last.box;
}

/** The box of `to` moved on from `from` to `frame` at the same speed (before `from` as well: backwards). */
function movedOn(from: Sighting, to: Sighting, frame: number): Box {
  const span = to.frame - from.frame;
  if (span <= 0) return to.box;
  const t = (frame - to.frame) / span;
  return {
    x: to.box.x + (to.box.x - from.box.x) * t,
    y: to.box.y + (to.box.y - from.box.y) * t,
    w: Math.max(1, to.box.w + (to.box.w - from.box.w) * t),
    h: Math.max(1, to.box.h + (to.box.h - from.box.h) * t),
  };
}

/**
 * A box held past the sightings: moving on as it moved, never smaller than either of the two sightings it
 * comes from (a detector's jitter in size, carried on, would shrink it below the face it hides).
 */
function heldBox(from: Sighting, to: Sighting, frame: number): Box {
  const moved = movedOn(from, to, frame);
  const w = Math.max(from.box.w, to.box.w);
  const h = Math.max(from.box.h, to.box.h);
  return { x: moved.x + moved.w / 2 - w / 2, y: moved.y + moved.h / 2 - h / 2, w, h };
}

function smoothed(sightings: readonly Sighting[]): Sighting[] {
  if (sightings.length < 3) return sightings.map((sighting) => ({ ...sighting }));
  return sightings.map((sighting, i) => {
    if (i === 0 || i === sightings.length - 1) return { ...sighting };
    const parts = [sightings[i - 1]!, sighting, sightings[i + 1]!];
    const total = SMOOTHING.reduce((sum, weight) => sum + weight, 0);
    const mean = (key: keyof Box) => parts.reduce((sum, part, j) => sum + part.box[key] * SMOOTHING[j]!, 0) / total;
    return { frame: sighting.frame, box: { x: mean('x'), y: mean('y'), w: mean('w'), h: mean('h') } };
  });
}

/**
 * Where each track is in words ("middle right"), where it first shows: a list of five "Face in view" reads as
 * one face five times unless each says which it is, and those of one kind in one part of the picture say which
 * from the left (placesToldApart), as Check corner's flags do.
 */
export function trackPlaces(tracks: readonly RedactTrack[], picture: TrackFrame): string[] {
  return placesToldApart(
    tracks.map((track) => {
      const box = trackBoxAt(track, track.sightings[0]!.frame, picture) ?? track.sightings[0]!.box;
      return { label: track.label, box, where: whereInFrame(box, picture.width, picture.height) };
    }),
  );
}

/** First and last frame a track hides (held before and after its sightings), inside the clip. */
export function trackSpan(track: RedactTrack, frameCount: number): { first: number; last: number } {
  const first = track.sightings[0]!.frame;
  const last = track.sightings[track.sightings.length - 1]!.frame;
  return { first: Math.max(0, first - track.holdFrames), last: Math.min(frameCount - 1, last + track.holdFrames) };
}

/**
 * The box a track hides on `frame`, margin included, in frame pixels: an anchored track's sightings around it
 * together (anchoredBox), another's between sightings on the line between them, before the first and after the
 * last moving on as it moved in the room, and with the camera (at most `holdFrames`): a face in an audience the
 * camera pans past is last seen whole near the picture's edge, and leaves it with the pan, not where it was
 * last seen. Undefined when the track is not on that frame or has moved out of the picture.
 */
export function trackBoxAt(track: RedactTrack, frame: number, picture: TrackFrame): Box | undefined {
  const { sightings } = track;
  const first = sightings[0]!;
  const last = sightings[sightings.length - 1]!;
  if (frame < first.frame - track.holdFrames || frame > last.frame + track.holdFrames) return undefined;
  let box: Box;
  // Anchored: its sightings around this frame (in frame 0's pixels), where the camera shows them on this frame.
  const pose = (at: number) => picture.camera?.[at] ?? STILL_CAMERA;
  const inRoom = (sighting: Sighting) => inRoomOf(sighting, pose);
  if (track.anchored) box = intoFrame(anchoredBox(sightings, frame), pose(frame));
  else if (frame <= first.frame) box = intoFrame(sightings.length > 1 ? heldBox(inRoom(sightings[1]!), inRoom(first), frame) : inRoom(first).box, pose(frame));
  else if (frame >= last.frame) box = intoFrame(sightings.length > 1 ? heldBox(inRoom(sightings[sightings.length - 2]!), inRoom(last), frame) : inRoom(last).box, pose(frame));
  // Between sightings, where it was in the room between them (the camera may have panned a long way between
  // two looks of a slow source), where the camera shows that on this frame.
  else box = intoFrame(nearestBox(sightings, frame, inRoom), pose(frame));
  const grownBox = withMargin(box, track, picture);
  const x0 = Math.max(0, grownBox.x);
  const y0 = Math.max(0, grownBox.y);
  const x1 = Math.min(picture.width, grownBox.x + grownBox.w);
  const y1 = Math.min(picture.height, grownBox.y + grownBox.h);
  if (x1 - x0 < 2 || y1 - y0 < 2) return undefined;
  const [left, right] = atLeast(x0, x1, picture.width);
  const [top, bottom] = atLeast(y0, y1, picture.height);
  return { x: left, y: top, w: right - left, h: bottom - top };
}

/** A box grown by a track's margin: a share of its size on each side, and at least the least margin. */
export function withMargin(box: Box, { margin, leastMargin }: Pick<RedactTrack, 'margin' | 'leastMargin'>, picture: { width: number; height: number }): Box {
  const least = leastMargin * Math.min(picture.width, picture.height);
  const padX = Math.max(box.w * margin, least);
  const padY = Math.max(box.h * margin, least);
  return { x: box.x - padX, y: box.y - padY, w: box.w + 2 * padX, h: box.h + 2 * padY };
}

/** The box whose margin (withMargin) makes `grown`: a box the user draws is what is hidden, margin included. */
export function withoutMargin(grown: Box, { margin, leastMargin }: Pick<RedactTrack, 'margin' | 'leastMargin'>, picture: { width: number; height: number }): Box {
  const least = leastMargin * Math.min(picture.width, picture.height);
  const inner = (side: number) => {
    const byShare = side / (1 + 2 * margin);
    // The share gave the margin where it came to at least the least margin.
    return Math.max(1, byShare * margin >= least ? byShare : side - 2 * least);
  };
  const w = inner(grown.w);
  const h = inner(grown.h);
  return { x: grown.x + (grown.w - w) / 2, y: grown.y + (grown.h - h) / 2, w, h };
}

/**
 * A hidden region is at least this many pixels across, where the picture allows. A box leaving the picture
 * leaves a sliver along its edge, and the encoder's 16-pixel blocks straddling a sliver's blurred and sharp
 * sides keep ringing in it that the self-check rightly counts as detail (a 20 px strip kept 38 %).
 */
const MIN_HIDDEN_SIDE = 32;

/** The span [from, to) widened about its middle to MIN_HIDDEN_SIDE, kept inside [0, limit). */
function atLeast(from: number, to: number, limit: number): [number, number] {
  const side = Math.min(limit, Math.max(MIN_HIDDEN_SIDE, to - from));
  const start = Math.min(Math.max(0, (from + to) / 2 - side / 2), limit - side);
  return [start, start + side];
}

/** Sightings of an anchored track joined around a frame: the two before it and the two after... */
const ANCHORED_JOINED_SIGHTINGS = { before: 2, after: 2 } as const;
/**
 * ...those that overlap the box on the line between the two sightings around the frame this much (IoU): a
 * sign's top lines and the whole sign overlap 0.4 and more. A track that linked two signs side by side, or a
 * camera move misjudged, gives sightings that overlap less: joined, they would hide all the wall between them.
 */
const ANCHORED_JOIN_IOU = 0.3;
/**
 * A look that saw a part of a paper lies inside the look that saw all of it, and overlaps it less: the white
 * middle of a folded map (a fifth of the map, 0.19) is joined with the map when one lies this much inside the
 * other (coverage) and they overlap at least ANCHORED_PART_IOU. A sign on a noticeboard many times its size
 * overlaps the board less, and stays apart.
 */
const ANCHORED_PART_INSIDE = 0.9;
const ANCHORED_PART_IOU = 0.15;

/** Whether two looks of an anchored track agree on where it is (see above). */
function agreeOnPlace(a: Box, b: Box): boolean {
  const overlap = iou(a, b);
  return overlap >= ANCHORED_JOIN_IOU || (overlap >= ANCHORED_PART_IOU && Math.max(coverage(a, b), coverage(b, a)) >= ANCHORED_PART_INSIDE);
}

/**
 * An anchored track's box on `frame` (frame 0's pixels): the box on the line between the sightings around it
 * (a letter picked up and moved is followed as before), joined with the other looks around it that agree with
 * that box. A paper or screen stays where it is, while each look sees as much of it as it can: a sign's top
 * lines on one frame, all of it on another; a hand over a corner. Looks that agree on where it is are of the
 * same thing in the same place, and their union is where it is. A correction the user drew stands alone from
 * its frame until the next sighting, and the union never reaches across it (the user's box replaces what the
 * detectors saw before).
 */
function anchoredBox(sightings: readonly Sighting[], frame: number): Box {
  // The stretch of sightings between two corrections that holds this frame.
  let start = 0;
  let end = sightings.length;
  for (let i = 0; i < sightings.length; i += 1) {
    if (!sightings[i]!.fixed) continue;
    if (sightings[i]!.frame <= frame) start = i;
    else {
      end = i;
      break;
    }
  }
  const correction = sightings[start]!.fixed && sightings[start]!.frame <= frame ? sightings[start] : undefined;
  const seen = sightings.slice(correction ? start + 1 : start, end);
  if (correction && (seen.length === 0 || seen[0]!.frame > frame)) return correction.box;
  if (seen.length === 0) return sightings[start]!.box;
  const between = nearestBox(seen, frame);
  let latest = -1;
  while (latest + 1 < seen.length && seen[latest + 1]!.frame <= frame) latest += 1;
  const from = Math.max(0, latest - ANCHORED_JOINED_SIGHTINGS.before + 1);
  return seen
    .slice(from, latest + 1 + ANCHORED_JOINED_SIGHTINGS.after)
    .map((sighting) => sighting.box)
    .filter((box) => agreeOnPlace(box, between))
    .reduce(union, between);
}

/** A sighting in frame 0's pixels: where it was in the room, whatever the camera did. */
function inRoomOf(sighting: Sighting, pose: (frame: number) => CameraPose): Sighting {
  return { ...sighting, box: outOfFrame(sighting.box, pose(sighting.frame)) };
}

/**
 * Between two sightings, the box on the line between them; before the first and after the last, theirs. Each
 * sighting is taken as `place` gives it (where it was in the room, say): only the ones used, not the track's
 * thousands on every frame.
 */
function nearestBox(sightings: readonly Sighting[], frame: number, place: (sighting: Sighting) => Sighting = (sighting) => sighting): Box {
  const first = sightings[0]!;
  const last = sightings[sightings.length - 1]!;
  if (frame <= first.frame) return place(first).box;
  if (frame >= last.frame) return place(last).box;
  let i = 0;
  while (sightings[i + 1]!.frame < frame) i += 1;
  return lerpBox(place(sightings[i]!), place(sightings[i + 1]!), frame);
}

function lerpBox(a: Sighting, b: Sighting, frame: number): Box {
  const t = (frame - a.frame) / (b.frame - a.frame);
  const lerp = (key: keyof Box) => a.box[key] + (b.box[key] - a.box[key]) * t;
  return { x: lerp('x'), y: lerp('y'), w: lerp('w'), h: lerp('h') };
}

/**
 * For each track the detectors found, the marked area it lies in where it first shows (its box's centre
 * inside the area's), if any: an area marked in Check corner is a track of its own beside what the detectors
 * find there, and the review says the two go together, so that unticking one is not taken to show the thing.
 */
export function markedAreasAround(tracks: readonly RedactTrack[], picture: TrackFrame): Map<number, RedactTrack> {
  const areas = tracks.filter((track) => track.group === 'marked');
  const around = new Map<number, RedactTrack>();
  for (const track of tracks) {
    if (track.group === 'marked') continue;
    const frame = track.sightings[0]!.frame;
    const box = trackBoxAt(track, frame, picture);
    const area = box && areas.find((candidate) => {
      const place = trackBoxAt(candidate, frame, picture);
      return place !== undefined && centreInside(box, place);
    });
    if (area) around.set(track.id, area);
  }
  return around;
}

/**
 * A track for an area the user chose on `frame`: the same place in the picture on every frame ("stays put"),
 * or, `anchored`, the same place in the room as the camera moves ("follows what is under it").
 */
export function markedTrack(id: number, box: Box, frameCount: number, options: { anchored?: boolean; frame?: number; camera?: readonly CameraPose[] } = {}): RedactTrack {
  const anchored = options.anchored ?? false;
  const at = options.frame ?? 0;
  const place = anchored ? outOfFrame(box, options.camera?.[at] ?? STILL_CAMERA) : box;
  return { id, group: 'marked', label: t('redact.track.marked'), anchored, sightings: [{ frame: 0, box: place }, { frame: Math.max(0, frameCount - 1), box: place }], holdFrames: 0, margin: 0, leastMargin: 0, hidden: true };
}

/** A face track carries another on when it starts at most this long after the other's last sighting... */
const OWN_FACE_GAP_SECONDS = 1.5;

/**
 * The worker's own face: the face track with the most face in it (area over its sightings), and the face
 * tracks that carry it on before or after where the tracker lost it for a moment (a turn of the head, a fast
 * pan): one that starts within OWN_FACE_GAP_SECONDS of the other's last sighting, where that one was (its first
 * box's centre within a box's size of the other's last), at a like size (up to twice as large or small).
 * Keeping only the largest track kept the face for the part of the clip that track covers, and hid the rest.
 */
export function ownFaceTracks(tracks: readonly RedactTrack[], framesPerSecond: number): RedactTrack[] {
  const faces = tracks.filter((track) => track.group === 'faces');
  const weight = (track: RedactTrack) => track.sightings.reduce((sum, sighting) => sum + sighting.box.w * sighting.box.h, 0);
  const largest = faces.toSorted((a, b) => weight(b) - weight(a))[0];
  if (!largest) return [];
  const carriesOn = (before: RedactTrack, after: RedactTrack) => {
    const [end, start] = [before.sightings.at(-1)!, after.sightings[0]!];
    const gap = start.frame - end.frame;
    if (gap <= 0 || gap > OWN_FACE_GAP_SECONDS * framesPerSecond) return false;
    const apart = Math.hypot(start.box.x + start.box.w / 2 - (end.box.x + end.box.w / 2), start.box.y + start.box.h / 2 - (end.box.y + end.box.h / 2));
    const sizes = (start.box.w * start.box.h) / (end.box.w * end.box.h);
    return apart <= Math.max(end.box.w, end.box.h) && sizes <= 2 && sizes >= 0.5;
  };
  const chain = [largest];
  for (let grown = true; grown; ) {
    const earlier = faces.find((track) => !chain.includes(track) && carriesOn(track, chain[0]!));
    const later = faces.find((track) => !chain.includes(track) && carriesOn(chain.at(-1)!, track));
    if (earlier) chain.unshift(earlier);
    if (later) chain.push(later);
    grown = earlier !== undefined || later !== undefined;
  }
  return chain;
}

/**
 * The boxes of the tracks on `frame`, in copy pixels: those hidden, those not hidden, and where the ones kept
 * visible by choice show through hidden ones (keptByChoice).
 */
export function boxesAt(tracks: readonly RedactTrack[], frame: number, size: TrackFrame, showsThrough: (track: RedactTrack) => boolean) {
  const hidden: Array<{ track: RedactTrack; box: Box }> = [];
  const kept: Box[] = [];
  const byChoice: Box[] = [];
  for (const track of tracks) {
    const box = trackBoxAt(track, frame, size);
    if (!box) continue;
    if (track.hidden) hidden.push({ track, box });
    else kept.push(box);
    if (!track.hidden && showsThrough(track)) byChoice.push(box);
  }
  const shown = shownParts(byChoice, hidden.map(({ track, box }) => ({ box, seeThrough: track.group === 'people' })));
  return { hidden, kept, shown };
}

/**
 * Which tracks kept visible show through other people's hidden bodies (shownParts): a face the user keeps (their
 * own, ownFaceTracks, asked for with "Keep my own face", or one unticked in the review while faces are hidden) and an
 * area they marked and then unticked. The face of a worker whose partner stands behind them stays in the copy,
 * as the result says. A face not hidden only because faces were not asked for shows through nothing (someone
 * hidden whole keeps their face hidden), nor does a body unticked in the review (a third person overlapping
 * it stays hidden).
 */
export function keptByChoice(
  { tracks, framesPerSecond }: Pick<FoundTracksData, 'tracks' | 'framesPerSecond'>,
  { groups, keepFace }: Pick<RedactOptions, 'groups' | 'keepFace'>,
): (track: RedactTrack) => boolean {
  const own = keepFace === 'largest' ? ownFaceTracks(tracks, framesPerSecond) : [];
  return (track) => track.group === 'marked' || (track.group === 'faces' && (groups.includes('faces') || own.includes(track)));
}
