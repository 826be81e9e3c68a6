import { describe, expect, it } from 'vitest';
import type { Risk } from '../corner/risks.std';
import { type Box, union } from '../media/geometry.std';
import { type FrameSample, boxesAt, groupOf, keptByChoice, linkTracks, markedAreasAround, markedTrack, ownFaceTracks, trackBoxAt, trackPlaces, trackSpan, withMargin, withoutMargin } from './redactTracks.std';

const clip = { framesPerSecond: 30, frameCount: 300, width: 1280, height: 720, everyFrames: { faces: 6, photos: 60, objects: 30, writing: 30, text: Infinity } };

function risk(category: Risk['category'], box: Risk['box'], extra: Partial<Risk> = {}): Risk {
  const source = category === 'face' ? 'faces' : category === 'document' ? 'writing' : 'objects';
  const kind = ({ face: 'faceInView', document: 'writing', screen: 'screen', person: 'person', medicine: 'medicine', other: 'vehicle' } as const)[category];
  return { category, kind, label: category, score: 0.9, box, severity: 'high', source, where: '', guidance: '', ...extra };
}

/** A paper moving right 3 px a frame (a pan), seen every 30 frames; a face still, seen every 6. */
function pan(): FrameSample[] {
  const samples: FrameSample[] = [];
  for (let frame = 0; frame < 300; frame += 6) {
    const risks = [risk('face', { x: 600, y: 100, w: 80, h: 100 }, { label: 'Face in view' })];
    const sources: Array<FrameSample['sources'][number]> = ['faces'];
    if (frame % 30 === 0) {
      sources.push('writing', 'objects');
      risks.push(risk('document', { x: 100 + 3 * frame, y: 400, w: 200, h: 150 }));
    }
    samples.push({ frame, sources, risks });
  }
  return samples;
}

