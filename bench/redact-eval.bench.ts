/**
 * bench/redact-eval: what redaction hides, on clips made at run time from the real labelled photos of
 * scenes-real: a camera panning and zooming across each photo for 4 s (panClip.node.ts), the labelled boxes
 * moving with it. Per category: the share of in-view frames each labelled face, paper and screen is hidden in,
 * flickers, each label hidden in fewer than 99 % of its frames, the words OCR still reads in the copy that it
 * reads in the source, the detail kept in hidden regions, and how much of the picture outside the targets
 * changed, beside what a plain copy (re-encoding alone) changes there.
 *
 * Run: npx vitest run --project bench bench/redact-eval.bench.ts && node scripts/benchmarksDoc.mjs
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, it, onTestFinished } from 'vitest';
import { textBlocks } from '../core/corner/risks.std';
import { type Box, centreInside } from '../core/media/geometry.std';
import { DEFAULT_SANITIZE_OPTIONS } from '../core/sanitize/plan.std';
import { REDACT_STYLES, type RedactStyle, detailIn, detailKept, hideRegion, rgbOfYuv } from '../core/sanitize/redactPixels.std';
import { REDACT_GROUPS, type RedactGroup, trackBoxAt } from '../core/sanitize/redactTracks.std';
import { closeExiftool } from '../services/media/exiftool.node';
import { readPicture } from '../services/media/picture.node';
import { TextReader } from '../services/corner/detector.node';
import { closeRedactionLooks, findTracks, redactSourceOf, redactionLooks } from '../services/sanitize/redact.node';
import { sanitizeFile } from '../services/sanitize/sanitizeFile.node';
import { HIDDEN_SHARE, coveredShare, decodedFrame, hiddenOverClip, inView, makePanClip, truthOnFrame } from '../tests/integration/panClip.node';
import { sceneImage, scenesReal } from '../tests/integration/scenesReal.node';
import { benchReport, median, table } from './measure.node';
import { resolveFfprobe } from '../services/media/binaries.node';
import { execFileSync } from 'node:child_process';

const report = benchReport('redact-eval');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-bench-redact-eval-'));
afterAll(async () => {
  await Promise.all([closeExiftool(), closeRedactionLooks()]);
  fs.rmSync(scratch, { recursive: true, force: true });
});

/** Frames the copy is read on (OCR, changes outside the targets): a quarter, half and three quarters in. */
const PROBE_FRAMES = [30, 60, 90];
/** A pixel has visibly changed when its brightness moved this much (of 255). */
const VISIBLE_CHANGE = 12;
/** The target: at most this share of the picture outside the labels changes visibly. */
const MAX_CHANGED_OUTSIDE = 0.15;
/** How much of a frame read changed outside the labels, and of which photo. */
type ChangedShare = { file: string; share: number };
/**
 * Of a frame's changes outside the labels, the share of the frame changed inside each group's hidden boxes
 * (`inGroup`), and inside its boxes and no other group's (`onlyInGroup`: what would not change without it).
 */
type ChangedByGroup = { share: number; inGroup: Record<Exclude<RedactGroup, 'marked'>, number>; onlyInGroup: Record<Exclude<RedactGroup, 'marked'>, number> };

