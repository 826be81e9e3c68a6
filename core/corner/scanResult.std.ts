/** What `safetake scan` reports: risks across a video's frames, and the documented JSON shape. Pure. */
import { iou } from '../media/geometry.std';
import type { Risk } from './risks.std';

export type TimedRisk = Risk & { t: number };

/** The same thing seen in two frames: same category, and boxes overlapping this much. */
const SAME_RISK_IOU = 0.3;

/** Each risk once, at the time it first appears: a bookshelf in view for a minute is one risk, not sixty. */
export function mergeVideoRisks(frames: ReadonlyArray<{ t: number; risks: readonly Risk[] }>): TimedRisk[] {
  const merged: TimedRisk[] = [];
  for (const frame of frames) {
    for (const risk of frame.risks) {
      const seen = merged.find((earlier) => earlier.category === risk.category && earlier.label === risk.label && iou(earlier.box, risk.box) >= SAME_RISK_IOU);
      if (!seen) merged.push({ ...risk, t: frame.t });
      else if (risk.score > seen.score) Object.assign(seen, { ...risk, t: seen.t });
    }
  }
  return merged;
}

/**
 * `--json`: `{file, width, height, risks: [{category, kind, label, score, box, text?, t?}]}` per file. `kind` is
 * the same in every language (photoFace, faceInView, laptop…); `label` is in the worker's.
 */
export function scanJson(report: { file: string; width: number; height: number; risks: ReadonlyArray<Risk & { t?: number }> }) {
  return {
    file: report.file,
    width: report.width,
    height: report.height,
    risks: report.risks.map((risk) => ({
      category: risk.category,
      kind: risk.kind,
      label: risk.label,
      score: Math.round(risk.score * 1000) / 1000,
      box: risk.box,
      ...(risk.text !== undefined ? { text: risk.text } : {}),
      ...(risk.t !== undefined ? { t: risk.t } : {}),
    })),
  };
}
