/**
 * Redaction's detector threads (services/sanitize/frameLooks.node.ts) on real photos: a look on a thread finds
 * exactly what the same look finds in this thread, a frame's boxes are hidden there as here, OCR reads inside
 * the regions it is asked about only where writing was seen, and threads that stop are replaced by the next
 * redaction.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textBlocks } from '../../core/corner/risks.std';
import { centreInside, scaleBox } from '../../core/media/geometry.std';
import { type YuvFrame, measureAndHide } from '../../core/sanitize/redactPixels.std';
import { NO_PARTS, NodeDetector } from '../../services/corner/detector.node';
import { readPicture } from '../../services/media/picture.node';
import { CHECK_LOOK, FIND_LOOK, type LookRequest, inProcessLooks } from '../../services/sanitize/frameLooks.node';
import { closeRedactionLooks, redactSourceOf, redactionLooks } from '../../services/sanitize/redact.node';
import { decodedFrame } from './panClip.node';
import { sceneImage, scenesReal } from './scenesReal.node';

let detector: NodeDetector;
beforeAll(async () => {
  detector = await NodeDetector.open();
}, 120_000);
afterAll(async () => {
  await Promise.all([detector.close(), closeRedactionLooks()]);
});

/** A real photo as redaction decodes it: upright, at most 720 lines, yuv420p. */
async function photoFrame(name: string): Promise<YuvFrame> {
  const { source } = redactSourceOf(await readPicture(sceneImage(name)), 720);
  return { data: await decodedFrame(sceneImage(name), 0, source.size), ...source.size };
}

const EVERY_PART = { faces: true, photos: true, objects: true, writing: true, text: false };

describe('looks on detector threads', () => {
  it('find what the same look finds in this thread, on a room with faces, a phone, a laptop and monitors', async () => {
    const frame = await photoFrame('scr-office-woman-phone-laptop.jpg');
    const request: LookRequest = { frame, parts: EVERY_PART, look: FIND_LOOK };
    const [threads, here] = await Promise.all([(await redactionLooks()).look(request), inProcessLooks(detector).look(request)]);
    expect(here.found.faces!.length + here.found.faceboxes!.length).toBeGreaterThan(0);
    expect(here.found.objects!.length + here.found.ssdObjects!.length).toBeGreaterThan(0);
    expect(threads).toEqual(here);
    // A faces look goes to Human's thread alone: the same answer.
    const faces: LookRequest = { ...request, parts: { ...NO_PARTS, faces: true } };
    const [facesOnThreads, facesHere] = await Promise.all([(await redactionLooks()).look(faces), inProcessLooks(detector).look(faces)]);
    expect(facesHere.found.faces!.length).toBeGreaterThan(0);
    expect(facesOnThreads).toEqual(facesHere);
  });

  it('hide the boxes of a frame as this thread does, measuring each box first, and give the frame back as a Buffer', async () => {
    const frame = await photoFrame('scr-office-woman-phone-laptop.jpg');
    const boxes = [{ x: 100, y: 80, w: 200, h: 150 }, { x: 250, y: 180, w: 120, h: 90 }, { x: 600, y: 400, w: 90, h: 60 }];
    // A box kept visible inside one of them (a face the user keeps, in the box of someone behind them).
    const shown = [{ x: 260, y: 190, w: 40, h: 40 }];
    const here = Uint8Array.from(frame.data);
    const detailsHere = measureAndHide({ ...frame, data: here }, boxes, 'blur', shown);
    expect(detailsHere.every((detail) => detail.some((value) => value > 0))).toBe(true);
    expect(Buffer.compare(Buffer.from(here), Buffer.from(frame.data))).not.toBe(0);
    const looks = await redactionLooks();
    // Two at once, as the encode pass asks them (the second goes to the thread the first left free): one frame
    // with memory of its own, which moves to the thread, and one that is a view into a larger buffer, which is
    // copied and left as it was.
    const moved = Uint8Array.from(frame.data);
    const larger = new Uint8Array(frame.data.length + 16);
    larger.set(frame.data, 16);
    const view = larger.subarray(16);
    const answers = await Promise.all([looks.hide({ frame: { ...frame, data: moved }, boxes, style: 'blur', shown }), looks.hide({ frame: { ...frame, data: view }, boxes, style: 'blur', shown })]);
    for (const answer of answers) {
      expect(Buffer.isBuffer(answer.data)).toBe(true);
      expect(Buffer.compare(answer.data as Buffer, Buffer.from(here))).toBe(0);
      expect(answer.details).toEqual(detailsHere);
    }
    expect(moved.byteLength).toBe(0);
    expect(Buffer.compare(Buffer.from(view), Buffer.from(frame.data))).toBe(0);
  });

  it('read the writing inside a region where writing was seen, and nothing inside one without', async () => {
    const name = 'doc-receipt-closeup.jpg';
    const frame = await photoFrame(name);
    const { display } = redactSourceOf(await readPicture(sceneImage(name)), 720);
    const receipt = scaleBox(scenesReal().scenes.find((scene) => scene.file === name)!.labels[0]!.box, frame.width / display.width);
    // A corner of the frame above the receipt, where no line of writing is.
    const corner = { x: 0, y: 0, w: 16, h: 16 };
    const parts = { ...EVERY_PART, photos: false, objects: false };
    const { found, read } = await (await redactionLooks()).look({ frame, parts, look: CHECK_LOOK, readInside: [receipt, corner] });
    expect(found.writing!.some((line) => centreInside(line.box, receipt))).toBe(true);
    expect(found.writing!.some((line) => centreInside(line.box, corner))).toBe(false);
    expect(textBlocks(read[0]!).length).toBeGreaterThan(0);
    expect(read[1]).toEqual([]);
  });

  it('that are closed are opened again by the next redaction', async () => {
    const frame = await photoFrame('doc-receipt-closeup.jpg');
    const closed = await redactionLooks();
    await closed.close();
    expect(closed.broken?.message).toMatch(/closed/);
    await expect(closed.look({ frame, parts: EVERY_PART, look: FIND_LOOK })).rejects.toThrow(/closed/);
    const reopened = await redactionLooks();
    expect(reopened).not.toBe(closed);
    const { found } = await reopened.look({ frame, parts: { ...EVERY_PART, photos: false, objects: false, faces: false }, look: FIND_LOOK });
    expect(found.writing!.length).toBeGreaterThan(0);
  });
});
