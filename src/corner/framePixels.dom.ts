/**
 * A worker's reader of camera frames' pixels (RGBA, as a canvas gives them). Frames come at one size;
 * resizing a canvas clears and reallocates it, so its canvas changes only when that size does.
 */
export function framePixelsReader(): (frame: ImageBitmap) => Uint8ClampedArray {
  let canvas: OffscreenCanvas | undefined;
  return (frame) => {
    if (canvas?.width !== frame.width || canvas.height !== frame.height) canvas = new OffscreenCanvas(frame.width, frame.height);
    const context = canvas.getContext('2d', { willReadFrequently: true })!;
    context.drawImage(frame, 0, 0);
    return context.getImageData(0, 0, frame.width, frame.height).data;
  };
}
