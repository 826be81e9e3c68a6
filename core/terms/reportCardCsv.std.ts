/**
 * A platform's report card as CSV, for a spreadsheet or a union: one row per figure, factor, red flag and
 * consent question, each saying what kind of row it is: the headers and the details in the worker's language, the
 * kinds, items and values as ids a spreadsheet can filter on. Pure.
 */
import { formatNumber, t } from '../i18n/i18n.std';
import type { DealView } from '../ipc/contract.std';
import { csvCell } from '../sessions/csv.std';
import { redFlagRule } from './redFlags.std';
import { rateWords } from './reportCard.std';

export function reportCardCsv(deal: DealView): string {
  const { card } = deal;
  // Values a spreadsheet reads in any locale: "12.50 USD", several currencies joined by " + ".
  const money = (amounts: Array<{ amount: number; currency: string }>) => amounts.map((item) => `${item.amount.toFixed(2)} ${item.currency}`).join(' + ');
  const rows: Array<Array<string | number>> = [
    [t('terms.csv.header.row'), t('terms.csv.header.platform'), t('terms.csv.header.item'), t('terms.csv.header.value'), t('terms.csv.header.detail')],
    ['figure', deal.platform, 'sessions', card.sessions, ''],
    ['figure', deal.platform, 'hours', card.hours.toFixed(4), ''],
    ['figure', deal.platform, 'received', money(card.received), ''],
    ['figure', deal.platform, 'hourly_rate_before_costs', money(card.ratesBeforeCosts), ''],
    ['figure', deal.platform, 'costs', money(card.costs), ''],
    ['figure', deal.platform, 'hourly_rate_after_costs', money(card.ratesAfterCosts), againstMinimum(card.againstMinimum)],
    ['figure', deal.platform, 'unpaid_share', card.unpaidShare === undefined ? '' : card.unpaidShare.toFixed(4), t('terms.csv.unpaidShare')],
    ['figure', deal.platform, 'rejected_share', card.rejectionShare === undefined ? '' : card.rejectionShare.toFixed(4), card.rejectionReasons.map((one) => t('terms.csv.rejectionReason', { reason: one.reason, clips: one.clips })).join('; ')],
    ['figure', deal.platform, 'median_days_to_pay', card.medianDaysToPay === undefined ? '' : card.medianDaysToPay.toFixed(1), ''],
    ['figure', deal.platform, 'pay_terms_seen', card.rateHistory.length, card.rateHistory.map((entry) => t('terms.card.rateFrom', rateWords(entry))).join('; ')],
    ...card.factors.map((factor) => ['factor', deal.platform, factor.factor, factor.rating, factor.reason]),
    ...deal.documents.flatMap((document) =>
      document.flags.map((flag) => ['red_flag', deal.platform, flag.rule, redFlagRule(flag.rule).title, `${document.name} ${flag.start}-${flag.end}: ${flag.quote}`]),
    ),
    ...deal.questions.map((question) => ['consent', deal.platform, question.id, question.record?.answer ?? 'not answered', [question.record?.answeredOn, question.record?.platformWords, question.record?.reply && t('terms.csv.reply', { name: question.record.reply.name, sha256: question.record.reply.sha256 })].filter(Boolean).join(': ')]),
  ];
  return `${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

function againstMinimum(against: DealView['card']['againstMinimum']): string {
  if (!against) return '';
  if (!against.below) return t('terms.csv.atOrAboveMinimum');
  return t('terms.csv.belowMinimum', { shortfall: formatNumber(against.shortfall, { minimumFractionDigits: 2, maximumFractionDigits: 2 }), currency: against.rate.currency });
}
