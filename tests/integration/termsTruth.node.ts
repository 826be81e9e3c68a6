/**
 * `../shared/corpus/terms`: real terms of service with labelled red flags (each with an exact quote) and the
 * rules checked absent (truth.json). Read in place. A labelled flag is found when a flag of the same rule
 * covers every labelled word (offsets in the document, white space compared loosely); a false flag is a flag
 * for a rule the truth lists as absent from that document. Rules neither labelled nor absent are not judged.
 */
import fs from 'node:fs';
import path from 'node:path';
import { RED_FLAG_IDS, type RedFlagId } from '../../core/terms/redFlags.std';
import type { TermsFlag } from '../../core/terms/scanTerms.std';
import { CORPUS_DIR } from './corpus.node';

export const TERMS_DIR = path.join(CORPUS_DIR, 'terms');

export type TermsDocument = { file: string; text: string; labels: Array<{ rule: RedFlagId; quote: string; start: number; end: number }>; absent: RedFlagId[] };

export function termsDocuments(): TermsDocument[] {
  const truth = JSON.parse(fs.readFileSync(path.join(TERMS_DIR, 'truth.json'), 'utf8')) as {
    documents: Array<{ file: string; flags: Array<{ rule: RedFlagId; quote: string }>; absent: RedFlagId[] }>;
  };
  return truth.documents.map(({ file, flags, absent }) => {
    const text = fs.readFileSync(path.join(TERMS_DIR, file), 'utf8');
    return { file, text, absent, labels: flags.map((flag) => ({ ...flag, ...locate(text, flag.quote) })) };
  });
}

/** Where `quote` lies in `text`, white space compared loosely. */
function locate(text: string, quote: string): { start: number; end: number } {
  const pattern = new RegExp(quote.trim().split(/\s+/).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'));
  const match = pattern.exec(text);
  if (!match) throw new Error(`The labelled quote is not in the document: ${quote}`);
  return { start: match.index, end: match.index + match[0].length };
}

export type RuleScore = {
  rule: RedFlagId;
  labelled: number;
  found: number;
  flags: number;
  /** Flags that cover no labelled quote of their rule: not judged (the labels are not exhaustive), but shown. */
  unlabelled: number;
  falseFlags: number;
  absentDocuments: number;
  absentFlagged: number;
};

/** Per rule: labelled flags found, flags raised, and flags for a rule the truth lists absent. */
export function scoreTerms(results: Array<{ document: TermsDocument; flags: TermsFlag[] }>): { rules: RuleScore[]; misses: string[]; falses: string[] } {
  const misses: string[] = [];
  const falses: string[] = [];
  const rules = RED_FLAG_IDS.map((rule) => {
    const score: RuleScore = { rule, labelled: 0, found: 0, flags: 0, unlabelled: 0, falseFlags: 0, absentDocuments: 0, absentFlagged: 0 };
    for (const { document, flags } of results) {
      const mine = flags.filter((flag) => flag.rule === rule);
      score.flags += mine.length;
      const labels = document.labels.filter((label) => label.rule === rule);
      score.unlabelled += mine.filter((flag) => !labels.some((label) => flag.start <= label.start && flag.end >= label.end)).length;
      for (const label of document.labels.filter((label) => label.rule === rule)) {
        score.labelled++;
        if (mine.some((flag) => flag.start <= label.start && flag.end >= label.end)) score.found++;
        else misses.push(`${rule} in ${document.file}: ${label.quote}`);
      }
      if (document.absent.includes(rule)) {
        score.absentDocuments++;
        score.falseFlags += mine.length;
        if (mine.length > 0) score.absentFlagged++;
        for (const flag of mine) falses.push(`${rule} in ${document.file}: ${flag.quote}`);
      }
    }
    return score;
  });
  return { rules, misses, falses };
}
