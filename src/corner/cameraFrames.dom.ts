/**
 * What the corner check takes from the camera on the UI thread, kept as cheap as the browser allows: the
 * preview shares that thread. Converting a frame to RGB there (createImageBitmap of the <video>) held it 11.5 ms
 * a time at 640x480 and 34.5 ms at 1280x720 (the size the app asks a webcam for), whatever size was asked
 * for; with the models' frames and the change thumbnails that was 40% of the thread at 640x480 while something
 * moved in view, and the preview fell to 24 fps. Wrapping the frame in a VideoFrame and handing it to a worker
 * takes 0.1-0.4 ms: the model workers scale it themselves (modelWorkerHost.ts), and the thumbnail is made in
 * a worker of its own (thumbnail.worker.ts; made on the UI thread from the frame's brightness plane, it still
 * took 6.3 ms at 1280x720).
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
