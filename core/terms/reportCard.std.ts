/**
 * A platform's report card from the worker's own records: the rate after costs against their minimum, the
 * unpaid share of their time, rejections and their reasons, days from work to pay, rate changes, the red flags
 * in its terms and the consent questions still open; then the guides' six factors, each "lower risk",
 * "higher risk" or "unknown" with its reasons. Pure.
 */
import { t } from '../i18n/i18n.std';
import type { Money, PayTerms, PayUnit } from '../sessions/eventLog.std';
import { clipOutcomes, compareWithMinimum, formatMoney, hourlyRates, received } from '../sessions/pay.std';
import type { Session } from '../sessions/replay.std';
import { phaseSeconds, sessionSeconds } from '../sessions/time.std';
import { CONSENT_QUESTIONS, type ConsentQuestionId, type ConsentRecord, consentQuestion, isOpen } from './consent.std';
import { afterCosts } from './costs.std';
import type { Cost } from './platformRecord.std';
import { FACTORS, FACTOR_SOURCES, type FactorRating, flagTitles } from './rating.std';
import type { RedFlagId } from './redFlags.std';
import { median } from '../shared/stats.std';

/** Above this share of decided clips rejected, or days to be paid, the platform is rated higher risk for it. */
const HIGH_REJECTION_SHARE = 0.2;
const SLOW_PAYMENT_DAYS = 30;
/** Above this share of time unpaid (everything but the takes themselves), per-clip pay hides a low rate. */
const HIGH_UNPAID_SHARE = 0.5;

export type ReportCard = {
  platform: string;
  sessions: number;
  hours: number;
  received: Money[];
  ratesBeforeCosts: Money[];
  costs: Money[];
  /** Pay less costs, per currency (may be below zero). */
  net: Money[];
  ratesAfterCosts: Money[];
  /** The after-costs rate against the worker's minimum, in the minimum's currency. */
  againstMinimum?: { rate: Money; below: boolean; shortfall: number };
  /** Share of working time outside the takes themselves: setup, retakes, waiting, uploading... */
  unpaidShare?: number;
  clips: { approved: number; rejected: number; pending: number };
  rejectionShare?: number;
  rejectionReasons: Array<{ reason: string; clips: number }>;
  medianDaysToPay?: number;
  /** Pay terms per task as they changed from session to session, each task's first included. */
  rateHistory: Array<{ fromLocal: string; terms: PayTerms; task?: string }>;
  /** How many times a task's pay changed. */
  rateChanges: number;
  redFlags: RedFlagId[];
  termsRead: boolean;
  openQuestions: ConsentQuestionId[];
  factors: FactorRating[];
};

export type ReportCardInput = {
  platform: string;
  sessions: readonly Session[];
  costs: readonly Cost[];
  flags: ReadonlySet<RedFlagId>;
  termsRead: boolean;
  answers: Partial<Record<ConsentQuestionId, ConsentRecord>>;
  minimum?: Money;
  now: number;
};

