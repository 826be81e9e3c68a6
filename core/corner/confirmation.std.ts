/**
 * Where a run that confirms a new sighting looks. A run that has just seen something new is repeated at once,
 * and only around what is new (a photo sweep on the tiles that hold it, a glance at the part of the frame
 * around a page), so a flag takes little more than one run's time and the confirmation costs a fraction of a
 * whole run. Pure.
 */
import { type Box, area, centreInside, clampToFrame, grown, iou, union } from '../media/geometry.std';
import { BOTH_OBJECT_MODELS, type ObjectDetection, type ObjectModels } from './detections.std';
import { type RiskSource, assessFrame } from './risks.std';
import type { TrackedRisk, TrackerState } from './tracker.std';

/**
 * A confirmation looks around what is new, grown by this share of its size on every side (it may have moved
 * a little)...
 */
const CONFIRM_MARGIN = 0.25;
/** ...unless that is most of the frame anyway: then the whole frame, which refreshes everything else too. */
const CONFIRM_MAX_SHARE = 0.6;

/** `box` grown by `by` on every side, within the frame; undefined (the whole frame) if that is most of it. */
export function partAround(box: Box, by: { x: number; y: number }, frame: { width: number; height: number }): Box | undefined {
  const region = clampToFrame(grown(box, by), frame.width, frame.height);
  return area(region) > CONFIRM_MAX_SHARE * frame.width * frame.height ? undefined : region;
}

/**
 * Where a confirmation of `source` looks (in the tracker's pixels, a `frame` wide and high): around its
 * unconfirmed sightings (those `which` picks); undefined for the whole frame.
 */
export function confirmationRegion(
  tracker: Pick<TrackerState, 'tracks'>,
  source: RiskSource,
  frame: { width: number; height: number },
  which: (track: TrackedRisk) => boolean = () => true,
): Box | undefined {
  const fresh = tracker.tracks.filter((track) => track.source === source && !track.confirmed && which(track)).map((track) => track.box);
  if (fresh.length === 0) return undefined;
  const seen = fresh.reduce(union);
  return partAround(seen, { x: seen.w * CONFIRM_MARGIN, y: seen.h * CONFIRM_MARGIN }, frame);
}

/** A flag one model makes alone is the flag both make together when their boxes overlap this much (IoU). */
const SAME_FLAG_IOU = 0.5;

/** The two object models' latest finds on a `width` x `height` frame: CenterNet's and SSDLite's. */
export type ObjectFinds = { width: number; height: number; objects: readonly ObjectDetection[]; ssdObjects: readonly ObjectDetection[] };

/**
 * Which object models a confirmation around `region` runs: each model whose own finds alone make a flag of
 * what is there (CenterNet's screen, SSDLite's lit TV); both for a flag neither makes alone (a screen each
 * half sees), and for the whole frame. The other's finds stand as they were (it makes no flag there alone),
 * and a confirmation costs one model's run, not both (CenterNet is about two thirds of the objects run).
 */
export function objectModelsToConfirm(region: Box | undefined, last: ObjectFinds): ObjectModels {
  if (!region) return BOTH_OBJECT_MODELS;
  const flagsThere = (finds: Pick<ObjectFinds, 'objects' | 'ssdObjects'>) =>
    assessFrame({ width: last.width, height: last.height, ...finds }).filter((risk) => risk.source === 'objects' && centreInside(risk.box, region));
  const byCenterNet = flagsThere({ objects: last.objects, ssdObjects: [] });
  const bySsd = flagsThere({ objects: [], ssdObjects: last.ssdObjects });
  const together = flagsThere(last);
  const sameFlag = (a: { box: Box; label: string }) => (b: { box: Box; label: string }) => a.label === b.label && iou(a.box, b.box) >= SAME_FLAG_IOU;
  const needsBoth = together.length === 0 || together.some((flag) => !byCenterNet.some(sameFlag(flag)) && !bySsd.some(sameFlag(flag)));
  return { centernet: needsBoth || byCenterNet.length > 0, ssd: needsBoth || bySsd.length > 0 };
}
