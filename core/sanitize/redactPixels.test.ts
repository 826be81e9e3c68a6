import { describe, expect, it } from 'vitest';
import { detailIn, detailKept, hideRegion, hideRegions, overlappingGroups, rgbOfYuv, snapToFrame, yuvFrameBytes } from './redactPixels.std';

/**
 * A frame with detail at every scale, as text has: dark and light blocks of 12 px (words) laid at random,
 * with fine strokes inside the dark ones (letters); mid-grey chroma.
 */
function detailedFrame(width = 320, height = 240) {
  const data = new Uint8Array(yuvFrameBytes(width, height)).fill(128);
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const blocks = Array.from({ length: Math.ceil(height / 12) * Math.ceil(width / 12) }, () => random() < 0.5);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const dark = blocks[Math.floor(y / 12) * Math.ceil(width / 12) + Math.floor(x / 12)];
      data[y * width + x] = dark && (x + y) % 3 !== 0 ? 30 : 220;
    }
  }
  return { data, width, height };
}

const box = { x: 60, y: 40, w: 160, h: 120 };

describe('hideRegion', () => {
  it('blur leaves at most a few percent of the detail at full, half and quarter scale', () => {
    const frame = detailedFrame();
    const before = detailIn(frame.data, frame.width, frame.height, box);
    hideRegion(frame, box, 'blur');
    const kept = detailKept(before, detailIn(frame.data, frame.width, frame.height, box));
    expect(kept).toHaveLength(3);
    for (const share of kept) expect(share).toBeLessThan(0.05);
  });

  it('pixelate keeps far more coarse detail than blur (why it is never the default)', () => {
    const blurred = detailedFrame();
    const pixelated = detailedFrame();
    const before = detailIn(blurred.data, 320, 240, box);
    hideRegion(blurred, box, 'blur');
    hideRegion(pixelated, box, 'pixelate');
    const quarter = (frame: typeof blurred) => detailKept(before, detailIn(frame.data, 320, 240, box))[2]!;
    expect(quarter(pixelated)).toBeGreaterThan(10 * Math.max(quarter(blurred), 0.001));
  });

  it('fill leaves one flat grey and touches nothing outside the region', () => {
    const frame = detailedFrame();
    const untouched = detailedFrame();
    hideRegion(frame, box, 'fill');
    expect(detailIn(frame.data, 320, 240, box)).toEqual([0, 0, 0]);
    for (let y = 0; y < 240; y += 1) {
      for (let x = 0; x < 320; x += 1) {
        const inside = x >= box.x && x < box.x + box.w && y >= box.y && y < box.y + box.h;
        if (!inside) expect(frame.data[y * 320 + x]).toBe(untouched.data[y * 320 + x]);
      }
    }
  });

  it('clips a region that runs off the frame and ignores one outside it', () => {
    const frame = detailedFrame();
    hideRegion(frame, { x: 300, y: 220, w: 100, h: 100 }, 'fill');
    expect(frame.data[239 * 320 + 319]).toBe(110);
    const copy = detailedFrame();
    hideRegion(copy, { x: 400, y: 10, w: 20, h: 20 }, 'blur');
    expect(copy.data).toEqual(detailedFrame().data);
  });
});

describe('geometry of hidden regions', () => {
  it('snaps to even pixels inside the frame', () => {
    expect(snapToFrame({ x: 3.4, y: -5, w: 10, h: 9.2 }, 100, 50)).toEqual({ x: 2, y: 0, w: 12, h: 6 });
    expect(snapToFrame({ x: 120, y: 0, w: 10, h: 10 }, 100, 50)).toBeUndefined();
  });

  it('groups overlapping boxes, chains included, and leaves apart ones alone', () => {
    const a = { x: 0, y: 0, w: 10, h: 10 };
    const apart = { x: 50, y: 50, w: 5, h: 5 };
    const b = { x: 8, y: 8, w: 10, h: 10 };
    const c = { x: 16, y: 0, w: 4, h: 10 };
    const d = { x: 30, y: 0, w: 4, h: 4 };
    // c meets a only through b; d, added last, touches nothing.
    expect(overlappingGroups([a, apart, c, b, d]).map((group) => group.length).sort()).toEqual([1, 1, 3]);
    expect(overlappingGroups([a, apart, c, b, d]).find((group) => group.length === 3)).toEqual(expect.arrayContaining([a, b, c]));
  });
});

