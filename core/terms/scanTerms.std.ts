/**
 * Reads an agreement for red flags, sentence by sentence. A flag quotes the sentence it was found in (and the one
 * after when that one goes on with the same thought: "This means...", "If you continue..."), with its place in
 * the text. Pure and fast: a 100-page agreement is a few hundred thousand characters (bench/terms-eval).
 */
import { RED_FLAG_RULES, type RedFlagId, type RedFlagRule } from './redFlags.std';
import { type Sentence, splitSentences } from './sentences.std';

export type TermsFlag = {
  rule: RedFlagId;
  /** The flagged words, as in the document (white space collapsed). */
  quote: string;
  /** Character offsets of the quote in the text that was scanned. */
  start: number;
  end: number;
};

/** A sentence that goes on from the one before: it explains or qualifies it. */
const CONTINUES = /^(?:this|that|these|those|such|it|in (?:that|this|which) case|in other words|accordingly|therefore|if you|the (?:most )?(?:current|latest|updated|revised|new) version)\b/i;

/**
 * Where one clause of a sentence ends and the next begins: a semicolon, or ", and" / ", but" / ", while" before a
 * new subject ("…licence to your Content, and you agree that you will not…"). A counter-clause takes a flag back
 * only in the clause the flag was found in.
 */
const CLAUSE_BREAK = /;|,?\s+(?:and|but|while|whereas|although|though|however)\s+(?=(?:you|we|our|the company|company|users?|participants?|members?|creators?|workers?|contributors?|it|they|nothing|no)\b)/gi;

/** The clauses of `sentence` that overlap [start, end], as one text. */
function clausesAround(sentence: string, [start, end]: [number, number]): string {
  const breaks = [0, ...[...sentence.matchAll(CLAUSE_BREAK)].map((match) => match.index), sentence.length];
  let from = 0;
  let to = sentence.length;
  for (const at of breaks) {
    if (at <= start) from = at;
    if (at >= end) {
      to = at;
      break;
    }
  }
  return sentence.slice(from, to);
}

/**
 * Whether a sentence is this rule's red flag. Each pattern is tried in the clause around its first part's match
 * (every other part must fit in that same clause), and a counter-clause only counts in that clause.
 */
function fits(rule: RedFlagRule, sentence: string): boolean {
  return rule.match.some((pattern) => {
    const [first, ...rest] = pattern instanceof RegExp ? [pattern] : pattern;
    // Every place the first part fits: "you may update your profile, and we may change these Terms".
    for (const match of sentence.matchAll(new RegExp(first!.source, `${first!.flags}g`))) {
      const clause = clausesAround(sentence, [match.index, match.index + match[0].length]);
      if (rest.every((part) => part.test(clause)) && !rule.unless?.some((counter) => counter.test(clause))) return true;
    }
    return false;
  });
}

export function scanTerms(text: string, rules: readonly RedFlagRule[] = RED_FLAG_RULES): TermsFlag[] {
  const sentences = splitSentences(text);
  const flags: TermsFlag[] = [];
  for (const rule of rules) {
    let open: { first: number; last: number } | undefined;
    const close = () => {
      if (!open) return;
      flags.push(flagOf(rule.id, text, sentences[open.first]!, sentences[open.last]!));
      open = undefined;
    };
    sentences.forEach((sentence, index) => {
      if (!fits(rule, sentence.text)) return;
      const next = sentences[index + 1];
      const last = next && CONTINUES.test(next.text) && adjacent(text, sentence, next) ? index + 1 : index;
      // Sentences flagged one after another for the same rule are one clause, quoted once.
      if (open && index <= open.last + 1) open.last = Math.max(open.last, last);
      else {
        close();
        open = { first: index, last };
      }
    });
    close();
  }
  return flags.sort((a, b) => a.start - b.start || a.rule.localeCompare(b.rule));
}

function flagOf(rule: RedFlagId, text: string, first: Sentence, last: Sentence): TermsFlag {
  return { rule, quote: text.slice(first.start, last.end).replace(/\s+/g, ' '), start: first.start, end: last.end };
}

/** Within one paragraph: no blank line between them. */
function adjacent(text: string, a: Sentence, b: Sentence): boolean {
  return !/\n\s*\n/.test(text.slice(a.end, b.start));
}
