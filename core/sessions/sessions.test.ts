import { describe, expect, it } from 'vitest';
import { type EventData, GENESIS_HASH, type LogEntry } from './eventLog.std';
import { clipOutcomes, compareWithMinimum, expectedPay, formatMoney, hourlyRates, payEnteredAs, payEntryRefusal, received, sessionPayPerClip } from './pay.std';
import { frontPhase, phaseSeconds, restBreakSeconds, sessionSeconds, unionMs, workingSince } from './time.std';
import { replaySessions } from './replay.std';
import { sessionsCsv } from './csv.std';
import { summariseByPlatform, summariseByWeek, weekStart } from './summaries.std';

/** Entries at the given local timestamps (chain fields are irrelevant to the maths). */
function entries(...timeline: Array<[string, EventData]>): LogEntry[] {
  return timeline.map(([at, event], seq) => ({ v: 1, seq, at, prev: GENESIS_HASH, event }));
}
const start = (id: string, platform = 'Acme', currency = 'USD'): Extract<EventData, { type: 'session.started' }> => ({
  type: 'session.started', sessionId: id, platform, task: 'fold towels', terms: { amount: 0.5, currency, per: 'clip' },
});
const phase = (id: string, phaseId: string, kind: 'setup' | 'take' | 'waiting' | 'retake'): EventData => ({ type: 'phase.started', sessionId: id, phaseId, phase: kind });
const stop = (id: string, phaseId: string): EventData => ({ type: 'phase.stopped', sessionId: id, phaseId });
const end = (id: string): EventData => ({ type: 'session.ended', sessionId: id });
const NOW = Date.parse('2030-01-01T00:00:00Z');

describe('unionMs', () => {
  it('counts overlapping intervals once and runs open ones to now', () => {
    expect(unionMs([{ start: 0, end: 10 }, { start: 5, end: 15 }, { start: 20, end: 25 }], 100)).toBe(20);
    expect(unionMs([{ start: 90 }], 100)).toBe(10);
    expect(unionMs([{ start: 10, end: 5 }], 100)).toBe(0);
  });
});

