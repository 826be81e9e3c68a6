import { type PointerEvent, useRef, useState } from 'react';
import type { Box } from '../../core/media/geometry.std';

type Point = { x: number; y: number };

/**
 * Drawing a box by dragging on a picture shown at any size: the surface's pointer handlers, and the box being
 * drawn, in the picture's own pixels (`round` for whole pixels). A drag shorter than `minDrag` each way is a
 * click, not a box.
 */
export function useDrawnBox(picture: { width: number; height: number } | undefined, onDrawn: (box: Box) => void, options: { minDrag: number; round?: boolean }) {
  const surface = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<{ start: Point; now: Point }>();
  const toPicture = (event: PointerEvent<HTMLDivElement>): Point => {
    const rect = surface.current!.getBoundingClientRect();
    const clamp = (value: number) => Math.min(1, Math.max(0, value));
    const scale = (value: number) => (options.round ? Math.round(value) : value);
    return { x: scale(clamp((event.clientX - rect.left) / rect.width) * picture!.width), y: scale(clamp((event.clientY - rect.top) / rect.height) * picture!.height) };
  };
  const boxOf = (a: Point, b: Point): Box => ({ x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), w: Math.abs(a.x - b.x), h: Math.abs(a.y - b.y) });
  return {
    surface,
    drawing: drag ? boxOf(drag.start, drag.now) : undefined,
    handlers: {
      onPointerDown: (event: PointerEvent<HTMLDivElement>) => {
        if (!picture) return;
        event.currentTarget.setPointerCapture(event.pointerId);
        const at = toPicture(event);
        setDrag({ start: at, now: at });
      },
      onPointerMove: (event: PointerEvent<HTMLDivElement>) => drag && setDrag({ ...drag, now: toPicture(event) }),
      onPointerUp: (event: PointerEvent<HTMLDivElement>) => {
        if (drag) {
          const box = boxOf(drag.start, toPicture(event));
          if (box.w >= options.minDrag && box.h >= options.minDrag) onDrawn(box);
        }
        setDrag(undefined);
      },
    },
  };
}