describe('linkTracks', () => {
  it('links each object into one track, whatever the order of samples', () => {
    const tracks = linkTracks([...pan()].reverse(), clip);
    expect(tracks.map((track) => [track.group, track.sightings.length])).toEqual([
      ['faces', 50],
      ['documents', 10],
    ]);
  });

  it('fills the frames between sightings of someone moving on the line between them', () => {
    const samples: FrameSample[] = [0, 30, 60, 90].map((frame) => ({ frame, sources: ['objects'], risks: [risk('person', { x: 100 + 3 * frame, y: 200, w: 200, h: 400 })] }));
    const [person] = linkTracks(samples, clip);
    expect(person!.anchored).toBe(false);
    const between = trackBoxAt({ ...person!, margin: 0, leastMargin: 0 }, 45, clip)!;
    expect(between.x).toBeCloseTo(100 + 3 * 45, 5);
    expect(between.w).toBeCloseTo(200, 5);
  });

  it('hides all of a still paper that each look saw part of: its top lines on one, all of it on another', () => {
    const whole = { x: 800, y: 100, w: 300, h: 240 };
    const top = { ...whole, h: 100 };
    const samples: FrameSample[] = [
      { frame: 0, sources: ['writing'], risks: [risk('document', top)] },
      { frame: 30, sources: ['writing'], risks: [risk('document', whole)] },
      { frame: 60, sources: ['writing'], risks: [risk('document', top)] },
      { frame: 90, sources: ['writing'], risks: [risk('document', top)] },
    ];
    const [paper] = linkTracks(samples, clip);
    for (const frame of [0, 45, 60, 75]) expect(trackBoxAt({ ...paper!, margin: 0, leastMargin: 0 }, frame, clip), `frame ${frame}`).toEqual(whole);
    // Two looks on from the one that saw it whole, the others' box stands.
    expect(trackBoxAt({ ...paper!, margin: 0, leastMargin: 0 }, 90, clip)).toEqual(top);
  });

  it('hides all of a map after a look that saw only its white middle, which lies inside it', () => {
    // From a pan across a real photo: the map seen whole, then SSDLite's look at a fifth of it (IoU 0.19).
    const map = { x: 292, y: 504, w: 622, h: 214 };
    const middle = { x: 609, y: 549, w: 150, h: 171 };
    const [paper] = linkTracks([{ frame: 0, sources: ['objects'], risks: [risk('document', map)] }, { frame: 30, sources: ['objects'], risks: [risk('document', middle)] }], clip);
    for (const frame of [15, 30, 90]) expect(trackBoxAt({ ...paper!, margin: 0, leastMargin: 0 }, frame, clip), `frame ${frame}`).toEqual(union(map, middle));
  });

  it('joins only the looks that agree on where a paper is: not a look at the sign beside it', () => {
    const sign = { x: 100, y: 100, w: 200, h: 100 };
    const board = { x: 50, y: 50, w: 600, h: 500 };
    const [paper] = linkTracks([{ frame: 0, sources: ['writing'], risks: [risk('document', sign)] }, { frame: 30, sources: ['writing'], risks: [risk('document', board)] }], clip);
    expect(paper!.sightings).toHaveLength(2);
    expect(trackBoxAt({ ...paper!, margin: 0, leastMargin: 0 }, 0, clip)).toEqual(sign);
    expect(trackBoxAt({ ...paper!, margin: 0, leastMargin: 0 }, 30, clip)).toEqual(board);
  });

  it('keeps a correction drawn in the review from its frame until the next sighting, unjoined with those around it', () => {
    const seen = { x: 700, y: 100, w: 400, h: 300 };
    // The user's box sticks out of what the detectors saw: a union across it would show.
    const drawn = { x: 1050, y: 150, w: 100, h: 150 };
    const later = { x: 1000, y: 160, w: 120, h: 140 };
    const [paper] = linkTracks([0, 30, 60, 90].map((frame) => ({ frame, sources: ['writing'], risks: [risk('document', seen)] })), clip);
    const sightings = [...paper!.sightings.filter((sighting) => sighting.frame < 40), { frame: 40, box: drawn, fixed: true as const }, { frame: 90, box: later }];
    const corrected = { ...paper!, sightings, margin: 0, leastMargin: 0 };
    expect(trackBoxAt(corrected, 20, clip)).toEqual(seen);
    expect(trackBoxAt(corrected, 39, clip)).toEqual(seen);
    expect(trackBoxAt(corrected, 40, clip)).toEqual(drawn);
    expect(trackBoxAt(corrected, 89, clip)).toEqual(drawn);
    expect(trackBoxAt(corrected, 90, clip)).toEqual(later);
  });

  it('covers the way a paper went when it is moved between two looks', () => {
    const before = { x: 100, y: 400, w: 200, h: 150 };
    const after = { x: 220, y: 400, w: 200, h: 150 };
    const [paper] = linkTracks([{ frame: 0, sources: ['writing'], risks: [risk('document', before)] }, { frame: 30, sources: ['writing'], risks: [risk('document', after)] }], clip);
    expect(paper!.sightings).toHaveLength(2);
    for (const frame of [5, 15, 25]) expect(trackBoxAt({ ...paper!, margin: 0, leastMargin: 0 }, frame, clip), `frame ${frame}`).toEqual({ x: 100, y: 400, w: 320, h: 150 });
  });

  it('holds a moving face past its last sighting, moving on as it moved, and grows boxes by the margin', () => {
    const samples: FrameSample[] = [0, 6, 12, 18].map((frame) => ({ frame, sources: ['faces'], risks: [risk('face', { x: 100 + 2 * frame, y: 100, w: 80, h: 100 })] }));
    const [face] = linkTracks(samples, clip);
    const held = trackBoxAt({ ...face!, margin: 0, leastMargin: 0 }, 28, clip)!;
    expect(held.x).toBeCloseTo(100 + 2 * 28, 5);
    expect(trackBoxAt(face!, 18 + face!.holdFrames + 1, clip)).toBeUndefined();
    const grown = trackBoxAt(face!, 6, clip)!;
    expect(grown.w).toBeCloseTo(80 * (1 + 2 * face!.margin), 5);
  });

  it('never shrinks a held face below its sightings when the detector’s size jitters', () => {
    const widths = [100, 95, 110, 90];
    const samples: FrameSample[] = widths.map((w, i) => ({ frame: 6 * i, sources: ['faces'], risks: [risk('face', { x: 600 - w / 2, y: 100, w, h: w })] }));
    const [face] = linkTracks(samples, clip);
    for (let frame = 18; frame <= 18 + face!.holdFrames; frame += 1) {
      const held = trackBoxAt({ ...face!, margin: 0, leastMargin: 0 }, frame, clip)!;
      expect(held.w, `frame ${frame}`).toBeGreaterThanOrEqual(90);
    }
  });

  it('holds a face still in the room with the camera as it pans: it leaves the picture with the pan', () => {
    // The camera pans right 4 px a frame, so a seated face moves left 4 px a frame in the picture; it is seen
    // at frames 0 to 18 and not after (cut by the picture's edge, the face pass stops finding it).
    const camera = Array.from({ length: 300 }, (_, frame) => ({ scale: 1, x: -4 * frame, y: 0 }));
    const panning = { ...clip, camera };
    const samples: FrameSample[] = [0, 6, 12, 18].map((frame) => ({ frame, sources: ['faces'], risks: [risk('face', { x: 200 - 4 * frame, y: 100, w: 80, h: 100 })] }));
    const [face] = linkTracks(samples, panning);
    expect(face!.anchored).toBe(false);
    for (const frame of [22, 26, 30]) expect(trackBoxAt({ ...face!, margin: 0, leastMargin: 0 }, frame, panning)!.x, `frame ${frame}`).toBeCloseTo(200 - 4 * frame, 5);
    // Seen once, it still moves with the camera, where a still camera leaves it where it was.
    const [once] = linkTracks([samples[3]!], panning);
    expect(trackBoxAt({ ...once!, margin: 0, leastMargin: 0 }, 26, panning)!.x).toBeCloseTo(200 - 4 * 26, 5);
    expect(trackBoxAt({ ...once!, margin: 0, leastMargin: 0 }, 26, clip)!.x).toBeCloseTo(200 - 4 * 18, 5);
  });

  it('keeps two faces a pan brings to the same spot apart, and moves a face with the camera between looks', () => {
    // The camera pans down 4 px a frame: the room moves up in the picture. A look every 60 frames (the tiles'
    // faces) sees one face at y 300 on frame 0, and on frame 60 another face has come to that spot while the
    // first has left the picture at the top.
    const camera = Array.from({ length: 300 }, (_, frame) => ({ scale: 1, x: 0, y: -4 * frame }));
    const panning = { ...clip, camera };
    const looks: FrameSample[] = [0, 60].map((frame) => ({ frame, sources: ['photos'], risks: [risk('face', { x: 100, y: 300, w: 80, h: 100 }, { source: 'photos' })] }));
    const tracks = linkTracks(looks, panning);
    expect(tracks).toHaveLength(2);
    // The first face, held after its look, goes up with the room: 120 px up by frame 30.
    expect(trackBoxAt({ ...tracks[0]!, margin: 0, leastMargin: 0 }, 30, panning)!.y).toBeCloseTo(300 - 4 * 30, 5);
    // The same face seen on both looks (where the pan took it) is one track, and between the looks it is
    // where the room is, not on a straight line in the picture drawn across a camera that stopped half-way.
    const stopping = { ...clip, camera: Array.from({ length: 300 }, (_, frame) => ({ scale: 1, x: 0, y: -4 * Math.min(frame, 30) })) };
    const same = linkTracks([0, 60].map((frame) => ({ frame, sources: ['photos'], risks: [risk('face', { x: 100, y: 300 - 4 * Math.min(frame, 30), w: 80, h: 100 }, { source: 'photos' })] })), stopping);
    expect(same).toHaveLength(1);
    expect(trackBoxAt({ ...same[0]!, margin: 0, leastMargin: 0 }, 30, stopping)!.y).toBeCloseTo(180, 5);
  });

  it('places a paper by the camera: seen once, it is found wherever the pan shows its spot, seconds later', () => {
    // The camera pans right 4 px a frame: the room, and the paper in it, move left in the picture.
    const camera = Array.from({ length: 300 }, (_, frame) => ({ scale: 1, x: -4 * frame, y: 0 }));
    const panning = { ...clip, camera };
    const samples: FrameSample[] = [{ frame: 30, sources: ['writing'], risks: [risk('document', { x: 900 - 120, y: 400, w: 200, h: 150 })] }];
    const [paper] = linkTracks(samples, panning);
    expect(paper!.anchored).toBe(true);
    const later = trackBoxAt({ ...paper!, margin: 0, leastMargin: 0 }, 150, panning)!;
    expect(later.x).toBeCloseTo(900 - 4 * 150, 5);
    const sooner = trackBoxAt({ ...paper!, margin: 0, leastMargin: 0 }, 0, panning)!;
    expect(sooner.x).toBeCloseTo(900, 5);
  });

  it('links a paper seen again after a pan took it out of view and back', () => {
    const camera = Array.from({ length: 300 }, (_, frame) => ({ scale: 1, x: frame < 150 ? -8 * frame : -8 * (300 - frame), y: 0 }));
    const panning = { ...clip, camera };
    const at = (frame: number) => ({ frame, sources: ['writing'] as const, risks: [risk('document', { x: 200 + camera[frame]!.x, y: 400, w: 200, h: 150 })] });
    const misses = [60, 90, 120, 150, 180, 210].map((frame) => ({ frame, sources: ['writing'] as const, risks: [] }));
    expect(linkTracks([at(0), ...misses, at(270)], panning)).toHaveLength(1);
  });

  it('ends a track after a long gap with no sighting, and starts a new one when the object comes back', () => {
    const samples: FrameSample[] = [];
    for (let frame = 0; frame < 300; frame += 6) {
      const away = frame >= 60 && frame < 180;
      samples.push({ frame, sources: ['faces'], risks: away ? [] : [risk('face', { x: 600, y: 100, w: 80, h: 100 })] });
    }
    const tracks = linkTracks(samples, clip);
    expect(tracks.map((track) => trackSpan(track, 300))).toEqual([
      { first: 0, last: 54 + tracks[0]!.holdFrames },
      { first: 180 - tracks[1]!.holdFrames, last: 299 },
    ]);
  });

  it('keeps one track for a screen only the tiles see, through the whole-frame looks between theirs', () => {
    // A still camera with a hand moving: objects look every second, the tiles only every 15 s (redactPlan.std.ts).
    const long = { ...clip, frameCount: 900 };
    const monitor = { x: 1000, y: 80, w: 40, h: 30 };
    const samples: FrameSample[] = [];
    for (let frame = 0; frame < 900; frame += 30) {
      const screenTiles = frame % 450 === 0 || frame === 870;
      samples.push({ frame, sources: ['objects'], screenTiles, risks: screenTiles ? [risk('screen', monitor)] : [] });
    }
    const tracks = linkTracks(samples, long);
    expect(tracks.map((track) => trackSpan(track, 900))).toEqual([{ first: 0, last: 899 }]);
    for (const frame of [200, 300, 600]) expect(trackBoxAt(tracks[0]!, frame, long), `frame ${frame}`).toBeDefined();
    // Looks in the tiles that miss it do end it.
    const gone = samples.map((sample) => (sample.frame >= 450 ? { ...sample, screenTiles: true, risks: [] } : sample));
    expect(trackSpan(linkTracks(gone, long)[0]!, 900).last).toBeLessThan(450);
  });

  it('keeps two objects of one kind apart', () => {
    const samples: FrameSample[] = [0, 6, 12].map((frame) => ({
      frame,
      sources: ['faces'],
      risks: [risk('face', { x: 100, y: 100, w: 50, h: 60 }), risk('face', { x: 900, y: 100, w: 50, h: 60 })],
    }));
    expect(linkTracks(samples, clip)).toHaveLength(2);
  });

  it('links the closest pairs first: a surer find between two faces does not take the other face\'s track', () => {
    const left = { x: 100, y: 100, w: 100, h: 100 };
    const right = { x: 180, y: 100, w: 100, h: 100 };
    const samples: FrameSample[] = [0, 6, 12].map((frame) => ({ frame, sources: ['faces'], risks: [risk('face', left), risk('face', right)] }));
    // The left face turns towards the right one (FaceBoxes, sure of it); the right one stays (BlazeFace, less sure).
    const turned = { x: 150, y: 100, w: 100, h: 100 };
    const stayed = { x: 190, y: 100, w: 100, h: 100 };
    samples.push({ frame: 18, sources: ['faces'], risks: [risk('face', turned, { score: 0.99 }), risk('face', stayed, { score: 0.5 })] });
    const tracks = linkTracks(samples, clip);
    // Two tracks, each ending where its own face went (boxes smoothed in time, so the ends are compared).
    expect(tracks.map((track) => [track.sightings.length, track.sightings.at(-1)!.box.x])).toEqual([
      [4, 150],
      [4, 190],
    ]);
  });
});

