import { describe, expect, it } from 'vitest';
import type { AuditReport } from '../media/audit.std';
import type { MediaProbe } from '../media/probe.std';
import type { SanitizePlan } from './plan.std';
import { allPassed, verifyOutput } from './verify.std';

/** A 640x480 copy made from raw frames at 15 fps (a redacted take): `seconds` of picture, `frames` decoded. */
function copy(seconds: number, frames: number) {
  const plan: SanitizePlan = {
    kind: 'video',
    invocation: { inputs: [], outputOptions: [], output: 'out.mp4' },
    outputExtension: 'mp4',
    expectedStreams: ['video'],
    outputSize: { width: 640, height: 480 },
    frameSeconds: 1 / 15,
    notes: [],
  };
  const output: MediaProbe = {
    formatName: 'mov,mp4,m4a,3gp,3g2,mj2',
    startSeconds: 0,
    durationSeconds: seconds,
    streams: [{ index: 0, type: 'video', codec: 'h264', width: 640, height: 480, rotation: 0, framesPerSecond: 15, startSeconds: 0, durationSeconds: seconds, attachedPicture: false }],
  };
  const audit: AuditReport = { file: 'out.mp4', readable: true, tags: [], identifyingCount: 0, streamFingerprints: [], sha256: '0'.repeat(64) };
  return { plan, decodeErrors: [], output, outputFrames: frames, audit };
}

const durationCheck = (facts: Parameters<typeof verifyOutput>[0]) => verifyOutput(facts).find((check) => check.id === 'duration')!;

describe('the length of a copy', () => {
  it('passes within a frame of the length the source declares, and fails a frame and more away', () => {
    expect(durationCheck({ ...copy(2.067, 31), source: { pictureEndSeconds: 2.0, frameSeconds: 1 / 15 } }).passed).toBe(true);
    const long = durationCheck({ ...copy(2.2, 33), source: { pictureEndSeconds: 2.0, frameSeconds: 1 / 15 } });
    expect(long.passed).toBe(false);
    expect(long.detail).toBe('2.200 s and 33 frames; the source declares 2.000 s (allowed: one frame, 0.067 s).');
  });

  it('passes a browser take that declares no length where the copy ends within a frame of its last frame', () => {
    // A take whose recorder skipped two frames: 29 frames, the last ending at 2.066 s; stamped at 15 fps,
    // the copy fills the gap and has 31.
    const take = { frameSeconds: 1 / 15 };
    const measured = durationCheck({ ...copy(2.067, 31), source: { ...take, packets: { count: 29, endSeconds: 2.066 } } });
    expect(measured).toEqual({ id: 'duration', passed: true, detail: '2.067 s and 31 frames; the source declares no length, and its 29 frames end at 2.066 s (allowed: one frame, 0.067 s).' });
    // A browser's take gives its frames no length: the last of 30 starts at 2.066 s, and the copy, stamped at
    // 15 fps, has 31 frames ending at 2.067 s (measured on a take recorded in Chromium).
    const browserTake = durationCheck({ ...copy(2.067, 31), source: { ...take, packets: { count: 30, lastStartSeconds: 2.066 } } });
    expect(browserTake).toEqual({ id: 'duration', passed: true, detail: '2.067 s and 31 frames; the source declares no length, and the last of its 30 frames starts at 2.066 s (allowed: one frame, 0.067 s).' });
    expect(durationCheck({ ...copy(2.2, 33), source: { ...take, packets: { count: 30, lastStartSeconds: 2.066 } } }).passed).toBe(true);
    expect(durationCheck({ ...copy(2.267, 34), source: { ...take, packets: { count: 30, lastStartSeconds: 2.066 } } }).passed).toBe(false);
    expect(durationCheck({ ...copy(1.933, 29), source: { ...take, packets: { count: 30, lastStartSeconds: 2.066 } } }).passed).toBe(false);
    // Its frames counted but not timed (a raw stream), the copy must hold as many.
    expect(durationCheck({ ...copy(2.067, 31), source: { ...take, packets: { count: 29 } } }).passed).toBe(false);
    expect(durationCheck({ ...copy(2.067, 31), source: { ...take, packets: { count: 31 } } }).passed).toBe(true);
    // A copy that lost its last half second is not saved by a missing length.
    expect(durationCheck({ ...copy(1.533, 23), source: { ...take, packets: { count: 29, endSeconds: 2.066 } } }).passed).toBe(false);
    expect(durationCheck({ ...copy(2.067, 31), source: take }).detail).toBe('2.067 s and 31 frames; the source declares no length (allowed: one frame, 0.067 s).');
  });

  it('passes a copy with every frame of a source whose declared length its frames do not fill', () => {
    const facts = { ...copy(9.0, 151), source: { pictureEndSeconds: 10.0, frameSeconds: 1 / 15, packets: { count: 151 } } };
    expect(allPassed(verifyOutput(facts))).toBe(true);
    expect(durationCheck(facts).detail).toBe('9.000 s and 151 frames; the source declares 10.000 s and 151 frames (allowed: one frame, 0.067 s).');
  });

  it('fails a copy of a file cut short, though it ends where the frames do: the rest is missing', () => {
    const cut = durationCheck({ ...copy(15.0, 225), source: { pictureEndSeconds: 60.0, frameSeconds: 1 / 15, packets: { count: 226, lastStartSeconds: 14.933, endSeconds: 15.0 } } });
    expect(cut).toEqual({ id: 'duration', passed: false, detail: '15.000 s and 225 frames; the source declares 60.000 s, and its 226 frames end at 15.000 s (allowed: one frame, 0.067 s).' });
  });
});
