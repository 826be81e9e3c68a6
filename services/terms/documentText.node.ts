/**
 * A platform's terms as plain text, read on this computer: a text file as it is, a saved web page's visible
 * text, a PDF's text layer (pdf.js) or a screenshot through OCR (the corner check's tesseract). Nothing is
 * fetched. Every refusal is a UserError in plain words.
 */
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Parser } from 'htmlparser2';
import type { TextItem, TextMarkedContent } from 'pdfjs-dist/types/src/display/api';
import { PSM } from 'tesseract.js';
import { UserError } from '../../core/shared/errors.std';
import { startsAsPicture, textOfBytes } from '../../core/terms/textBytes.std';
import { openOcrWorker } from '../corner/detector.node';
import { t } from '../../core/i18n/i18n.std';

export type DocumentText = { text: string; kind: 'text' | 'html' | 'pdf' | 'image'; pages?: number[] /* char offset where each PDF page starts in text */ };

/** Far more than any terms document, and a cap on what one read may cost. */
const MAX_BYTES = 20 * 1024 * 1024;

const KIND_BY_EXTENSION: Record<string, DocumentText['kind']> = {
  '.txt': 'text',
  '.md': 'text',
  '.markdown': 'text',
  '.html': 'html',
  '.htm': 'html',
  '.pdf': 'pdf',
  '.png': 'image',
  '.jpg': 'image',
  '.jpeg': 'image',
  '.webp': 'image',
};

/** Elements whose text a browser does not show. */
const HIDDEN_ELEMENTS = new Set(['head', 'script', 'style', 'noscript', 'template']);
/** Elements a browser lays out as blocks of their own: their text starts and ends a line. */
const BLOCK_ELEMENTS = new Set(
  'p div li br tr section article h1 h2 h3 h4 h5 h6 ul ol dl dt dd table blockquote pre header footer main nav aside figure figcaption address hr'.split(' '),
);
/** Empty elements: htmlparser2 closes them at once, and one break is all they make. */
const VOID_ELEMENTS = new Set(['br', 'hr']);

/**
 * The text of `file`, by its extension: .txt/.md/.markdown, .html/.htm, .pdf, or a .png/.jpg/.jpeg/.webp
 * screenshot. `signal` cancels between PDF pages and around the OCR.
 */
export async function readDocumentText(file: string, signal?: AbortSignal): Promise<DocumentText> {
  throwIfAborted(signal);
  const kind = KIND_BY_EXTENSION[path.extname(file).toLowerCase()];
  if (!kind) throw notADocument(file);
  const info = await stat(file).catch(() => undefined);
  if (!info) throw notADocument(file, t('document.why.missing'));
  if (!info.isFile()) throw notADocument(file, info.isDirectory() ? t('document.why.folder') : t('document.why.notFile'));
  if (info.size === 0) throw notADocument(file, t('document.why.empty'));
  // Too large is not the wrong kind of file: it says what to attach instead.
  if (info.size > MAX_BYTES) throw new UserError(t('document.tooLarge', { name: path.basename(file) }));
  const bytes = await readFile(file);
  switch (kind) {
    case 'text':
    case 'html': {
      const text = textOfBytes(bytes);
      if (text === undefined) throw notADocument(file, t('document.why.notText'));
      // Old Mac line ends (lone CR) are normalised with CRLF.
      return withText(file, { kind, text: kind === 'text' ? text.replace(/\r\n?/g, '\n') : visibleHtmlText(text) });
    }
    case 'pdf':
      return pdfText(file, bytes, signal);
    case 'image':
      if (!startsAsPicture(bytes)) throw notADocument(file, t('document.why.pictureUnreadable'));
      return imageText(file, bytes, signal);
  }
}

function notADocument(file: string, reason?: string): UserError {
  const name = path.basename(file);
  return new UserError(reason ? t('document.notReadableBecause', { name, reason }) : t('document.notReadable', { name }));
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new UserError(t('document.cancelled'), 'cancelled');
}

/** A text or web page with nothing to read is refused here, so no caller checks an empty text as terms. */
function withText(file: string, document: DocumentText): DocumentText {
  if (!document.text.trim()) throw notADocument(file, t('document.why.noText'));
  return document;
}