describe('groups and chosen tracks', () => {
  it('names each risk category for the --redact list', () => {
    expect(groupOf({ category: 'face', kind: 'photoFace' })).toBe('photos');
    expect(groupOf({ category: 'face', kind: 'faceInView' })).toBe('faces');
    expect(groupOf({ category: 'medicine', kind: 'medicine' })).toBe('documents');
    expect(groupOf({ category: 'screen', kind: 'laptop' })).toBe('screens');
    expect(groupOf({ category: 'person', kind: 'person' })).toBe('people');
  });

  it('takes the face with the most face in it over the clip as the worker’s own', () => {
    const samples: FrameSample[] = [0, 6, 12].map((frame) => ({
      frame,
      sources: ['faces'],
      risks: [risk('face', { x: 100, y: 100, w: 40, h: 50 }), risk('face', { x: 700, y: 200, w: 200, h: 240 })],
    }));
    expect(ownFaceTracks(linkTracks(samples, clip), 30).map((track) => track.sightings[0]!.box.x)).toEqual([700]);
  });

  it('keeps the tracks that carry the worker’s face on where the tracker lost it, and no other face', () => {
    // Her face seen to frame 30, lost, then seen again from frame 42 a little to the left (a fast pan); a small
    // face far away all along; another face where hers was, two seconds later: someone else.
    const samples: FrameSample[] = [];
    for (let frame = 0; frame <= 150; frame += 6) {
      const risks = [risk('face', { x: 100, y: 600, w: 40, h: 50 })];
      if (frame <= 30) risks.push(risk('face', { x: 700, y: 200, w: 200, h: 240 }));
      if (frame >= 42 && frame <= 84) risks.push(risk('face', { x: 560, y: 210, w: 190, h: 230 }));
      if (frame >= 150) risks.push(risk('face', { x: 560, y: 210, w: 190, h: 230 }));
      samples.push({ frame, sources: ['faces'], risks });
    }
    const tracks = linkTracks(samples, clip);
    const own = ownFaceTracks(tracks, 30);
    expect(own.map((track) => [track.sightings[0]!.frame, track.sightings[0]!.box.x])).toEqual([
      [0, 700],
      [42, 560],
    ]);
  });

  it('marks an area the user chose on every frame, with no margin', () => {
    const marked = markedTrack(9, { x: 10, y: 20, w: 50, h: 40 }, 300);
    expect(trackBoxAt(marked, 0, clip)).toEqual({ x: 10, y: 20, w: 50, h: 40 });
    expect(trackBoxAt(marked, 299, clip)).toEqual({ x: 10, y: 20, w: 50, h: 40 });
    expect(trackSpan(marked, 300)).toEqual({ first: 0, last: 299 });
  });

  it('widens a sliver of a box leaving the picture into the picture, so the encoder does not ring in it', () => {
    // A label 60 px tall, all but 20 px of it below the frame's bottom edge.
    const leaving = markedTrack(9, { x: 600, y: 700, w: 48, h: 60 }, 300);
    expect(trackBoxAt(leaving, 0, clip)).toEqual({ x: 600, y: 688, w: 48, h: 32 });
    const small = markedTrack(10, { x: 600, y: 300, w: 10, h: 12 }, 300);
    expect(trackBoxAt(small, 0, clip)).toEqual({ x: 589, y: 290, w: 32, h: 32 });
  });
});

