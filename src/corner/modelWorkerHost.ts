/**
 * The message loop every detection Web Worker shares: load the model once (reporting "ready" with its backend,
 * or why it could not start), then answer each frame with what the model found, closing the frame after.
 * Runs inside a worker.
 */
import type { DetectReply, DetectRequest, Detected } from './detectorProtocol';

export function serveModel(load: () => Promise<string>, detect: (request: DetectRequest) => Promise<Detected>): void {
  const reply = (message: DetectReply) => self.postMessage(message);
  const started = performance.now();
  const ready = load().then(
    (backend) => {
      reply({ kind: 'ready', backend, loadMs: performance.now() - started });
      return true;
    },
    (error: unknown) => {
      reply({ kind: 'failed', message: `The detector could not start: ${error instanceof Error ? error.message : String(error)}` });
      return false;
    },
  );
  self.onmessage = async (event: MessageEvent<DetectRequest>) => {
    const request = event.data;
    const { id, frame } = request;
    try {
      if (!(await ready)) return;
      const begin = performance.now();
      const found = await detect(request);
      reply({ kind: 'detected', id, width: frame.width, height: frame.height, ...found, ms: performance.now() - begin });
    } catch (error) {
      reply({ kind: 'failed', id, message: error instanceof Error ? error.message : String(error) });
    } finally {
      frame.close();
    }
  };
}
