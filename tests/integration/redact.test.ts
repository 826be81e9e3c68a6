/**
 * Redaction on clips made from real photos (a camera panning and zooming across a room, panClip.node.ts): the
 * real detectors find what to hide, ffmpeg encodes, and the copy is judged by its pixels: the detail left in
 * the labelled boxes, and what OCR still reads there.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { textBlocks } from '../../core/corner/risks.std';
import { DEFAULT_SANITIZE_OPTIONS } from '../../core/sanitize/plan.std';
import { detailIn, detailKept, rgbOfYuv } from '../../core/sanitize/redactPixels.std';
import { trackBoxAt } from '../../core/sanitize/redactTracks.std';
import { MAX_DETAIL_KEPT } from '../../core/sanitize/selfCheck.std';
import { type Box, centreInside, iou } from '../../core/media/geometry.std';
import { mainVideoStream } from '../../core/media/probe.std';
import { resolveFfmpeg } from '../../services/media/binaries.node';
import { probeMedia } from '../../services/media/ffmpeg.node';
import { closeExiftool } from '../../services/media/exiftool.node';
import { sha256File } from '../../services/media/hash.node';
import { SourceDetail, closeRedactionLooks, findFileTracks, findTracks, redactSourceOf, redactionLooks, selfCheck } from '../../services/sanitize/redact.node';
import { readPicture } from '../../services/media/picture.node';
import { TextReader } from '../../services/corner/detector.node';
import { sanitizeFile } from '../../services/sanitize/sanitizeFile.node';
import { type PanClip, decodedFrame, makePanClip, truthOnFrame } from './panClip.node';
import { sceneImage, scenesReal } from './scenesReal.node';
import { runCli } from './cli.node';
import { CORPUS_DIR } from './corpus.node';

let scratch: string;
const clips: Record<string, { clip: PanClip; labels: Array<{ category: string; box: Box }>; photo: { width: number; height: number } }> = {};

/** Real photos of rooms: a hotel map on an ottoman (a paper), and an office with a woman, her phone, a laptop and two monitors. */
const PHOTOS = { map: 'doc-hotel-map-on-ottoman.jpg', office: 'scr-office-woman-phone-laptop.jpg' } as const;
const PHOTO_SIZES = { map: { width: 1280, height: 956 }, office: { width: 1024, height: 769 } } as const;

beforeAll(async () => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-redact-'));
  const { scenes } = scenesReal();
  for (const [name, file] of Object.entries(PHOTOS) as Array<[keyof typeof PHOTOS, string]>) {
    const clip = await makePanClip(sceneImage(file), path.join(scratch, `${name}.mp4`), { seconds: 3 });
    clips[name] = { clip, labels: scenes.find((scene) => scene.file === file)!.labels, photo: PHOTO_SIZES[name] };
  }
}, 120_000);
afterAll(async () => {
  await Promise.all([closeExiftool(), closeRedactionLooks()]);
  fs.rmSync(scratch, { recursive: true, force: true });
});

function freshDir(name: string): string {
  const dir = path.join(scratch, name);
  fs.mkdirSync(dir);
  return dir;
}

/** The labelled box on frame `n`, cut to the frame. */
function labelOnFrame(name: keyof typeof PHOTOS, index: number, n: number): Box {
  const { clip, labels, photo } = clips[name]!;
  const box = truthOnFrame([labels[index]!.box], photo, clip, n)[0]!;
  const x = Math.max(0, box.x);
  const y = Math.max(0, box.y);
  return { x, y, w: Math.min(clip.width, box.x + box.w) - x, h: Math.min(clip.height, box.y + box.h) - y };
}

