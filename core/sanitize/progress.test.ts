import { describe, expect, it } from 'vitest';
import { batchFraction, describeTimeLeft, identifyingKinds, secondsLeft } from './progress.std';

describe('batch progress', () => {
  it('weights files equally and counts finished files whole', () => {
    expect(batchFraction([{ status: 'done', fraction: 1 }, { status: 'failed', fraction: 0.1 }, { status: 'encoding', fraction: 0.5 }, { status: 'queued', fraction: 0 }])).toBe(0.625);
    expect(batchFraction([])).toBe(0);
  });

  it('estimates time left from the speed so far', () => {
    expect(secondsLeft(0.25, 10_000)).toBe(30);
    expect(secondsLeft(0.01, 10_000)).toBeUndefined();
    expect(describeTimeLeft(30)).toBe('About 30 s left');
    expect(describeTimeLeft(150)).toBe('About 3 min left');
  });

  it('names the kinds of identifying data once each', () => {
    const tag = (reason: string, identifying = true) => ({ group: 'g', name: 'n', value: 'v', identifying, reason });
    const report = {
      file: 'f', readable: true, identifyingCount: 3, streamFingerprints: [], sha256: '0'.repeat(64),
      tags: [tag('Location: where'), tag('Location: where'), tag('Device: the make'), tag('Technical: size', false)],
    };
    expect(identifyingKinds(report)).toEqual(['Location', 'Device']);
  });
});
