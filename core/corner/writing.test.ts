import { describe, expect, it } from 'vitest';
import { BLOCK_MIN_LENGTH, BLOCK_MIN_LINES, readingRegions, writingBlocks, writingGroups } from './writingBlocks.std';
import { LINE_MIN_SCORE, type WritingLine, scaleWritingLine, writingLines } from './writingLines.std';
import { WRITING_GLANCE_LONG_SIDE, closerLongSide, closerLooks, withCloserLook, withPartLookedAgain, writingInput, writingFrameWidth, writingInputSize } from './writingModel.std';

/** A probability map `width` x `height` with `value` in each of the given rectangles. */
function probabilityMap(width: number, height: number, rectangles: Array<{ x: number; y: number; w: number; h: number; value?: number }>): Float32Array {
  const map = new Float32Array(width * height);
  for (const { x, y, w, h, value = 0.9 } of rectangles) {
    for (let row = y; row < y + h; row += 1) map.fill(value, row * width + x, row * width + x + w);
  }
  return map;
}

describe('the text detector input', () => {
  it('scales the long side to 960 and both sides to multiples of 32', () => {
    expect(writingInputSize(640, 480)).toEqual({ width: 960, height: 736 });
    expect(writingInputSize(480, 640)).toEqual({ width: 736, height: 960 });
    expect(writingInputSize(4032, 3024)).toEqual({ width: 960, height: 736 });
    expect(writingInputSize(1920, 20)).toEqual({ width: 960, height: 32 });
  });

  it('takes a 640x480 frame as it is for a glance', () => {
    expect(writingInputSize(640, 480, WRITING_GLANCE_LONG_SIDE)).toEqual({ width: 640, height: 480 });
  });

  it('normalises each channel as PaddleOCR does, in B, G, R order, from RGB or RGBA', () => {
    const size = { width: 2, height: 2 };
    const rgb = new Uint8Array([255, 128, 0, 255, 128, 0, 255, 128, 0, 255, 128, 0]);
    const rgba = new Uint8Array([255, 128, 0, 9, 255, 128, 0, 9, 255, 128, 0, 9, 255, 128, 0, 9]);
    const fromRgb = writingInput(rgb, 2, 2, 3, size);
    expect(Array.from(writingInput(rgba, 2, 2, 4, size))).toEqual(Array.from(fromRgb));
    // Plane 0 is blue (0), plane 1 green (128), plane 2 red (255).
    expect(fromRgb[0]).toBeCloseTo((0 - 0.485) / 0.229, 5);
    expect(fromRgb[4]).toBeCloseTo((128 / 255 - 0.456) / 0.224, 5);
    expect(fromRgb[8]).toBeCloseTo((1 - 0.406) / 0.225, 5);
  });

  it('resamples bilinearly: a two-pixel gradient doubled keeps its ends and mean', () => {
    const grey = (value: number) => [value, value, value];
    const input = writingInput(new Uint8Array([...grey(0), ...grey(255)]), 2, 1, 3, { width: 4, height: 1 });
    const values = Array.from(input.slice(0, 4)).map((value) => Math.round((value * 0.229 + 0.485) * 255) + 0);
    expect(values).toEqual([0, 64, 191, 255]);
  });

  it('gives every output pixel the four-neighbour bilinear blend of the source, scaled up and down', () => {
    // The blend written out pixel by pixel, as the model's input is defined: pixel centres aligned, clamped.
    const reference = (frame: Uint8Array, width: number, height: number, size: { width: number; height: number }, region: { x: number; y: number; w: number; h: number }) => {
      const out = new Float32Array(3 * size.width * size.height);
      const sample = (start: number, length: number, to: number, limit: number, index: number) => {
        const at = Math.min(limit - 1, Math.max(0, start + ((index + 0.5) * length) / to - 0.5));
        return { first: Math.floor(at), second: Math.min(limit - 1, Math.floor(at) + 1), weight: at - Math.floor(at) };
      };
      const mean = [0.485, 0.456, 0.406];
      const std = [0.229, 0.224, 0.225];
      for (let y = 0; y < size.height; y += 1) {
        const row = sample(region.y, region.h, size.height, height, y);
        for (let x = 0; x < size.width; x += 1) {
          const column = sample(region.x, region.w, size.width, width, x);
          [2, 1, 0].forEach((channel, plane) => {
            const value = (px: number, py: number) => frame[(py * width + px) * 3 + channel]! / 255;
            const top = value(column.first, row.first) * (1 - column.weight) + value(column.second, row.first) * column.weight;
            const bottom = value(column.first, row.second) * (1 - column.weight) + value(column.second, row.second) * column.weight;
            out[plane * size.width * size.height + y * size.width + x] = (top * (1 - row.weight) + bottom * row.weight - mean[plane]!) / std[plane]!;
          });
        }
      }
      return out;
    };
    const frame = Uint8Array.from({ length: 37 * 23 * 3 }, (_, index) => (index * 97 + ((index * index) % 13)) % 256);
    for (const [size, region] of [
      [{ width: 64, height: 40 }, { x: 0, y: 0, w: 37, h: 23 }],
      [{ width: 16, height: 9 }, { x: 0, y: 0, w: 37, h: 23 }],
      [{ width: 32, height: 32 }, { x: 5, y: 3, w: 20, h: 17 }],
      // At the region's own size, whole frame and part: each output pixel is one source pixel.
      [{ width: 37, height: 23 }, { x: 0, y: 0, w: 37, h: 23 }],
      [{ width: 20, height: 17 }, { x: 5, y: 3, w: 20, h: 17 }],
    ] as const) {
      const ours = writingInput(frame, 37, 23, 3, size, region);
      const expected = reference(frame, 37, 23, size, region);
      expect(ours.length).toBe(expected.length);
      for (let index = 0; index < ours.length; index += 1) expect(ours[index]).toBeCloseTo(expected[index]!, 4);
    }
  });

  it('takes a region of the frame as the same numbers as that region cut out', () => {
    // A 4x3 RGB frame of distinct values; its region 2x2 at (1, 1).
    const frame = Uint8Array.from({ length: 4 * 3 * 3 }, (_, index) => (index * 7) % 256);
    const cut = new Uint8Array([1, 2].flatMap((y) => [1, 2].flatMap((x) => [0, 1, 2].map((channel) => frame[(y * 4 + x) * 3 + channel]!))));
    const size = { width: 2, height: 2 };
    expect(Array.from(writingInput(frame, 4, 3, 3, size, { x: 1, y: 1, w: 2, h: 2 }))).toEqual(Array.from(writingInput(cut, 2, 2, 3, size)));
  });
});