describe('sanitize --redact on a panning clip of a real room', () => {
  it('hides the paper on every frame: its detail is gone, OCR reads none of its words, and the self-check says so', async () => {
    const { clip } = clips.map!;
    const before = await sha256File(clip.file);
    const outcome = await sanitizeFile({
      input: clip.file,
      outputDir: freshDir('map'),
      options: { ...DEFAULT_SANITIZE_OPTIONS, redact: { groups: ['documents'], keepFace: 'none', style: 'blur' } },
      nameTemplate: 'clip-{n}',
    });
    expect(await sha256File(clip.file)).toBe(before);
    const report = outcome.redaction!;
    expect(report.tracks.some((track) => track.group === 'documents' && track.hidden)).toBe(true);
    expect(report.selfCheck!.passed).toBe(true);
    expect(report.selfCheck!.summary).toMatch(/^Self-check: nothing readable or recognisable in the \d+ hidden regions?\. The detectors looked again at \d+ frames/);
    expect(report.selfCheck!.detailFramesChecked).toBeGreaterThan(clip.frames / 2);

    const reader = await TextReader.open();
    onTestFinished(() => reader.close());
    for (const n of [10, 45, 80]) {
      const box = labelOnFrame('map', 0, n);
      const [source, copy] = await Promise.all([decodedFrame(clip.file, n, clip), decodedFrame(outcome.output, n, clip)]);
      const kept = detailKept(detailIn(source, clip.width, clip.height, box), detailIn(copy, clip.width, clip.height, box));
      for (const share of kept) expect(share, `detail kept on frame ${n}`).toBeLessThanOrEqual(MAX_DETAIL_KEPT);
      const read = async (frame: Uint8Array) =>
        new Set(
          textBlocks(await reader.read(rgbOfYuv({ data: frame, ...clip }), [roundBox(box)]))
            .flatMap((block) => block.text.split(/\s+/))
            .filter((word) => /[a-z]{3,}/i.test(word)),
        );
      const [sourceWords, copyWords] = await Promise.all([read(source), read(copy)]);
      expect([...copyWords].filter((word) => sourceWords.has(word)), `words still read on frame ${n}`).toEqual([]);
    }
  });

  it('keeps the largest face visible when asked, and hides the laptop beside it and the monitor behind', async () => {
    const { clip, labels } = clips.office!;
    const outcome = await sanitizeFile({
      input: clip.file,
      outputDir: freshDir('office'),
      options: { ...DEFAULT_SANITIZE_OPTIONS, redact: { groups: ['faces', 'screens'], keepFace: 'largest', style: 'fill' } },
      nameTemplate: 'clip-{n}',
    });
    const report = outcome.redaction!;
    expect(report.tracks.filter((track) => track.group === 'faces' && !track.hidden)).toHaveLength(1);
    expect(report.selfCheck!.passed).toBe(true);
    const n = 60;
    const [source, copy] = await Promise.all([decodedFrame(clip.file, n, clip), decodedFrame(outcome.output, n, clip)]);
    // Inside the labelled box less a sixth each side: labels are drawn loosely around the object.
    const keptIn = (index: number) => {
      const box = labelOnFrame('office', index, n);
      const inner = { x: box.x + box.w / 6, y: box.y + box.h / 6, w: (box.w * 2) / 3, h: (box.h * 2) / 3 };
      return Math.max(...detailKept(detailIn(source, clip.width, clip.height, inner), detailIn(copy, clip.width, clip.height, inner)));
    };
    const face = labels.findIndex((label) => label.category === 'face');
    // Label 1 is the open laptop in front of her; label 0 the monitor behind, showing a web page, which
    // SSDLite sees only in its tiles on this pan.
    const [monitor, laptop] = [0, 1];
    expect([labels[monitor]!.category, labels[laptop]!.category]).toEqual(['screen', 'screen']);
    expect(keptIn(face)).toBeGreaterThan(0.5);
    expect(keptIn(laptop)).toBeLessThanOrEqual(MAX_DETAIL_KEPT);
    expect(keptIn(monitor)).toBeLessThanOrEqual(MAX_DETAIL_KEPT);
  });

  it('shows a face kept visible in the review though someone else\'s hidden body is around it, and only then', async () => {
    // Players at a table (a still camera): the right-hand player's face lies inside the box of his body.
    const file = path.join(scratch, 'players.mp4');
    execFileSync(resolveFfmpeg().path, ['-v', 'error', '-y', '-loop', '1', '-i', sceneImage('doc-go-match-name-cards.jpg'), '-t', '2', '-r', '30', '-vf', 'scale=1280:720,setsar=1,format=yuv420p', '-c:v', 'libx264', '-crf', '16', file]);
    const found = await findFileTracks(file, { groups: ['faces', 'people'], keepFace: 'none' }, undefined, []);
    const size = { ...found.size, camera: found.camera };
    const n = 30;
    const bodies = found.tracks.filter((track) => track.group === 'people').map((track) => trackBoxAt(track, n, size)).filter((box) => box !== undefined);
    const face = found.tracks.find((track) => {
      const box = track.group === 'faces' ? trackBoxAt(track, n, size) : undefined;
      return box !== undefined && bodies.some((body) => centreInside(box, body));
    });
    expect(face, 'a face inside a body').toBeDefined();
    const keptFace = { ...found, tracks: found.tracks.map((track) => (track === face ? { ...track, hidden: false } : track)) };
    const outcome = await sanitizeFile({ input: file, outputDir: freshDir('face-in-body'), options: { ...DEFAULT_SANITIZE_OPTIONS, redact: { groups: ['faces', 'people'], keepFace: 'none', style: 'blur' } }, nameTemplate: 'clip-{n}', found: keptFace });
    expect(outcome.redaction!.selfCheck!.passed).toBe(true);
    expect(outcome.redaction!.tracks.filter((track) => !track.hidden && (track.group === 'faces' || track.group === 'people')).map((track) => track.id)).toEqual([face!.id]);
    const [source, copy] = await Promise.all([decodedFrame(file, n, found.size), decodedFrame(outcome.output, n, found.size)]);
    const kept = (box: Box) => Math.min(...detailKept(detailIn(source, found.size.width, found.size.height, box), detailIn(copy, found.size.width, found.size.height, box)));
    const faceBox = trackBoxAt(face!, n, size)!;
    expect(kept(faceBox), 'the kept face').toBeGreaterThan(0.5);
    // The body around it is still hidden: below the face, where the body's box goes on.
    const body = bodies.find((box) => centreInside(faceBox, box))!;
    const below = { x: body.x, y: faceBox.y + faceBox.h + 16, w: body.w, h: body.y + body.h - (faceBox.y + faceBox.h + 16) };
    expect(below.h).toBeGreaterThan(64);
    expect(Math.max(...detailKept(detailIn(source, found.size.width, found.size.height, below), detailIn(copy, found.size.width, found.size.height, below)))).toBeLessThanOrEqual(MAX_DETAIL_KEPT);

    // With faces not asked for, his face is only not hidden: it does not show through his body, hidden whole.
    const bodiesOnly = await sanitizeFile({ input: file, outputDir: freshDir('bodies-only'), options: { ...DEFAULT_SANITIZE_OPTIONS, redact: { groups: ['people'], keepFace: 'none', style: 'blur' } }, nameTemplate: 'clip-{n}' });
    expect(bodiesOnly.redaction!.selfCheck!.passed).toBe(true);
    const wholeBody = await decodedFrame(bodiesOnly.output, n, found.size);
    expect(Math.max(...detailKept(detailIn(source, found.size.width, found.size.height, faceBox), detailIn(wholeBody, found.size.width, found.size.height, faceBox)))).toBeLessThanOrEqual(MAX_DETAIL_KEPT);
  });

  it('sees each face where it is on that frame while the camera pans, not where an earlier look saw it', async () => {
    const { clip } = clips.office!;
    const { source } = redactSourceOf(await readPicture(clip.file), undefined);
    const found = await findTracks(source, await redactionLooks(), { groups: ['faces'], keepFace: 'none' }, []);
    const face = clips.office!.labels.findIndex((label) => label.category === 'face');
    // Her track: the face track that overlaps her labelled face most over the clip. Every sighting of it is checked.
    const overlapWithHer = (track: (typeof found.tracks)[number]) => track.sightings.reduce((sum, sighting) => sum + iou(sighting.box, labelOnFrame('office', face, sighting.frame)), 0);
    const hers = found.tracks.filter((track) => track.group === 'faces').sort((a, b) => overlapWithHer(b) - overlapWithHer(a))[0]!;
    // Her face is in view the whole clip and the face model looks five times a second.
    expect(hers.sightings.length).toBeGreaterThanOrEqual(10);
    for (const sighting of hers.sightings) {
      const label = labelOnFrame('office', face, sighting.frame);
      const centre = { x: sighting.box.x + sighting.box.w / 2, y: sighting.box.y + sighting.box.h / 2 };
      // The label is drawn around her head; the face model's box sits inside it, give or take a tenth.
      expect(centre.x, `frame ${sighting.frame}`).toBeGreaterThanOrEqual(label.x - label.w / 10);
      expect(centre.x, `frame ${sighting.frame}`).toBeLessThanOrEqual(label.x + label.w * 1.1);
      expect(centre.y, `frame ${sighting.frame}`).toBeGreaterThanOrEqual(label.y - label.h / 10);
      expect(centre.y, `frame ${sighting.frame}`).toBeLessThanOrEqual(label.y + label.h * 1.1);
    }
  });

  it.each([
    { container: 'mp4', pictureLate: 0, clip: 'whose rate varies' },
    { container: 'webm', pictureLate: 0, clip: 'whose rate varies' },
    { container: 'webm', pictureLate: 0, live: true, clip: 'recorded live, as a browser records a take: no length declared' },
    { container: 'mkv', pictureLate: 0.5, clip: 'whose picture starts half a second after its sound' },
  ])('keeps each frame of a $container clip $clip at its moment, so the picture stays with the sound', async ({ container, pictureLate, live = false }) => {
    // As a phone films in dim light: the first second at 30 fps, then every other frame (15 fps); a white
    // flash at 2.0 s marks a moment, and a tone runs beside it. ffprobe sees the rate vary in the MP4, and
    // only estimates the WebM's, as browsers write it. The Matroska clip's picture starts late, as in a camera's
    // MTS file or a clip cut from a longer one: the flash is still 2.0 s into the file.
    const vfr = path.join(scratch, `variable-rate${live ? '-live' : ''}.${container}`);
    const codecs = container === 'webm' ? ['-c:v', 'libvpx-vp9', '-deadline', 'realtime', '-cpu-used', '8', '-c:a', 'libopus'] : ['-c:v', 'libx264', '-preset', 'veryfast', '-c:a', 'aac'];
    execFileSync(resolveFfmpeg().path, [
      '-v', 'error', '-y', '-itsoffset', String(pictureLate), '-i', clips.map!.clip.file, '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000',
      '-vf', "drawbox=color=white:t=fill:enable='between(t,2,2.1)',select='if(lt(t,1),1,not(mod(n,2)))'",
      '-fps_mode', 'vfr', ...codecs, '-shortest', ...(live ? ['-live', '1'] : []), vfr,
    ]);
    if (live) expect((await probeMedia(vfr)).durationSeconds).toBeUndefined();
    const flashAt = (file: string) => {
      const stats = execFileSync(resolveFfmpeg().path, ['-v', 'error', '-i', file, '-vf', 'signalstats,metadata=print:key=lavfi.signalstats.YAVG:file=-', '-f', 'null', '-'], { encoding: 'utf8' });
      const frames = [...stats.matchAll(/pts_time:([\d.]+)\s+lavfi\.signalstats\.YAVG=([\d.]+)/g)].map((match) => ({ at: Number(match[1]), brightness: Number(match[2]) }));
      return frames.find((frame) => frame.brightness > 200)?.at;
    };
    // One frame at 15 fps: Matroska stamps in milliseconds.
    const flash = flashAt(vfr)!;
    expect(Math.abs(flash - 2)).toBeLessThanOrEqual(1 / 15);
    const picture = mainVideoStream(await probeMedia(vfr))!;
    expect(picture.startSeconds).toBeCloseTo(pictureLate, 1);
    const outcome = await sanitizeFile({
      input: vfr,
      outputDir: freshDir(`variable-rate-${container}${live ? '-live' : ''}`),
      options: { ...DEFAULT_SANITIZE_OPTIONS, redact: { groups: ['documents'], keepFace: 'none', style: 'blur' } },
      nameTemplate: 'clip-{n}',
    });
    // Within a frame of the copy's rate. Stamped evenly at the MP4's average rate, the flash showed 0.175 s
    // late: the picture ran behind its sound. Decoded from its first frame, the late picture's flash showed
    // half a second early.
    const copyRate = mainVideoStream(await probeMedia(outcome.output))!.framesPerSecond!;
    expect(Math.abs(flashAt(outcome.output)! - flash)).toBeLessThanOrEqual(1 / copyRate + 0.001);
    expect(outcome.redaction!.selfCheck!.passed).toBe(true);
  });

  it('lists the areas marked to blur in a review, and keeps one visible when the user unticks it there', async () => {
    const { clip } = clips.office!;
    // An area marked in the check (or drawn in Sanitize), in the clip's pixels: it stays put in the frame.
    const area = { x: 40, y: 40, w: 160, h: 120 };
    const found = await findFileTracks(clip.file, { groups: [], keepFace: 'none' }, undefined, [area]);
    const marked = found.tracks.filter((track) => track.group === 'marked');
    expect(marked).toHaveLength(1);
    expect(marked[0]).toMatchObject({ hidden: true, sightings: [{ frame: 0, box: area }, { box: area }] });
    // Kept visible in the review: the copy leaves it as it was, though the area is still among those to blur.
    const kept = { ...found, tracks: found.tracks.map((track) => (track.group === 'marked' ? { ...track, hidden: false } : track)) };
    const outcome = await sanitizeFile({ input: clip.file, outputDir: freshDir('marked-kept'), options: { ...DEFAULT_SANITIZE_OPTIONS, blur: [area], redact: { groups: [], keepFace: 'none', style: 'fill' } }, nameTemplate: 'clip-{n}', found: kept });
    const n = 45;
    const [source, copy] = await Promise.all([decodedFrame(clip.file, n, clip), decodedFrame(outcome.output, n, clip)]);
    expect(Math.min(...detailKept(detailIn(source, clip.width, clip.height, area), detailIn(copy, clip.width, clip.height, area)))).toBeGreaterThan(0.5);
  });

  it('cancelled while it looks for what to hide, it leaves nothing behind', async () => {
    const outputDir = freshDir('cancelled');
    const controller = new AbortController();
    const run = sanitizeFile(
      { input: clips.map!.clip.file, outputDir, options: { ...DEFAULT_SANITIZE_OPTIONS, redact: { groups: ['faces'], keepFace: 'none', style: 'blur' } }, nameTemplate: 'clip-{n}' },
      { signal: controller.signal, onStage: (stage) => stage === 'detecting' && setTimeout(() => controller.abort(), 300) },
    );
    await expect(run).rejects.toThrow(/cancel/i);
    expect(fs.readdirSync(outputDir)).toEqual([]);
  });
});

