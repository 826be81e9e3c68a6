/**
 * bench/record: main-process memory while a take streams to disk. The same one-second chunks are fed through
 * TakeRecorder for a 10 s take and a 120 s take in one process; peak heap and RSS growth are compared. If
 * recordings were held in memory, the long take would need ~12x the short one's growth.
 *
 * Run: npx vitest run --project bench bench/record.bench.ts && node scripts/benchmarksDoc.mjs
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, it } from 'vitest';
import { resolveFfmpeg } from '../services/media/binaries.node';
import { SessionsService } from '../services/sessions/sessions.node';
import { TakeRecorder } from '../services/sessions/takes.node';
import { table, benchReport } from './measure.node';

const report = benchReport('record');

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-bench-record-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** A 720p30 VP8 WebM with 120 one-second pieces, like MediaRecorder's chunks. */
function chunks(seconds: number): Buffer[] {
  const file = path.join(scratch, 'camera.webm');
  execFileSync(resolveFfmpeg().path, ['-v', 'error', '-y', '-f', 'lavfi', '-i', `testsrc2=size=1280x720:rate=30:duration=${seconds}`, '-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', '2M', file]);
  const bytes = fs.readFileSync(file);
  const size = Math.ceil(bytes.length / seconds);
  return Array.from({ length: seconds }, (_, i) => Buffer.from(bytes.subarray(i * size, (i + 1) * size)));
}

async function streamTake(recorder: TakeRecorder, pieces: Buffer[]): Promise<{ heapMb: number; rssMb: number; bytes: number }> {
  global.gc?.();
  const base = process.memoryUsage();
  let peakHeap = 0;
  let peakRss = 0;
  const { takeId } = await recorder.begin();
  for (const [index, piece] of pieces.entries()) {
    // The renderer sends base64 over IPC; decode it here as main does.
    await recorder.chunk(takeId, index, Buffer.from(piece.toString('base64'), 'base64'));
    const now = process.memoryUsage();
    peakHeap = Math.max(peakHeap, now.heapUsed - base.heapUsed);
    peakRss = Math.max(peakRss, now.rss - base.rss);
  }
  const saved = await recorder.finish(takeId);
  return { heapMb: peakHeap / 2 ** 20, rssMb: peakRss / 2 ** 20, bytes: fs.statSync(saved.file).size };
}

it('memory does not grow with the length of a take', async () => {
  const pieces = chunks(120);
  const sessions = new SessionsService(scratch);
  await sessions.start({ platform: 'bench', task: '', terms: { amount: 1, currency: 'USD', per: 'clip' } });
  const recorder = new TakeRecorder(scratch, sessions);
  await streamTake(recorder, pieces.slice(0, 10)); // warm-up: first-use allocations are not the take's
  const short = await streamTake(recorder, pieces.slice(0, 10));
  const long = await streamTake(recorder, pieces);
  await sessions.close();
  report.line('\nbench/record: one-second chunks of 720p30 WebM streamed through TakeRecorder, peak growth over the start of the take');
  report.line(
    table(
      ['take', 'written MB', 'peak heap growth MB', 'peak RSS growth MB'],
      [
        ['10 s', (short.bytes / 2 ** 20).toFixed(1), short.heapMb.toFixed(1), short.rssMb.toFixed(1)],
        ['120 s', (long.bytes / 2 ** 20).toFixed(1), long.heapMb.toFixed(1), long.rssMb.toFixed(1)],
      ],
    ),
  );
  report.line(`ratio 120 s / 10 s: data ${(long.bytes / short.bytes).toFixed(1)}x, peak heap growth ${(long.heapMb / Math.max(short.heapMb, 0.1)).toFixed(2)}x`);
});
