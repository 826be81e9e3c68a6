/** A platform's report card from the worker's own log, and the six factors, each rated with its reason in words. */
import { useState } from 'react';
import { formatNumber } from '../../core/i18n/i18n.std';
import type { DealView } from '../../core/ipc/contract.std';
import { formatMoney } from '../../core/sessions/pay.std';
import { formatWorked } from '../../core/shared/clock.std';
import { factorName, ratingName } from '../../core/terms/rating.std';
import { api, call } from '../app/api.dom';
import { useT } from '../app/language.dom';

type Card = DealView['card'];

/** Each rating has its mark, so that it never rests on the cell's colour alone. */
const RATING_MARKS = { 'higher risk': '▲', 'lower risk': '✓', unknown: '?' } as const;

export function ReportCardView({ card }: { card: Card }) {
  const t = useT();
  const [saved, setSaved] = useState<string>();
  const percent = (share: number) => t('deal.card.percent', { percent: Math.round(share * 100) });
  // Exchange rates would need the network and a date: a cost in a currency the pay is not in stays apart.
  const unconverted = card.costs.filter((cost) => card.received.length > 0 && !card.received.some((money) => money.currency === cost.currency)).map((cost) => cost.currency);
  const against = card.againstMinimum;
  const rows: Array<[string, string]> = [
    [t('deal.card.sessions'), t('deal.card.sessionsWorked', { sessions: card.sessions, worked: formatWorked(Math.round(card.hours * 3600)) })],
    [t('deal.card.received'), formatMoney(card.received) || t('deal.card.nothingEntered')],
    [t('deal.card.rateBeforeCosts'), card.ratesBeforeCosts.length ? t('deal.card.perHour', { rate: formatMoney(card.ratesBeforeCosts) }) : '—'],
    [t('deal.card.costs'), card.sessions === 0 ? '—' : formatMoney(card.costs) || t('deal.card.noneEntered')],
    [
      t('deal.card.rateAfterCosts'),
      card.ratesAfterCosts.length
        ? t('deal.card.rateAfterCostsValue', {
            rate: formatMoney(card.ratesAfterCosts),
            against: !against ? 'none' : against.below ? 'below' : 'above',
            shortfall: against && formatMoney({ amount: against.shortfall, currency: against.rate.currency }),
            apart: unconverted.length ? 'yes' : 'no',
            currencies: unconverted.join(', '),
          })
        : '—',
    ],
    [t('deal.card.unpaid'), card.unpaidShare === undefined ? '—' : t('deal.card.unpaidValue', { share: percent(card.unpaidShare) })],
    [
      t('deal.card.rejected'),
      card.rejectionShare === undefined
        ? t('deal.card.noDecisions')
        : card.rejectionReasons.length
          ? t('deal.card.rejectedWithReasons', {
              share: percent(card.rejectionShare),
              decided: card.clips.approved + card.clips.rejected,
              reasons: card.rejectionReasons.map((one) => t('deal.card.rejectionReason', { reason: one.reason, clips: one.clips })).join(', '),
            })
          : t('deal.card.rejectedValue', { share: percent(card.rejectionShare), decided: card.clips.approved + card.clips.rejected }),
    ],
    [t('deal.card.daysToPay'), card.medianDaysToPay === undefined ? t('deal.card.noPaymentDates') : t('deal.card.days', { days: Math.round(card.medianDaysToPay) })],
    [
      t('deal.card.rateChanges'),
      card.rateChanges === 0
        ? t('deal.card.noRateChanges')
        : t('deal.card.rateChangesValue', {
            count: card.rateChanges,
            changes: card.rateHistory
              .map((entry) => {
                const change = { pay: formatMoney(entry.terms), per: entry.terms.per === 'approved-minute' ? 'approvedMinute' : entry.terms.per, from: entry.fromLocal };
                return entry.task ? t('deal.card.rateChangeOfTask', { ...change, task: entry.task }) : t('deal.card.rateChange', change);
              })
              .join(' → '),
          }),
    ],
    [t('deal.card.redFlags'), card.termsRead ? formatNumber(card.redFlags.length) : t('deal.card.noTerms')],
    [t('deal.card.openQuestions'), formatNumber(card.openQuestions.length)],
  ];
  return (
    <section aria-labelledby="card-heading" className="card">
      <h4 id="card-heading">{t('deal.card.heading')}</h4>
      <dl className="card-figures">
        {rows.map(([name, value]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <table className="factors">
        <caption>{t('deal.card.factors')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('deal.card.factor')}</th>
            <th scope="col">{t('deal.card.rating')}</th>
            <th scope="col">{t('deal.card.why')}</th>
          </tr>
        </thead>
        <tbody>
          {card.factors.map((factor) => (
            <tr key={factor.factor}>
              <th scope="row">{factorName(factor.factor)}</th>
              <td className={`rating rating-${factor.rating.replace(' ', '-')}`}>{RATING_MARKS[factor.rating]} {ratingName(factor.rating)}</td>
              <td>{factor.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        onClick={() =>
          void call(api['deal:exportCsv']({ platform: card.platform })).then(
            (result) => setSaved(result.file ? t('deal.card.saved', { file: result.file }) : undefined),
            (e: Error) => setSaved(e.message),
          )
        }
      >
        {t('deal.card.save')}
      </button>
      {saved && <span role="status"> {saved}</span>}
    </section>
  );
}
