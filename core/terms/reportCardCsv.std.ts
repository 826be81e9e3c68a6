/**
 * A platform's report card as CSV, for a spreadsheet or a union: one row per figure, factor, red flag and
 * consent question, each saying what kind of row it is. Pure.
 */
import type { DealView } from '../ipc/contract.std';
import { formatMoney } from '../sessions/pay.std';
import { csvCell } from '../sessions/csv.std';
import { redFlagRule } from './redFlags.std';

export function reportCardCsv(deal: DealView): string {
  const { card } = deal;
  const money = (amounts: Array<{ amount: number; currency: string }>) => formatMoney(amounts);
  const rows: Array<Array<string | number>> = [
    ['row', 'platform', 'item', 'value', 'detail'],
    ['figure', deal.platform, 'sessions', card.sessions, ''],
    ['figure', deal.platform, 'hours', card.hours.toFixed(4), ''],
    ['figure', deal.platform, 'received', money(card.received), ''],
    ['figure', deal.platform, 'hourly_rate_before_costs', money(card.ratesBeforeCosts), ''],
    ['figure', deal.platform, 'costs', money(card.costs), ''],
    ['figure', deal.platform, 'hourly_rate_after_costs', money(card.ratesAfterCosts), card.againstMinimum ? (card.againstMinimum.below ? `below minimum by ${card.againstMinimum.shortfall.toFixed(2)} ${card.againstMinimum.rate.currency}` : 'at or above minimum') : ''],
    ['figure', deal.platform, 'unpaid_share', card.unpaidShare === undefined ? '' : card.unpaidShare.toFixed(4), 'time outside the takes'],
    ['figure', deal.platform, 'rejected_share', card.rejectionShare === undefined ? '' : card.rejectionShare.toFixed(4), card.rejectionReasons.map((one) => `${one.reason} x${one.clips}`).join('; ')],
    ['figure', deal.platform, 'median_days_to_pay', card.medianDaysToPay === undefined ? '' : card.medianDaysToPay.toFixed(1), ''],
    ['figure', deal.platform, 'pay_terms_seen', card.rateHistory.length, card.rateHistory.map((entry) => `${formatMoney(entry.terms)} per ${entry.terms.per} from ${entry.fromLocal}`).join('; ')],
    ...card.factors.map((factor) => ['factor', deal.platform, factor.factor, factor.rating, factor.reason]),
    ...deal.documents.flatMap((document) =>
      document.flags.map((flag) => ['red_flag', deal.platform, flag.rule, redFlagRule(flag.rule).title, `${document.name} ${flag.start}-${flag.end}: ${flag.quote}`]),
    ),
    ...deal.questions.map((question) => ['consent', deal.platform, question.id, question.record?.answer ?? 'not answered', [question.record?.answeredOn, question.record?.platformWords, question.record?.reply && `reply ${question.record.reply.name} sha256 ${question.record.reply.sha256}`].filter(Boolean).join(': ')]),
  ];
  return `${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