describe('hideRegions', () => {
  // A face and the body below it: an L-shaped pair whose box around them holds two corners neither covers.
  const face = { x: 100, y: 20, w: 60, h: 60 };
  const body = { x: 60, y: 70, w: 160, h: 150 };
  const inside = (x: number, y: number, region: { x: number; y: number; w: number; h: number }) => x >= region.x && x < region.x + region.w && y >= region.y && y < region.y + region.h;

  it('washes overlapping boxes once, as the box around them, and keeps the corners no box covers', () => {
    for (const style of ['blur', 'fill', 'pixelate'] as const) {
      const frame = detailedFrame();
      const around = detailedFrame();
      const source = detailedFrame();
      hideRegions(frame, [face, body], style);
      hideRegion(around, { x: 60, y: 20, w: 160, h: 200 }, style);
      const wrong: string[] = [];
      let washed = 0;
      for (let y = 0; y < 240; y += 1) {
        for (let x = 0; x < 320; x += 1) {
          const i = y * 320 + x;
          const hidden = inside(x, y, face) || inside(x, y, body);
          washed += hidden ? 1 : 0;
          if (frame.data[i] !== (hidden ? around : source).data[i]) wrong.push(`${x},${y}`);
        }
      }
      expect(wrong, style).toEqual([]);
      expect(washed).toBe(60 * 50 + 160 * 150);
      // The corners are not blank in the source: keeping them is a real difference from washing them.
      expect(around.data[30 * 320 + 70]).not.toBe(source.data[30 * 320 + 70]);
      // The chroma of the corners is kept too.
      const chroma = 320 * 240 + 10 * 160 + 35;
      expect(frame.data[chroma]).toBe(source.data[chroma]);
    }
  });

  it('hides a box that overlaps nothing as hideRegion does', () => {
    const frame = detailedFrame();
    const alone = detailedFrame();
    hideRegions(frame, [face, { x: 250, y: 150, w: 40, h: 40 }], 'blur');
    hideRegion(alone, face, 'blur');
    hideRegion(alone, { x: 250, y: 150, w: 40, h: 40 }, 'blur');
    expect(frame.data).toEqual(alone.data);
  });
});

describe('detailKept', () => {
  it('counts flat sources as nothing to keep, and the encoder\'s noise as nothing kept', () => {
    expect(detailKept([2, 100, 408], [1, 7, 110])).toEqual([0, 0, 0.25]);
    // A sliver at the picture's edge, barely above flat, whose copy holds only the encoder's noise.
    expect(detailKept([17.7, 98.6, 542.1], [9.6, 5.6, 10])[0]).toBeLessThan(0.15);
  });
});

describe('rgbOfYuv', () => {
  it('turns video-level grey and colours into RGB', () => {
    const frame = { data: new Uint8Array(yuvFrameBytes(2, 2)), width: 2, height: 2 };
    frame.data.set([235, 235, 16, 16, 128, 128]);
    const { rgb } = rgbOfYuv(frame);
    expect([...rgb.subarray(0, 3)]).toEqual([255, 255, 255]);
    expect([...rgb.subarray(9, 12)]).toEqual([0, 0, 0]);
    expect(rgbOfYuv(frame, true)).toEqual({ rgb: Uint8Array.from([255, 255, 255]), width: 1, height: 1 });
  });
});

describe('blur on any region size', () => {
  it('leaves no pixel unset or black, whatever the region’s size against its cells', () => {
    for (const size of [{ w: 244, h: 280 }, { w: 31, h: 33 }, { w: 63, h: 17 }, { w: 130, h: 62 }]) {
      const frame = detailedFrame();
      hideRegion(frame, { x: 10, y: 10, ...size }, 'blur');
      const region = { x: 10, y: 10, ...size };
      let darkest = 255;
      for (let y = region.y; y < Math.min(240, region.y + region.h); y += 1) {
        for (let x = region.x; x < Math.min(320, region.x + region.w); x += 1) darkest = Math.min(darkest, frame.data[y * 320 + x]!);
      }
      // The stripes are 30 and 220: a wash of them stays well above black.
      expect(darkest, `${size.w}x${size.h}`).toBeGreaterThan(60);
    }
  });
});

describe('detail of slivers', () => {
  it('does not measure a region too thin to hold a word or a face (a box leaving the picture)', () => {
    const frame = detailedFrame();
    expect(detailIn(frame.data, 320, 240, { x: 10, y: 0, w: 150, h: 4 })).toEqual([0, 0, 0]);
    expect(detailIn(frame.data, 320, 240, { x: 10, y: 0, w: 150, h: 40 })[0]).toBeGreaterThan(100);
  });
});
