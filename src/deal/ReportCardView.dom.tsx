/** A platform's report card from the worker's own log, and the six factors, each rated with its reason in words. */
import { useState } from 'react';
import type { DealView } from '../../core/ipc/contract.std';
import { formatMoney } from '../../core/sessions/pay.std';
import { formatWorked } from '../../core/shared/clock.std';
import { api, call } from '../app/api.dom';

type Card = DealView['card'];

const RATING_MARKS = { 'higher risk': '▲ higher risk', 'lower risk': '✓ lower risk', unknown: '? unknown' } as const;
const percent = (share: number) => `${Math.round(share * 100)} %`;

export function ReportCardView({ card }: { card: Card }) {
  const [saved, setSaved] = useState<string>();
  // Exchange rates would need the network and a date: a cost in a currency the pay is not in stays apart.
  const unconverted = card.costs.filter((cost) => card.received.length > 0 && !card.received.some((money) => money.currency === cost.currency)).map((cost) => cost.currency);
  const apart = unconverted.length ? ` (costs in ${unconverted.join(', ')} are not taken off pay in another currency: SafeTake converts no currency)` : '';
  const rows: Array<[string, string]> = [
    ['Sessions', card.sessions === 0 ? 'none logged yet' : `${card.sessions}, ${formatWorked(Math.round(card.hours * 3600))} worked`],
    ['Received', formatMoney(card.received) || 'nothing entered yet'],
    ['Rate before costs', card.ratesBeforeCosts.length ? `${formatMoney(card.ratesBeforeCosts)} per hour` : '—'],
    ['Costs over these sessions', card.sessions === 0 ? '—' : formatMoney(card.costs) || 'none entered'],
    [
      'Rate after costs',
      card.ratesAfterCosts.length
        ? `${formatMoney(card.ratesAfterCosts)} per hour${card.againstMinimum ? (card.againstMinimum.below ? ` ▼ ${card.againstMinimum.shortfall.toFixed(2)} ${card.againstMinimum.rate.currency} below your minimum` : ' ✓ at or above your minimum') : ''}${apart}`
        : '—',
    ],
    ['Unpaid time (setup, retakes, uploading, waiting…)', card.unpaidShare === undefined ? '—' : `${percent(card.unpaidShare)} of your time`],
    [
      'Rejected',
      card.rejectionShare === undefined
        ? 'no decisions entered yet'
        : `${percent(card.rejectionShare)} of ${card.clips.approved + card.clips.rejected} decided clips${card.rejectionReasons.length ? ` (reasons: ${card.rejectionReasons.map((one) => `${one.reason} ×${one.clips}`).join(', ')})` : ''}`,
    ],
    ['Days from the work to pay (median)', card.medianDaysToPay === undefined ? 'no payment dates entered yet' : `${Math.round(card.medianDaysToPay)} days`],
    [
      'Rate changes seen',
      card.rateChanges === 0
        ? 'none'
        : `${card.rateChanges}: ${card.rateHistory.map((entry) => `${entry.task ? `${entry.task} ` : ''}${formatMoney(entry.terms)} per ${entry.terms.per.replace('-', ' ')} from ${entry.fromLocal}`).join(' → ')}`,
    ],
    ['Kinds of red flag in its terms', card.termsRead ? String(card.redFlags.length) : 'no terms read yet'],
    ['Consent questions without a clear answer', String(card.openQuestions.length)],
  ];
  return (
    <section aria-labelledby="card-heading" className="card">
      <h4 id="card-heading">Report card, from your own log</h4>
      <dl className="card-figures">
        {rows.map(([name, value]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <table className="factors">
        <caption>On the guides’ six factors</caption>
        <thead>
          <tr>
            <th scope="col">Factor</th>
            <th scope="col">Rating</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {card.factors.map((factor) => (
            <tr key={factor.factor}>
              <th scope="row">{factor.factor}</th>
              <td className={`rating rating-${factor.rating.replace(' ', '-')}`}>{RATING_MARKS[factor.rating]}</td>
              <td>{factor.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        onClick={() =>
          void call(api['deal:exportCsv']({ platform: card.platform })).then(
            (result) => setSaved(result.file ? `Saved to ${result.file}.` : undefined),
            (e: Error) => setSaved(e.message),
          )
        }
      >
        Save the report card (CSV)…
      </button>
      {saved && <span role="status"> {saved}</span>}
    </section>
  );
}
