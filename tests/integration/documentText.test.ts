/**
 * Reading a platform's terms on real inputs: the corpus's terms as text, as a web page and as a PDF made here
 * with a real PDF writer, a real screenshot through OCR, and the files SafeTake must refuse.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../core/shared/errors.std';
import { readDocumentText } from '../../services/terms/documentText.node';
import { CORPUS_DIR } from './corpus.node';
import { termsParagraphs, writeTermsPdf } from './termsPdf.node';

const TERMS = path.join(CORPUS_DIR, 'terms', 'faceapp-terms-of-use.md');
const SCREENSHOT = path.join(CORPUS_DIR, 'documents', 'testocr.png');
const NOT_A_DOCUMENT = /is not a document SafeTake can read.*attach a PDF, a web page saved as HTML, a text file or a screenshot/;

let scratch: string;
beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-terms-'));
});
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function writeScratch(name: string, content: string | Uint8Array): string {
  const file = path.join(scratch, name);
  fs.writeFileSync(file, content);
  return file;
}

async function expectRefusal(promise: Promise<unknown>, message: RegExp): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(UserError);
  expect((error as UserError).message).toMatch(message);
}

describe('text files', () => {
  it('reads a markdown file as it is', async () => {
    const document = await readDocumentText(TERMS);
    expect(document.kind).toBe('text');
    expect(document.text).toContain('You must be at least 13 years of age to access or use our Services.');
  });

  it('drops a byte order mark and Windows line ends', async () => {
    const file = writeScratch('terms.txt', `\uFEFF${termsParagraphs(TERMS).slice(0, 2).join('\r\n')}\r\n`);
    const { text } = await readDocumentText(file);
    expect(text.startsWith(termsParagraphs(TERMS)[0]!)).toBe(true);
    expect(text).not.toMatch(/[\r\uFEFF]/);
  });
});

describe('web pages', () => {
  it('keeps only the visible text, a block per line, entities decoded', async () => {
    const paragraphs = termsParagraphs(TERMS).slice(0, 6);
    const html = [
      '<!doctype html><html><head><title>Page title</title><meta charset="utf-8">',
      '<style>p { color: red }</style></head><body>',
      '<script>var secret=1</script><noscript>Turn on JavaScript</noscript>',
      '<h1>Terms &amp; Conditions</h1>',
      ...paragraphs.map((paragraph) => `<p>\n  ${paragraph.replace(/&/g, '&amp;')}\n</p>`),
      '<ul><li>FaceApp&rsquo;s rights</li><li>Your rights</li></ul>',
      'Line one<br>Line two',
      '</body></html>',
    ].join('\n');
    const { text, kind } = await readDocumentText(writeScratch('terms.html', html));
    expect(kind).toBe('html');
    for (const paragraph of paragraphs) expect(text).toContain(paragraph);
    expect(text).toContain('Terms & Conditions');
    expect(text).toContain('FaceApp\u2019s rights\n');
    expect(text).toContain('Line one\nLine two');
    for (const hidden of ['secret', 'color', 'Page title', 'JavaScript']) expect(text).not.toContain(hidden);
    expect(text).not.toMatch(/\n\n\n/);
  });
});

describe('PDF', () => {
  const LINES_PER_PAGE = 40;
  let pdfFile: string;
  /** The first and last line drawn on each page. */
  let edgeLines: Array<[string, string]>;

  beforeAll(async () => {
    const drawn = await writeTermsPdf(path.join(scratch, 'terms.pdf'), termsParagraphs(TERMS), LINES_PER_PAGE, 3);
    edgeLines = drawn.map((lines) => [lines[0]!, lines[LINES_PER_PAGE - 1]!]);
    pdfFile = path.join(scratch, 'terms.pdf');
  });

  it('reads every page, in order, without a single request', async () => {
    const requests: string[] = [];
    const realFetch = globalThis.fetch;
    const realConnect = net.Socket.prototype.connect;
    // pdf.js would swallow a failed font or map download and read on: the record, not the throw, is the check.
    globalThis.fetch = (input: string | URL | Request) => {
      requests.push(String(input));
      throw new Error('SafeTake makes no network request.');
    };
    // Every other way out (http, https, undici, a bare socket) connects a socket.
    net.Socket.prototype.connect = function (...args: unknown[]) {
      requests.push(`socket ${JSON.stringify(args[0])}`);
      throw new Error('SafeTake makes no network request.');
    } as typeof realConnect;
    try {
      const { text, kind, pages } = await readDocumentText(pdfFile);
      expect(kind).toBe('pdf');
      expect(pages).toHaveLength(3);
      expect(pages![0]).toBe(0);
      edgeLines.forEach(([first, last], page) => {
        const end = pages![page + 1] ?? text.length;
        expect(pages![page]! < end).toBe(true);
        // Each drawn line comes back as a line of its own, on its page, in order.
        const pageLines = text.slice(pages![page], end).trim().split('\n');
        expect(pageLines).toHaveLength(LINES_PER_PAGE);
        expect([pageLines[0], pageLines[LINES_PER_PAGE - 1]]).toEqual([first, last]);
      });
    } finally {
      globalThis.fetch = realFetch;
      net.Socket.prototype.connect = realConnect;
    }
    expect(requests).toEqual([]);
  });

  it('refuses a scan (a picture with no text layer)', async () => {
    const pdf = await PDFDocument.create();
    const picture = await pdf.embedPng(fs.readFileSync(SCREENSHOT));
    pdf.addPage([picture.width, picture.height]).drawImage(picture, { x: 0, y: 0 });
    await expectRefusal(readDocumentText(writeScratch('scan.pdf', await pdf.save())), /scan\.pdf has no text in it.*attach a screenshot or the text/);
  });

  it('refuses a cut-short PDF', async () => {
    const bytes = fs.readFileSync(pdfFile);
    const cut = writeScratch('cut.pdf', bytes.subarray(0, Math.floor(bytes.length * 0.3)));
    await expectRefusal(readDocumentText(cut), /cut\.pdf is damaged or not a whole PDF.*download it again/);
  });

  it('refuses a PDF locked with a password', async () => {
    const pdf = await PDFDocument.load(fs.readFileSync(pdfFile));
    // The standard security handler with a user password that is not the empty one: pdf.js must ask for it.
    const encrypt = PDFDict.withContext(pdf.context);
    encrypt.set(PDFName.of('Filter'), PDFName.of('Standard'));
    for (const [key, value] of [['V', 1], ['R', 2], ['P', -4]] as const) encrypt.set(PDFName.of(key), PDFNumber.of(value));
    for (const key of ['O', 'U']) encrypt.set(PDFName.of(key), PDFHexString.of(randomBytes(32).toString('hex')));
    pdf.context.trailerInfo.Encrypt = pdf.context.register(encrypt);
    pdf.context.trailerInfo.ID = pdf.context.obj([PDFHexString.of('00'.repeat(16)), PDFHexString.of('00'.repeat(16))]);
    const locked = writeScratch('locked.pdf', await pdf.save({ useObjectStreams: false }));
    await expectRefusal(readDocumentText(locked), /locked\.pdf is protected by a password/);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(readDocumentText(pdfFile, controller.signal)).rejects.toMatchObject({ code: 'cancelled' });
  });
});

