import { describe, expect, it } from 'vitest';
import { formatClock, formatClockSpan, formatWorked, wholeSecondParts } from './clock.std';

describe('a position in a clip', () => {
  it('is m:ss or h:mm:ss, cut down to the second, or to the tenth when asked', () => {
    expect([formatClock(0.34, { tenths: true }), formatClock(3.3, { tenths: true }), formatClock(3725.99, { tenths: true }), formatClock(3725.99)]).toEqual(['0:00.3', '0:03.3', '1:02:05.9', '1:02:05']);
  });
});

describe('time worked', () => {
  it('shows h:mm:ss, cut down to the second, and is not fooled by float error', () => {
    expect(formatWorked(3 * 3600 + 5 * 60 + 9.9)).toBe('3:05:09');
    expect(formatWorked((115 / 3600) * 3600)).toBe('0:01:55');
    expect(formatWorked(-3)).toBe('0:00:00');
  });

  it('gives phases whole seconds that add up to the total shown beside them', () => {
    // 8.6 + 20.7 + 10.7 = 40 s: cut down one by one they add up to 38.
    const parts = wholeSecondParts({ setup: 8.6, uploading: 20.7, other: 10.7 });
    expect(Object.values(parts).reduce((a, b) => a + b, 0)).toBe(40);
    expect(parts).toEqual({ setup: 8, uploading: 21, other: 11 });
    expect(wholeSecondParts({ take: 2, other: 0 })).toEqual({ take: 2, other: 0 });
  });
});

describe('a span of a clip', () => {
  it('counts its end up to the next whole second, so a short span never reads as nothing', () => {
    expect(formatClockSpan(0, 0.67)).toEqual({ from: '0:00', to: '0:01' });
    expect(formatClockSpan(4.2, 7)).toEqual({ from: '0:04', to: '0:07' });
    expect(formatClockSpan(4.2, 7.01)).toEqual({ from: '0:04', to: '0:08' });
    expect(formatClockSpan(59.5, 60)).toEqual({ from: '0:59', to: '1:00' });
  });
});
