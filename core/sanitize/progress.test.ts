import { describe, expect, it } from 'vitest';
import { batchFraction, describeTimeLeft, identifyingKinds, secondsLeft } from './progress.std';

describe('batch progress', () => {
  it('weights files by their length and counts finished files whole', () => {
    expect(batchFraction([{ status: 'done', fraction: 1 }, { status: 'failed', fraction: 0.1 }, { status: 'encoding', fraction: 0.5 }, { status: 'queued', fraction: 0 }])).toBe(0.625);
    // A photo done and a 9 s clip half way: a tenth plus half of nine tenths.
    expect(batchFraction([{ status: 'done', fraction: 1 }, { status: 'encoding', fraction: 0.5, seconds: 9 }])).toBeCloseTo(0.55);
    expect(batchFraction([])).toBe(0);
  });

  it('estimates time left from the recent speed, so that a quick start does not promise too little', () => {
    const steady = [1000, 2000, 4000, 10_000].map((ms) => ({ ms, fraction: ms / 40_000 }));
    expect(secondsLeft(steady)).toBeCloseTo(30);
    // Reading took 10 % in 1 s, then the work goes at 1 % a second: at 35 % after 26 s, 65 s are left, not
    // the 48 s the average since the start would say.
    const slowing = [{ ms: 1000, fraction: 0.1 }, ...[5, 10, 15, 20, 25].map((s) => ({ ms: 1000 + s * 1000, fraction: 0.1 + s * 0.01 }))];
    expect(secondsLeft(slowing)).toBeCloseTo(65);
    expect(secondsLeft([{ ms: 10_000, fraction: 0.01 }])).toBeUndefined();
    expect(secondsLeft([{ ms: 1000, fraction: 0.5 }])).toBeUndefined();
    expect(describeTimeLeft(30)).toBe('About 30 s left');
    expect(describeTimeLeft(150)).toBe('About 3 min left');
  });

  it('names the kinds of identifying data once each', () => {
    // Reasons in another language than the one shown: the kinds come from the tags themselves.
    const tag = (group: string, name: string, identifying = true) => ({ group, name, value: 'v', identifying, reason: 'Lieu : où' });
    const report = {
      file: 'f', readable: true, identifyingCount: 3, streamFingerprints: [], sha256: '0'.repeat(64),
      tags: [tag('GPS', 'GPSLatitude'), tag('GPS', 'GPSLongitude'), tag('IFD0', 'Make'), tag('File', 'ImageWidth', false)],
    };
    expect(identifyingKinds(report)).toEqual(['Location', 'Device']);
  });
});
