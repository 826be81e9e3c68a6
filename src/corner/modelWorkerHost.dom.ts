/**
 * The message loop every detection Web Worker shares: load the model once (reporting "ready" with its backend,
 * or why it could not start), then answer each camera frame with what the model found in it. The frame is
 * scaled here, off the UI thread (cameraFrames.dom.ts), to the width the worker's model wants; requests and
 * replies stay in the camera's pixels. Runs inside a worker.
 */
import { scaleBox } from '../../core/media/geometry.std';
import { messageOf } from '../../core/shared/errors.std';
import { type DetectReply, type DetectRequest, type Detected, scaleDetected } from './detectorProtocol.dom';

/** A request with its frame scaled for the worker's model, and its region in that frame's pixels. */
export type ScaledRequest = Omit<DetectRequest, 'frame'> & { frame: ImageBitmap };

/** The width a worker's model wants a camera frame of `width` x `height` scaled to. */
type ModelFrameWidth = (width: number, height: number) => number;

export function serveModel(load: () => Promise<string>, detect: (request: ScaledRequest) => Promise<Detected>, frameWidth: ModelFrameWidth): void {
  const reply = (message: DetectReply) => self.postMessage(message);
  const started = performance.now();
  const ready = load().then(
    (backend) => {
      reply({ kind: 'ready', backend, loadMs: performance.now() - started });
      return true;
    },
    (error: unknown) => {
      // The bare reason: the view puts it in a sentence in the app's language, which a Web Worker does not hold.
      reply({ kind: 'failed', message: messageOf(error) });
      return false;
    },
  );
  self.onmessage = async (event: MessageEvent<DetectRequest>) => {
    const request = event.data;
    const { id, frame: cameraFrame } = request;
    let frame: ImageBitmap | undefined;
    try {
      if (!(await ready)) return;
      const begin = performance.now();
      const { displayWidth, displayHeight } = cameraFrame;
      const resizeWidth = Math.round(frameWidth(displayWidth, displayHeight));
      const toFrame = resizeWidth / displayWidth;
      frame = await createImageBitmap(cameraFrame, { resizeWidth, resizeHeight: Math.round(displayHeight * toFrame), resizeQuality: 'medium' });
      // Closed at once, not after inference: it holds one of the camera's few capture buffers.
      cameraFrame.close();
      const found = await detect({ ...request, frame, ...(request.region ? { region: scaleBox(request.region, toFrame) } : {}) });
      reply({ kind: 'detected', id, ...scaleDetected(found, 1 / toFrame), ms: performance.now() - begin });
    } catch (error) {
      reply({ kind: 'failed', id, message: messageOf(error) });
    } finally {
      cameraFrame.close();
      frame?.close();
    }
  };
}
