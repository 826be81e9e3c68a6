/**
 * An offer priced before it is accepted: the time it really takes, estimated from the worker's own sessions on
 * that platform (and task, when there are enough), and the rate that leaves after costs, with the range the
 * history supports. A platform's stated time counts the takes alone; the history says how much setup,
 * retakes, uploading and waiting come with each minute of takes, and how many clips are rejected. Pure.
 */
import type { Money, PayUnit } from '../sessions/eventLog.std';
import { clipOutcomes } from '../sessions/pay.std';
import type { Session } from '../sessions/replay.std';
import { phaseSeconds, sessionSeconds } from '../sessions/time.std';
import type { Cost } from './platformRecord.std';
import { median } from '../shared/stats.std';

export type Offer = {
  platform: string;
  task?: string;
  pay: Money;
  per: PayUnit;
  /** The time the platform says the work takes, in minutes. */
  statedMinutes: number;
  /** How many clips, approved minutes or hours the pay is for (a batch is one). */
  units: number;
};

export type OfferPrice = {
  /** Sessions the estimate rests on, and whether they are of the same task or only the same platform. */
  basedOn: { sessions: number; sameTask: boolean };
  /** Real minutes: the likeliest (median) and the range of the sessions so far. Undefined without history. */
  minutes?: { likely: number; low: number; high: number };
  /** Pay expected after rejections, in the offer's currency, less the costs that fall on one session. */
  expectedPay: number;
  approvalShare?: number;
  costs: number;
  /** Per hour after costs: at the stated time, and at the likeliest, longest and shortest real time. */
  rates: { stated: number; likely?: number; low?: number; high?: number };
  against?: { minimum: Money; likelyBelow: boolean; surelyBelow: boolean; surelyAbove: boolean };
};

/** Fewer sessions of the same task than this, and the platform's other tasks are used too. */
const ENOUGH_SAME_TASK = 3;

export function priceOffer(offer: Offer, sessions: readonly Session[], costs: readonly Cost[], minimum: Money | undefined, now: number): OfferPrice {
  const onPlatform = sessions.filter((session) => session.platform === offer.platform && session.end !== undefined);
  const sameTask = offer.task ? onPlatform.filter((session) => session.task === offer.task) : [];
  const history = sameTask.length >= ENOUGH_SAME_TASK ? sameTask : onPlatform;
  // Real time per minute of takes, session by session.
  const ratios = history.flatMap((session) => {
    const takes = phaseSeconds(session, now).take;
    return takes > 0 ? [sessionSeconds(session, now) / takes] : [];
  });
  const clips = clipOutcomes(history);
  const decided = clips.approved + clips.rejected;
  const approvalShare = offer.per === 'clip' || offer.per === 'approved-minute' ? (decided > 0 ? clips.approved / decided : undefined) : undefined;
  const minutes = ratios.length > 0 ? { likely: offer.statedMinutes * median(ratios), low: offer.statedMinutes * Math.min(...ratios), high: offer.statedMinutes * Math.max(...ratios) } : undefined;
  // What the offer pays, whatever the time really is: per clip or approved minute less the share usually
  // rejected, per hour the hours it states, a batch once.
  const gross = offer.per === 'batch' ? offer.pay.amount : offer.pay.amount * offer.units * (approvalShare ?? 1);
  const costsOfSession = oneSessionCosts(offer, costs, gross);
  const rate = (realMinutes: number) => (realMinutes > 0 ? ((gross - costsOfSession) / realMinutes) * 60 : 0);
  const rates = {
    stated: rate(offer.statedMinutes),
    ...(minutes ? { likely: rate(minutes.likely), low: rate(minutes.high), high: rate(minutes.low) } : {}),
  };
  const comparable = minimum && minimum.currency === offer.pay.currency ? minimum : undefined;
  return {
    basedOn: { sessions: history.length, sameTask: history === sameTask && sameTask.length > 0 },
    ...(minutes ? { minutes } : {}),
    expectedPay: gross,
    ...(approvalShare !== undefined ? { approvalShare } : {}),
    costs: costsOfSession,
    rates,
    ...(comparable
      ? {
          against: {
            minimum: comparable,
            likelyBelow: (rates.likely ?? rates.stated) < comparable.amount,
            surelyBelow: (rates.high ?? rates.stated) < comparable.amount,
            surelyAbove: (rates.low ?? rates.stated) >= comparable.amount,
          },
        }
      : {}),
  };
}

/** The costs one more session on this platform brings: per-session costs and shares of pay, in its currency. */
function oneSessionCosts(offer: Offer, costs: readonly Cost[], gross: number): number {
  return costs
    .filter((cost) => cost.platform === undefined || cost.platform === offer.platform)
    .reduce((sum, cost) => {
      if (cost.basis === 'share-of-pay') return sum + (gross * cost.amount) / 100;
      if (cost.basis === 'session' && cost.currency === offer.pay.currency) return sum + cost.amount;
      return sum;
    }, 0);
}
