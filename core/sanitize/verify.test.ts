import { describe, expect, it } from 'vitest';
import type { AuditReport } from '../media/audit.std';
import type { MediaProbe } from '../media/probe.std';
import type { SanitizePlan } from './plan.std';
import { allPassed, verifyOutput } from './verify.std';

/**
 * A 640x480 copy: `seconds` of picture, `frames` decoded; made from raw frames stamped at 15 fps (a redacted
 * take) unless `stamped` is false (frames passed through as they are).
 */
function copy(seconds: number, frames: number, stamped = true) {
  const plan: SanitizePlan = {
    kind: 'video',
    invocation: { inputs: [], outputOptions: [], output: 'out.mp4' },
    outputExtension: 'mp4',
    expectedStreams: ['video'],
    outputSize: { width: 640, height: 480 },
    ...(stamped ? { frameSeconds: 1 / 15 } : {}),
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

  it('passes a live take that declares no length where the copy ends within a frame of where its frames end', () => {
    // A take whose recorder skipped two frames: 29 frames, the last from 2.000 to 2.066 s; stamped at 15 fps,
    // the copy fills the gap and has 31 frames ending at 2.067 s.
    const take = { frameSeconds: 1 / 15 };
    const skipped = { count: 29, lastStartSeconds: 2.0, endSeconds: 2.066 };
    expect(durationCheck({ ...copy(2.067, 31), source: { ...take, packets: skipped } })).toEqual({
      id: 'duration',
      passed: true,
      detail: '2.067 s and 31 frames; the source declares no length, and its 29 frames end at 2.066 s (allowed: one frame, 0.067 s).',
    });
    // Its last frame dropped by the stamping (ffmpeg's fps filter at the end of the stream): one frame less.
    expect(durationCheck({ ...copy(2.0, 30), source: { ...take, packets: skipped } }).passed).toBe(true);
    // As many frames as the take, but two frames short: the count proves nothing once frames are stamped anew.
    expect(durationCheck({ ...copy(1.933, 29), source: { ...take, packets: skipped } }).passed).toBe(false);
    // A copy that lost its last half second is not saved by a missing length.
    expect(durationCheck({ ...copy(1.533, 23), source: { ...take, packets: skipped } }).passed).toBe(false);
    expect(durationCheck({ ...copy(2.067, 31), source: take }).detail).toBe('2.067 s and 31 frames; the source declares no length (allowed: one frame, 0.067 s).');
  });

  it('passes a browser take whose frames carry no length: its last frame ends about a frame after it starts', () => {
    // As in a take the keyboard workflow E2E recorded in Chromium: the last of 30 frames starts at 2.066 s,
    // and the copy, stamped at 15 fps, has 31 frames ending at 2.067 s.
    const take = { frameSeconds: 1 / 15, packets: { count: 30, lastStartSeconds: 2.066 } };
    expect(durationCheck({ ...copy(2.067, 31), source: take })).toEqual({
      id: 'duration',
      passed: true,
      detail: '2.067 s and 31 frames; the source declares no length, and the last of its 30 frames starts at 2.066 s (allowed: one frame, 0.067 s).',
    });
    expect(durationCheck({ ...copy(2.2, 33), source: take }).passed).toBe(true);
    expect(durationCheck({ ...copy(2.267, 34), source: take }).passed).toBe(false);
    expect(durationCheck({ ...copy(1.933, 29), source: take }).passed).toBe(false);
    expect(durationCheck({ ...copy(0.067, 1), source: { frameSeconds: 1 / 15, packets: { count: 1, lastStartSeconds: 0 } } }).detail).toBe(
      '0.067 s and 1 frame; the source declares no length, and its only frame starts at 0.000 s (allowed: one frame, 0.067 s).',
    );
  });

  it('passes a copy of a raw stream, whose frames carry no time, only with every frame', () => {
    expect(durationCheck({ ...copy(10.0, 151, false), source: { pictureEndSeconds: 12.0, packets: { count: 151 } } }).passed).toBe(true);
    expect(durationCheck({ ...copy(10.0, 151, false), source: { pictureEndSeconds: 12.0, packets: { count: 150 } } }).detail).toBe(
      '10.000 s and 151 frames; the source declares 12.000 s and 150 frames (allowed: one frame, 0.042 s).',
    );
  });

  it('passes a copy with every frame of a source whose declared length its frames do not fill', () => {
    const facts = { ...copy(9.0, 151), source: { pictureEndSeconds: 10.0, frameSeconds: 1 / 15, packets: { count: 151, lastStartSeconds: 8.933, endSeconds: 9.0 } } };
    expect(allPassed(verifyOutput(facts))).toBe(true);
    expect(durationCheck(facts).detail).toBe('9.000 s and 151 frames; the source declares 10.000 s, and its 151 frames end at 9.000 s (allowed: one frame, 0.067 s).');
  });

  it('fails a copy of a file cut short, though it ends where the frames do: the rest is missing', () => {
    const cut = durationCheck({ ...copy(15.0, 225), source: { pictureEndSeconds: 60.0, frameSeconds: 1 / 15, packets: { count: 226, lastStartSeconds: 14.933, endSeconds: 15.0 } } });
    expect(cut).toEqual({ id: 'duration', passed: false, detail: '15.000 s and 225 frames; the source declares 60.000 s, and its 226 frames end at 15.000 s (allowed: one frame, 0.067 s).' });
  });
});