describe('trackPlaces', () => {
  it('says where each track first shows, and which from the left when two of a kind share a part', () => {
    // Two faces side by side in the middle right, a third top left, a fourth walking from the left into the
    // centre (its place is where it first shows), and a paper at the left.
    const samples: FrameSample[] = [0, 6, 12].map((frame) => ({
      frame,
      sources: ['faces', 'writing'],
      risks: [
        risk('face', { x: 1000, y: 300, w: 60, h: 70 }, { label: 'Face in view' }),
        risk('face', { x: 880, y: 310, w: 60, h: 70 }, { label: 'Face in view' }),
        risk('face', { x: 100, y: 40, w: 60, h: 70 }, { label: 'Face in view' }),
        risk('face', { x: 390 + 5 * frame, y: 600, w: 60, h: 70 }, { label: 'Face in view' }),
        risk('document', { x: 20, y: 300, w: 200, h: 150 }, { label: 'Writing' }),
      ],
    }));
    const tracks = linkTracks(samples, clip);
    const places = trackPlaces(tracks, clip);
    expect(new Map(tracks.map((track, i) => [`${track.label} ${track.sightings[0]!.box.x}`, places[i]]))).toEqual(
      new Map([
        ['Face in view 1000', 'middle right, 2 of 2 from the left'],
        ['Face in view 880', 'middle right, 1 of 2 from the left'],
        ['Face in view 100', 'top left'],
        ['Face in view 390', 'bottom left'],
        ['Writing 20', 'middle left'],
      ]),
    );
  });
});

