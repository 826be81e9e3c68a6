import { describe, expect, it } from 'vitest';
import type { Box } from '../media/geometry.std';
import { withLooks } from './objectLooks.std';
import { looksLit } from './screenLook.std';
import { isHalfSeenScreen } from './objects.std';

const WIDTH = 320;
const HEIGHT = 240;
type Colour = readonly [number, number, number];

/** A `channels`-channel 320x240 picture of a room in `room`'s colour, with each of `areas` painted over it in turn. */
function painted(room: Colour, areas: Array<{ box: Box; colour: (x: number, y: number) => Colour }>, channels: 3 | 4 = 3): Uint8Array {
  const pixels = new Uint8Array(WIDTH * HEIGHT * channels);
  for (let y = 0; y < HEIGHT; y += 1) {
    for (let x = 0; x < WIDTH; x += 1) {
      const area = areas.findLast(({ box }) => x >= box.x && x < box.x + box.w && y >= box.y && y < box.y + box.h);
      pixels.set([...(area ? area.colour(x, y) : room), 255].slice(0, channels), (y * WIDTH + x) * channels);
    }
  }
  return pixels;
}

/** A monitor: a 6 px bezel of `bezel`'s colour around a picture of `content`. */
const SCREEN = { x: 80, y: 60, w: 160, h: 100 };
const monitor = (content: (x: number, y: number) => Colour, bezel: Colour = [25, 25, 28]) => [
  { box: SCREEN, colour: () => bezel },
  { box: { x: SCREEN.x + 6, y: SCREEN.y + 6, w: SCREEN.w - 12, h: SCREEN.h - 12 }, colour: content },
];
/** A web page in colour: orange and blue blocks of 20 px (luma about 150, channels 170-180 apart). */
const colourful = (x: number, y: number): Colour => ((Math.floor(x / 20) + Math.floor(y / 20)) % 2 === 0 ? [240, 120, 60] : [80, 170, 250]);
const ROOM: Colour = [100, 95, 90];

describe('a screen that is on', () => {
  it('is brighter than the room and its bezel, and in colour', () => {
    expect(looksLit(painted(ROOM, monitor(colourful)), WIDTH, HEIGHT, 3, SCREEN)).toBe(true);
    expect(looksLit(painted(ROOM, monitor(colourful), 4), WIDTH, HEIGHT, 4, SCREEN)).toBe(true);
  });

  it('is not a sheet or a whiteboard: as bright, but grey', () => {
    expect(looksLit(painted(ROOM, monitor(() => [228, 226, 222])), WIDTH, HEIGHT, 3, SCREEN)).toBe(false);
  });

  it('is not a framed print on a bright wall: lit by the room, no brighter than the wall', () => {
    expect(looksLit(painted([205, 200, 195], monitor(colourful)), WIDTH, HEIGHT, 3, SCREEN)).toBe(false);
  });

  it('is not a poster without a bezel darker than its picture', () => {
    expect(looksLit(painted(ROOM, monitor(colourful, [160, 150, 140])), WIDTH, HEIGHT, 3, SCREEN)).toBe(false);
  });

  it('is not a window or a lamp: blown out', () => {
    expect(looksLit(painted(ROOM, monitor((x) => (x % 4 === 0 ? [120, 180, 250] : [255, 255, 255]))), WIDTH, HEIGHT, 3, SCREEN)).toBe(false);
  });

  it('is judged on the part of it in the frame, and not at all when its box fills the frame or has no size', () => {
    const cut = { x: 200, y: 60, w: 160, h: 100 };
    const atTheEdge = painted(ROOM, [{ box: cut, colour: () => [25, 25, 28] }, { box: { x: 206, y: 66, w: 148, h: 88 }, colour: colourful }]);
    expect(looksLit(atTheEdge, WIDTH, HEIGHT, 3, cut)).toBe(true);
    expect(looksLit(painted(ROOM, [{ box: { x: 0, y: 0, w: WIDTH, h: HEIGHT }, colour: colourful }]), WIDTH, HEIGHT, 3, { x: 0, y: 0, w: WIDTH, h: HEIGHT })).toBe(false);
    expect(looksLit(painted(ROOM, monitor(colourful)), WIDTH, HEIGHT, 3, { x: 120, y: 100, w: 0, h: 0 })).toBe(false);
  });
});

