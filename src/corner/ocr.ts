/**
 * OCR in the app: tesseract.js runs in its own worker; its script, core and English data are served from
 * the app's own origin (never its CDN defaults), and the worker is loaded by URL, not from a blob. The camera
 * frame it reads is prepared in a worker of ours (ocrPicture.worker.ts), off the UI thread.
 */
import { OEM, createWorker, type Worker as TesseractWorker } from 'tesseract.js';
import { ASSET_FOLDERS, OCR_PARAMETERS, TESSERACT_LANGUAGE, linesFromOcr, type OcrBlocksLike } from '../../core/detect/detectors.std';
import type { TextLine } from '../../core/detect/risks.std';
import { cameraFrame } from './cameraFrames';
import type { OcrPictureReply } from './ocrPicture.worker';

export type Ocr = { read: (camera: HTMLVideoElement) => Promise<TextLine[]>; close: () => Promise<void> };

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
  const pictures = new Worker(new URL('./ocrPicture.worker.ts', import.meta.url), { type: 'module', name: 'safetake-ocr-picture' });
  /** The camera's current frame as the picture tesseract reads (one reading at a time: the loop awaits each). */
  const pictureOf = (camera: HTMLVideoElement) =>
    new Promise<Extract<OcrPictureReply, { picture: Blob }>>((resolve, reject) => {
      pictures.onmessage = ({ data }: MessageEvent<OcrPictureReply>) => ('failed' in data ? reject(new Error(data.failed)) : resolve(data));
      const frame = cameraFrame(camera);
      if (!frame) return reject(new Error('the camera gave no frame'));
      pictures.postMessage(frame, [frame]);
    });
  return {
    /** Reads the camera's current frame; boxes in the video's pixels. */
    async read(camera) {
      const { picture, scale } = await pictureOf(camera);
      const { data } = await tesseract.recognize(picture, {}, { blocks: true, text: false });
      return linesFromOcr(data.blocks as unknown as OcrBlocksLike, scale);
    },
    close: async () => {
      pictures.terminate();
      await tesseract.terminate();
    },
  };
}
