import { describe, expect, it } from 'vitest';
import { type EventData, GENESIS_HASH, type LogEntry } from '../sessions/eventLog.std';
import { replaySessions } from '../sessions/replay.std';
import { CONSENT_QUESTIONS, askThePlatform } from './consent.std';
import { afterCosts, costRefusal, describeCost, monthRunUp } from './costs.std';
import { priceOffer } from './offer.std';
import { pageAt, replayPlatforms } from './platformRecord.std';
import { reportCard } from './reportCard.std';

const NOW = Date.parse('2030-01-01T00:00:00Z');
function entries(...timeline: Array<[string, EventData]>): LogEntry[] {
  return timeline.map(([at, event], seq) => ({ v: 1, seq, at, prev: GENESIS_HASH, event }));
}

/**
 * A session of one hour on `day` at `platform`: 10 min setup, `takeMinutes` of takes, the rest waiting; three
 * clips, the third rejected, the first paid `paid` on `paidOn`.
 */
function hourSession(id: string, platform: string, day: string, takeMinutes: number, pay = 0.5, paidOn?: string): Array<[string, EventData]> {
  const at = (minute: number) => `${day}T${String(9 + Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00.000+01:00`;
  const events: Array<[string, EventData]> = [
    [at(0), { type: 'session.started', sessionId: id, platform, task: 'fold towels', terms: { amount: pay, currency: 'USD', per: 'clip' } }],
    [at(0), { type: 'phase.started', sessionId: id, phaseId: `${id}-s`, phase: 'setup' }],
    [at(10), { type: 'phase.stopped', sessionId: id, phaseId: `${id}-s` }],
    [at(10), { type: 'take.started', sessionId: id, takeId: `${id}-t`, file: `/takes/${id}.webm` }],
    [at(10 + takeMinutes), { type: 'take.stopped', sessionId: id, takeId: `${id}-t`, durationSeconds: takeMinutes * 60, sha256: 'a'.repeat(64) }],
    [at(10 + takeMinutes), { type: 'clip.added', sessionId: id, clipId: `${id}-b`, file: `/clips/${id}-b.mp4`, sha256: 'b'.repeat(64) }],
    [at(10 + takeMinutes), { type: 'clip.added', sessionId: id, clipId: `${id}-c`, file: `/clips/${id}-c.mp4`, sha256: 'c'.repeat(64) }],
    [at(59), { type: 'session.ended', sessionId: id }],
    [at(59), { type: 'clip.outcome', sessionId: id, clipId: `${id}-t`, outcome: 'approved', paid: { amount: 3, currency: 'USD' }, ...(paidOn ? { paidOn } : {}) }],
    [at(59), { type: 'clip.outcome', sessionId: id, clipId: `${id}-b`, outcome: 'approved' }],
    [at(59), { type: 'clip.outcome', sessionId: id, clipId: `${id}-c`, outcome: 'rejected', reason: 'too dark' }],
  ];
  return events;
}

describe('costs', () => {
  it('shares a cost for every platform by hours, a month by that month, and takes a share of pay in its currency', () => {
    const log = entries(
      ...hourSession('a1', 'Acme', '2026-11-02', 20),
      ...hourSession('a2', 'Acme', '2026-12-01', 20),
      ...hourSession('b1', 'Bolt', '2026-11-03', 20),
      ['2026-11-01T08:00:00.000+01:00', { type: 'cost.added', costId: 'net', label: 'Internet', basis: 'month', amount: 12, currency: 'USD' }],
      ['2026-11-01T08:00:00.000+01:00', { type: 'cost.added', costId: 'ring', platform: 'Acme', label: 'Ring light', basis: 'once', amount: 6, currency: 'USD' }],
      ['2026-11-01T08:00:00.000+01:00', { type: 'cost.added', costId: 'fee', platform: 'Acme', label: 'Platform fee', basis: 'share-of-pay', amount: 10 }],
      ['2026-11-01T08:00:00.000+01:00', { type: 'cost.added', costId: 'gone', label: 'Old phone', basis: 'once', amount: 99, currency: 'USD' }],
      ['2026-11-01T08:01:00.000+01:00', { type: 'cost.removed', costId: 'gone' }],
      ['2026-11-01T08:00:00.000+01:00', { type: 'cost.added', costId: 'sim', platform: 'Acme', label: 'Data bundle', basis: 'session', amount: 1, currency: 'USD' }],
      ['2026-11-15T08:00:00.000+01:00', { type: 'cost.ended', costId: 'sim' }],
    );
    const sessions = replaySessions(log);
    const { costs } = replayPlatforms(log);
    expect(costs.map((cost) => cost.costId)).toEqual(['net', 'ring', 'fee', 'sim']);
    const acme = sessions.filter((session) => session.platform === 'Acme');
    const result = afterCosts(acme, sessions, costs, NOW);
    // Internet: half of November's 12 (Acme worked 1 of its 2 hours) + all of December's 12; ring light 6; fee 10 % of
    // 6; the data bundle on the November session only (it stopped on the 15th).
    expect(result.costs[0]!.amount).toBeCloseTo(6 + 12 + 6 + 0.6 + 1);
    expect(result.net[0]!.amount).toBeCloseTo(6 - 25.6);
    expect(result.rates[0]!.amount).toBeCloseTo((6 - 25.6) / (118 / 60));
    expect(describeCost(costs[0]!)).toBe('USD\u00a012.00 a month');
    expect(describeCost(costs[2]!)).toBe('10 % of what is paid');
    expect(costRefusal({ amount: 5, basis: 'month' })).toMatch(/currency/);
    expect(costRefusal({ amount: 120, basis: 'share-of-pay' })).toMatch(/0 to 100/);
  });

  it("charges a month not over yet only the part of its cost run up so far, spread over that month's hours", () => {
    const log = entries(
      ...hourSession('a1', 'Acme', '2026-12-02', 20),
      ['2026-12-01T08:00:00.000+01:00', { type: 'cost.added', costId: 'net', label: 'Internet', basis: 'month', amount: 31, currency: 'USD' }],
    );
    const sessions = replaySessions(log);
    const { costs } = replayPlatforms(log);
    // On the 8th of December (7 days and a half gone): 7.5 of its 31 dollars; once December is over, all of them.
    expect(afterCosts(sessions, sessions, costs, Date.parse('2026-12-08T12:00:00Z')).costs[0]!.amount).toBeCloseTo(7.5);
    expect(afterCosts(sessions, sessions, costs, NOW).costs[0]!.amount).toBeCloseTo(31);
    expect(monthRunUp('2026-12', Date.parse('2026-11-30T00:00:00Z'))).toBeCloseTo(1 / 31);
  });
});

