import { describe, expect, it } from 'vitest';
import { detailIn, detailKept, hideRegion, hideRegions, measureAndHide, measuredPart, overlappingGroups, rgbOfYuv, shownParts, snapToFrame, yuvFrameBytes } from './redactPixels.std';

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
    // c meets a only through b; d touches nothing, and lies outside the box around a, b and c.
    const groups = overlappingGroups([a, apart, c, b, d]);
    expect(groups.map((group) => group.members.length).sort()).toEqual([1, 1, 3]);
    expect(groups.find((group) => group.members.length === 3)).toEqual({ around: { x: 0, y: 0, w: 20, h: 18 }, members: expect.arrayContaining([a, b, c]) });
  });

  it('joins a box that touches no other box but lies in the box around a group', () => {
    const face = { x: 40, y: 0, w: 20, h: 20 };
    const body = { x: 0, y: 18, w: 100, h: 60 };
    const corner = { x: 2, y: 2, w: 10, h: 10 };
    expect(overlappingGroups([face, body, corner])).toEqual([{ around: { x: 0, y: 0, w: 100, h: 78 }, members: [face, body, corner] }]);
  });
});

describe('hideRegions', () => {
  /** A detailed frame whose chroma has texture too, so a chroma pixel put back or not tells. */
  function texturedFrame(width: number, height: number) {
    const frame = detailedFrame(width, height);
    for (let i = width * height; i < frame.data.length; i += 1) frame.data[i] = (i * 37) % 200 + 20;
    return frame;
  }
  /** The source with every pixel (all three planes) inside one of `boxes` taken from `washed`. */
  function expected(source: Uint8Array, washed: Uint8Array, width: number, height: number, boxes: ReadonlyArray<{ x: number; y: number; w: number; h: number }>) {
    const snapped = boxes.map((box) => snapToFrame(box, width, height)!);
    const hidden = (x: number, y: number) => snapped.some((box) => x >= box.x && x < box.x + box.w && y >= box.y && y < box.y + box.h);
    const out = Uint8Array.from(source);
    for (let y = 0; y < height; y += 1) for (let x = 0; x < width; x += 1) if (hidden(x, y)) out[y * width + x] = washed[y * width + x]!;
    const [cw, ch] = [width >> 1, height >> 1];
    for (const offset of [width * height, width * height + cw * ch]) {
      for (let y = 0; y < ch; y += 1) for (let x = 0; x < cw; x += 1) if (hidden(2 * x, 2 * y)) out[offset + y * cw + x] = washed[offset + y * cw + x]!;
    }
    return out;
  }
  /** hideRegions on `boxes` against hideRegion on each box around a group, `arounds`, kept only inside the boxes. */
  const check = (width: number, height: number, boxes: ReadonlyArray<{ x: number; y: number; w: number; h: number }>, arounds: ReadonlyArray<{ x: number; y: number; w: number; h: number }>) => {
    for (const style of ['blur', 'fill', 'pixelate'] as const) {
      const frame = texturedFrame(width, height);
      const washed = texturedFrame(width, height);
      hideRegions(frame, boxes, style);
      for (const around of arounds) hideRegion(washed, around, style);
      const want = expected(texturedFrame(width, height).data, washed.data, width, height, boxes);
      const wrong = frame.data.findIndex((value, i) => value !== want[i]);
      expect(wrong, `${style}: first wrong byte`).toBe(-1);
    }
  };

  it('washes a face and the body below it once, as the box around them, and keeps the corners neither covers', () => {
    const face = { x: 100, y: 20, w: 60, h: 60 };
    const body = { x: 60, y: 70, w: 160, h: 150 };
    check(320, 240, [face, body], [{ x: 60, y: 20, w: 160, h: 200 }]);
    // The corners are not blank in the source: keeping them is a real difference from washing them.
    const washed = texturedFrame(320, 240);
    hideRegion(washed, { x: 60, y: 20, w: 160, h: 200 }, 'blur');
    expect(washed.data[30 * 320 + 70]).not.toBe(texturedFrame(320, 240).data[30 * 320 + 70]);
    expect(washed.data[320 * 240 + 10 * 160 + 35]).not.toBe(texturedFrame(320, 240).data[320 * 240 + 10 * 160 + 35]);
  });

  it('snaps boxes off the pixel grid as hideRegion does, on a frame of odd size', () => {
    check(321, 241, [{ x: 101.3, y: 19.7, w: 60, h: 61 }, { x: 59, y: 70.2, w: 161, h: 150 }, { x: 300, y: 230, w: 40, h: 40 }], [{ x: 58, y: 18, w: 162, h: 204 }, { x: 300, y: 230, w: 20, h: 10 }]);
  });

  it('washes a box lying in the box around a group with that group', () => {
    const face = { x: 100, y: 20, w: 60, h: 60 };
    const body = { x: 60, y: 70, w: 160, h: 150 };
    check(320, 240, [face, body, { x: 64, y: 24, w: 20, h: 20 }], [{ x: 60, y: 20, w: 160, h: 200 }]);
  });

  it('hides a box that overlaps nothing as hideRegion does', () => {
    const frame = detailedFrame();
    const alone = detailedFrame();
    hideRegions(frame, [box, { x: 250, y: 170, w: 40, h: 40 }], 'blur');
    hideRegion(alone, box, 'blur');
    hideRegion(alone, { x: 250, y: 170, w: 40, h: 40 }, 'blur');
    expect(frame.data).toEqual(alone.data);
  });
});