describe('the looks of the object models’ finds', () => {
  const screen = painted(ROOM, monitor(colourful));
  const halfSeen = { label: 'tv', score: 0.2, box: SCREEN };

  it('take a screen turned away as a screen, and a poster\'s shape not', () => {
    // A 16:9 picture turned 60 degrees away from the camera: 0.89 times as wide as tall.
    expect(isHalfSeenScreen({ ...halfSeen, box: { ...SCREEN, w: 92, h: 100 } })).toBe(true);
    expect(isHalfSeenScreen({ ...halfSeen, box: { ...SCREEN, w: 85, h: 100 } })).toBe(false);
  });

  it('are taken of books and of the TVs and laptops either model proposes, reading the pixels only then, once', () => {
    let read = 0;
    const pixels = () => ((read += 1), screen);
    const cup = { label: 'cup', score: 0.5, box: SCREEN };
    const phone = { ...halfSeen, label: 'cell phone' };
    const unsure = { ...halfSeen, score: 0.1 };
    expect(withLooks({ objects: [cup, unsure], ssdObjects: [cup, phone] }, pixels, WIDTH, HEIGHT, 3)).toEqual({ objects: [cup, unsure], ssdObjects: [cup, phone] });
    expect(read).toBe(0);
    const sure = { ...halfSeen, score: 0.85 };
    const looked = withLooks({ objects: [{ ...cup, label: 'book' }, halfSeen], ssdObjects: [sure, phone, { ...halfSeen, label: 'book' }] }, pixels, WIDTH, HEIGHT, 3);
    expect(read).toBe(1);
    expect(looked.ssdObjects).toEqual([{ ...sure, lit: true, picture: SCREEN }, phone, { ...halfSeen, label: 'book', paperLook: 0 }]);
    expect(looked.objects).toEqual([{ ...cup, label: 'book', paperLook: 0 }, { ...halfSeen, lit: true, picture: SCREEN }]);
  });

  it('box a video wall whole when the models box a part of it, and a monitor to its bezel', () => {
    // Three panels of a wall, slightly different in hue, showing dots, with thin seams between them; the models box the right two.
    const panel = (x: number, green: number) => ({ box: { x, y: 60, w: 78, h: 100 }, colour: (px: number, py: number): Colour => (px % 20 < 3 && py % 20 < 3 ? [250, 250, 250] : [0, green, 250]) });
    const wall = painted(ROOM, [{ box: { x: 36, y: 56, w: 248, h: 108 }, colour: () => [20, 20, 24] }, panel(40, 150), panel(120, 180), panel(200, 165)]);
    const [looked] = withLooks({ objects: [], ssdObjects: [{ ...halfSeen, box: { x: 124, y: 58, w: 160, h: 104 } }] }, () => wall, WIDTH, HEIGHT, 3).ssdObjects;
    expect(looked?.lit).toBe(true);
    expect(looked?.picture?.x).toBeLessThanOrEqual(44);
    expect(looked?.picture?.x).toBeGreaterThanOrEqual(30);
    expect(looked?.picture?.y).toBe(58);
    const [monitor] = withLooks({ objects: [], ssdObjects: [halfSeen] }, () => screen, WIDTH, HEIGHT, 3).ssdObjects;
    expect(monitor?.picture).toEqual(SCREEN);
  });

  it('follow a wall past the reach of a box on a part of it, up to that reach', () => {
    // A wall of one blue from the frame's left edge to x = 300, in a dark frame; the models box 80 px of it.
    const wall = painted([30, 30, 30], [{ box: { x: 0, y: 56, w: 310, h: 108 }, colour: () => [20, 20, 24] }, { box: { x: 0, y: 60, w: 300, h: 100 }, colour: () => [40, 200, 250] }]);
    const [looked] = withLooks({ objects: [], ssdObjects: [{ ...halfSeen, box: { x: 200, y: 56, w: 80, h: 108 } }] }, () => wall, WIDTH, HEIGHT, 3).ssdObjects;
    expect(looked?.lit).toBe(true);
    // The reach: one and a half times the picture's longer side (the box less 15 % each side: 76 px) left of it.
    const picture = looked?.picture ?? { x: 0, y: 0, w: 0, h: 0 };
    expect(picture.x).toBeGreaterThanOrEqual(212 - 1.5 * 76 - 4);
    expect(picture.x).toBeLessThanOrEqual(212 - 1.5 * 76 + 4);
    expect(picture.x + picture.w).toBeGreaterThanOrEqual(296);
  });

  it('keep the box of a white page on a screen, which shares its tone with the white wall beside it', () => {
    // A page with coloured pictures on a quarter of it: in colour, lit; a white wall meets it on the right,
    // past a bezel a pixel wide.
    const page = (x: number, y: number): Colour => (x % 40 < 20 && y % 40 < 20 ? [240, 90, 40] : [235, 235, 232]);
    const besideWall = painted(ROOM, [...monitor(page), { box: { x: SCREEN.x + SCREEN.w - 5, y: 40, w: 80, h: 140 }, colour: () => [235, 235, 232] }]);
    const [looked] = withLooks({ objects: [], ssdObjects: [halfSeen] }, () => besideWall, WIDTH, HEIGHT, 3).ssdObjects;
    expect(looked?.lit).toBe(true);
    expect(looked?.picture).toEqual(SCREEN);
  });

  it('keep the box of a screen showing light print on dark, whose dark runs on into the bezel and a dark room', () => {
    const print = (_x: number, y: number): Colour => (y % 4 < 2 ? [250, 200, 50] : [20, 20, 60]);
    const dark = painted([15, 15, 15], monitor(print));
    const [looked] = withLooks({ objects: [], ssdObjects: [halfSeen] }, () => dark, WIDTH, HEIGHT, 3).ssdObjects;
    expect(looked?.lit).toBe(true);
    expect(looked?.picture).toEqual(SCREEN);
  });

  it('find a sheet lying in the room to be paper', () => {
    const sheet = painted(ROOM, [{ box: SCREEN, colour: () => [215, 212, 205] }]);
    const looked = withLooks({ objects: [], ssdObjects: [{ ...halfSeen, label: 'book' }, halfSeen] }, () => sheet, WIDTH, HEIGHT, 3);
    expect(looked.ssdObjects[0]?.paperLook).toBeGreaterThan(0.8);
    expect(looked.ssdObjects[1]?.lit).toBe(false);
  });
});
