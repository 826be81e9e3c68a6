/**
 * What the corner check takes from the camera on the UI thread, kept as cheap as the browser allows: the
 * preview shares that thread. Converting a frame to RGB there (createImageBitmap of the <video>) costs
 * milliseconds a frame at any size asked for, and with the models' frames and the change thumbnails it takes
 * enough of the thread that the preview drops below the camera's rate. Wrapping the frame in a VideoFrame and
 * handing it to a worker costs a fraction of a millisecond: the model workers scale it themselves
 * (modelWorkerHost.dom.ts), and the thumbnail is made in a worker of its own (thumbnail.worker.dom.ts).
 * bench/preview measures the preview against the camera alone.
 */
import type { ThumbnailReply, ThumbnailRequest } from './thumbnail.worker.dom';

/**
 * The camera's current frame, to transfer to a worker (which closes it); undefined if the camera has none to
 * give for the moment (switching cameras, waking from sleep).
 */
export function cameraFrame(camera: HTMLVideoElement): VideoFrame | undefined {
  try {
    return new VideoFrame(camera);
  } catch {
    return undefined;
  }
}

/** Thumbnails of the camera's picture (sceneChange.std.ts), made in their own worker. */
export function startThumbnails(): { read: (camera: HTMLVideoElement) => Promise<Uint8Array | undefined>; close: () => void } {
  const worker = new Worker(new URL('./thumbnail.worker.dom.ts', import.meta.url), { type: 'module', name: 'safetake-thumbnails' });
  const pending = new Map<number, (thumbnail: Uint8Array | undefined) => void>();
  let nextId = 1;
  worker.onmessage = ({ data: { id, thumbnail } }: MessageEvent<ThumbnailReply>) => {
    pending.get(id)?.(thumbnail);
    pending.delete(id);
  };
  return {
    read: (camera) =>
      new Promise((resolve) => {
        const frame = cameraFrame(camera);
        if (!frame) return resolve(undefined);
        const request: ThumbnailRequest = { id: nextId++, frame };
        pending.set(request.id, resolve);
        worker.postMessage(request, [frame]);
      }),
    close: () => {
      worker.terminate();
      for (const resolve of pending.values()) resolve(undefined);
      pending.clear();
    },
  };
}
