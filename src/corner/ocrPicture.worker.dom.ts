/**
 * Runs in a Web Worker: turns a camera frame into the pictures tesseract reads, one for each part of it where
 * the text detector found writing (readingRegions), scaled up to where it can read (ocrScale) and handed over
 * as PPM files (ppmOf), so that neither the scaling nor an image encoding holds the UI thread, which the
 * preview shares.
 */
import { ocrScale, ppmOf } from '../../core/corner/detectors.std';
import { type Box, clampToFrame, scaleBox } from '../../core/media/geometry.std';
import { messageOf } from '../../core/shared/errors.std';

/** The frame, and the parts of it to read (in its pixels). */
export type OcrPictureRequest = { frame: VideoFrame; regions: Box[] };
/**
 * The pictures to read, each with where it begins in the scaled frame, and the factor the frame was scaled by.
 */
export type OcrPictureReply = { pictures: Array<{ picture: Blob; at: { x: number; y: number } }>; scale: number } | { failed: string };

let canvas: OffscreenCanvasRenderingContext2D | undefined;

self.onmessage = (event: MessageEvent<OcrPictureRequest>) => {
  const { frame, regions } = event.data;
  const reply = (message: OcrPictureReply) => self.postMessage(message);
  try {
    const upscale = ocrScale(frame.displayWidth, frame.displayHeight);
    const width = Math.round(frame.displayWidth * upscale);
    const height = Math.round(frame.displayHeight * upscale);
    // Frames come at one size; resizing a canvas clears and reallocates it, so only when that size changes.
    if (canvas?.canvas.width !== width || canvas.canvas.height !== height) {
      canvas = new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true }) ?? undefined;
    }
    if (!canvas) throw new Error('no 2D canvas in this worker');
    canvas.drawImage(frame, 0, 0, width, height);
    const { data } = canvas.getImageData(0, 0, width, height);
    // The factor the picture really was scaled by, after rounding its size.
    const scale = width / frame.displayWidth;
    const parts = regions.map((region) => clampToFrame(scaleBox(region, scale), width, height)).filter((part) => part.w > 0 && part.h > 0);
    reply({ pictures: parts.map((part) => ({ picture: new Blob([ppmOf(data, width, height, 4, part)]), at: { x: part.x, y: part.y } })), scale });
  } catch (error) {
    reply({ failed: messageOf(error) });
  } finally {
    frame.close();
  }
};
