/**
 * The costs of the work (equipment, internet, fees, tax) and the rate left after them. A cost for every
 * platform is shared out by hours worked: a month's internet by the hours of that month, equipment by all hours
 * so far. A month not over yet bears the part of its cost run up so far (the 8th of a 31-day month: 8/31 of
 * it): a month's internet bought on the 1st is not all spent on that day's first session. Currencies are never
 * converted: a cost only comes off pay in its own currency. Pure.
 */
import { formatNumber, t } from '../i18n/i18n.std';
import type { Money } from '../sessions/eventLog.std';
import { formatMoney, received } from '../sessions/pay.std';
import type { Session } from '../sessions/replay.std';
import { sessionSeconds } from '../sessions/time.std';
import type { Cost } from './platformRecord.std';

/** "USD 25.00 a month", "10 % of what is paid". */
export function describeCost(cost: Pick<Cost, 'amount' | 'currency' | 'basis'>): string {
  if (cost.basis === 'share-of-pay') return t('costs.describe.shareOfPay', { percent: formatNumber(cost.amount) });
  const money = cost.currency ? formatMoney({ amount: cost.amount, currency: cost.currency }) : formatNumber(cost.amount, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return t('costs.describe.amount', { money, basis: cost.basis });
}

/** Why a cost cannot be entered as it is, or undefined. */
export function costRefusal(cost: Pick<Cost, 'amount' | 'currency' | 'basis'>): string | undefined {
  if (cost.basis === 'share-of-pay') return cost.amount > 100 ? t('costs.refusal.shareOver100') : undefined;
  return cost.currency ? undefined : t('costs.refusal.noCurrency');
}

const hoursOf = (sessions: readonly Session[], now: number) => sessions.reduce((sum, session) => sum + sessionSeconds(session, now), 0) / 3600;
const monthOf = (session: Session) => session.startedAtLocal.slice(0, 7);

/**
 * What the costs in force take from `mine` (the sessions of one platform, or all of them), per currency. `all`
 * is every session, for sharing out the costs that every platform bears.
 */
export function costsOf(mine: readonly Session[], all: readonly Session[], costs: readonly Cost[], now: number): Money[] {
  const platforms = new Set(mine.map((session) => session.platform));
  const totals = new Map<string, number>();
  const add = (currency: string, amount: number) => totals.set(currency, (totals.get(currency) ?? 0) + amount);
  for (const cost of costs) {
    if (cost.platform !== undefined && !platforms.has(cost.platform)) continue;
    // A platform's own cost falls on its sessions alone; a cost for all platforms is shared by hours.
    // Sessions started after a cost ended do not bear it.
    const inForce = (sessions: readonly Session[]) => (cost.endedAt === undefined ? sessions : sessions.filter((session) => session.start <= cost.endedAt!));
    const bearers = inForce(cost.platform === undefined ? mine : mine.filter((session) => session.platform === cost.platform));
    const pool = cost.platform === undefined ? all : bearers;
    if (bearers.length === 0) continue;
    if (cost.basis === 'share-of-pay') {
      for (const money of received(bearers)) add(money.currency, (money.amount * cost.amount) / 100);
      continue;
    }
    const currency = cost.currency!;
    if (cost.basis === 'session') add(currency, cost.amount * bearers.length);
    else if (cost.basis === 'once') add(currency, cost.amount * share(hoursOf(bearers, now), hoursOf(pool, now)));
    else {
      for (const month of new Set(bearers.map(monthOf))) {
        const inMonth = (sessions: readonly Session[]) => sessions.filter((session) => monthOf(session) === month);
        add(currency, cost.amount * monthRunUp(month, now) * share(hoursOf(inMonth(bearers), now), hoursOf(inMonth(pool), now)));
      }
    }
  }
  return [...totals].map(([currency, amount]) => ({ currency, amount }));
}

const DAY_MS = 24 * 3600 * 1000;

/**
 * How much of month `month` ("2026-12") has gone by at `now`: 1 once it is over, and at least a day of it for
 * the month of a session (a clock set back must not make its costs vanish). By UTC: the hours a time zone
 * moves its month's edges change the share by a few hundredths at most.
 */
export function monthRunUp(month: string, now: number): number {
  const [year, index] = month.split('-').map(Number) as [number, number];
  const [start, end] = [Date.UTC(year, index - 1, 1), Date.UTC(year, index, 1)];
  return Math.min(1, Math.max(now - start, DAY_MS) / (end - start));
}

function share(part: number, whole: number): number {
  return whole > 0 ? part / whole : 0;
}

/** Pay received less costs, per currency, and that over the hours worked: the rate after costs. */
export function afterCosts(mine: readonly Session[], all: readonly Session[], costs: readonly Cost[], now: number): { costs: Money[]; net: Money[]; rates: Money[] } {
  const taken = costsOf(mine, all, costs, now);
  const net = new Map(received(mine).map((money) => [money.currency, money.amount]));
  for (const money of taken) net.set(money.currency, (net.get(money.currency) ?? 0) - money.amount);
  const hours = hoursOf(mine, now);
  const netMoney = [...net].map(([currency, amount]) => ({ currency, amount }));
  return { costs: taken, net: netMoney, rates: hours > 0 ? netMoney.map((money) => ({ ...money, amount: money.amount / hours })) : [] };
}