describe('the camera frame the app gives the text detector', () => {
  it('keeps a 720p camera\'s own pixels, and scales a bigger one down to them', () => {
    expect(writingFrameWidth(640, 480)).toBe(640);
    expect(writingFrameWidth(1280, 720)).toBe(1280);
    expect(writingFrameWidth(1920, 1080)).toBe(1280);
    expect(writingFrameWidth(720, 1280)).toBe(720);
  });
});

const HD = { width: 1280, height: 720 };
const line = (x: number, y: number, w: number, thickness: number, score = 0.9, sheet?: WritingLine['sheet']): WritingLine => ({ box: { x, y, w, h: thickness }, score, thickness, ...(sheet ? { sheet } : {}) });

describe('closer looks at small print', () => {
  const closerLookRegions = (lines: WritingLine[], frame = HD) => closerLooks(lines, frame).map((look) => look.region);

  it('looks at the sheet around a line or two of small print, not at a paper already made out, nor at big print', () => {
    const sheet = { x: 500, y: 100, w: 240, h: 80 };
    const heading = line(510, 104, 60, 12, 0.95, sheet);
    const [region] = closerLookRegions([heading], HD);
    // The sheet, with a tenth of its long side around it.
    expect(region).toEqual({ x: 476, y: 76, w: 288, h: 128 });
    const page = [0, 1, 2].map((row) => line(100, 400 + row * 14, 200, 8));
    expect(closerLookRegions(page, HD)).toEqual([]);
    // 40 px at a full look's 0.75 is 30 input pixels: print the model sees as well as it can.
    expect(closerLookRegions([line(900, 500, 200, 40)], HD)).toEqual([]);
  });

  it('without a sheet, takes in twelve thicknesses around the lines, within the frame', () => {
    expect(closerLookRegions([line(20, 30, 40, 6)], HD)).toEqual([{ x: 0, y: 0, w: 132, h: 108 }]);
  });

  it('looks at most three times, at the surest lines first, and once where one part takes in the middle of another', () => {
    const scattered = [0.7, 0.9, 0.8, 0.95].map((score, index) => line(60 + index * 300, 300, 30, 6, score));
    const regions = closerLookRegions(scattered, HD);
    expect(regions.map((region) => region.x + 72)).toEqual([960, 360, 660]);
    const near = closerLookRegions([line(400, 300, 30, 6, 0.9), line(440, 330, 20, 6, 0.8)], HD);
    expect(near).toEqual([{ x: 328, y: 228, w: 174, h: 150 }]);
  });

  it('enlarges three times a full look, within the camera\'s pixels, never past a full look\'s input', () => {
    const small = { x: 500, y: 100, w: 288, h: 128 };
    // A 1280x720 frame: a full look at 960 (0.75 of its pixels), a closer one at 2.25.
    expect(closerLongSide(small, HD)).toBe(2880);
    // A sheet half the frame wide: the closer look's input stays a full look's size.
    expect(closerLongSide({ x: 0, y: 0, w: 640, h: 300 }, HD)).toBe(1920);
    // Not worth a look: less than twice as close. A 640x480 camera's full look already enlarges 1.5 times, and
    // a closer look could only add half as much again. A square sheet 600 px wide would need a bigger input
    // than a full look's to be seen twice as close.
    expect(closerLongSide({ x: 0, y: 0, w: 700, h: 300 }, HD)).toBeUndefined();
    expect(closerLongSide({ ...small, w: 100, h: 80 }, { width: 640, height: 480 })).toBeUndefined();
    expect(closerLongSide({ x: 0, y: 0, w: 600, h: 600 }, HD)).toBeUndefined();
    expect(closerLooks([line(20, 30, 40, 6)], { width: 640, height: 480 })).toEqual([]);
  });

  it('counts the pixels of the picture a frame was enlarged from: a 640x480 photo a scan enlarges to 1600 px is not looked at closer', () => {
    const scanned = { width: 1600, height: 1200 };
    expect(closerLooks([line(50, 75, 100, 15)], scanned)).toHaveLength(1);
    expect(closerLooks([line(50, 75, 100, 15)], scanned, undefined, 2.5)).toEqual([]);
    // A 1280x720 photo enlarged 1.25 times keeps its closer looks, at the same input as the camera's frame.
    expect(closerLongSide({ x: 625, y: 125, w: 360, h: 160 }, { width: 1600, height: 900 }, undefined, 1.25)).toBe(2880);
  });

  it('puts what a closer look saw in place of what the full look saw of the same writing, and nothing else', () => {
    const region = { x: 400, y: 100, w: 300, h: 200 };
    const heading = line(420, 110, 80, 8);
    const besideIt = line(600, 250, 60, 8);
    const straddling = line(650, 130, 100, 8);
    const elsewhere = line(40, 500, 100, 8);
    const table = [0, 1, 2].map((row) => line(420, 112 + row * 10, 150, 4));
    const cutHalf = line(660, 131, 40 - 1, 6);
    const innerPart = line(652, 131, 6, 6);
    const merged = withCloserLook([heading, besideIt, straddling, elsewhere], [...table, innerPart, cutHalf], region, HD);
    // The heading the table overlaps gives way to it; a line the closer look did not see again stays, as does
    // one that runs out of the region (the closer look saw a part of it and a piece the region cuts, which is
    // dropped), and one outside.
    expect(merged).toEqual([besideIt, straddling, elsewhere, ...table, innerPart]);
    // A line the region cuts where the full look saw nothing is kept; the frame's edge cuts nothing.
    expect(withCloserLook([elsewhere], [cutHalf], region, HD)).toEqual([elsewhere, cutHalf]);
    const atFrameEdge = { x: 0, y: 0, w: 300, h: 200 };
    expect(withCloserLook([line(0, 10, 80, 8)], [line(0, 10, 60, 4)], atFrameEdge, HD)).toEqual([line(0, 10, 60, 4)]);
  });
});

