import { describe, expect, it } from 'vitest';
import { objectModelsToConfirm } from './confirmation.std';

const frame = { width: 640, height: 480 };
const box = (x: number, y: number, w: number, h: number) => ({ x, y, w, h });
const around = box(180, 100, 240, 200);

describe('an objects confirmation', () => {
  it('runs only CenterNet on a screen CenterNet alone is sure of, whatever SSDLite proposes around it', () => {
    const last = { ...frame, objects: [{ label: 'tv', score: 0.5, box: box(220, 140, 160, 110) }], ssdObjects: [{ label: 'chair', score: 0.6, box: box(200, 180, 120, 120) }] };
    expect(objectModelsToConfirm(around, last)).toEqual({ centernet: true, ssd: false });
  });

  it('runs only SSDLite on a TV SSDLite alone is sure of', () => {
    const last = { ...frame, objects: [], ssdObjects: [{ label: 'tv', score: 0.85, box: box(220, 140, 160, 110) }] };
    expect(objectModelsToConfirm(around, last)).toEqual({ centernet: false, ssd: true });
  });

  it('runs both on a screen each only half sees, on two things each sees one of, and on the whole frame', () => {
    const halfSeen = { label: 'tv', score: 0.25, box: box(220, 140, 160, 110) };
    expect(objectModelsToConfirm(around, { ...frame, objects: [halfSeen], ssdObjects: [halfSeen] })).toEqual({ centernet: true, ssd: true });
    const two = { ...frame, objects: [{ label: 'tv', score: 0.5, box: box(190, 110, 100, 80) }], ssdObjects: [{ label: 'tv', score: 0.85, box: box(300, 200, 100, 80) }] };
    expect(objectModelsToConfirm(around, two)).toEqual({ centernet: true, ssd: true });
    expect(objectModelsToConfirm(undefined, { ...frame, objects: [halfSeen], ssdObjects: [] })).toEqual({ centernet: true, ssd: true });
  });

  it('runs both where neither model made a flag any more', () => {
    expect(objectModelsToConfirm(around, { ...frame, objects: [], ssdObjects: [{ label: 'chair', score: 0.6, box: box(200, 180, 120, 120) }] })).toEqual({ centernet: true, ssd: true });
  });

  it('leaves out what either model flags outside the part it looks at', () => {
    const last = { ...frame, objects: [{ label: 'tv', score: 0.5, box: box(220, 140, 160, 110) }], ssdObjects: [{ label: 'tv', score: 0.85, box: box(500, 20, 100, 70) }] };
    expect(objectModelsToConfirm(around, last)).toEqual({ centernet: true, ssd: false });
  });
});