describe('the self-check on a copy that still shows what it should hide', () => {
  it('fails it: OCR reads the receipt hidden only between two looks at the whole frame', async () => {
    // A still clip of a real receipt, checked against itself as if it were its clean copy.
    const clip = path.join(scratch, 'receipt.mp4');
    execFileSync(resolveFfmpeg().path, ['-v', 'error', '-loop', '1', '-i', path.join(CORPUS_DIR, 'photo-metadata/iphone4-gps-receipt.jpg'), '-t', '3', '-r', '30', '-vf', 'scale=1280:720,setsar=1', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', clip]);
    const { source } = redactSourceOf(await readPicture(clip), undefined);
    const looks = await redactionLooks();
    const chosen = { groups: ['documents' as const], keepFace: 'none' as const };
    const found = await findTracks(source, looks, chosen, []);
    const receipt = found.tracks.find((track) => track.group === 'documents')!;
    // Hidden on frames 20-50 only: the self-check's whole-frame looks come every 2 s (frames 0 and 60), so
    // what it reads there, it reads around the hidden region (selfCheckWritingRegion).
    const box = receipt.sightings[0]!.box;
    const between = { ...found, tracks: [{ ...receipt, sightings: [{ frame: 20, box }, { frame: 50, box }], holdFrames: 0 }] };
    const report = await selfCheck(clip, source, between, chosen, new SourceDetail(), looks);
    expect(report.passed).toBe(false);
    const text = report.findings.find((finding) => finding.kind === 'text');
    expect(text?.atSeconds).toBeGreaterThanOrEqual(20 / 30);
    expect(text?.atSeconds).toBeLessThanOrEqual(50 / 30);
    expect(report.summary).toMatch(/^Self-check failed: OCR still reads “[^”]+” in writing/);
  });
});

describe('sanitize --redact on a still camera, a hand moving and a paper put down mid-take', () => {
  it('reads writing again only where the picture changed, finds the new paper there, keeps the one it saw before, and hides both', async () => {
    // A real room; a book page on the left from the start; a brochure put down on the right at 2 s, beside a
    // hand-sized patch that moves all the take. The camera does not move.
    const book = { x: 40, y: 40, w: 260, h: 404 };
    const brochure = { x: 1000, y: 380, w: 240, h: 310 };
    const file = path.join(scratch, 'still-desk.mp4');
    execFileSync(resolveFfmpeg().path, [
      '-v', 'error', '-y',
      '-loop', '1', '-i', path.join(CORPUS_DIR, 'scenes/room-living_room.jpg'),
      '-loop', '1', '-i', path.join(CORPUS_DIR, 'documents/book-page.jpg'),
      '-loop', '1', '-i', path.join(CORPUS_DIR, 'documents/brochure-address.png'),
      '-f', 'lavfi', '-i', 'color=c=0xc08060:s=160x200',
      '-filter_complex',
      `[0:v]scale=1280:720,setsar=1,noise=alls=2:allf=t[room];[1:v]scale=${book.w}:${book.h}[book];[2:v]scale=${brochure.w}:${brochure.h}[brochure];[3:v]format=yuv420p[hand];` +
        `[room][book]overlay=${book.x}:${book.y}[r1];[r1][brochure]overlay=${brochure.x}:${brochure.y}:enable='gte(t,2)'[r2];[r2][hand]overlay=x='820+80*sin(t*1.3)':y='300+60*cos(t*0.9)',format=yuv420p[v]`,
      '-map', '[v]', '-t', '6', '-r', '30', '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '16', file,
    ]);
    const clip = { width: 1280, height: 720 };
    const { source } = redactSourceOf(await readPicture(file), undefined);
    // Every writing look, in the order the find pass asks for them: where it read, and the lines it saw.
    const looks = await redactionLooks();
    const writingLooks: Array<{ region?: Box; lines: Box[] }> = [];
    const watched: typeof looks = {
      looksAtOnce: looks.looksAtOnce,
      close: () => looks.close(),
      hide: (request) => looks.hide(request),
      look: async (request) => {
        const asked = { region: request.look.writingRegion, lines: [] as Box[] };
        if (request.parts.writing) writingLooks.push(asked);
        const answer = await looks.look(request);
        asked.lines = (answer.found.writing ?? []).map((line) => line.box);
        return answer;
      },
    };
    const found = await findTracks(source, watched, { groups: ['documents'], keepFace: 'none' }, []);
    const regional = writingLooks.filter((look) => look.region);
    // Writing is read every second while the hand moves, most often only around it (it never reaches the book).
    expect(regional.length).toBeGreaterThanOrEqual(2);
    for (const look of regional) expect(iou(look.region!, book), 'a part read again').toBe(0);
    // The brochure was first seen by a look at a part of the frame.
    const seesBrochure = (look: (typeof writingLooks)[number]) => look.lines.some((line) => centreInside(line, brochure));
    expect(writingLooks.find(seesBrochure)?.region).toBeDefined();
    // The book page, out of every part read again, is still seen on every writing look.
    const documents = found.tracks.filter((track) => track.group === 'documents');
    const bookTrack = documents.find((track) => track.sightings.some((sighting) => centreInside(sighting.box, book)))!;
    expect(bookTrack.sightings).toHaveLength(writingLooks.length);
    // And the copy hides both wherever they are in view.
    const outcome = await sanitizeFile({ input: file, outputDir: freshDir('still-desk'), options: { ...DEFAULT_SANITIZE_OPTIONS, redact: { groups: ['documents'], keepFace: 'none', style: 'blur' } }, nameTemplate: 'clip-{n}', found });
    expect(outcome.redaction!.selfCheck!.passed).toBe(true);
    for (const [n, paper] of [[15, book], [170, book], [70, brochure], [170, brochure]] as const) {
      const [before, after] = await Promise.all([decodedFrame(file, n, clip), decodedFrame(outcome.output, n, clip)]);
      const kept = detailKept(detailIn(before, clip.width, clip.height, paper), detailIn(after, clip.width, clip.height, paper));
      expect(Math.max(...kept), `detail kept on frame ${n}`).toBeLessThanOrEqual(MAX_DETAIL_KEPT);
    }
  });
});

describe('the command line', () => {
  it('sanitize --redact --json prints what was hidden and the self-check, and writes one copy', async () => {
    const outputDir = freshDir('cli');
    const result = runCli(['sanitize', clips.office!.clip.file, '-o', outputDir, '--redact', 'faces,screens', '--keep-face', 'largest', '--json'], { SAFETAKE_DATA_DIR: freshDir('cli-data') });
    expect(result.code, result.stderr).toBe(0);
    const [item] = JSON.parse(result.stdout) as Array<{ output: string; hidden: Array<{ group: string; where: string; fromSeconds: number; toSeconds: number; frames: number }>; keptVisible: unknown[]; selfCheck: { passed: boolean; framesChecked: number } }>;
    expect(item!.hidden.length).toBeGreaterThan(0);
    // Each says where it first shows, in words.
    for (const track of item!.hidden) expect(track.where).toMatch(/^(top|middle|bottom|in the centre)/);
    expect(new Set(item!.hidden.map((track) => track.group))).toEqual(new Set(['faces', 'screens']));
    expect(item!.keptVisible).toHaveLength(1);
    expect(item!.selfCheck.passed).toBe(true);
    expect(fs.readdirSync(outputDir).filter((name) => !name.startsWith('.'))).toEqual([path.basename(item!.output)]);
  });

  it('hides the faces of a photo and lists them with no time; a clip too small to look at is copied, nothing hidden', async () => {
    const outputDir = freshDir('cli-photo');
    const env = { SAFETAKE_DATA_DIR: freshDir('cli-photo-data') };
    const photo = runCli(['sanitize', sceneImage('face-couple-cake.jpg'), '-o', outputDir, '--redact', 'faces'], env);
    expect(photo.code, photo.stderr).toBe(0);
    const faces = photo.stdout.split('\n').filter((line) => line.includes('(faces)'));
    expect(faces.length).toBeGreaterThan(0);
    // Each face says where it is, so no two lines read alike.
    expect(new Set(faces).size).toBe(faces.length);
    for (const line of faces) expect(line).toMatch(/\(faces\), (top|middle|bottom|in the centre)/);
    // A photo has no "0–1 s", and the self-check does not count its one frame.
    expect(faces.filter((line) => /\d s$/.test(line))).toEqual([]);
    expect(photo.stdout).toMatch(/Self-check: nothing readable or recognisable in the \d+ hidden regions?\. The detectors looked at the copy again;/);
    // 4x4 pixels: too small for the face and screen tiles; nothing is found, and the report says so.
    const tiny = path.join(scratch, 'tiny.mp4');
    execFileSync(resolveFfmpeg().path, ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=size=4x4:rate=30:duration=1', '-pix_fmt', 'yuv420p', '-c:v', 'libx264', tiny]);
    const small = runCli(['sanitize', tiny, '-o', outputDir, '--redact', 'all'], env);
    expect(small.code, small.stderr).toBe(0);
    expect(small.stdout).toContain('Self-check: nothing was hidden in this copy');
    expect(fs.readdirSync(outputDir).filter((name) => !name.startsWith('.'))).toHaveLength(2);
  });

  it('refuses an unknown group in plain words', async () => {
    const result = runCli(['sanitize', clips.office!.clip.file, '-o', freshDir('cli-bad'), '--redact', 'faces,pets'], { SAFETAKE_DATA_DIR: freshDir('cli-bad-data') });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('not: pets');
  });
});

function roundBox(box: Box): Box {
  const x = Math.floor(box.x);
  const y = Math.floor(box.y);
  return { x, y, w: Math.ceil(box.x + box.w) - x, h: Math.ceil(box.y + box.h) - y };
}