/** Lines trimmed, runs of blank lines down to one, none at either end. */
function tidyLines(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** What a browser would show of a page, without a DOM: hidden elements dropped, blocks on lines of their own. */
function visibleHtmlText(html: string): string {
  const parts: string[] = [];
  let hiddenDepth = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (HIDDEN_ELEMENTS.has(name)) hiddenDepth += 1;
        else if (BLOCK_ELEMENTS.has(name)) parts.push('\n');
        // Table cells sit side by side: a space keeps their words apart.
        else if (name === 'td' || name === 'th') parts.push(' ');
      },
      onclosetag(name) {
        if (HIDDEN_ELEMENTS.has(name)) hiddenDepth -= 1;
        else if (BLOCK_ELEMENTS.has(name) && !VOID_ELEMENTS.has(name)) parts.push('\n');
      },
      ontext(text) {
        // As in a browser, any run of white space in the source is one space on screen.
        if (hiddenDepth === 0) parts.push(text.replace(/\s+/g, ' '));
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return tidyLines(parts.join(''));
}

/** pdf.js's own folders of font metrics and character maps, read from disk in place of its default URLs. */
function pdfjsDataDir(folder: string): string {
  return `${path.join(path.dirname(createRequire(__filename).resolve('pdfjs-dist/package.json')), folder)}/`;
}

/**
 * pdf.js for Node, loaded on first use (it is large, and only PDFs need it), with its worker's code run in this
 * thread: pdf.js looks for it on `globalThis.pdfjsWorker` before it would load a worker script.
 */
async function loadPdfjs() {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const global = globalThis as { pdfjsWorker?: unknown };
  // @ts-expect-error pdfjs-dist ships no types for its worker module; pdf.js only reads its WorkerMessageHandler.
  global.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
  return pdfjs;
}

async function pdfText(file: string, bytes: Buffer, signal: AbortSignal | undefined): Promise<DocumentText> {
  const name = path.basename(file);
  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument({
    // pdf.js refuses a Buffer, and hands the memory to its worker (detaching it): a copy of its own.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    standardFontDataUrl: pdfjsDataDir('standard_fonts'),
    cMapUrl: pdfjsDataDir('cmaps'),
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  try {
    let text = '';
    const pages: number[] = [];
    try {
      const pdf = await task.promise;
      for (let number = 1; number <= pdf.numPages; number += 1) {
        throwIfAborted(signal);
        if (number > 1) text += '\n\n';
        pages.push(text.length);
        text += pageLines((await (await pdf.getPage(number)).getTextContent()).items);
      }
    } catch (error) {
      if (error instanceof UserError) throw error;
      if ((error as Error).name === 'PasswordException') {
        throw new UserError(t('document.password', { name }));
      }
      throw new UserError(t('document.damagedPdf', { name }));
    }
    throwIfAborted(signal);
    if (!text.trim()) throw new UserError(t('document.onlyPictures', { name }));
    return { text, kind: 'pdf', pages };
  } finally {
    await task.destroy();
  }
}

/** One page's text items as lines: pdf.js marks most line ends (hasEOL); a jump of the baseline marks the rest. */
function pageLines(items: ReadonlyArray<TextItem | TextMarkedContent>): string {
  const lines: string[] = [];
  let line = '';
  let baseline = 0;
  for (const item of items) {
    if (!('str' in item)) continue;
    const y = item.transform[5] as number;
    // Half a line's height, so superscripts (footnote marks) stay on their line.
    if (item.str && line && Math.abs(y - baseline) > item.height / 2) {
      lines.push(line);
      line = '';
    }
    line += item.str;
    if (item.str) baseline = y;
    if (item.hasEOL) {
      lines.push(line);
      line = '';
    }
  }
  lines.push(line);
  return tidyLines(lines.join('\n'));
}

/**
 * A screenshot read by tesseract with the corner check's English data. Page mode 3 (automatic layout), not the
 * detector's sparse text: a document's blocks and columns come out in reading order. A fixed resolution, as
 * screenshots carry none (300 keeps more of the corpus's bill than an estimate); tesseract's notes go to
 * /dev/null, not to stdout, where they would mix with the CLI's output.
 */
async function imageText(file: string, bytes: Buffer, signal: AbortSignal | undefined): Promise<DocumentText> {
  const ocr = await openOcrWorker();
  try {
    throwIfAborted(signal);
    await ocr.setParameters({ tessedit_pageseg_mode: PSM.AUTO, user_defined_dpi: '300', debug_file: '/dev/null' });
    const { data } = await ocr.recognize(bytes).catch(() => {
      throw notADocument(file, t('document.why.pictureUnreadable'));
    });
    throwIfAborted(signal);
    const text = tidyLines(data.text);
    if (!text) throw new UserError(t('document.noTextInPicture', { name: path.basename(file) }));
    return { text, kind: 'image' };
  } finally {
    await ocr.terminate();
  }
}
