import { describe, expect, it } from 'vitest';
import { breakDue } from './breaks.std';

const since = Date.parse('2026-11-23T09:00:00Z');
const at = (minutes: number) => since + minutes * 60_000;

describe('breakDue', () => {
  it('is due after the set minutes of work, not while resting, not when off, and not while put off', () => {
    const base = { workingSince: since, everyMinutes: 50, resting: false, snoozedUntil: 0 };
    expect(breakDue({ ...base, now: at(49.9) })).toBeUndefined();
    expect(breakDue({ ...base, now: at(50) })).toBe(50);
    expect(breakDue({ ...base, now: at(73.5) })).toBe(73);
    expect(breakDue({ ...base, now: at(60), resting: true })).toBeUndefined();
    expect(breakDue({ ...base, now: at(60), everyMinutes: 0 })).toBeUndefined();
    expect(breakDue({ ...base, now: at(60), everyMinutes: undefined })).toBeUndefined();
    expect(breakDue({ ...base, now: at(60), snoozedUntil: at(65) })).toBeUndefined();
    expect(breakDue({ ...base, now: at(66), snoozedUntil: at(65) })).toBe(66);
  });
});
