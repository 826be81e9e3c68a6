/**
 * A platform's report card as CSV, for a spreadsheet or a union: one row per figure, factor, red flag and
 * consent question, each saying what kind of row it is: the headers and the details in the worker's language, the
 * kinds, items and values as ids a spreadsheet can filter on. An amount is a number in the value column, with
 * its currency in the next (a row per currency when there are several): "5000.00 NGN" in one cell is text to
 * a spreadsheet, and a negative one had to be kept from reading as a formula. Pure.
 */
import { formatNumber, t } from '../i18n/i18n.std';
import type { DealView } from '../ipc/contract.std';
import { csvCell } from '../sessions/csv.std';
import { redFlagRule } from './redFlags.std';
import { rateWords } from './reportCard.std';

export function reportCardCsv(deal: DealView): string {
  const { card } = deal;
  // A figure with no currency, and one row per currency of an amount (one with no value when there is none).
  const figure = (item: string, value: string | number, detail = '') => ['figure', deal.platform, item, value, '', detail];
  const money = (item: string, amounts: ReadonlyArray<{ amount: number; currency: string }>, detail = '') =>
    amounts.length === 0 ? [figure(item, '', detail)] : amounts.map((one) => ['figure', deal.platform, item, Number(one.amount.toFixed(2)), one.currency, detail]);
  const rows: Array<Array<string | number>> = [
    [t('terms.csv.header.row'), t('terms.csv.header.platform'), t('terms.csv.header.item'), t('terms.csv.header.value'), t('terms.csv.header.currency'), t('terms.csv.header.detail')],
    figure('sessions', card.sessions),
    figure('hours', card.hours.toFixed(4)),
    ...money('received', card.received),
    ...money('hourly_rate_before_costs', card.ratesBeforeCosts),
    ...money('costs', card.costs),
    ...money('hourly_rate_after_costs', card.ratesAfterCosts, againstMinimum(card.againstMinimum)),
    figure('unpaid_share', card.unpaidShare === undefined ? '' : card.unpaidShare.toFixed(4), t('terms.csv.unpaidShare')),
    figure('rejected_share', card.rejectionShare === undefined ? '' : card.rejectionShare.toFixed(4), card.rejectionReasons.map((one) => t('terms.csv.rejectionReason', { reason: one.reason, clips: one.clips })).join('; ')),
    figure('median_days_to_pay', card.medianDaysToPay === undefined ? '' : card.medianDaysToPay.toFixed(1)),
    figure('pay_terms_seen', card.rateHistory.length, card.rateHistory.map((entry) => t('terms.card.rateFrom', rateWords(entry))).join('; ')),
    ...card.factors.map((factor) => ['factor', deal.platform, factor.factor, factor.rating, '', factor.reason]),
    ...deal.documents.flatMap((document) =>
      document.flags.map((flag) => ['red_flag', deal.platform, flag.rule, redFlagRule(flag.rule).title, '', `${document.name} ${flag.start}-${flag.end}: ${flag.quote}`]),
    ),
    ...deal.questions.map((question) => ['consent', deal.platform, question.id, question.record?.answer ?? 'not answered', '', [question.record?.answeredOn, question.record?.platformWords, question.record?.reply && t('terms.csv.reply', { name: question.record.reply.name, sha256: question.record.reply.sha256 })].filter(Boolean).join(': ')]),
  ];
  return `${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

function againstMinimum(against: DealView['card']['againstMinimum']): string {
  if (!against) return '';
  if (!against.below) return t('terms.csv.atOrAboveMinimum');
  return t('terms.csv.belowMinimum', { shortfall: formatNumber(against.shortfall, { minimumFractionDigits: 2, maximumFractionDigits: 2 }), currency: against.rate.currency });
}