describe('session time', () => {
  it('excludes pauses, counts overlapping phases of one kind once, and keeps the rest as "other"', () => {
    const [session] = replaySessions(entries(
      ['2026-11-23T09:00:00.000+01:00', start('s')],
      ['2026-11-23T09:00:00.000+01:00', phase('s', 'a', 'setup')],
      ['2026-11-23T09:10:00.000+01:00', stop('s', 'a')],
      ['2026-11-23T09:10:00.000+01:00', phase('s', 't1', 'take')],
      ['2026-11-23T09:15:00.000+01:00', phase('s', 't2', 'take')], // overlaps t1
      ['2026-11-23T09:20:00.000+01:00', stop('s', 't1')],
      ['2026-11-23T09:25:00.000+01:00', stop('s', 't2')],
      ['2026-11-23T09:30:00.000+01:00', { type: 'session.paused', sessionId: 's' }],
      ['2026-11-23T10:30:00.000+01:00', { type: 'session.resumed', sessionId: 's' }],
      ['2026-11-23T10:30:00.000+01:00', phase('s', 'w', 'waiting')],
      ['2026-11-23T10:45:00.000+01:00', end('s')], // closes the open waiting phase
    ));
    expect(sessionSeconds(session!, NOW)).toBe(45 * 60); // 105 min minus a 60 min pause
    const phases = phaseSeconds(session!, NOW);
    expect(phases).toMatchObject({ setup: 600, take: 900, waiting: 900, retake: 0 });
    expect(phases.other).toBe(300); // 09:25-09:30
  });

  it('counts time in phases of different kinds run at once for the one started last, so the parts add up to the whole', () => {
    const [session] = replaySessions(entries(
      ['2026-11-23T09:00:00.000+01:00', start('s')],
      ['2026-11-23T09:00:00.000+01:00', { type: 'phase.started', sessionId: 's', phaseId: 'r', phase: 'instructions' }],
      ['2026-11-23T09:05:00.000+01:00', { type: 'phase.started', sessionId: 's', phaseId: 'u', phase: 'uploading' }], // reading goes on
      ['2026-11-23T09:08:00.000+01:00', phase('s', 't', 'take')],
      ['2026-11-23T09:10:00.000+01:00', stop('s', 't')],
      ['2026-11-23T09:20:00.000+01:00', stop('s', 'u')],
      ['2026-11-23T09:30:00.000+01:00', { type: 'session.paused', sessionId: 's' }],
      ['2026-11-23T09:40:00.000+01:00', { type: 'session.resumed', sessionId: 's' }],
      ['2026-11-23T09:50:00.000+01:00', end('s')], // closes the reading, open all along
    ));
    const phases = phaseSeconds(session!, NOW);
    // Reading 09:00-09:05 and 09:20-09:30, 09:40-09:50; uploading 09:05-09:08 and 09:10-09:20; the take 09:08-09:10.
    expect(phases).toMatchObject({ instructions: 25 * 60, uploading: 13 * 60, take: 2 * 60, other: 0 });
    const parts = Object.values(phases).reduce((sum, seconds) => sum + seconds, 0);
    expect(parts).toBe(sessionSeconds(session!, NOW));
  });

  it('gives the time running now to the open working phase started last, else to "other"', () => {
    expect(frontPhase([])).toBe('other');
    expect(frontPhase([{ phase: 'uploading' }, { phase: 'take' }])).toBe('take');
    expect(frontPhase([{ phase: 'uploading' }, { phase: 'break' }])).toBe('uploading');
    expect(frontPhase([{ phase: 'uploading' }, { phase: 'break', countsAsWork: true }])).toBe('break');
  });

  it('leaves a break out of the working time unless it counts as work, and knows when work last started', () => {
    const timeline = (countsAsWork: boolean) =>
      replaySessions(entries(
        ['2026-11-23T09:00:00.000+01:00', start('s')],
        ['2026-11-23T09:00:00.000+01:00', phase('s', 't', 'take')],
        ['2026-11-23T09:50:00.000+01:00', { type: 'phase.started', sessionId: 's', phaseId: 'b', phase: 'break', ...(countsAsWork ? { countsAsWork } : {}) }],
        ['2026-11-23T10:00:00.000+01:00', stop('s', 'b')],
        ['2026-11-23T10:00:00.000+01:00', stop('s', 't')], // a take left running over the break
        ['2026-11-23T10:30:00.000+01:00', end('s')],
      ))[0]!;
    const rested = timeline(false);
    expect(sessionSeconds(rested, NOW)).toBe(80 * 60);
    expect(phaseSeconds(rested, NOW)).toMatchObject({ take: 50 * 60, break: 0, other: 30 * 60 });
    expect(restBreakSeconds(rested, NOW)).toBe(10 * 60);
    expect(workingSince(rested)).toBe(Date.parse('2026-11-23T10:00:00.000+01:00'));
    const counted = timeline(true);
    expect(sessionSeconds(counted, NOW)).toBe(90 * 60);
    // The take ran on over the break: those ten minutes count once, for the break, started last.
    expect(phaseSeconds(counted, NOW)).toMatchObject({ take: 50 * 60, break: 10 * 60, other: 30 * 60 });
    expect(restBreakSeconds(counted, NOW)).toBe(0);
    expect(workingSince(counted)).toBe(Date.parse('2026-11-23T10:00:00.000+01:00'));
  });

  it('takes a forgotten timer\'s time off when it is corrected, keeping the correction as its own event', () => {
    const log = entries(
      ['2026-11-23T09:00:00.000+01:00', start('f')],
      ['2026-11-23T09:10:00.000+01:00', { type: 'phase.started', sessionId: 'f', phaseId: 'u', phase: 'uploading' }],
      // Uploading was left running for two hours; it really stopped at 09:25.
      ['2026-11-23T11:10:00.000+01:00', { type: 'time.corrected', sessionId: 'f', phaseId: 'u', endedAt: '2026-11-23T09:25:00.000+01:00' }],
      ['2026-11-23T11:12:00.000+01:00', stop('f', 'u')],
      ['2026-11-23T23:00:00.000+01:00', end('f')],
      // The session was ended at night; the work stopped at 11:30.
      ['2026-11-24T08:00:00.000+01:00', { type: 'time.corrected', sessionId: 'f', endedAt: '2026-11-23T11:30:00.000+01:00' }],
    );
    const [session] = replaySessions(log);
    expect(phaseSeconds(session!, NOW)).toMatchObject({ uploading: 15 * 60 });
    expect(sessionSeconds(session!, NOW)).toBe(150 * 60);
    // Without the corrections, the same events count what the timers counted.
    const [uncorrected] = replaySessions(log.filter(({ event }) => event.type !== 'time.corrected'));
    expect(phaseSeconds(uncorrected!, NOW)).toMatchObject({ uploading: 122 * 60 });
    expect(sessionSeconds(uncorrected!, NOW)).toBe(14 * 3600);
  });

  it('is not fooled by midnight, time zones or a DST change', () => {
    const [overnight] = replaySessions(entries(['2026-11-23T23:30:00.000+01:00', start('n')], ['2026-11-24T00:45:00.000+01:00', end('n')]));
    expect(sessionSeconds(overnight!, NOW)).toBe(75 * 60);
    // Europe/Berlin springs forward at 02:00 on 2026-03-29: 01:30+01:00 to 03:30+02:00 is one hour.
    const [dst] = replaySessions(entries(['2026-03-29T01:30:00.000+01:00', start('d')], ['2026-03-29T03:30:00.000+02:00', end('d')]));
    expect(sessionSeconds(dst!, NOW)).toBe(3600);
    // The same instant logged from Lagos (+01:00) and from UTC is the same instant.
    const [moved] = replaySessions(entries(['2026-11-23T09:00:00.000+01:00', start('m')], ['2026-11-23T09:00:00.000Z', end('m')]));
    expect(sessionSeconds(moved!, NOW)).toBe(3600);
  });
});