describe('a part of the frame read again where the picture changed', () => {
  const region = { x: 400, y: 100, w: 300, h: 200 };

  it('puts what the new look saw in place of every line wholly inside it, seen again or gone', () => {
    const covered = line(420, 110, 80, 8);
    const seenAgain = line(420, 200, 80, 8);
    const straddling = line(650, 130, 100, 8);
    const elsewhere = line(40, 500, 100, 8);
    const again = line(421, 201, 79, 8);
    const cutWhereOldRunsOn = line(660, 131, 40 - 1, 6);
    const newlyThere = line(450, 250, 60, 6);
    const merged = withPartLookedAgain([covered, seenAgain, straddling, elsewhere], [again, cutWhereOldRunsOn, newlyThere], region, HD);
    // A hand now covers one line: it is gone; another is seen again. A line that runs out of the part stays,
    // and the piece of it the part's edge cut is not added twice.
    expect(merged).toEqual([straddling, elsewhere, again, newlyThere]);
    // A hand covered the left of a line at the last look: the old line runs out of the part and stays, and the
    // new look's line, cut by the part's edge but reaching further left than the old one, stays beside it.
    const halfSeen = line(650, 250, 110, 8);
    const wholeAgain = line(450, 250, 249, 8);
    expect(withPartLookedAgain([halfSeen], [wholeAgain], region, HD)).toEqual([halfSeen, wholeAgain]);
    // An old line that gives way counts for nothing: a cut line over it stays.
    expect(withPartLookedAgain([covered], [line(420, 110, 280, 8)], region, HD)).toEqual([line(420, 110, 280, 8)]);
  });
});

