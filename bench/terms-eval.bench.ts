/**
 * bench/terms-eval: how well the terms scanner finds the red flags labelled in real agreements
 * (corpus/terms/truth.json), and how fast it reads a long one. Recall per rule: labelled flags a flag of the
 * same rule covers word for word. False flags: flags for a rule the truth lists as absent from that document.
 * As a check on wording the rules were not written from, the one-line summaries of ToS;DR's cases
 * (TOSDR_CASES.tsv): "same" cases should be flagged with their rule, "opposite" ones should not.
 * Flags on sentences no label covers are counted apart: the labels are not exhaustive (a rule may be
 * "unlabelled" in a document), so they are neither right nor wrong here; core/terms/heldOut.test.ts judges
 * clauses written apart from the rules, both ways.
 * Speed: a 100-page agreement (the corpus documents repeated to 300,000 characters, about 3,000 characters a
 * page) against one case-insensitive search of the same text for "licen", in the same process.
 *
 * Run: npx vitest run --project bench bench/terms-eval.bench.ts && node scripts/benchmarksDoc.mjs
 */
import fs from 'node:fs';
import path from 'node:path';
import { it } from 'vitest';
import { scanTerms } from '../core/terms/scanTerms.std';
import { TERMS_DIR, scoreTerms, termsDocuments } from '../tests/integration/termsTruth.node';
import { benchReport, compare, table } from './measure.node';

const report = benchReport('terms-eval');
const percent = (part: number, whole: number) => (whole === 0 ? '-' : `${((100 * part) / whole).toFixed(1)} %`);

it('finds the labelled red flags in real agreements', () => {
  const documents = termsDocuments();
  const { rules, misses, falses } = scoreTerms(documents.map((document) => ({ document, flags: scanTerms(document.text) })));
  const total = rules.reduce(
    (sum, rule) => ({
      labelled: sum.labelled + rule.labelled,
      found: sum.found + rule.found,
      flags: sum.flags + rule.flags,
      unlabelled: sum.unlabelled + rule.unlabelled,
      falseFlags: sum.falseFlags + rule.falseFlags,
      absentDocuments: sum.absentDocuments + rule.absentDocuments,
      absentFlagged: sum.absentFlagged + rule.absentFlagged,
    }),
    { labelled: 0, found: 0, flags: 0, unlabelled: 0, falseFlags: 0, absentDocuments: 0, absentFlagged: 0 },
  );
  report.line(`bench/terms-eval: ${documents.length} real agreements, ${total.labelled} labelled red flags (targets: recall at least 90 % per rule, at most 1 false flag in 10).`);
  report.line('');
  report.line(
    table(
      ['rule', 'labelled found', 'flags raised', 'of them on no labelled quote (not judged)', 'false flags (share of flags)', 'documents without it that were flagged'],
      [...rules, { rule: 'overall', ...total }].map((rule) => [
        rule.rule,
        `${rule.found}/${rule.labelled} (${percent(rule.found, rule.labelled)})`,
        rule.flags,
        rule.unlabelled,
        `${rule.falseFlags} (${percent(rule.falseFlags, rule.flags)})`,
        `${rule.absentFlagged}/${rule.absentDocuments}`,
      ]),
    ),
  );
  for (const miss of misses) report.line(`Missed: ${miss}`);
  for (const flag of falses) report.line(`False: ${flag}`);

  const cases = fs.readFileSync(path.join(TERMS_DIR, 'TOSDR_CASES.tsv'), 'utf8').trim().split('\n').slice(1).map((line) => line.split('\t'));
  const judged = cases.map(([rule, relation, , , title]) => {
    const flagged = scanTerms(`${title}.`).some((flag) => flag.rule === rule);
    return { relation, right: relation === 'same' ? flagged : !flagged };
  });
  const same = judged.filter((one) => one.relation === 'same');
  const opposite = judged.filter((one) => one.relation === 'opposite');
  report.line('');
  report.line(`ToS;DR case summaries: ${same.filter((one) => one.right).length}/${same.length} "same" flagged with their rule, ${opposite.filter((one) => one.right).length}/${opposite.length} "opposite" left unflagged.`);
});

it('reads a 100-page agreement in well under a second', async () => {
  const corpus = termsDocuments().map((document) => document.text).join('\n\n');
  const long = corpus.repeat(Math.ceil(300_000 / corpus.length)).slice(0, 300_000);
  const medians = await compare({ scan: async () => scanTerms(long), search: async () => /licen/gi.test(long) }, 5);
  report.line('');
  report.line(`A 100-page agreement (${long.length.toLocaleString('en')} characters, ${scanTerms(long).length} flags): scanned in ${medians.scan!.toFixed(0)} ms (median of 5), ${(medians.scan! / medians.search!).toFixed(0)}x one search of it for "licen".`);
});