describe('areas kept visible inside hidden ones', () => {
  // A face the user keeps visible, inside the box of someone standing behind them.
  const body = { x: 60, y: 40, w: 200, h: 180 };
  const face = { x: 120, y: 50, w: 60, h: 70 };

  it('show as they were, in every plane, and the rest of the hidden box as without them', () => {
    for (const style of ['blur', 'fill', 'pixelate'] as const) {
      const source = detailedFrame();
      const withFace = detailedFrame();
      const without = detailedFrame();
      hideRegions(withFace, [body], style, [face, { x: 290, y: 200, w: 20, h: 20 }]);
      hideRegions(without, [body], style);
      // Every byte of the three planes: the source's inside the face, the hidden box's as without it elsewhere.
      const [cw, size] = [160, 320 * 240];
      const inFace = (x: number, y: number) => x >= face.x && x < face.x + face.w && y >= face.y && y < face.y + face.h;
      const want = Uint8Array.from(without.data);
      for (let y = 0; y < 240; y += 1) {
        for (let x = 0; x < 320; x += 1) {
          if (!inFace(x, y)) continue;
          want[y * 320 + x] = source.data[y * 320 + x]!;
          if (x % 2 === 0 && y % 2 === 0) for (const offset of [size, size + cw * 120]) want[offset + (y / 2) * cw + x / 2] = source.data[offset + (y / 2) * cw + x / 2]!;
        }
      }
      expect(withFace.data.findIndex((value, i) => value !== want[i]), `${style}: first wrong byte`).toBe(-1);
      expect(withFace.data.findIndex((value, i) => value !== without.data[i]), `${style}: the face is shown`).toBeGreaterThan(-1);
    }
  });

  it('show on whole chroma pixels only: a box off the grid is pulled in, never out', () => {
    const offGrid = detailedFrame();
    const onGrid = detailedFrame();
    hideRegions(offGrid, [body], 'blur', [{ x: 119, y: 49, w: 62, h: 72 }]);
    hideRegions(onGrid, [body], 'blur', [{ x: 120, y: 50, w: 60, h: 70 }]);
    expect(offGrid.data.findIndex((value, i) => value !== onGrid.data[i])).toBe(-1);
  });

  it('show whole across two bodies that meet at an odd pixel: no hidden seam through the face', () => {
    const source = detailedFrame();
    const frame = detailedFrame();
    const bodies = [{ x: 60, y: 40, w: 91, h: 180 }, { x: 151, y: 40, w: 109, h: 180 }];
    hideRegions(frame, bodies, 'blur', shownParts([face], bodies.map((box) => ({ box, seeThrough: true }))));
    for (let y = face.y; y < face.y + face.h; y += 1) {
      for (let x = face.x; x < face.x + face.w; x += 1) expect(frame.data[y * 320 + x], `luma at ${x},${y}`).toBe(source.data[y * 320 + x]);
    }
  });

  it('show through other people\'s bodies only, never through a paper, screen, photo or face hidden there', () => {
    const monitor = { x: 150, y: 30, w: 100, h: 60 };
    expect(shownParts([face], [{ box: body, seeThrough: true }])).toEqual([face]);
    // The monitor behind the kept face stays hidden where they overlap; the rest of the face shows.
    expect(shownParts([face], [{ box: body, seeThrough: true }, { box: monitor, seeThrough: false }])).toEqual([
      { x: 120, y: 90, w: 60, h: 30 },
      { x: 120, y: 50, w: 30, h: 40 },
    ]);
    // Hidden by nothing that can be seen through, a kept box shows through nothing.
    expect(shownParts([face], [{ box: monitor, seeThrough: false }])).toEqual([]);

  });

  it('are left out of the detail measured: the biggest side of the hidden box beyond them', () => {
    expect(measuredPart(body, [])).toEqual(body);
    expect(measuredPart(body, [{ x: 0, y: 0, w: 20, h: 20 }])).toEqual(body);
    // The face near the top: below it is the biggest side.
    expect(measuredPart(body, [face])).toEqual({ x: 60, y: 120, w: 200, h: 100 });
    // Two kept boxes are left out together.
    expect(measuredPart(body, [face, { x: 60, y: 150, w: 40, h: 70 }])).toEqual({ x: 180, y: 40, w: 80, h: 180 });
    expect(measuredPart(body, [{ x: 50, y: 30, w: 220, h: 200 }])).toBeUndefined();
    // What measureAndHide measures, so that the self-check, which measures the copy's part, weighs like with like.
    const frame = detailedFrame();
    const [detail] = measureAndHide(detailedFrame(), [body], 'blur', [face]);
    expect(detail).toEqual(detailIn(frame.data, 320, 240, { x: 60, y: 120, w: 200, h: 100 }));
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
