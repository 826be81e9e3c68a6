/**
 * What the corner check takes from the camera on the UI thread, kept as cheap as the browser allows: the
 * preview shares that thread. Converting a frame to RGB (createImageBitmap of the <video>) held the UI thread
 * 11.5 ms each time in Chromium on two cores, whatever the size asked for; with the models' frames and the
 * thumbnails that was 40% of the thread while something moved in view, and the preview fell to 24 fps.
 * Wrapping the frame in a VideoFrame takes 0.1 ms: the workers convert it themselves (modelWorkerHost.ts),
 * and the thumbnail is read from its brightness plane (thumbnailOfLuma).
 */
import { THUMBNAIL, thumbnailOf, thumbnailOfLuma } from '../../core/detect/sceneChange.std';

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

/** Frame formats whose first plane is 8-bit brightness (Y), as webcams deliver them. */
const LUMA_FIRST: ReadonlySet<VideoPixelFormat> = new Set(['I420', 'I420A', 'I422', 'I444', 'NV12']);

/**
 * A reader of the camera picture's thumbnail (sceneChange.std.ts), undefined without a 2D canvas. A YUV frame
 * is copied out (1.7 ms for 640x480) and its brightness plane averaged; any other frame, or any camera whose
 * frames cannot be copied out (the browser may refuse for some), is drawn onto a canvas of the thumbnail's size.
 */
export function thumbnailReader(): ((camera: HTMLVideoElement) => Promise<Uint8Array | undefined>) | undefined {
  const canvas = new OffscreenCanvas(THUMBNAIL.width, THUMBNAIL.height).getContext('2d', { willReadFrequently: true });
  if (!canvas) return undefined;
  let copying = true;
  /** The last copy's buffer, reused unless another copy holds it. */
  let spare: Uint8Array | undefined;
  const fromBrightness = async (frame: VideoFrame, visible: DOMRectReadOnly) => {
    const size = frame.allocationSize();
    const buffer = spare?.length === size ? spare : new Uint8Array(size);
    spare = undefined;
    try {
      const [luma] = await frame.copyTo(buffer);
      if (!luma) return undefined;
      const plane = { data: buffer.subarray(luma.offset), width: visible.width, height: visible.height, stride: luma.stride };
      return thumbnailOfLuma({ ...plane, fullRange: frame.colorSpace.fullRange === true });
    } finally {
      spare = buffer;
    }
  };
  return async (camera) => {
    const frame = cameraFrame(camera);
    if (!frame) return undefined;
    try {
      const visible = frame.visibleRect;
      if (copying && visible && frame.format && LUMA_FIRST.has(frame.format)) {
        const thumbnail = await fromBrightness(frame, visible).catch(() => undefined);
        if (thumbnail) return thumbnail;
        copying = false;
      }
      canvas.drawImage(frame, 0, 0, THUMBNAIL.width, THUMBNAIL.height);
      return thumbnailOf(canvas.getImageData(0, 0, THUMBNAIL.width, THUMBNAIL.height).data);
    } finally {
      frame.close();
    }
  };
}
