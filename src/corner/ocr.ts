/**
 * OCR in the app: tesseract.js runs in its own worker; its script, core and English data are served from
 * the app's own origin (never its CDN defaults), and the worker is loaded by URL, not from a blob.
 */
import { OEM, createWorker, type Worker } from 'tesseract.js';
import { ASSET_FOLDERS, OCR_PARAMETERS, TESSERACT_LANGUAGE, linesFromOcr, ocrScale, type OcrBlocksLike } from '../../core/detect/detectors.std';
import type { TextLine } from '../../core/detect/risks.std';

export type Ocr = { read: (source: CanvasImageSource, width: number, height: number) => Promise<TextLine[]>; close: () => Promise<void> };

export async function startOcr(): Promise<Ocr> {
  const origin = self.location.origin;
  const worker: Worker = await createWorker(TESSERACT_LANGUAGE, OEM.LSTM_ONLY, {
    workerPath: `${origin}/${ASSET_FOLDERS.ocr}/worker.min.js`,
    corePath: `${origin}/${ASSET_FOLDERS.ocr}/`,
    langPath: `${origin}/${ASSET_FOLDERS.ocrLanguage}`,
    workerBlobURL: false,
    cacheMethod: 'none',
    gzip: true,
  });
  await worker.setParameters(OCR_PARAMETERS as unknown as Parameters<Worker['setParameters']>[0]);
  const canvas = document.createElement('canvas');
  return {
    /** Reads `source` (width x height pixels) scaled up to where OCR can read; boxes in source pixels. */
    async read(source, width, height) {
      const scale = ocrScale(width, height);
      canvas.width = Math.round(width * scale);
      canvas.height = Math.round(height * scale);
      canvas.getContext('2d')!.drawImage(source, 0, 0, canvas.width, canvas.height);
      const { data } = await worker.recognize(canvas, {}, { blocks: true, text: false });
      return linesFromOcr(data.blocks as unknown as OcrBlocksLike, canvas.width / width);
    },
    close: async () => {
      await worker.terminate();
    },
  };
}
