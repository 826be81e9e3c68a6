/**
 * Raw frames through real ffmpeg: decoded from a clip of a real room into reused buffers, handed to an ffmpeg
 * that reads them from its stdin, and compared byte for byte with what ffmpeg decodes on its own: reusing a
 * buffer must never change a frame the encoder gets.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { yuvFrameBytes } from '../../core/sanitize/redactPixels.std';
import { planDecodeFrames } from '../../core/sanitize/redactPlan.std';
import { resolveFfmpeg } from '../../services/media/binaries.node';
import { FrameBuffers, ffmpegRawFrames, runFfmpegFromFrames } from '../../services/media/ffmpeg.node';
import { makePanClip } from './panClip.node';
import { sceneImage } from './scenesReal.node';

let scratch: string;
beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-raw-frames-'));
});
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** MD5 of each frame of a raw yuv420p file. */
function frameHashes(data: Buffer, frameBytes: number): string[] {
  const hashes: string[] = [];
  for (let at = 0; at + frameBytes <= data.length; at += frameBytes) hashes.push(createHash('md5').update(data.subarray(at, at + frameBytes)).digest('hex'));
  return hashes;
}

describe('raw frames piped through ffmpeg', () => {
  it('decodes into a few reused buffers and feeds every frame to the encoder intact', async () => {
    const size = { width: 640, height: 360 };
    const clip = await makePanClip(sceneImage('doc-hotel-map-on-ottoman.jpg'), path.join(scratch, 'pan.mp4'), { seconds: 3, ...size });
    const frameBytes = yuvFrameBytes(size.width, size.height);
    const direct = execFileSync(resolveFfmpeg().path, ['-v', 'error', '-i', clip.file, '-f', 'rawvideo', '-pix_fmt', 'yuv420p', '-'], { maxBuffer: 256 * 1024 * 1024 });

    const buffers = new FrameBuffers(frameBytes);
    const seen = new Set<Uint8Array>();
    async function* frames() {
      for await (const frame of ffmpegRawFrames(planDecodeFrames(clip.file, size), frameBytes, buffers)) {
        seen.add(frame);
        yield frame;
      }
    }
    const piped = path.join(scratch, 'piped.yuv');
    await runFfmpegFromFrames(
      {
        inputs: [{ source: 'pipe:0', options: ['-f', 'rawvideo', '-pix_fmt', 'yuv420p', '-s', `${size.width}x${size.height}`, '-r', '30'] }],
        outputOptions: ['-v', 'error', '-f', 'rawvideo'],
        output: piped,
      },
      frames(),
      undefined,
      buffers,
    );

    const expected = frameHashes(direct, frameBytes);
    expect(expected).toHaveLength(clip.frames);
    expect(frameHashes(fs.readFileSync(piped), frameBytes)).toEqual(expected);
    // Without giving buffers back, every one of the 90 frames would be a buffer of its own.
    expect(seen.size).toBeLessThanOrEqual(4);
  });
});