export function reportCard(input: ReportCardInput): ReportCard {
  const { platform, now } = input;
  const mine = input.sessions.filter((session) => session.platform === platform).sort((a, b) => a.start - b.start);
  const seconds = mine.reduce((sum, session) => sum + sessionSeconds(session, now), 0);
  const after = afterCosts(mine, input.sessions, input.costs, now);
  const clips = clipOutcomes(mine);
  const decided = clips.approved + clips.rejected;
  const reasons = new Map<string, number>();
  for (const clip of mine.flatMap((session) => session.clips)) {
    if (clip.outcome?.outcome !== 'rejected') continue;
    const reason = clip.outcome.reason?.trim() || t('terms.card.noReason');
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  // Days from the session's day to each payout entered with its date: a session's own, or a clip's.
  const payDays = mine.flatMap((session) => {
    const day = Date.parse(session.startedAtLocal.slice(0, 10));
    const dates = [...session.payments.map((payment) => payment.paidOn), ...session.clips.map((clip) => clip.outcome?.paidOn)].filter((date): date is string => date !== undefined);
    return dates.map((date) => Math.max(0, (Date.parse(date) - day) / 86_400_000));
  });
  // Each task keeps its own rate: two tasks at two rates are not a change.
  const rateHistory: ReportCard['rateHistory'] = [];
  const lastOfTask = new Map<string, PayTerms>();
  for (const session of mine) {
    const last = lastOfTask.get(session.task);
    if (!last || last.amount !== session.terms.amount || last.currency !== session.terms.currency || last.per !== session.terms.per) {
      rateHistory.push({ fromLocal: session.startedAtLocal.slice(0, 10), terms: session.terms, ...(session.task ? { task: session.task } : {}) });
    }
    lastOfTask.set(session.task, session.terms);
  }
  const rateChanges = rateHistory.length - new Set(mine.map((session) => session.task)).size;
  // Time outside the takes is unpaid only where pay is per clip, minute or batch, and only known where takes
  // were timed (clips added from a phone have no take time).
  const piecework = mine.filter((session) => session.terms.per !== 'hour' && phaseSeconds(session, now).take > 0);
  const pieceSeconds = piecework.reduce((sum, session) => sum + sessionSeconds(session, now), 0);
  const pieceTakeSeconds = piecework.reduce((sum, session) => sum + phaseSeconds(session, now).take, 0);
  const card: Omit<ReportCard, 'factors'> = {
    platform,
    sessions: mine.length,
    hours: seconds / 3600,
    received: received(mine),
    ratesBeforeCosts: hourlyRates(mine, now),
    costs: after.costs,
    net: after.net,
    ratesAfterCosts: after.rates,
    ...optional('againstMinimum', compareWithMinimum(after.rates, input.minimum)),
    ...optional('unpaidShare', pieceSeconds > 0 ? 1 - pieceTakeSeconds / pieceSeconds : undefined),
    clips,
    ...optional('rejectionShare', decided > 0 ? clips.rejected / decided : undefined),
    rejectionReasons: [...reasons].map(([reason, count]) => ({ reason, clips: count })).sort((a, b) => b.clips - a.clips),
    ...optional('medianDaysToPay', payDays.length > 0 ? median(payDays) : undefined),
    rateHistory,
    rateChanges,
    redFlags: [...input.flags],
    termsRead: input.termsRead,
    openQuestions: CONSENT_QUESTIONS.filter((question) => isOpen(input.answers[question.id])).map((question) => question.id),
  };
  return { ...card, factors: rateFactors(card, input.answers) };
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

const percent = (share: number) => Math.round(share * 100);

function rateFactors(card: Omit<ReportCard, 'factors'>, answers: Partial<Record<ConsentQuestionId, ConsentRecord>>): FactorRating[] {
  return FACTORS.map((factor) => {
    const { flags, questions } = FACTOR_SOURCES[factor];
    const risks: string[] = [];
    const known: string[] = [];
    const found = flags.filter((flag) => card.redFlags.includes(flag));
    if (found.length > 0) risks.push(t('terms.card.termsSay', { flags: flagTitles(found) }));
    for (const id of questions) {
      const record = answers[id];
      if (record?.answer === 'no') risks.push(t('terms.card.saidNo', { question: consentQuestion(id).check }));
      else if (record?.answer === 'yes') known.push(t('terms.card.saidYes', { question: consentQuestion(id).check }));
    }
    // What the worker's own log shows.
    if (factor === 'pay transparency' && card.medianDaysToPay !== undefined) {
      (card.medianDaysToPay > SLOW_PAYMENT_DAYS ? risks : known).push(t('terms.card.medianDaysToPay', { days: Math.round(card.medianDaysToPay) }));
    }
    if (factor === 'pay transparency' && card.rateChanges > 0) {
      const changes = card.rateHistory.map((entry) => (entry.task ? t('terms.card.taskRateFrom', { task: entry.task, ...rateWords(entry) }) : t('terms.card.rateFrom', rateWords(entry))));
      risks.push(t('terms.card.rateChanged', { count: card.rateChanges, changes: changes.join(', ') }));
    }
    if (factor === 'pay transparency' && card.unpaidShare !== undefined) {
      (card.unpaidShare > HIGH_UNPAID_SHARE ? risks : known).push(t('terms.card.unpaidShare', { percent: percent(card.unpaidShare) }));
    }
    if (factor === 'worker protections' && card.rejectionShare !== undefined) {
      (card.rejectionShare > HIGH_REJECTION_SHARE ? risks : known).push(t('terms.card.rejectedShare', { percent: percent(card.rejectionShare) }));
    }
    if (risks.length > 0) return { factor, rating: 'higher risk', reason: sentence(risks) };
    if (known.length > 0) return { factor, rating: 'lower risk', reason: sentence(known) };
    // Finding no red flag is no proof (a rule can miss a clause): it leaves the factor unknown.
    return { factor, rating: 'unknown', reason: t(card.termsRead ? 'terms.card.unknownTermsRead' : 'terms.card.unknownNoTerms') };
  });
}

/** Pay units as the messages' `select` names them (a selector cannot hold a hyphen). */
const PER_SELECTORS = { clip: 'clip', 'approved-minute': 'approvedMinute', hour: 'hour', batch: 'batch' } as const satisfies Record<PayUnit, string>;

/** The values of a "USD 0.50 per clip from 2026-11-02" message (`terms.card.rateFrom`) for a pay rate seen. */
export function rateWords(entry: ReportCard['rateHistory'][number]): { money: string; per: string; from: string } {
  return { money: formatMoney(entry.terms), per: PER_SELECTORS[entry.terms.per], from: entry.fromLocal };
}

function sentence(parts: string[]): string {
  const text = parts.join('; ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}
