/**
 * Splits an agreement into sentences with their places in the text, so that a red flag can quote the sentence
 * it was found in. Agreements come as Markdown, text read from a PDF or a web page, or OCR: line breaks inside a
 * paragraph are soft, blank lines, headings and list items end a sentence. Pure.
 */

export type Sentence = { start: number; end: number; text: string };

/** Words that end with a full stop without ending the sentence ("e.g. your voice", "Inc. and its"). */
const ABBREVIATION =
  /(?:\b(?:e\.g|i\.e|etc|inc|ltd|llc|co|corp|no|nos|art|sec|para|vs|mr|mrs|ms|dr|st|u\.s|u\.k|e\.u|approx|incl|cf|viz|jr|sr)|\b[A-Z]|\(\w{1,4}\))\.$/i;

/** A line that begins a block of its own: a heading, a list item, a table row. */
const BLOCK_START = /^\s*(?:#{1,6}\s|[-*+•]\s|\d{1,3}[.)]\s|\(?[a-z]{1,4}\)\s|\||>)/i;

/** Markdown that is not part of the words: leading bullets, heading marks, emphasis, link targets. */
const LEADING_MARKUP = /^(?:\s|#{1,6}\s|[-*+•>|]\s|\d{1,3}[.)]\s|\*\*|__)+/;

export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  const push = (start: number, end: number) => {
    const raw = text.slice(start, end);
    const lead = LEADING_MARKUP.exec(raw)?.[0].length ?? 0;
    const trimmedEnd = raw.replace(/[\s*_|]+$/, '').length;
    if (trimmedEnd <= lead) return;
    const from = start + lead;
    const to = start + trimmedEnd;
    if (/[A-Za-z]{2}/.test(text.slice(from, to))) sentences.push({ start: from, end: to, text: text.slice(from, to).replace(/\s+/g, ' ') });
  };

  for (const block of blocks(text)) {
    let sentenceStart = block.start;
    // A sentence ends at . ! or ? (perhaps followed by a closing quote or bracket) and a space before a capital,
    // a quote or a bracket, unless the word before is an abbreviation.
    const ends = /[.!?]["'”’)\]]*(?=\s+["'“‘([]?[A-Z0-9])/g;
    const body = text.slice(block.start, block.end);
    for (let match = ends.exec(body); match; match = ends.exec(body)) {
      const end = block.start + match.index + match[0].length;
      const before = text.slice(Math.max(sentenceStart, end - 12), block.start + match.index + 1);
      if (match[0][0] === '.' && ABBREVIATION.test(before)) continue;
      push(sentenceStart, end);
      sentenceStart = end;
    }
    push(sentenceStart, block.end);
  }
  return sentences;
}

/** Paragraphs, headings, list items and table rows, as ranges of `text`. */
function blocks(text: string): Array<{ start: number; end: number }> {
  const found: Array<{ start: number; end: number }> = [];
  let start = -1;
  let offset = 0;
  for (const line of text.split('\n')) {
    const lineEnd = offset + line.length;
    const blank = line.trim() === '';
    if (blank || BLOCK_START.test(line)) {
      if (start >= 0) found.push({ start, end: offset });
      start = blank ? -1 : offset;
    } else if (start < 0) start = offset;
    offset = lineEnd + 1;
  }
  if (start >= 0) found.push({ start, end: text.length });
  return joinBrokenParagraphs(text, found);
}

/**
 * A paragraph cut by a page break (text read from a PDF, pages a blank line apart) goes on in the next block:
 * one that does not end a sentence, followed by one that starts in lower case, are one paragraph.
 */
function joinBrokenParagraphs(text: string, found: Array<{ start: number; end: number }>): Array<{ start: number; end: number }> {
  const joined: Array<{ start: number; end: number }> = [];
  for (const block of found) {
    const last = joined.at(-1);
    if (last && !/[.!?:;"”')\]]\s*$/.test(text.slice(last.start, last.end)) && /^\s*[a-z]/.test(text.slice(block.start, block.end))) last.end = block.end;
    else joined.push({ ...block });
  }
  return joined;
}