describe('markedAreasAround', () => {
  it('pairs a found track with the marked area it first shows in, and leaves the rest alone', () => {
    // A paper at 20,300 (marked in Check corner around it) and a face top left, outside any marked area.
    const samples: FrameSample[] = [0, 30].map((frame) => ({
      frame,
      sources: ['faces', 'writing'],
      risks: [risk('document', { x: 20, y: 300, w: 200, h: 150 }, { label: 'Writing' }), risk('face', { x: 100, y: 40, w: 60, h: 70 }, { label: 'Face in view' })],
    }));
    const found = linkTracks(samples, clip);
    const area = markedTrack(found.length + 1, { x: 0, y: 280, w: 260, h: 200 }, clip.frameCount);
    const around = markedAreasAround([...found, area], clip);
    const paper = found.find((track) => track.label === 'Writing')!;
    expect([...around]).toEqual([[paper.id, area]]);
  });
});

describe('boxesAt', () => {
  it('shows a face kept visible through a hidden body in front of it, and nothing else through anything', () => {
    // The worker's face (the largest) in front of someone standing behind, whose body is hidden; a paper beside.
    const samples: FrameSample[] = [0, 30].map((frame) => ({
      frame,
      sources: ['faces', 'objects', 'writing'],
      risks: [
        risk('face', { x: 500, y: 200, w: 160, h: 200 }, { label: 'Face in view' }),
        risk('person', { x: 400, y: 100, w: 400, h: 600 }, { label: 'Another person', source: 'objects' }),
        risk('document', { x: 900, y: 300, w: 200, h: 150 }, { label: 'Writing' }),
      ],
    }));
    const tracks = linkTracks(samples, clip).map((track) => ({ ...track, hidden: track.group !== 'faces' }));
    const face = tracks.find((track) => track.group === 'faces')!;
    const kept = boxesAt(tracks, 15, clip, keptByChoice({ tracks, framesPerSecond: 30 }, { groups: ['documents', 'people'], keepFace: 'largest' }));
    expect(kept.hidden.map(({ track }) => track.group).sort()).toEqual(['documents', 'people']);
    const faceBox = trackBoxAt(face, 15, clip)!;
    // The whole face box lies inside the body's: it shows through whole (on even pixels).
    expect(kept.shown).toHaveLength(1);
    expect(Math.abs(kept.shown[0]!.w - faceBox.w)).toBeLessThanOrEqual(2);
    // Faces not asked for, and not the worker's own: the face is left as it is, but shows through no body.
    expect(boxesAt(tracks, 15, clip, keptByChoice({ tracks, framesPerSecond: 30 }, { groups: ['documents', 'people'], keepFace: 'none' })).shown).toEqual([]);
  });
});

