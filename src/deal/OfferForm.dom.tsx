/** An offer priced before it is accepted: the real time it is likely to take, and what that leaves per hour after costs. */
import { useId, useState } from 'react';
import type { IpcResponse } from '../../core/ipc/contract.std';
import type { PayUnit } from '../../core/sessions/eventLog.std';
import { api, call } from '../app/api.dom';
import { parseAmount } from '../../core/shared/amount.std';
import { PayUnitSelect } from '../shared/PayUnitSelect.dom';

type Price = IpcResponse<'deal:priceOffer'>;

const UNITS_LABEL: Record<PayUnit, string> = { clip: 'How many clips', 'approved-minute': 'Minutes of footage', hour: 'Hours (as stated)', batch: 'Batches' };

export function OfferForm({ platform }: { platform: string }) {
  const [form, setForm] = useState({ amount: '', currency: 'USD', per: 'clip' as PayUnit, units: '1', statedMinutes: '', task: '' });
  const [price, setPrice] = useState<{ price: Price; currency: string }>();
  const [error, setError] = useState<string>();
  const ids = { amount: useId(), currency: useId(), per: useId(), units: useId(), stated: useId(), task: useId(), reason: useId() };
  const valid = parseAmount(form.amount) >= 0 && parseAmount(form.statedMinutes) > 0 && parseAmount(form.units) > 0 && /^[A-Z]{3}$/.test(form.currency);
  return (
    <section aria-labelledby="offer-heading" className="card">
      <h4 id="offer-heading">Price an offer before you accept it</h4>
      <form
        className="stacked-form"
        aria-label="Price an offer"
        onSubmit={(event) => {
          event.preventDefault();
          if (!valid) return;
          setError(undefined);
          call(
            api['deal:priceOffer']({
              platform,
              ...(form.task.trim() ? { task: form.task.trim() } : {}),
              pay: { amount: parseAmount(form.amount), currency: form.currency },
              per: form.per,
              statedMinutes: parseAmount(form.statedMinutes),
              units: form.per === 'batch' ? 1 : parseAmount(form.units),
            }),
          ).then((result) => setPrice({ price: result, currency: form.currency }), (e: Error) => setError(e.message));
        }}
      >
        <div className="field">
          <label htmlFor={ids.amount}>Pay</label>
          <input id={ids.amount} inputMode="decimal" value={form.amount} onChange={(e) => setForm({ ...form, amount: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={ids.currency}>Currency</label>
          <input id={ids.currency} maxLength={3} value={form.currency} onChange={(e) => setForm({ ...form, currency: e.target.value.toUpperCase() })} />
        </div>
        <div className="field">
          <label htmlFor={ids.per}>Paid per</label>
          <PayUnitSelect id={ids.per} value={form.per} onChange={(per) => setForm({ ...form, per })} />
        </div>
        {form.per !== 'batch' && (
          <div className="field">
            <label htmlFor={ids.units}>{UNITS_LABEL[form.per]}</label>
            <input id={ids.units} inputMode="decimal" value={form.units} onChange={(e) => setForm({ ...form, units: e.target.value })} />
          </div>
        )}
        <div className="field">
          <label htmlFor={ids.stated}>Time it says it takes (minutes)</label>
          <input id={ids.stated} inputMode="decimal" value={form.statedMinutes} onChange={(e) => setForm({ ...form, statedMinutes: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={ids.task}>Task (optional)</label>
          <input id={ids.task} value={form.task} onChange={(e) => setForm({ ...form, task: e.target.value })} />
        </div>
        <button type="submit" disabled={!valid} aria-describedby={ids.reason}>
          Price this offer
        </button>
        {!valid && (
          <span id={ids.reason} className="hint">
            Enter the pay and the time the platform says it takes.
          </span>
        )}
      </form>
      {error && <p role="alert">{error}</p>}
      {price && <OfferVerdict price={price.price} currency={price.currency} />}
    </section>
  );
}

function OfferVerdict({ price, currency }: { price: Price; currency: string }) {
  const money = (amount: number) => `${amount.toFixed(2)} ${currency}`;
  const minutes = (value: number) => `${Math.round(value)} min`;
  const against = price.against;
  return (
    <div role="status" className="offer-verdict">
      {price.minutes ? (
        <p>
          From your {price.basedOn.sessions} session{price.basedOn.sessions === 1 ? '' : 's'} on this {price.basedOn.sameTask ? 'task' : 'platform'}, it is likely to take{' '}
          <strong>{minutes(price.minutes.likely)}</strong> of your time ({minutes(price.minutes.low)} to {minutes(price.minutes.high)}): about{' '}
          <strong>{money(price.rates.likely!)} per hour after costs</strong> ({money(price.rates.low!)} to {money(price.rates.high!)}).
        </p>
      ) : (
        <p>
          No finished session with timed takes on this platform yet, so SafeTake cannot tell how long it really takes. At the stated time it pays {money(price.rates.stated)} per hour after costs;
          setup, retakes and waiting usually make that lower.
        </p>
      )}
      <p className="hint">
        Expected pay {money(price.expectedPay)}
        {price.approvalShare !== undefined ? ` (you have had ${Math.round(price.approvalShare * 100)} % of clips approved here)` : ''}; costs of one session {money(price.costs)}.
      </p>
      {against && (
        <p>
          {against.surelyBelow
            ? `▼ Below your minimum of ${money(against.minimum.amount)} per hour even at its quickest.`
            : against.surelyAbove
              ? `✓ At or above your minimum of ${money(against.minimum.amount)} per hour even at its slowest.`
              : against.likelyBelow
                ? `▼ Likely below your minimum of ${money(against.minimum.amount)} per hour.`
                : `✓ Likely at or above your minimum of ${money(against.minimum.amount)} per hour, but not at its slowest.`}
        </p>
      )}
    </div>
  );
}
