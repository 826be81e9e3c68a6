/**
 * Runs in a Web Worker: the camera picture's thumbnail (sceneChange.std.ts) from a frame, off the UI thread. A
 * YUV frame is copied out and its brightness plane averaged (thumbnailOfLuma); any other frame, or any camera
 * whose frames cannot be copied out (the browser may refuse for some), is drawn onto a canvas of the
 * thumbnail's size.
 */
import { THUMBNAIL, thumbnailOf, thumbnailOfLuma } from '../../core/corner/sceneChange.std';

export type ThumbnailRequest = { id: number; frame: VideoFrame };
/** The thumbnail, or undefined if the worker has no 2D canvas to draw a frame it cannot copy. */
export type ThumbnailReply = { id: number; thumbnail?: Uint8Array };

/** Frame formats whose first plane is 8-bit brightness (Y), as webcams deliver them. */
const LUMA_FIRST: ReadonlySet<VideoPixelFormat> = new Set(['I420', 'I420A', 'I422', 'I444', 'NV12']);
const canvas = new OffscreenCanvas(THUMBNAIL.width, THUMBNAIL.height).getContext('2d', { willReadFrequently: true });
let copying = true;
let buffer = new Uint8Array(0);

async function fromBrightness(frame: VideoFrame, visible: DOMRectReadOnly): Promise<Uint8Array | undefined> {
  if (buffer.length !== frame.allocationSize()) buffer = new Uint8Array(frame.allocationSize());
  const [luma] = await frame.copyTo(buffer);
  if (!luma) return undefined;
  const plane = { data: buffer.subarray(luma.offset), width: visible.width, height: visible.height, stride: luma.stride };
  return thumbnailOfLuma({ ...plane, fullRange: frame.colorSpace.fullRange === true });
}

async function thumbnailOfFrame(frame: VideoFrame): Promise<Uint8Array | undefined> {
  const visible = frame.visibleRect;
  if (copying && visible && frame.format && LUMA_FIRST.has(frame.format)) {
    const thumbnail = await fromBrightness(frame, visible).catch(() => undefined);
    if (thumbnail) return thumbnail;
    copying = false;
  }
  if (!canvas) return undefined;
  canvas.drawImage(frame, 0, 0, THUMBNAIL.width, THUMBNAIL.height);
  return thumbnailOf(canvas.getImageData(0, 0, THUMBNAIL.width, THUMBNAIL.height).data);
}

// One frame at a time: messages are handled in order, and the buffer is reused. A frame that fails gets no
// thumbnail (the picture then counts as changed), and the next is handled as usual.
let queue = Promise.resolve();
self.onmessage = ({ data: { id, frame } }: MessageEvent<ThumbnailRequest>) => {
  queue = queue.then(async () => {
    const thumbnail = await thumbnailOfFrame(frame)
      .catch(() => undefined)
      .finally(() => frame.close());
    const reply: ThumbnailReply = { id, thumbnail };
    self.postMessage(reply);
  });
};