describe('screenshots', () => {
  it('reads the text of a screenshot, line by line', async () => {
    const { text, kind } = await readDocumentText(SCREENSHOT);
    expect(kind).toBe('image');
    expect(text).toMatch(/quick brown dog/);
    expect(text).toMatch(/lazy fox/);
    // Reading order: the first line of the picture comes first.
    expect(text.indexOf('12 point')).toBeLessThan(text.indexOf('quick brown'));
  });

  it('refuses a file named as a picture that is none', async () => {
    const notAPicture = writeScratch('terms.png', fs.readFileSync(TERMS));
    await expectRefusal(readDocumentText(notAPicture), /terms\.png is not a document SafeTake can read \(SafeTake cannot open the picture\)/);
  });
});

describe('refusals', () => {
  it('refuses a program, an empty file, a folder, a missing file and a huge one', async () => {
    await expectRefusal(readDocumentText(writeScratch('terms.exe', termsParagraphs(TERMS)[0]!)), NOT_A_DOCUMENT);
    await expectRefusal(readDocumentText(writeScratch('empty.txt', '')), /empty\.txt is not a document SafeTake can read \(it is empty\)/);
    // A real clip given a text name: its bytes are no text, whatever the name says.
    const clip = fs.readFileSync(path.join(CORPUS_DIR, 'video-metadata/android-gps.mp4'));
    await expectRefusal(readDocumentText(writeScratch('terms.html', clip)), /terms\.html is not a document SafeTake can read \(its bytes are not text/);
    const folder = path.join(scratch, 'folder.pdf');
    fs.mkdirSync(folder);
    await expectRefusal(readDocumentText(folder), /folder\.pdf .*\(it is a folder\)/);
    await expectRefusal(readDocumentText(path.join(scratch, 'missing.pdf')), /missing\.pdf .*\(it does not exist\)/);
    const huge = writeScratch('huge.txt', '');
    fs.truncateSync(huge, 20 * 1024 * 1024 + 1);
    await expectRefusal(readDocumentText(huge), /is larger than 20 MB, more than any agreement SafeTake reads: save only the terms/);
  });
});
