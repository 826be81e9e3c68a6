/**
 * OCR in the app: tesseract.js runs in its own worker; its script, core and English data are served from
 * the app's own origin (never its CDN defaults), and the worker is loaded by URL, not from a blob. The camera
 * frame's parts it reads are prepared in a worker of ours (ocrPicture.worker.dom.ts), off the UI thread; the
 * page it reads once as it starts (warmUp.dom.ts) is drawn here, once.
 */
import { OEM, createWorker, type Worker as TesseractWorker } from 'tesseract.js';
import { ASSET_FOLDERS, OCR_PARAMETERS, TESSERACT_LANGUAGE, linesFromOcr, ppmOf, type OcrBlocksLike } from '../../core/corner/detectors.std';
import { warmUp } from './warmUp.dom';
import { t } from '../../core/i18n/i18n.std';
import type { Box } from '../../core/media/geometry.std';
import type { TextLine } from '../../core/corner/detections.std';
import { type WritingLine } from '../../core/corner/writingLines.std';
import { readingRegions } from '../../core/corner/writingBlocks.std';
import { cameraFrame } from './cameraFrames.dom';
import type { OcrPictureReply, OcrPictureRequest } from './ocrPicture.worker.dom';

type Ocr = { read: (camera: HTMLVideoElement, writing: readonly WritingLine[]) => Promise<TextLine[]>; close: () => Promise<void> };

export async function startOcr(): Promise<Ocr> {
  const origin = self.location.origin;
  const tesseract: TesseractWorker = await createWorker(TESSERACT_LANGUAGE, OEM.LSTM_ONLY, {
    workerPath: `${origin}/${ASSET_FOLDERS.ocr}/worker.min.js`,
    corePath: `${origin}/${ASSET_FOLDERS.ocr}/`,
    langPath: `${origin}/${ASSET_FOLDERS.ocrLanguage}`,
    workerBlobURL: false,
    cacheMethod: 'none',
    gzip: true,
  });
  await tesseract.setParameters(OCR_PARAMETERS as unknown as Parameters<TesseractWorker['setParameters']>[0]);
  await warmUp((page) => tesseract.recognize(new Blob([ppmOf(page.data, page.width, page.height, 4)]), {}, { blocks: true, text: false }));
  const pictures = new Worker(new URL('./ocrPicture.worker.dom.ts', import.meta.url), { type: 'module', name: 'safetake-ocr-picture' });
  /** The parts of the camera's current frame tesseract reads (one reading at a time: the loop awaits each). */
  const picturesOf = (camera: HTMLVideoElement, regions: Box[]) =>
    new Promise<Exclude<OcrPictureReply, { failed: string }>>((resolve, reject) => {
      pictures.onmessage = ({ data }: MessageEvent<OcrPictureReply>) => ('failed' in data ? reject(new Error(data.failed)) : resolve(data));
      const frame = cameraFrame(camera);
      if (!frame) return reject(new Error(t('corner.error.noFrame')));
      pictures.postMessage({ frame, regions } satisfies OcrPictureRequest, [frame]);
    });
  return {
    /** Reads the camera's current frame where `writing` is, part by part; boxes in the video's pixels. */
    async read(camera, writing) {
      const { pictures: parts, scale } = await picturesOf(camera, readingRegions(writing, camera.videoWidth, camera.videoHeight));
      const lines: TextLine[] = [];
      for (const { picture, at } of parts) {
        const { data } = await tesseract.recognize(picture, {}, { blocks: true, text: false });
        lines.push(...linesFromOcr(data.blocks as unknown as OcrBlocksLike, scale, at));
      }
      return lines;
    },
    close: async () => {
      pictures.terminate();
      await tesseract.terminate();
    },
  };
}
