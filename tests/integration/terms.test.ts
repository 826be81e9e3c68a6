/**
 * The terms scanner on real agreements (corpus/terms): the targets of issue 23 per rule, and every flag quoting
 * the document where it says it does. bench/terms-eval prints the same figures in full.
 */
import { describe, expect, it } from 'vitest';
import { scanTerms } from '../../core/terms/scanTerms.std';
import { scoreTerms, termsDocuments } from './termsTruth.node';

const documents = termsDocuments();
const results = documents.map((document) => ({ document, flags: scanTerms(document.text) }));

describe('the terms scanner on real agreements', () => {
  const { rules } = scoreTerms(results);

  it.each(rules.map((rule) => [rule.rule, rule]))('%s: finds at least 90 % of the labelled flags, at most 1 false flag in 10', (_name, rule) => {
    expect(rule.labelled).toBeGreaterThan(0);
    expect(rule.found / rule.labelled).toBeGreaterThanOrEqual(0.9);
    expect(rule.falseFlags).toBeLessThanOrEqual(rule.flags / 10);
  });

  it('quotes each flag from its place in the document', () => {
    for (const { document, flags } of results) {
      expect(flags.length).toBeGreaterThan(0);
      for (const flag of flags) expect(document.text.slice(flag.start, flag.end).replace(/\s+/g, ' ')).toBe(flag.quote);
    }
  });
});
