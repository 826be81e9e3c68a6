import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
const req = createRequire(import.meta.url);
const { NodeDetector } = req('./services/corner/detector.node.ts');
const { writingGroups, writingBlocks } = req('./core/corner/writingBlocks.std.ts');
const det = await NodeDetector.open({ families: ['faceboxes-text'] });
for (const file of process.argv.slice(2)) {
  const [w0, h0] = execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'stream=width,height', '-of', 'csv=p=0', file], { encoding: 'utf8' }).trim().split(',').map(Number);
  const s = 1600 / Math.max(w0, h0); const W = Math.round(w0 * s), H = Math.round(h0 * s);
  const rgb = new Uint8Array(execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-vf', `scale=${W}:${H}:flags=bicubic`, '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'], { maxBuffer: 1 << 28 }));
  const lines = await det.lookForWriting({ rgb, width: W, height: H, pixelScale: s });
  const tone = (b: any) => { let best: number[] = []; for (let y = Math.max(0, Math.round(b.y)); y < Math.min(H, b.y + b.h); y++) for (let x = Math.max(0, Math.round(b.x)); x < Math.min(W, b.x + b.w); x++) { const i = (y * W + x) * 3; best.push(rgb[i] + rgb[i + 1] + rgb[i + 2]); } best.sort((a, b) => a - b); return [Math.round(best[Math.floor(best.length * 0.1)] / 3), Math.round(best[Math.floor(best.length * 0.9)] / 3)]; };
  console.log(file.split('/').pop(), W, H, 'scale', s.toFixed(2));
  for (const g of writingGroups(lines)) {
    console.log(' group');
    for (const l of g) console.log('   ', [l.box.x, l.box.y, l.box.w, l.box.h].map((v: number) => Math.round(v / s)).join(','), 'th', (l.thickness / s).toFixed(1), 'score', l.score.toFixed(2), 'tone p10/p90', tone(l.box).join('/'));
  }
  for (const b of writingBlocks(lines, { width: W, height: H })) console.log(' BLOCK', [b.sheet.x, b.sheet.y, b.sheet.w, b.sheet.h].map((v: number) => Math.round(v / s)).join(','), 'lines', b.lines);
}
await det.close();
