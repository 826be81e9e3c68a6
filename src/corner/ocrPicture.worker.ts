/**
 * Runs in a Web Worker: turns a camera frame into the picture tesseract reads, scaled up to where it can read
 * (ocrScale) and handed over as a PPM file (ppmOf), so that neither the scaling nor an image encoding holds the
 * UI thread (a PNG of the scaled frame, encoded by the canvas, held it 114 ms per reading).
 */
import { ocrScale, ppmOf } from '../../core/detect/detectors.std';
import { messageOf } from '../../core/errors.std';

/** The picture to read, and the factor the frame was scaled by. */
export type OcrPictureReply = { picture: Blob; scale: number } | { failed: string };

let canvas: OffscreenCanvasRenderingContext2D | undefined;

self.onmessage = (event: MessageEvent<VideoFrame>) => {
  const frame = event.data;
  const reply = (message: OcrPictureReply) => self.postMessage(message);
  try {
    const scale = ocrScale(frame.displayWidth, frame.displayHeight);
    const width = Math.round(frame.displayWidth * scale);
    const height = Math.round(frame.displayHeight * scale);
    // Frames come at one size; resizing a canvas clears and reallocates it, so only when that size changes.
    if (canvas?.canvas.width !== width || canvas.canvas.height !== height) {
      canvas = new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true }) ?? undefined;
    }
    if (!canvas) throw new Error('no 2D canvas in this worker');
    canvas.drawImage(frame, 0, 0, width, height);
    const { data } = canvas.getImageData(0, 0, width, height);
    reply({ picture: new Blob([ppmOf(data, width, height, 4)]), scale: width / frame.displayWidth });
  } catch (error) {
    reply({ failed: messageOf(error) });
  } finally {
    frame.close();
  }
};
