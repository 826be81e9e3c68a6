/**
 * What sessions paid, what their terms say they should pay, and the real hourly rate. Currencies are never
 * added together: every sum is per currency. Pure.
 */
import { formatCurrency, formatList, t } from '../i18n/i18n.std';
import type { Money, PayUnit } from './eventLog.std';
import type { Session } from './replay.std';
import { sessionSeconds } from './time.std';


/**
 * "USD 3.50" in the worker's locale; several currencies as a list, "USD 3.50 and NGN 1,200.00" (never added
 * together, nor joined by a "+" that a negative amount would follow as "+ -USD"); "" for none.
 */
export function formatMoney(money: Money | readonly Money[]): string {
  return formatList((Array.isArray(money) ? money : [money]).map((item: Money) => formatCurrency(item.amount, item.currency)));
}

/** "USD 3.50 per clip", "USD 4.20 per hour": an amount (or several, by currency) per unit of work. */
export function formatPer(money: Money | readonly Money[], per: PayUnit): string {
  // Select keys cannot hold a hyphen: "approved-minute" is read as "approved_minute".
  return t('pay.per', { pay: formatMoney(money), unit: per.replace('-', '_') });
}

function totalsByCurrency(amounts: readonly Money[]): Money[] {
  const totals = new Map<string, number>();
  for (const money of amounts) totals.set(money.currency, (totals.get(money.currency) ?? 0) + money.amount);
  return [...totals].map(([currency, amount]) => ({ currency, amount }));
}

/** Pay received per currency: payments entered for a session and pay entered on its clips' outcomes. */
export function received(sessions: readonly Session[]): Money[] {
  return totalsByCurrency(
    sessions.flatMap((session) => [...session.payments, ...session.clips.flatMap((clip) => (clip.outcome?.paid ? [clip.outcome.paid] : []))]),
  );
}

/**
 * Where a session's pay is entered: as one payout for the whole session, or on each clip's decision. Never
 * both: the same payout entered in both places would count twice.
 */
export function payEnteredAs(session: Session): 'session' | 'clips' | undefined {
  if (session.payments.length > 0) return 'session';
  return session.clips.some((clip) => clip.outcome?.paid) ? 'clips' : undefined;
}

/** Why pay entered as `entry` is refused for `session` (it already has pay entered the other way), or undefined. */
export function payEntryRefusal(session: Session, entry: 'session' | 'clip'): string | undefined {
  const already = payEnteredAs(session);
  if (entry === 'session' && already === 'clips') {
    return t('pay.refusal.enteredOnClips');
  }
  if (entry === 'clip' && already === 'session') {
    return t('pay.refusal.paidAsWhole');
  }
  return undefined;
}

/**
 * What the session should pay by its terms, before the platform has paid: per clip, every clip not
 * rejected; per approved minute, their minutes; per hour, the working hours; per batch, the batch.
 */
export function expectedPay(session: Session, now: number): Money {
  const { amount, currency, per } = session.terms;
  const standing = session.clips.filter((clip) => clip.outcome?.outcome !== 'rejected');
  const units = {
    clip: standing.length,
    'approved-minute': standing.reduce((sum, clip) => sum + (clip.durationSeconds ?? 0), 0) / 60,
    hour: sessionSeconds(session, now) / 3600,
    batch: 1,
  }[per];
  return { amount: amount * units, currency };
}

/**
 * A clip's share of pay received for its session as a whole: the pay over the clips not rejected (a rejected
 * clip earns no share of it), or over all of them when every clip was rejected.
 */
export function sessionPayPerClip(received: readonly Money[], clips: ReadonlyArray<{ outcome?: { outcome: string } | undefined }>): Money[] {
  const standing = clips.filter((clip) => clip.outcome?.outcome !== 'rejected').length || clips.length;
  return standing === 0 ? [] : received.map((money) => ({ ...money, amount: money.amount / standing }));
}

/** Clips the platform approved, rejected, or has not decided on yet. */
export function clipOutcomes(sessions: readonly Session[]): Record<'approved' | 'rejected' | 'pending', number> {
  const counts = { approved: 0, rejected: 0, pending: 0 };
  for (const clip of sessions.flatMap((session) => session.clips)) counts[clip.outcome?.outcome ?? 'pending'] += 1;
  return counts;
}

/** Effective hourly rate per currency: everything received over every working hour. Empty if nothing paid yet. */
export function hourlyRates(sessions: readonly Session[], now: number): Money[] {
  const hours = sessions.reduce((sum, session) => sum + sessionSeconds(session, now), 0) / 3600;
  if (hours === 0) return [];
  return received(sessions).map((money) => ({ currency: money.currency, amount: money.amount / hours }));
}

/**
 * How an effective rate compares with the worker's own minimum hourly rate, in that currency only (rates in
 * other currencies are not converted: exchange rates would need the network and a date).
 */
export function compareWithMinimum(rates: readonly Money[], minimum: Money | undefined): { rate: Money; below: boolean; shortfall: number } | undefined {
  if (!minimum) return undefined;
  const rate = rates.find((candidate) => candidate.currency === minimum.currency);
  if (!rate) return undefined;
  return { rate, below: rate.amount < minimum.amount, shortfall: Math.max(0, minimum.amount - rate.amount) };
}
