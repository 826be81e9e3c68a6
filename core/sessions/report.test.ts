import { describe, expect, it } from 'vitest';
import { type EventData, GENESIS_HASH, type LogEntry } from './eventLog.std';
import { evidenceReportHtml, readableLocal } from './report.std';
import { formatWorked } from '../shared/clock.std';
import { replaySessions } from './replay.std';

const HASH = (digit: string) => digit.repeat(64);
const timeline: Array<[string, EventData]> = [
  ['2026-11-23T09:00:00.000+01:00', { type: 'session.started', sessionId: 's', platform: '<script>alert(1)</script>', task: 'wave', terms: { amount: 1, currency: 'USD', per: 'clip' } }],
  ['2026-11-23T09:00:00.000+01:00', { type: 'phase.started', sessionId: 's', phaseId: 'p', phase: 'setup' }],
  ['2026-11-23T09:09:00.000+01:00', { type: 'corner.checked', sessionId: 's', verdict: 'clear', open: [], accepted: ['face'], blurred: ['document'] }],
  ['2026-11-23T09:10:00.000+01:00', { type: 'phase.stopped', sessionId: 's', phaseId: 'p' }],
  ['2026-11-23T09:10:00.000+01:00', { type: 'take.started', sessionId: 's', takeId: 't', file: '/data/takes/s/take-001.webm' }],
  ['2026-11-23T09:11:00.000+01:00', { type: 'take.stopped', sessionId: 's', takeId: 't', durationSeconds: 60, sha256: HASH('a') }],
  ['2026-11-23T09:12:00.000+01:00', { type: 'clip.outcome', sessionId: 's', clipId: 't', outcome: 'rejected', reason: 'hands "out" of frame' }],
  ['2026-11-23T09:20:00.000+01:00', { type: 'session.ended', sessionId: 's' }],
  ['2026-11-23T09:30:00.000+01:00', { type: 'session.started', sessionId: 'other', platform: 'Other', task: '', terms: { amount: 1, currency: 'USD', per: 'clip' } }],
];
const entries: LogEntry[] = timeline.map(([at, event], seq) => ({ v: 1, seq, at, prev: GENESIS_HASH, event }));
const NOW = Date.parse('2030-01-01T00:00:00Z');

describe('evidence report', () => {
  const [session] = replaySessions(entries);
  const html = evidenceReportHtml(session!, entries, { logHead: HASH('f'), logEvents: entries.length, generatedAtLocal: '2026-11-24T08:00:00.000+01:00', appVersion: '1.2.3' }, NOW);

  it('escapes everything the worker or a file name typed, and loads nothing', () => {
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('hands &quot;out&quot; of frame');
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(html).not.toMatch(/\b(src|href)=/);
  });

  it('lists this session only, in order, with the time per phase, the clip hash and the log head', () => {
    const timelineRows = [...html.matchAll(/<td class="when">([^<]+)<\/td><td>([^<]+)<\/td>/g)].map((match) => match[2]);
    expect(timelineRows).toEqual([
      expect.stringMatching(/^Session started: &lt;script&gt;/),
      'Started: Setup',
      // What was accepted and what was left in view to be blurred, apart.
      'Corner checked: clear; accepted: a face or a photo of one; to blur in the clean copies: papers or writing',
      'Stopped: Setup',
      'Take started: take-001.webm',
      `Take stopped: take-001.webm, 60.0 s, SHA-256 ${HASH('a')}`,
      'Outcome for take-001.webm: rejected (hands &quot;out&quot; of frame)',
      'Session ended',
    ]);
    expect(html).toMatch(/Setup<\/td><td class="num">0:10:00/);
    expect(html).toMatch(/All working time \(pauses and breaks not counted as work excluded\)<\/th><th class="num">0:20:00/);
    expect(html).toContain(HASH('f'));
    // Per clip, and the one clip was rejected: nothing expected.
    expect(html).toContain('Expected by the terms: USD\u00a00.00, USD\u00a00.00 per hour (nothing received yet).');
  });

  it('writes times on the worker\'s clock with its offset, and durations as the app shows them', () => {
    expect(readableLocal('2026-03-29T01:59:59.000+00:00')).toMatch(/^Mar 29, 2026, 1:59:59\sAM \(UTC\+00:00\)$/);
    expect(readableLocal('2026-03-29T03:00:00.000+02:00')).toMatch(/^Mar 29, 2026, 3:00:00\sAM \(UTC\+02:00\)$/);
    // The same whole seconds as the app shows: cut down, never rounded up.
    expect(formatWorked(3 * 3600 + 5 * 60 + 9)).toBe('3:05:09');
    expect(formatWorked(65.9)).toBe('0:01:05');
  });
});