describe('lines of writing from the probability map', () => {
  it('finds a long thin region as a line, grown as PaddleOCR grows it, in frame pixels', () => {
    const lines = writingLines(probabilityMap(96, 64, [{ x: 10, y: 20, w: 40, h: 4 }]), { width: 96, height: 64 }, { x: 0, y: 0, w: 48, h: 32 });
    expect(lines).toHaveLength(1);
    const [line] = lines;
    expect(line!.score).toBeCloseTo(0.9, 5);
    // Grown by area x 1.5 / perimeter = 160 x 1.5 / 88 ≈ 2.7 px on each side, then halved into the frame.
    expect(line!.box.x).toBeCloseTo((10 - 2.727) / 2, 2);
    expect(line!.box.w).toBeCloseTo((40 + 5.455) / 2, 2);
    expect(line!.thickness).toBeCloseTo((4 + 5.455) / 2, 1);
  });

  it('places lines from a map of part of the frame where that part lies', () => {
    const lines = writingLines(probabilityMap(96, 64, [{ x: 10, y: 20, w: 40, h: 4 }]), { width: 96, height: 64 }, { x: 300, y: 200, w: 96, h: 64 });
    expect(lines[0]!.box.x).toBeCloseTo(300 + 10 - 2.727, 2);
    expect(lines[0]!.box.y).toBeCloseTo(200 + 20 - 2.727, 2);
    expect(lines[0]!.box.w).toBeCloseTo(40 + 5.455, 2);
  });

  it('finds a slanted line too: thinness is measured along the line, not the box', () => {
    const map = new Float32Array(100 * 100);
    for (let step = 0; step < 60; step += 1) for (let t = 0; t < 3; t += 1) map[(20 + step) * 100 + 20 + step + t] = 0.9;
    expect(writingLines(map, { width: 100, height: 100 }, { x: 0, y: 0, w: 100, h: 100 })).toHaveLength(1);
  });

  it('drops round blobs, specks and regions the model is unsure of', () => {
    const map = probabilityMap(100, 100, [
      { x: 10, y: 10, w: 12, h: 12 },
      { x: 50, y: 10, w: 2, h: 2 },
      { x: 10, y: 60, w: 60, h: 4, value: LINE_MIN_SCORE - 0.05 },
    ]);
    expect(writingLines(map, { width: 100, height: 100 }, { x: 0, y: 0, w: 100, h: 100 })).toEqual([]);
  });
});

