/**
 * The message loop every detection Web Worker shares: load the model once (reporting "ready" with its backend,
 * or why it could not start), then answer each camera frame with what the model found in it, scaled to
 * DETECT_WIDTH here, off the UI thread (cameraFrames.ts). Runs inside a worker.
 */
import { messageOf } from '../../core/errors.std';
import { DETECT_WIDTH, type DetectReply, type DetectRequest, type Detected } from './detectorProtocol';

/** A request with its frame scaled to DETECT_WIDTH. */
export type ScaledRequest = Omit<DetectRequest, 'frame'> & { frame: ImageBitmap };

export function serveModel(load: () => Promise<string>, detect: (request: ScaledRequest) => Promise<Detected>): void {
  const reply = (message: DetectReply) => self.postMessage(message);
  const started = performance.now();
  const ready = load().then(
    (backend) => {
      reply({ kind: 'ready', backend, loadMs: performance.now() - started });
      return true;
    },
    (error: unknown) => {
      reply({ kind: 'failed', message: `The detector could not start: ${messageOf(error)}` });
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
      const resizeHeight = Math.round((DETECT_WIDTH * cameraFrame.displayHeight) / cameraFrame.displayWidth);
      frame = await createImageBitmap(cameraFrame, { resizeWidth: DETECT_WIDTH, resizeHeight, resizeQuality: 'medium' });
      // Closed at once, not after inference: it holds one of the camera's few capture buffers.
      cameraFrame.close();
      const found = await detect({ ...request, frame });
      reply({ kind: 'detected', id, width: frame.width, height: frame.height, ...found, ms: performance.now() - begin });
    } catch (error) {
      reply({ kind: 'failed', id, message: messageOf(error) });
    } finally {
      cameraFrame.close();
      frame?.close();
    }
  };
}
