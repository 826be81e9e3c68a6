/** Real PDFs of real terms, written at test time with a real PDF writer (pdf-lib), as a word processor lays them out. */
import fs from 'node:fs';
import { PDFDocument, StandardFonts } from 'pdf-lib';

/**
 * A terms document's prose paragraphs and list items, as a PDF of it would print them: list marks, emphasis
 * and link targets gone, headings and short lines left out.
 */
export function termsParagraphs(markdownFile: string): string[] {
  return fs
    .readFileSync(markdownFile, 'utf8')
    .split('\n')
    .map((line) => line.replace(/^\s*(?:[-*+]|\d{1,3}\.|\([a-z0-9]{1,4}\))\s+/i, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/\*\*|__/g, ''))
    .filter((line) => /^[A-Za-z(“"]/.test(line) && line.length > 80);
}

/**
 * Writes `paragraphs` wrapped to A4 in 10-point Helvetica, `linesPerPage` lines a page (every line when
 * `pages` is omitted), and returns each page's lines.
 */
export async function writeTermsPdf(file: string, paragraphs: string[], linesPerPage: number, pages?: number): Promise<string[][]> {
  // 14 points a line from 52 points below the top: an A4 page holds 55 lines.
  if (linesPerPage > 55) throw new Error(`An A4 page holds 55 lines, not ${linesPerPage}.`);
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  // Wrapped to the page as a word processor would, in characters the standard font can show.
  const lines = paragraphs.flatMap((paragraph) => {
    const wrapped: string[] = [''];
    for (const word of paragraph.replace(/[^\x20-\x7E\u2018\u2019\u201C\u201D]/g, '').split(' ')) {
      const last = wrapped[wrapped.length - 1]!;
      if (font.widthOfTextAtSize(`${last} ${word}`, 10) > 500) wrapped.push(word);
      else wrapped[wrapped.length - 1] = last ? `${last} ${word}` : word;
    }
    return wrapped;
  });
  const drawn: string[][] = [];
  for (let page = 0; page < (pages ?? Math.ceil(lines.length / linesPerPage)); page += 1) {
    const pageLines = lines.slice(page * linesPerPage, (page + 1) * linesPerPage);
    drawn.push(pageLines);
    const sheet = pdf.addPage([595, 842]);
    pageLines.forEach((line, index) => sheet.drawText(line, { x: 50, y: 790 - index * 14, size: 10, font }));
  }
  fs.writeFileSync(file, await pdf.save());
  return drawn;
}
