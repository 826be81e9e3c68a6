/** The log as CSV, a work record for a CV, and the minimum hourly rate every rate is compared with. */
import { useId, useState } from 'react';
import { parseAmount } from '../../core/shared/amount.std';
import { api, call } from '../app/api.dom';
import type { Act, Minimum } from './sessionActions.dom';

export function CsvExport({ act }: { act: Act }) {
  const [saved, setSaved] = useState<string>();
  return (
    <p>
      <button
        type="button"
        onClick={() =>
          void act(async () => {
            const { file } = await call(api['sessions:exportCsv']({}));
            setSaved(file && `Saved ${file}: a row per session and per clip.`);
          })
        }
      >
        Export every session as CSV…
      </button>{' '}
      <button
        type="button"
        onClick={() =>
          void act(async () => {
            const { file } = await call(api['sessions:workRecord']({}));
            setSaved(file && `Saved ${file}: your work for a CV, with no footage or file names in it.`);
          })
        }
      >
        Save a work record for your CV (PDF)…
      </button>{' '}
      {saved && <span role="status">{saved}</span>}
    </p>
  );
}

export function MinimumRateForm({ minimum, act }: { minimum: Minimum; act: Act }) {
  const [amount, setAmount] = useState(minimum ? String(minimum.amount) : '');
  const [currency, setCurrency] = useState(minimum?.currency ?? 'USD');
  const ids = { amount: useId(), currency: useId() };
  return (
    <form
      className="pay-form"
      aria-label="Your minimum hourly rate"
      onSubmit={(event) => {
        event.preventDefault();
        if (parseAmount(amount) >= 0 && /^[A-Z]{3}$/.test(currency)) {
          void act(() => call(api['settings:setMinimumRate']({ amount: parseAmount(amount), currency })));
        }
      }}
    >
      <label htmlFor={ids.amount}>Your minimum per hour</label>
      <input id={ids.amount} inputMode="decimal" size={7} value={amount} onChange={(e) => setAmount(e.target.value)} />
      <label htmlFor={ids.currency}>in</label>
      <input id={ids.currency} size={4} maxLength={3} value={currency} onChange={(e) => setCurrency(e.target.value.toUpperCase())} />
      <button type="submit">Save minimum</button>
      {minimum && (
        <span>
          Now: {minimum.amount.toFixed(2)} {minimum.currency} per hour
        </span>
      )}
    </form>
  );
}