describe('margins', () => {
  it('grows a small screen by the least margin and a big one by its share, and a drawn box loses the same margin', () => {
    const samples: FrameSample[] = [0, 30].map((frame) => ({
      frame,
      sources: ['objects'],
      risks: [risk('screen', { x: 600, y: 300, w: 60, h: 40 }), risk('screen', { x: 100, y: 100, w: 400, h: 250 })],
    }));
    const [small, big] = linkTracks(samples, clip).sort((a, b) => a.sightings[0]!.box.w - b.sightings[0]!.box.w);
    // 3 % of 720 px: 21.6 px each side, where a tenth of the monitor's size would be 6 and 4 px.
    const near = (actual: Box, expected: Box) => (['x', 'y', 'w', 'h'] as const).forEach((key) => expect(actual[key], key).toBeCloseTo(expected[key], 6));
    near(trackBoxAt(small!, 15, clip)!, { x: 600 - 21.6, y: 300 - 21.6, w: 60 + 43.2, h: 40 + 43.2 });
    near(trackBoxAt(big!, 15, clip)!, { x: 60, y: 75, w: 480, h: 300 });
    for (const [track, box] of [[small!, { x: 600, y: 300, w: 60, h: 40 }], [big!, { x: 100, y: 100, w: 400, h: 250 }], [{ margin: 0.1, leastMargin: 0.03 }, { x: 10, y: 10, w: 300, h: 40 }]] as const) {
      near(withoutMargin(withMargin(box, track, clip), track, clip), box);
    }
  });
});
