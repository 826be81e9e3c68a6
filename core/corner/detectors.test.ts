import { describe, expect, it } from 'vitest';
import type { MediaProbe } from '../media/probe.std';
import { ffmpegArgv } from '../media/ffmpegArgs.std';
import { OCR_MAX_LONG_SIDE, OCR_MIN_LONG_SIDE, linesFromOcr, ocrScale, ppmOf } from './detectors.std';
import { assessFrame } from './risks.std';
import { mergeVideoRisks, scanJson } from './scanResult.std';
import { SCAN_MAX_FRAMES, planScanFrames, scanSampling } from './scanPlan.std';

const word = (text: string, confidence: number, x0: number) => ({ text, confidence, bbox: { x0, y0: 100, x1: x0 + 40, y1: 120 } });

describe('OCR input and output', () => {
  it('upscales camera frames and downscales huge photos', () => {
    expect(ocrScale(640, 480)).toBeCloseTo(OCR_MIN_LONG_SIDE / 640);
    expect(ocrScale(2000, 1000)).toBe(1);
    expect(ocrScale(4000, 3000)).toBeCloseTo(OCR_MAX_LONG_SIDE / 4000);
  });

  it('hands tesseract a PPM of RGB pixels, or of RGBA ones without their alpha', () => {
    const header = [...new TextEncoder().encode('P6\n2 1\n255\n')];
    expect([...ppmOf(Uint8Array.from([1, 2, 3, 4, 5, 6, 7]), 2, 1, 3)]).toEqual([...header, 1, 2, 3, 4, 5, 6]);
    expect([...ppmOf(Uint8ClampedArray.from([1, 2, 3, 255, 4, 5, 6, 255]), 2, 1, 4)]).toEqual([...header, 1, 2, 3, 4, 5, 6]);
  });

  it('hands tesseract only a part of the picture when asked', () => {
    // 3x2 pixels whose red value is their index; the part is the right two columns of the bottom row.
    const rgb = Uint8Array.from({ length: 18 }, (_, index) => (index % 3 === 0 ? index / 3 : 0));
    const rgba = Uint8ClampedArray.from({ length: 24 }, (_, index) => (index % 4 === 0 ? index / 4 : 255));
    const part = { x: 1, y: 1, w: 2, h: 1 };
    const header = [...new TextEncoder().encode('P6\n2 1\n255\n')];
    expect([...ppmOf(rgb, 3, 2, 3, part)]).toEqual([...header, 4, 0, 0, 5, 0, 0]);
    expect([...ppmOf(rgba, 3, 2, 4, part)]).toEqual([...header, 4, 255, 255, 5, 255, 255]);
  });

  it('keeps confident words and maps boxes back to the frame', () => {
    const lines = linesFromOcr([{ paragraphs: [{ lines: [{ words: [word('Allen', 91, 200), word('~~', 20, 250), word('Avenue', 89, 300)] }] }] }], 2);
    expect(lines).toEqual([{ text: 'Allen Avenue', confidence: 90, box: { x: 100, y: 50, w: 70, h: 10 } }]);
    expect(linesFromOcr(null, 1)).toEqual([]);
  });

  it('maps the boxes of a part read alone back to the whole frame', () => {
    const lines = linesFromOcr([{ paragraphs: [{ lines: [{ words: [word('Allen', 91, 200)] }] }] }], 2, { x: 600, y: 40 });
    expect(lines[0]!.box).toEqual({ x: 400, y: 70, w: 20, h: 10 });
  });
});

describe('scan plan', () => {
  const probe = (rotation = 0): MediaProbe => ({
    formatName: 'mov,mp4',
    durationSeconds: 10,
    streams: [{ index: 0, type: 'video', codec: 'h264', width: 1280, height: 720, rotation, attachedPicture: false }],
  });

  it('decodes a video once a second, upright, as RGB at OCR size', () => {
    const plan = planScanFrames({ input: '/clips/a.mp4', kind: 'video', probe: probe(90) });
    expect(plan.source).toEqual({ width: 720, height: 1280 });
    expect(plan.frame).toEqual({ width: 900, height: 1600 });
    expect(plan.intervalSeconds).toBe(1);
    expect(ffmpegArgv(plan.invocation).join(' ')).toContain('-vf fps=1/1,scale=900:1600:flags=bicubic -f rawvideo -pix_fmt rgb24 pipe:1');
  });

  it('samples a long video at most SCAN_MAX_FRAMES times, spread over its length, and says how many', () => {
    const tenMinutes = { ...probe(), durationSeconds: 600 };
    const plan = planScanFrames({ input: '/clips/long.mp4', kind: 'video', probe: tenMinutes });
    expect(plan.intervalSeconds).toBe(10);
    expect(plan.expectedFrames).toBe(SCAN_MAX_FRAMES);
    expect(ffmpegArgv(plan.invocation).join(' ')).toContain('-vf fps=1/10,');
    expect(scanSampling(90)).toEqual({ intervalSeconds: 2, expectedFrames: 45 });
    expect(scanSampling(10, 5)).toEqual({ intervalSeconds: 5, expectedFrames: 2 });
    expect(scanSampling(undefined)).toEqual({ intervalSeconds: 1 });
  });

  it('applies a photo EXIF orientation itself and takes one frame', () => {
    const plan = planScanFrames({ input: '/p.jpg', kind: 'photo', probe: probe(), photoOrientation: 6 });
    expect(plan.source).toEqual({ width: 720, height: 1280 });
    expect(ffmpegArgv(plan.invocation)).toEqual(expect.arrayContaining(['-noautorotate', '-frames:v', '1']));
    expect(ffmpegArgv(plan.invocation).join(' ')).toContain('transpose=1,scale=');
  });
});

describe('scan results', () => {
  const phoneAt = (x: number) => assessFrame({ width: 640, height: 480, objects: [{ label: 'cell phone', score: 0.6, box: { x, y: 380, w: 60, h: 80 } }] });

  it('reports a risk in view for many seconds once, at its first time', () => {
    const merged = mergeVideoRisks([
      { t: 0, risks: [] },
      { t: 1, risks: phoneAt(20) },
      { t: 2, risks: phoneAt(22) },
      { t: 3, risks: phoneAt(400) },
    ]);
    expect(merged.map((risk) => [risk.label, risk.t, risk.box.x])).toEqual([
      ['Phone', 1, 20],
      ['Phone', 3, 400],
    ]);
  });

  it('prints the documented JSON shape', () => {
    const [risk] = mergeVideoRisks([{ t: 4, risks: phoneAt(20) }]);
    expect(scanJson({ file: 'a.mp4', width: 640, height: 480, risks: [risk!] })).toEqual({
      file: 'a.mp4',
      width: 640,
      height: 480,
      risks: [{ category: 'screen', kind: 'phone', label: 'Phone', score: 0.6, box: { x: 20, y: 380, w: 60, h: 80 }, t: 4 }],
    });
  });
});