describe('pay', () => {
  const log = entries(
    ['2026-11-23T09:00:00.000+01:00', start('a', 'Acme', 'USD')],
    ['2026-11-23T11:00:00.000+01:00', end('a')],
    ['2026-11-23T12:00:00.000+01:00', { type: 'pay.received', sessionId: 'a', amount: 9, currency: 'USD' }],
    ['2026-11-24T09:00:00.000+01:00', start('b', 'Beta', 'NGN')],
    ['2026-11-24T10:00:00.000+01:00', end('b')],
    ['2026-11-24T12:00:00.000+01:00', { type: 'pay.received', sessionId: 'b', amount: 3000, currency: 'NGN' }],
    ['2026-11-25T09:00:00.000+01:00', start('c', 'Acme', 'USD')],
    ['2026-11-25T10:00:00.000+01:00', end('c')],
  );
  const sessions = replaySessions(log);

  it('divides what was received by all working hours, per currency, never mixing currencies', () => {
    expect(hourlyRates(sessions.filter((s) => s.platform === 'Acme'), NOW)).toEqual([{ currency: 'USD', amount: 3 }]);
    expect(hourlyRates(sessions, NOW)).toEqual([{ currency: 'USD', amount: 2.25 }, { currency: 'NGN', amount: 750 }]);
    expect(hourlyRates(sessions.filter((s) => s.id === 'c'), NOW)).toEqual([]); // no pay entered yet
  });

  it('summarises per platform and exports CSV with a row per session', () => {
    expect(summariseByPlatform(sessions, NOW)).toEqual([
      { platform: 'Acme', sessions: 2, hours: 3, received: [{ currency: 'USD', amount: 9 }], rates: [{ currency: 'USD', amount: 3 }] },
      { platform: 'Beta', sessions: 1, hours: 1, received: [{ currency: 'NGN', amount: 3000 }], rates: [{ currency: 'NGN', amount: 3000 }] },
    ]);
    const csv = sessionsCsv(sessions, NOW).trim().split('\r\n');
    expect(csv[0]).toMatch(/^row,date,platform,task,setup_hours,.*,total_hours,paid,currency,hourly_rate,clip_file,clip_sha256,.*,clip_paid_on,break_hours,rest_break_hours$/);
    expect(csv[1]).toMatch(/^session,2026-11-23,Acme,fold towels,.*,2\.0000,9\.00,USD,4\.50,{12},0\.0000,0\.0000$/);
    expect(csv[3]).toMatch(/^session,2026-11-25,Acme,fold towels,.*,1\.0000,,,,{12},0\.0000,0\.0000$/);
  });

  it('takes a payout in one place per session: the whole session, or its clips', () => {
    const [paidAsWhole, unpaid] = [sessions.find((s) => s.id === 'a')!, sessions.find((s) => s.id === 'c')!];
    expect(payEnteredAs(paidAsWhole)).toBe('session');
    expect(payEntryRefusal(paidAsWhole, 'clip')).toMatch(/paid as a whole/);
    expect(payEntryRefusal(paidAsWhole, 'session')).toBeUndefined();
    expect(payEnteredAs(unpaid)).toBeUndefined();
    expect(payEntryRefusal(unpaid, 'clip')).toBeUndefined();
    const clipPaid = { ...unpaid, clips: [{ clipId: 'k', origin: 'added' as const, file: '/c.mp4', outcome: { outcome: 'approved' as const, paid: { amount: 1, currency: 'USD' }, atLocal: '' } }] };
    expect(payEnteredAs(clipPaid)).toBe('clips');
    expect(payEntryRefusal(clipPaid, 'session')).toMatch(/entered on its clips' decisions/);
  });

  it('quotes CSV cells that could break the file, and keeps formulas from running', () => {
    const [session] = replaySessions(entries(['2026-11-23T09:00:00.000+01:00', { ...start('q'), platform: '=HYPERLINK("x")', task: 'a, "b"' } as EventData]));
    expect(sessionsCsv([session!], NOW)).toContain(`"'=HYPERLINK(""x"")","a, ""b"""`);
  });
});

describe('clips', () => {
  const HASH = (digit: string) => digit.repeat(64);
  const [session] = replaySessions(entries(
    ['2026-11-23T09:00:00.000+01:00', { ...start('s'), terms: { amount: 2, currency: 'USD', per: 'approved-minute' } }],
    ['2026-11-23T09:01:00.000+01:00', { type: 'take.started', sessionId: 's', takeId: 't1', file: '/takes/take-1.webm' }],
    ['2026-11-23T09:01:30.000+01:00', { type: 'take.risk', sessionId: 's', takeId: 't1', atSeconds: 29.5, category: 'person', label: 'Another person' }],
    ['2026-11-23T09:02:00.000+01:00', { type: 'take.stopped', sessionId: 's', takeId: 't1', durationSeconds: 60, sha256: HASH('1') }],
    ['2026-11-23T09:03:00.000+01:00', { type: 'take.started', sessionId: 's', takeId: 't2', file: '/takes/take-2.webm' }],
    ['2026-11-23T09:04:00.000+01:00', { type: 'take.stopped', sessionId: 's', takeId: 't2', durationSeconds: 55, sha256: HASH('2') }],
    ['2026-11-23T09:04:30.000+01:00', { type: 'take.discarded', sessionId: 's', takeId: 't2' }],
    ['2026-11-23T09:05:00.000+01:00', { type: 'clip.added', sessionId: 's', clipId: 'c1', file: '/phone/IMG_1.mov', sha256: HASH('3'), durationSeconds: 120 }],
    ['2026-11-23T09:06:00.000+01:00', { type: 'clip.sanitized', sessionId: 's', clipId: 'c1', output: '/clean/clip-001.mp4', sha256: HASH('4'), identifyingLeft: 0 }],
    ['2026-11-23T09:07:00.000+01:00', { type: 'session.ended', sessionId: 's' }],
    ['2026-11-30T10:00:00.000+01:00', { type: 'clip.outcome', sessionId: 's', clipId: 'c1', outcome: 'rejected', reason: 'too dark' }],
    ['2026-12-01T10:00:00.000+01:00', { type: 'clip.outcome', sessionId: 's', clipId: 't1', outcome: 'approved', paid: { amount: 2, currency: 'USD' }, paidOn: '2026-12-01' }],
  ));

  it('keeps takes and added clips, drops a redone take, and ties the clean copy and the latest outcome to each', () => {
    expect(session!.clips.map((clip) => [clip.clipId, clip.origin, clip.sha256, clip.sanitized?.output, clip.outcome?.outcome])).toEqual([
      ['t1', 'take', HASH('1'), undefined, 'approved'],
      ['c1', 'added', HASH('3'), '/clean/clip-001.mp4', 'rejected'],
    ]);
    expect(clipOutcomes([session!])).toEqual({ approved: 1, rejected: 1, pending: 0 });
  });

  it('counts pay entered on a clip as received, and expects pay by the terms for clips not rejected', () => {
    expect(received([session!])).toEqual([{ currency: 'USD', amount: 2 }]);
    // Per approved minute: only t1's minute stands (c1 was rejected).
    expect(expectedPay(session!, NOW)).toEqual({ currency: 'USD', amount: 2 });
    const perClip = { ...session!, terms: { amount: 0.5, currency: 'USD', per: 'clip' as const } };
    expect(expectedPay(perClip, NOW)).toEqual({ currency: 'USD', amount: 0.5 });
    const perHour = { ...session!, terms: { amount: 6, currency: 'USD', per: 'hour' as const } };
    expect(expectedPay(perHour, NOW).amount).toBeCloseTo(0.7); // 7 minutes
  });

  it('exports a CSV row per clip under its session, with hashes and outcome', () => {
    const csv = sessionsCsv([session!], NOW).trim().split('\r\n');
    expect(csv).toHaveLength(4);
    expect(csv[2]).toMatch(new RegExp(`^clip,2026-11-23,Acme,fold towels,.*,/takes/take-1.webm,${HASH('1')},60.0,29.5s Another person,,,,approved,,2.00,USD,2026-12-01,,$`));
    expect(csv[3]).toMatch(new RegExp(`^clip,.*,/phone/IMG_1.mov,${HASH('3')},120.0,,/clean/clip-001.mp4,${HASH('4')},0,rejected,too dark,,,,,$`));
  });
});

describe('weeks', () => {
  it('starts weeks on the worker\'s Monday, across a year end', () => {
    expect(weekStart('2026-11-23T09:00:00.000+01:00')).toBe('2026-11-23');
    expect(weekStart('2026-11-29T23:59:00.000-05:00')).toBe('2026-11-23');
    expect(weekStart('2026-11-30T00:10:00.000+13:00')).toBe('2026-11-30');
    expect(weekStart('2027-01-01')).toBe('2026-12-28');
  });

  it('sums phases, clips and pay per week, each session in the week it started', () => {
    const sessions = replaySessions(entries(
      ['2026-11-23T09:00:00.000+01:00', start('a')],
      ['2026-11-23T09:00:00.000+01:00', phase('a', 'p', 'setup')],
      ['2026-11-23T09:30:00.000+01:00', stop('a', 'p')],
      ['2026-11-23T10:00:00.000+01:00', end('a')],
      ['2026-11-29T23:30:00.000+01:00', start('b')], // Sunday night, ends on Monday: still the first week
      ['2026-11-30T00:30:00.000+01:00', end('b')],
      ['2026-11-30T00:31:00.000+01:00', { type: 'pay.received', sessionId: 'b', amount: 4, currency: 'USD' }],
      ['2026-12-02T09:00:00.000+01:00', start('c')],
      ['2026-12-02T09:00:00.000+01:00', { type: 'clip.added', sessionId: 'c', clipId: 'k', file: '/k.mov', sha256: 'a'.repeat(64) }],
      ['2026-12-02T09:30:00.000+01:00', end('c')],
    ));
    const weeks = summariseByWeek(sessions, NOW);
    expect(weeks.map((week) => [week.week, week.sessions, week.hours, week.phaseHours.setup, week.phaseHours.other])).toEqual([
      ['2026-11-23', 2, 2, 0.5, 1.5],
      ['2026-11-30', 1, 0.5, 0, 0.5],
    ]);
    expect(weeks[0]!.rates).toEqual([{ currency: 'USD', amount: 2 }]);
    expect(weeks[1]!.clips).toEqual({ approved: 0, rejected: 0, pending: 1 });
  });
});

describe('sessionPayPerClip', () => {
  const paid = [{ amount: 5000, currency: 'NGN' }];
  it('shares pay received for the whole session among the clips not rejected', () => {
    expect(sessionPayPerClip(paid, [{ outcome: { outcome: 'approved' } }, {}, { outcome: { outcome: 'rejected' } }])).toEqual([{ amount: 2500, currency: 'NGN' }]);
    expect(sessionPayPerClip(paid, [{}, {}, {}, {}])).toEqual([{ amount: 1250, currency: 'NGN' }]);
  });
  it('shares it among all clips when every one was rejected, and gives nothing without clips', () => {
    expect(sessionPayPerClip(paid, [{ outcome: { outcome: 'rejected' } }, { outcome: { outcome: 'rejected' } }])).toEqual([{ amount: 2500, currency: 'NGN' }]);
    expect(sessionPayPerClip(paid, [])).toEqual([]);
  });
});

describe('formatMoney', () => {
  it('writes amounts with their currency and never adds currencies together', () => {
    expect(formatMoney({ amount: 3.5, currency: 'USD' })).toBe('USD\u00a03.50');
    expect(formatMoney([{ amount: 3.5, currency: 'USD' }, { amount: 1200, currency: 'NGN' }])).toBe('USD\u00a03.50 and NGN\u00a01,200.00');
    // A negative amount after another reads as one, not as "+ -USD".
    expect(formatMoney([{ amount: 236096.54, currency: 'NGN' }, { amount: -708289.61, currency: 'USD' }])).toBe('NGN\u00a0236,096.54 and -USD\u00a0708,289.61');
    expect(formatMoney([])).toBe('');
  });
});

describe('compareWithMinimum', () => {
  it('compares in the minimum\'s currency only', () => {
    const rates = [{ currency: 'USD', amount: 2.25 }, { currency: 'NGN', amount: 750 }];
    expect(compareWithMinimum(rates, { currency: 'NGN', amount: 1000 })).toEqual({ rate: { currency: 'NGN', amount: 750 }, below: true, shortfall: 250 });
    expect(compareWithMinimum(rates, { currency: 'USD', amount: 2 })).toMatchObject({ below: false, shortfall: 0 });
    expect(compareWithMinimum(rates, { currency: 'EUR', amount: 10 })).toBeUndefined();
    expect(compareWithMinimum(rates, undefined)).toBeUndefined();
  });
});
