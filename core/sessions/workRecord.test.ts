import { describe, expect, it } from 'vitest';
import { type EventData, GENESIS_HASH, type LogEntry } from './eventLog.std';
import { replaySessions } from './replay.std';
import { workRecordHtml } from './workRecord.std';

function entries(...timeline: Array<[string, EventData]>): LogEntry[] {
  return timeline.map(([at, event], seq) => ({ v: 1, seq, at, prev: GENESIS_HASH, event }));
}
const session = (id: string, platform: string, task: string, day: string, outcomes: Array<'approved' | 'rejected'>): Array<[string, EventData]> => [
  [`${day}T09:00:00.000+01:00`, { type: 'session.started', sessionId: id, platform, task, terms: { amount: 1, currency: 'USD', per: 'clip' } }],
  ...outcomes.map((outcome, index): [string, EventData] => [`${day}T09:10:00.000+01:00`, { type: 'clip.added', sessionId: id, clipId: `${id}${index}`, file: `/home/ada/private/${id}${index}.mp4`, sha256: 'a'.repeat(64) }]),
  [`${day}T10:00:00.000+01:00`, { type: 'session.ended', sessionId: id }],
  ...outcomes.map((outcome, index): [string, EventData] => [`${day}T11:00:00.000+01:00`, { type: 'clip.outcome', sessionId: id, clipId: `${id}${index}`, outcome }]),
];

describe('workRecordHtml', () => {
  it('describes task kinds, hours, platforms, approvals and the quality rate, and names no file', () => {
    const sessions = replaySessions(entries(
      ...session('a', 'Acme', 'fold towels', '2026-10-01', ['approved', 'approved', 'rejected']),
      ...session('b', 'Acme', 'hand gestures', '2026-11-02', ['approved']),
      ...session('c', 'Bolt', 'fold towels', '2026-11-20', ['approved', 'rejected']),
      [`2026-11-21T09:00:00.000+01:00`, { type: 'session.started', sessionId: 'd', platform: 'Bolt', task: 'still running', terms: { amount: 1, currency: 'USD', per: 'clip' } }],
    ));
    const html = workRecordHtml(sessions, { generatedAtLocal: '2026-12-05T10:00:00.000+01:00', appVersion: '1.2.3' }, Date.parse('2027-01-01T00:00:00Z'));
    expect(html).toContain('From Oct 1, 2026 to Nov 20, 2026.');
    expect(html).toContain('3:00:00 of recorded work in 3 sessions on 2 platforms: 4 clips approved of 6 decided (quality rate 67 %).');
    expect(html).toMatch(/<td>fold towels<\/td><td>Oct 1, 2026 – Nov 20, 2026<\/td><td class="num">2<\/td><td class="num">2:00:00<\/td><td class="num">3 of 5 decided<\/td><td class="num">60 %<\/td>/);
    expect(html).toMatch(/<td>Bolt<\/td><td>Nov 20, 2026<\/td><td class="num">1<\/td>/);
    expect(html).not.toMatch(/still running|private|\.mp4|aaaa/);
  });
});