describe('blocks of writing', () => {
  const FRAME = { width: 640, height: 480 };
  const line = (x: number, y: number, w = 120): WritingLine => ({ box: { x, y, w, h: 10 }, score: 0.8, thickness: 8 });

  it(`gathers ${BLOCK_MIN_LINES} or more nearby lines into one block, and keeps a far paper apart`, () => {
    const page = [line(10, 10), line(10, 30), line(10, 50, 80)];
    const far = [line(400, 300), line(400, 320), line(400, 340)];
    const blocks = writingBlocks([...page, ...far], FRAME);
    expect(blocks.map((block) => [block.box, block.lines])).toEqual([
      [{ x: 10, y: 10, w: 120, h: 50 }, 3],
      [{ x: 400, y: 300, w: 120, h: 50 }, 3],
    ]);
  });

  it('keeps big print apart from a page of small print beside it, and a heading with its page', () => {
    // The office photo's T-shirt print ("adidas", 34 px thick) 86 px to the right of a planted page's lines.
    const page = [0, 1, 2, 3].map((index) => ({ ...line(30, 388 + 11 * index, 180), thickness: 10 }));
    const shirt: WritingLine = { box: { x: 296, y: 311, w: 119, h: 68 }, score: 0.98, thickness: 34 };
    expect(writingGroups([...page, shirt]).map((group) => group.length).sort((a, b) => a - b)).toEqual([1, 4]);
    // A heading twice as thick as the body, five body lines (50 px) above it, is the same paper: further
    // than three of the body's thicknesses, within three of its own.
    const heading: WritingLine = { box: { x: 30, y: 318, w: 150, h: 20 }, score: 0.9, thickness: 20 };
    expect(writingGroups([...page, heading])).toHaveLength(1);
  });

  it('does not make a page of three words of big print on different things', () => {
    // scenes-real's office photo, in its pixels: "adidas" on a hoodie, on a card and on the worker's T-shirt.
    const hoodie: WritingLine = { box: { x: 789, y: 404, w: 67, h: 62 }, score: 0.98, thickness: 36.7 };
    const card: WritingLine = { box: { x: 400, y: 469, w: 66, h: 23 }, score: 0.98, thickness: 20.8 };
    const shirt: WritingLine = { box: { x: 475, y: 502, w: 183, h: 101 }, score: 0.99, thickness: 57.4 };
    expect(writingGroups([hoodie, card, shirt])).toHaveLength(1);
    expect(writingBlocks([hoodie, card, shirt], { width: 1024, height: 769 })).toEqual([]);
    // Three short lines of big print on a sign at an angle, the far one 1.8 times thinner, are one.
    const tilted = [24, 33, 43.2].map((thickness, row) => ({ box: { x: 10, y: 10 + row * 50, w: 3 * thickness, h: thickness }, score: 0.9, thickness }));
    expect(writingBlocks(tilted, FRAME)).toHaveLength(1);
    // A name card's name, title and company: small print of three sizes, one card.
    const nameCard = [12, 5, 4].map((thickness, row) => ({ box: { x: 300, y: 200 + row * 16, w: 3 * thickness, h: thickness }, score: 0.9, thickness }));
    expect(writingBlocks(nameCard, FRAME)).toHaveLength(1);
  });

  it('makes one block of the columns of a table on one sheet, and keeps sheets apart', () => {
    // A statement's dates and amounts: two columns of lines 8 px thick, 60 px apart, on one sheet.
    const sheet = { x: 90, y: 90, w: 240, h: 90 };
    const column = (x: number) => [0, 1, 2].map((row) => ({ ...line(x, 100 + row * 12, 50), thickness: 8, sheet }));
    const [statement, ...others] = writingBlocks([...column(100), ...column(210)], FRAME);
    expect(others).toEqual([]);
    expect(statement).toMatchObject({ box: { x: 100, y: 100, w: 160 }, sheet, lines: 6 });
    // A column whose own sheet is its lines' box, on the statement's sheet: one block, in either order.
    const tight = column(210).map((item) => ({ ...item, sheet: item.box }));
    expect(writingBlocks([...tight, ...column(100)], FRAME)).toHaveLength(1);
    expect(writingBlocks([...column(100), ...tight], FRAME)).toHaveLength(1);
    // The same columns, each on its own card: two blocks.
    const cards = [...column(100).map((item) => ({ ...item, sheet: { x: 95, y: 95, w: 60, h: 40 } })), ...column(210).map((item) => ({ ...item, sheet: { x: 205, y: 95, w: 60, h: 40 } }))];
    expect(writingBlocks(cards, FRAME)).toHaveLength(2);
  });

  it('needs three lines, or two that are long, within three thicknesses of each other', () => {
    const short = (x: number, y: number) => line(x, y, 36);
    expect(writingBlocks([short(10, 10), short(10, 30)], FRAME)).toEqual([]);
    expect(writingBlocks([short(10, 10), short(10, 50), short(10, 90)], FRAME)).toEqual([]);
    // Two lines of 45 thicknesses (8 px thick, 360 px long): a sentence each.
    expect(writingBlocks([line(10, 10, 360), line(10, 30, 360)], FRAME)).toHaveLength(1);
    expect(writingBlocks([line(10, 10, 36 + BLOCK_MIN_LENGTH * 8)], FRAME)).toHaveLength(1);
  });

  it('reads each group of lines, however small, with a margin of a thickness, and overlapping parts as one', () => {
    const page = [line(10, 10), line(10, 30), line(10, 50, 80)];
    const label = [line(400, 300, 40)];
    expect(readingRegions([...page, ...label], 640, 480)).toEqual([
      { x: 2, y: 2, w: 136, h: 66 },
      { x: 392, y: 292, w: 56, h: 26 },
    ]);
    // A heading 30 px thick over a line of small print, and small print 30 px under that: too far to be the
    // same paper, but within the heading's margin. Read once, not twice.
    const heading: WritingLine = { box: { x: 10, y: 10, w: 40, h: 30 }, score: 0.8, thickness: 30 };
    const under = [line(10, 60, 290), line(200, 100)];
    expect(readingRegions([heading, ...under], 640, 480)).toEqual([{ x: 0, y: 0, w: 330, h: 118 }]);
    // At the frame's edge the part stops there.
    expect(readingRegions([line(600, 470, 60)], 640, 480)).toEqual([{ x: 592, y: 462, w: 48, h: 18 }]);
    expect(readingRegions([], 640, 480)).toEqual([]);
  });

  it('scales a line with its thickness', () => {
    expect(scaleWritingLine(line(10, 20), 2)).toEqual({ box: { x: 20, y: 40, w: 240, h: 20 }, score: 0.8, thickness: 16 });
  });
});