describe('reportCard', () => {
  it('reads the rate after costs, unpaid time, rejections, days to pay, rate changes and open questions into six rated factors', () => {
    const log = entries(
      ...hourSession('a1', 'Acme', '2026-11-02', 20, 0.5, '2026-11-30'),
      ...hourSession('a2', 'Acme', '2026-11-09', 20, 0.4, '2026-12-20'),
      ['2026-11-10T08:00:00.000+01:00', { type: 'consent.answered', platform: 'Acme', question: 'deletion', answer: 'no', platformWords: 'We keep submissions.', answeredOn: '2026-11-10' }],
      ['2026-11-10T08:00:00.000+01:00', { type: 'consent.answered', platform: 'Acme', question: 'appeal', answer: 'yes', answeredOn: '2026-11-10' }],
    );
    const records = replayPlatforms(log);
    const card = reportCard({
      platform: 'Acme',
      sessions: replaySessions(log),
      costs: [],
      flags: new Set(['indemnity']),
      termsRead: true,
      answers: records.answers.get('Acme') ?? {},
      minimum: { amount: 5, currency: 'USD' },
      now: NOW,
    });
    expect(card.sessions).toBe(2);
    expect(card.ratesAfterCosts[0]!.amount).toBeCloseTo(6 / (118 / 60));
    expect(card.againstMinimum).toMatchObject({ below: true });
    expect(card.unpaidShare).toBeCloseTo(1 - 40 / 118);
    expect(card.rejectionShare).toBeCloseTo(2 / 6);
    expect(card.rejectionReasons).toEqual([{ reason: 'too dark', clips: 2 }]);
    expect(card.medianDaysToPay).toBeCloseTo((28 + 41) / 2);
    expect(card.rateHistory.map((entry) => entry.terms.amount)).toEqual([0.5, 0.4]);
    expect(card.openQuestions).not.toContain('deletion');
    expect(card.openQuestions).toHaveLength(CONSENT_QUESTIONS.length - 2);
    const factor = (name: string) => card.factors.find((one) => one.factor === name)!;
    expect(factor('pay transparency')).toMatchObject({ rating: 'higher risk', reason: expect.stringMatching(/median of 35 days.*rate changed 1 time.*66 % of your time/) });
    expect(factor('data consent')).toMatchObject({ rating: 'higher risk', reason: expect.stringMatching(/said no to "Can I have my recordings and data deleted/) });
    expect(factor('worker protections')).toMatchObject({ rating: 'higher risk', reason: expect.stringMatching(/you pay their legal costs.*33 % of decided clips rejected/) });
    expect(factor('platform trust')).toMatchObject({ rating: 'unknown' });
    expect(factor('career impact')).toMatchObject({ rating: 'unknown', reason: expect.stringMatching(/No red flag for it found in the terms \(SafeTake can miss a clause\)/) });
  });

  it('counts days to pay from payouts entered for a whole session too', () => {
    const log = entries(
      ['2026-11-02T09:00:00.000+01:00', { type: 'session.started', sessionId: 's', platform: 'Acme', task: '', terms: { amount: 5, currency: 'USD', per: 'batch' } }],
      ['2026-11-02T10:00:00.000+01:00', { type: 'session.ended', sessionId: 's' }],
      ['2026-11-20T10:00:00.000+01:00', { type: 'pay.received', sessionId: 's', amount: 5, currency: 'USD', paidOn: '2026-11-16' }],
    );
    const card = reportCard({ platform: 'Acme', sessions: replaySessions(log), costs: [], flags: new Set(), termsRead: false, answers: {}, now: NOW });
    expect(card.medianDaysToPay).toBe(14);
  });

  it('calls a factor unknown when nothing about it is recorded', () => {
    const card = reportCard({ platform: 'New', sessions: [], costs: [], flags: new Set(), termsRead: false, answers: {}, now: NOW });
    expect(card.factors.every((one) => one.rating === 'unknown')).toBe(true);
  });
});

describe('askThePlatform', () => {
  it('asks every open question, those the terms raise first, and nothing once all are answered', () => {
    const message = askThePlatform('Acme', { deletion: { answer: 'yes', answeredOn: '2026-11-10' }, sale: { answer: 'unclear', answeredOn: '2026-11-10' } }, new Set(['indemnity']))!;
    expect(message).toMatch(/^Hello Acme team,/);
    expect(message).toMatch(/\n1\. If someone makes a claim about a recording, is there a limit/);
    expect(message).not.toMatch(/will my recordings and personal data be deleted/);
    expect(message).toMatch(/sold, licensed or passed to other companies/);
    const all = Object.fromEntries(CONSENT_QUESTIONS.map((question) => [question.id, { answer: 'no' as const, answeredOn: '2026-11-10' }]));
    expect(askThePlatform('Acme', all, new Set())).toBeUndefined();
  });
});

describe('priceOffer', () => {
  it('estimates the real time from the sessions so far and rates the offer after costs against the minimum', () => {
    const log = entries(...hourSession('a1', 'Acme', '2026-11-02', 20), ...hourSession('a2', 'Acme', '2026-11-09', 30));
    const sessions = replaySessions(log);
    const costs = [{ costId: 'data', label: 'Data bundle', basis: 'session' as const, amount: 1, currency: 'USD', addedAtLocal: '' }];
    const price = priceOffer({ platform: 'Acme', pay: { amount: 1, currency: 'USD' }, per: 'clip', statedMinutes: 10, units: 10 }, sessions, costs, { amount: 5, currency: 'USD' }, NOW);
    expect(price.basedOn).toEqual({ sessions: 2, sameTask: false });
    // Sessions took 59/20 and 59/30 of their takes' time: 10 stated minutes are 19.7 to 29.5, likely 24.6.
    expect(price.minutes!.low).toBeCloseTo(10 * 59 / 30);
    expect(price.minutes!.high).toBeCloseTo(10 * 59 / 20);
    expect(price.approvalShare).toBeCloseTo(4 / 6);
    expect(price.expectedPay).toBeCloseTo(10 * 4 / 6);
    expect(price.costs).toBe(1);
    expect(price.rates.stated).toBeCloseTo((10 * 4 / 6 - 1) / 10 * 60);
    expect(price.rates.likely).toBeCloseTo((10 * 4 / 6 - 1) / price.minutes!.likely * 60);
    expect(price.against).toMatchObject({ likelyBelow: false, surelyAbove: true });
    const none = priceOffer({ platform: 'Other', pay: { amount: 20, currency: 'NGN' }, per: 'hour', statedMinutes: 30, units: 0.5 }, sessions, [], undefined, NOW);
    expect(none.minutes).toBeUndefined();
    expect(none.rates.stated).toBeCloseTo(20);
    // Paid for the hours it states: a task that really takes longer pays less per hour, never more.
    const hourly = priceOffer({ platform: 'Acme', pay: { amount: 10, currency: 'USD' }, per: 'hour', statedMinutes: 60, units: 1 }, sessions, [], { amount: 8, currency: 'USD' }, NOW);
    expect(hourly.expectedPay).toBe(10);
    expect(hourly.rates.stated).toBeCloseTo(10);
    expect(hourly.rates.likely!).toBeLessThan(hourly.rates.stated);
    expect(hourly.against).toMatchObject({ likelyBelow: true, surelyBelow: true });
  });
});

describe('pageAt', () => {
  it('finds the page a character of a PDF text is on, and none for other documents', () => {
    expect(pageAt([0, 100, 250], 0)).toBe(1);
    expect(pageAt([0, 100, 250], 99)).toBe(1);
    expect(pageAt([0, 100, 250], 100)).toBe(2);
    expect(pageAt([0, 100, 250], 9999)).toBe(3);
    expect(pageAt(undefined, 5)).toBeUndefined();
  });
});
