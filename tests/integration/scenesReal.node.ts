/**
 * `../shared/corpus/scenes-real`: real photographs with hand-checked boxes of the documents, faces and
 * screens in them, and clean rooms with none (its README). Read in place. The matching rule is the one the
 * corner check's targets are stated in: a flag of the same category whose box centre lies inside the
 * labelled box, or that overlaps it with IoU of at least 0.3.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type Box, centreInside, iou } from '../../core/media/geometry.std';
import type { Risk } from '../../core/corner/risks.std';
import { CORPUS_DIR } from './corpus.node';

export const SCENES_REAL_DIR = path.join(CORPUS_DIR, 'scenes-real');
export const LABELLED_CATEGORIES = ['document', 'face', 'screen'] as const;
type LabelledCategory = (typeof LABELLED_CATEGORIES)[number];
/** The categories a flag on a clean room counts as false in. */
export const FALSE_FLAG_CATEGORIES: ReadonlyArray<Risk['category']> = ['document', 'face', 'screen', 'person'];

export type LabelledScene = { file: string; labels: Array<{ category: LabelledCategory; box: Box }> };

export function scenesReal(): { scenes: LabelledScene[]; clean: string[] } {
  const truth = JSON.parse(fs.readFileSync(path.join(SCENES_REAL_DIR, 'truth.json'), 'utf8')) as {
    scenes: Array<{ file: string; planted: Array<{ category: LabelledCategory; box: [number, number, number, number] }> }>;
    clean: string[];
  };
  return {
    scenes: truth.scenes.map(({ file, planted }) => ({ file, labels: planted.map(({ category, box: [x, y, w, h] }) => ({ category, box: { x, y, w, h } })) })),
    clean: truth.clean,
  };
}

export const sceneImage = (file: string): string => path.join(SCENES_REAL_DIR, 'images', file);

export function flagMatches(risk: Pick<Risk, 'category' | 'box'>, label: { category: string; box: Box }): boolean {
  return risk.category === label.category && (centreInside(risk.box, label.box) || iou(risk.box, label.box) >= 0.3);
}