it('what redaction hides on pans across real labelled photos', async () => {
  const looks = await redactionLooks();
  const reader = await TextReader.open();
  onTestFinished(() => reader.close());
  const { scenes } = scenesReal();
  type Tally = { labels: number; inView: number; hidden: number; atLeast99: number; everyWholeSecond: number; flickers: number };
  const tally: Record<string, Tally> = {};
  let wordsInSource = 0;
  let wordsLeft = 0;
  let worstDetail = 0;
  const changedOutside: ChangedShare[] = [];
  const changedOutsidePeople: ChangedShare[] = [];
  const changedOutsidePlain: ChangedShare[] = [];
  const changedByGroup: ChangedByGroup[] = [];
  const failedCopies: string[] = [];
  const shortfalls: Array<Array<string | number>> = [];
  for (const scene of scenes) {
    const photo = sceneImage(scene.file);
    const [width, height] = execFileSync(resolveFfprobe().path, ['-v', 'error', '-show_entries', 'stream=width,height', '-of', 'csv=p=0', photo], { encoding: 'utf8' }).trim().split(',').map(Number) as [number, number];
    const clip = await makePanClip(photo, path.join(scratch, `${scene.file}.mp4`), { seconds: 4 });
    const { source } = redactSourceOf(await readPicture(clip.file), undefined);
    const found = await findTracks(source, looks, { groups: [...REDACT_GROUPS], keepFace: 'none' }, []);
    const hiddenAt = (n: number, groups?: readonly RedactGroup[]) =>
      found.tracks.flatMap((track) => (track.hidden && (!groups || groups.includes(track.group)) ? [trackBoxAt(track, n, { ...clip, camera: found.camera })].filter((box): box is Box => box !== undefined) : []));
    const labelAt = (box: Box, n: number) => truthOnFrame([box], { width, height }, clip, n)[0]!;

    for (const label of scene.labels) {
      const result = hiddenOverClip((n) => labelAt(label.box, n), hiddenAt, clip);
      if (result.inViewFrames === 0) continue;
      const row = (tally[label.category] ??= { labels: 0, inView: 0, hidden: 0, atLeast99: 0, everyWholeSecond: 0, flickers: 0 });
      row.labels += 1;
      row.inView += result.inViewFrames;
      row.hidden += result.hiddenFrames;
      row.flickers += result.flickers;
      if (result.hiddenFrames >= 0.99 * result.inViewFrames) row.atLeast99 += 1;
      else {
        // How much of it hidden regions cover on the frames it shows: near 0 nothing saw it, near 0.9 a box fell short.
        const { x, y, w, h } = label.box;
        shortfalls.push([scene.file, label.category, `${x},${y} ${w}x${h}`, `${result.hiddenFrames}/${result.inViewFrames}`, median(result.shownCovered).toFixed(2)]);
      }
      // Every frame whose whole second around it has the label in view must be hidden.
      const half = Math.round(clip.framesPerSecond / 2);
      let missed = 0;
      for (let n = half; n < clip.frames - half; n += 1) {
        let wholeSecond = true;
        for (let m = n - half; m <= n + half && wholeSecond; m += 1) wholeSecond = inView(labelAt(label.box, m), clip);
        if (wholeSecond && coveredShare(labelAt(label.box, n), hiddenAt(n), clip) < HIDDEN_SHARE) missed += 1;
      }
      if (missed === 0) row.everyWholeSecond += 1;
    }

    // The copy, made with these tracks: what OCR still reads in the labelled papers, what changed elsewhere.
    const outputDir = fs.mkdtempSync(path.join(scratch, 'copy-'));
    const outcome = await sanitizeFile({ input: clip.file, outputDir, options: DEFAULT_SANITIZE_OPTIONS, nameTemplate: 'clip-{n}', found }).catch((error: Error) => {
      failedCopies.push(`${scene.file}: ${error.message}`);
      return undefined;
    });
    if (!outcome) continue;
    worstDetail = Math.max(worstDetail, outcome.redaction?.selfCheck?.worstDetailKept ?? 0);
    // A plain copy of the same clip: what re-encoding alone changes, against which the redacted copy's changes read.
    const plain = await sanitizeFile({ input: clip.file, outputDir: fs.mkdtempSync(path.join(scratch, 'plain-')), options: DEFAULT_SANITIZE_OPTIONS, nameTemplate: 'clip-{n}' }).catch((error: Error) => {
      failedCopies.push(`${scene.file}, plain copy: ${error.message}`);
      return undefined;
    });
    if (!plain) continue;
    for (const n of PROBE_FRAMES) {
      const [before, after, plainAfter] = await Promise.all([decodedFrame(clip.file, n, clip), decodedFrame(outcome.output, n, clip), decodedFrame(plain.output, n, clip)]);
      for (const label of scene.labels.filter((candidate) => candidate.category === 'document')) {
        const box = clipped(labelAt(label.box, n), clip);
        if (!box || !inView(labelAt(label.box, n), clip)) continue;
        const words = async (frame: Uint8Array) =>
          new Set(
            textBlocks(await reader.read(rgbOfYuv({ data: frame, ...clip }), [box]))
              .flatMap((block) => block.text.split(/\s+/))
              .filter((word) => /[a-z0-9]{3,}/i.test(word)),
          );
        const [read, left] = await Promise.all([words(before), words(after)]);
        wordsInSource += read.size;
        wordsLeft += [...left].filter((word) => read.has(word)).length;
      }
      const targets = scene.labels.map((label) => grownBy(labelAt(label.box, n), 0.3));
      // A hidden body with a labelled face in it is someone else in the room: hidden whole, as the people group
      // does, though scenes-real labels only the face. A body hidden where no labelled face is stays counted.
      const faces = scene.labels.filter((label) => label.category === 'face').map((label) => labelAt(label.box, n));
      const people = hiddenAt(n, ['people']).filter((body) => faces.some((face) => centreInside(face, body)));
      const inside = (boxes: readonly Box[], x: number, y: number) => boxes.some((box) => x >= box.x && x < box.x + box.w && y >= box.y && y < box.y + box.h);
      let outside = 0;
      let changed = 0;
      let outsidePeople = 0;
      let changedPeople = 0;
      let changedPlain = 0;
      const groupBoxes = REDACT_GROUPS.map((group) => ({ group, boxes: hiddenAt(n, [group]) }));
      const inGroup = Object.fromEntries(REDACT_GROUPS.map((group) => [group, 0])) as ChangedByGroup['inGroup'];
      const onlyInGroup = { ...inGroup };
      for (let y = 0; y < clip.height; y += 2) {
        for (let x = 0; x < clip.width; x += 2) {
          if (inside(targets, x, y)) continue;
          const at = y * clip.width + x;
          const visible = Math.abs(before[at]! - after[at]!) > VISIBLE_CHANGE;
          outside += 1;
          if (visible) {
            changed += 1;
            const hiding = groupBoxes.filter(({ boxes }) => inside(boxes, x, y));
            for (const { group } of hiding) inGroup[group] += 1;
            if (hiding.length === 1) onlyInGroup[hiding[0]!.group] += 1;
          }
          if (Math.abs(before[at]! - plainAfter[at]!) > VISIBLE_CHANGE) changedPlain += 1;
          if (inside(people, x, y)) continue;
          outsidePeople += 1;
          if (visible) changedPeople += 1;
        }
      }
      changedOutside.push({ file: scene.file, share: outside > 0 ? changed / outside : 0 });
      const ofOutside = (count: number) => (outside > 0 ? count / outside : 0);
      const shares = (counts: ChangedByGroup['inGroup']) => Object.fromEntries(REDACT_GROUPS.map((group) => [group, ofOutside(counts[group])])) as ChangedByGroup['inGroup'];
      changedByGroup.push({ share: ofOutside(changed), inGroup: shares(inGroup), onlyInGroup: shares(onlyInGroup) });
      changedOutsidePeople.push({ file: scene.file, share: outsidePeople > 0 ? changedPeople / outsidePeople : 0 });
      changedOutsidePlain.push({ file: scene.file, share: outside > 0 ? changedPlain / outside : 0 });
    }
  }

  report.line(`\nbench/redact-eval: ${scenes.length} real labelled photos (scenes-real), each panned and zoomed across for 4 s at 720p30`);
  report.line(`(the labels move with the pan); a label counts when at least half of it is in view, and as hidden when hidden regions cover ${HIDDEN_SHARE * 100} % of it.`);
  report.line(
    table(
      ['category', 'labels in view', 'in-view frames hidden', 'hidden in >= 99 % of their frames', 'hidden whenever in view a whole second', 'flickers'],
      Object.entries(tally).map(([category, row]) => [
        category,
        row.labels,
        `${((100 * row.hidden) / Math.max(1, row.inView)).toFixed(1)} % (${row.hidden}/${row.inView})`,
        `${row.atLeast99}/${row.labels}`,
        `${row.everyWholeSecond}/${row.labels}`,
        row.flickers,
      ]),
    ),
  );
  report.line('\nLabels hidden in fewer than 99 % of their in-view frames, and the median share of them hidden regions cover on the');
  report.line('frames they show (near 0: no detector saw them; near 0.9: a box fell short of their edges).');
  report.line(table(['file', 'category', 'labelled box', 'frames hidden', 'covered where shown'], shortfalls));
  report.line(`OCR on the labelled papers of the copy (frames ${PROBE_FRAMES.join(', ')}): ${wordsLeft} of the ${wordsInSource} words it reads in the source are still read.`);
  report.line(`Detail kept inside hidden regions (self-check, every frame, worst region and scale): ${(worstDetail * 100).toFixed(1)} % (target at most 15 %).`);
  const medianAndWorst = (changes: readonly ChangedShare[]) => {
    const sorted = changes.map((change) => change.share).sort((a, b) => a - b);
    const over = changes.filter((change) => change.share > MAX_CHANGED_OUTSIDE);
    const photos = [...new Set(over.map((change) => change.file))];
    return `median ${(100 * sorted[Math.floor(sorted.length / 2)]!).toFixed(1)} %, worst ${(100 * sorted[sorted.length - 1]!).toFixed(1)} %; over ${MAX_CHANGED_OUTSIDE * 100} % on ${over.length} of the ${changes.length} frames read${photos.length > 0 ? ` (${photos.join(', ')})` : ''}`;
  };
  report.line(`Outside the labels grown by 30 %, pixels visibly changed (|dY| > ${VISIBLE_CHANGE}): ${medianAndWorst(changedOutside)} (target at most ${MAX_CHANGED_OUTSIDE * 100} % of a frame).`);
  // The line above counts the bodies of other people as changed, though hiding them is the people group's job.
  report.line(`The same in a plain copy (re-encoding alone, nothing hidden): ${medianAndWorst(changedOutsidePlain)}.`);
  report.line(`The same, outside hidden bodies with a labelled face too (the people group hides other people whole; scenes-real labels only their faces): ${medianAndWorst(changedOutsidePeople)}.`);
  // Which hidden boxes the changes outside the labels are in (a pixel in boxes of two groups counts for both),
  // and how many frames would stay over the target without each group: less what its boxes alone changed.
  report.line('\nWhere the changes outside the labels are: on the frames where a group\'s hidden boxes change something outside the');
  report.line('labels, the share of the frame they change (median and most), and the frames still over the target without that group');
  report.line('(what its boxes change that no other group\'s box covers left as it was).');
  const percent = (share: number) => `${(100 * share).toFixed(1)} %`;
  const overTarget = changedByGroup.filter((frame) => frame.share > MAX_CHANGED_OUTSIDE).length;
  report.line(
    table(
      ['group', 'frames it changes', 'share changed, median', 'most', `frames over ${MAX_CHANGED_OUTSIDE * 100} % without it (${overTarget} with every group)`],
      REDACT_GROUPS.map((group) => {
        const shares = changedByGroup.map((frame) => frame.inGroup[group]).filter((share) => share > 0);
        const without = changedByGroup.filter((frame) => frame.share - frame.onlyInGroup[group] > MAX_CHANGED_OUTSIDE).length;
        return [group, `${shares.length}/${changedByGroup.length}`, shares.length > 0 ? percent(median(shares)) : '–', shares.length > 0 ? percent(Math.max(...shares)) : '–', without];
      }),
    ),
  );
  report.line(failedCopies.length === 0 ? '\nEvery copy passed its self-check.' : `\nCopies not made or that failed their self-check: ${failedCopies.join(' | ')}`);
});

