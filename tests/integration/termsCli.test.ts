/**
 * `safetake terms` as a worker runs it: a real agreement as Markdown and as a PDF made from it, a screenshot
 * with no terms in it, and a file that is no document. The JSON has every flag in the documented shape.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RED_FLAG_IDS } from '../../core/terms/redFlags.std';
import { runCli } from './cli.node';
import { CORPUS_DIR } from './corpus.node';
import { TERMS_DIR } from './termsTruth.node';
import { termsParagraphs, writeTermsPdf } from './termsPdf.node';

const AGREEMENT = path.join(TERMS_DIR, 'faceapp-terms-of-use.md');

type FileResult = { file: string; kind?: string; rating?: string; error?: string; factors?: Array<{ factor: string; rating: string; reason: string }>; flags?: Array<{ rule: string; quote: string; explanation: string; start: number; end: number; page?: number }> };

let scratch: string;
beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-terms-cli-'));
});
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe('safetake terms', () => {
  it('prints each red flag with its rule, quote, explanation and place; the same flags from the PDF; exit 1', async () => {
    const pdf = path.join(scratch, 'faceapp.pdf');
    await writeTermsPdf(pdf, termsParagraphs(AGREEMENT), 50);
    const screenshot = path.join(CORPUS_DIR, 'documents', 'testocr.png');
    const { code, stdout } = runCli(['terms', AGREEMENT, pdf, screenshot, '--json']);
    expect(code).toBe(1);
    const [markdown, fromPdf, picture] = JSON.parse(stdout) as FileResult[];

    const text = fs.readFileSync(AGREEMENT, 'utf8');
    expect(markdown).toMatchObject({ kind: 'text', rating: 'higher risk' });
    for (const flag of markdown!.flags!) {
      expect(RED_FLAG_IDS).toContain(flag.rule);
      expect(text.slice(flag.start, flag.end).replace(/\s+/g, ' ')).toBe(flag.quote);
      expect(flag.explanation.length).toBeGreaterThan(40);
    }
    // The labelled ones (truth.json): arbitration on an individual basis, the indemnity, the worldwide licence.
    const rules = new Set(markdown!.flags!.map((flag) => flag.rule));
    for (const rule of ['no_appeal_or_dispute', 'indemnity', 'worldwide_sublicensable', 'unilateral_changes']) expect(rules).toContain(rule);
    expect(markdown!.factors!.find((factor) => factor.factor === 'worker protections')).toMatchObject({ rating: 'higher risk' });

    // The PDF holds the agreement's prose paragraphs, line-wrapped: the same kinds of red flag come out of it.
    expect(fromPdf).toMatchObject({ kind: 'pdf', rating: 'higher risk' });
    for (const flag of fromPdf!.flags!) expect(rules).toContain(flag.rule);
    // Each PDF flag says its page, in the order of the document.
    const pages = fromPdf!.flags!.map((flag) => flag.page!);
    expect(pages.every((page) => page >= 1)).toBe(true);
    expect(Math.max(...pages)).toBeGreaterThan(1);
    for (const rule of ['no_appeal_or_dispute', 'indemnity', 'worldwide_sublicensable']) expect(fromPdf!.flags!.map((flag) => flag.rule)).toContain(rule);

    // A page of sample sentences read by OCR: read, and no red flag in it.
    expect(picture).toMatchObject({ kind: 'image', rating: 'no red flag found', flags: [] });
  });

  it('reports a file that is no document and goes on; plain text names the clause and the question to ask', () => {
    const notes = path.join(scratch, 'notes.exe');
    fs.writeFileSync(notes, 'not a document');
    const { code, stdout } = runCli(['terms', notes, AGREEMENT]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/✗ .*notes\.exe: notes\.exe is not a document SafeTake can read/);
    expect(stdout).toMatch(/You pay their legal costs \(indemnity\)\n {4}What it means: .*\n {4}Ask: .*\n {4}at \d+–\d+: “/);
  });

  it('refuses bytes named .png that are no picture in its own words, with nothing from tesseract on stderr', () => {
    const fake = path.join(scratch, 'terms-screenshot.png');
    fs.writeFileSync(fake, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)));
    const { code, stdout, stderr } = runCli(['terms', fake]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/✗ .*terms-screenshot\.png: terms-screenshot\.png is not a document SafeTake can read \(SafeTake cannot open the picture\)/);
    expect(stderr).toBe('');
  });

  it('exits 0 on an agreement with no red flag, and 2 without a file', () => {
    const fair = path.join(scratch, 'fair.txt');
    fs.writeFileSync(fair, 'We pay every approved clip within 7 days. You may delete your recordings at any time, and we delete them within 30 days.\n');
    expect(runCli(['terms', fair])).toMatchObject({ code: 0, stdout: expect.stringMatching(/no red flag found/) });
    expect(runCli(['terms']).code).toBe(2);
  });
});