function grownBy(box: Box, share: number): Box {
  return { x: box.x - box.w * share, y: box.y - box.h * share, w: box.w * (1 + 2 * share), h: box.h * (1 + 2 * share) };
}

function clipped(box: Box, frame: { width: number; height: number }): Box | undefined {
  const x = Math.max(0, Math.floor(box.x));
  const y = Math.max(0, Math.floor(box.y));
  const w = Math.min(frame.width, Math.ceil(box.x + box.w)) - x;
  const h = Math.min(frame.height, Math.ceil(box.y + box.h)) - y;
  return w > 8 && h > 8 ? { x, y, w, h } : undefined;
}

it('each style against the detail and the words of real faces and papers', async () => {
  const reader = await TextReader.open();
  onTestFinished(() => reader.close());
  const { scenes } = scenesReal();
  const kept: Record<RedactStyle, number[][]> = { blur: [], fill: [], pixelate: [] };
  const words: Record<RedactStyle, number> = { blur: 0, fill: 0, pixelate: 0 };
  let sourceWords = 0;
  for (const scene of scenes) {
    const photo = sceneImage(scene.file);
    const [width, height] = execFileSync(resolveFfprobe().path, ['-v', 'error', '-show_entries', 'stream=width,height', '-of', 'csv=p=0', photo], { encoding: 'utf8' }).trim().split(',').map((value) => Number(value) & ~1) as [number, number];
    const size = { width, height };
    const original = await decodedFrame(photo, 0, size);
    for (const label of scene.labels.filter((candidate) => candidate.category !== 'screen')) {
      const box = clipped(label.box, size);
      if (!box) continue;
      const read = async (data: Uint8Array) =>
        new Set(
          textBlocks(await reader.read(rgbOfYuv({ data, ...size }), [box]))
            .flatMap((block) => block.text.split(/\s+/))
            .filter((word) => /[a-z0-9]{3,}/i.test(word)),
        );
      const before = label.category === 'document' ? await read(original) : new Set<string>();
      sourceWords += before.size;
      for (const style of REDACT_STYLES) {
        const frame = { data: Uint8Array.from(original), ...size };
        hideRegion(frame, box, style);
        kept[style].push(detailKept(detailIn(original, width, height, box), detailIn(frame.data, width, height, box)));
        if (before.size > 0) words[style] += [...(await read(frame.data))].filter((word) => before.has(word)).length;
      }
    }
  }
  const medianAt = (rows: number[][], scale: number) => {
    const values = rows.map((row) => row[scale]!).sort((a, b) => a - b);
    return `${(100 * values[Math.floor(values.length / 2)]!).toFixed(1)} % (worst ${(100 * values[values.length - 1]!).toFixed(1)} %)`;
  };
  report.line(`\nStyles on the ${kept.blur.length} labelled faces and papers of scenes-real (the photos themselves, before encoding): detail kept at`);
  report.line(`full, half and quarter scale (median over regions, worst), and words OCR still reads of the ${sourceWords} it reads in the papers.`);
  report.line(table(['style', 'full scale', 'half scale', 'quarter scale', 'words still read'], REDACT_STYLES.map((style) => [style, medianAt(kept[style], 0), medianAt(kept[style], 1), medianAt(kept[style], 2), words[style]])));
});
