/** The log as CSV, a work record for a CV, and the minimum hourly rate every rate is compared with. */
import { currentLocale } from '../../core/i18n/i18n.std';
import { useId, useState } from 'react';
import { formatMoney } from '../../core/sessions/pay.std';
import { currencyOfSign, parseAmount } from '../../core/shared/amount.std';
import { api, call } from '../app/api.dom';
import { useT } from '../app/language.dom';
import type { Act, Minimum } from './sessionActions.dom';

export function CsvExport({ act }: { act: Act }) {
  const t = useT();
  const [saved, setSaved] = useState<string>();
  return (
    <p>
      <button
        type="button"
        onClick={() =>
          void act(async () => {
            const { file } = await call(api['sessions:exportCsv']({}));
            setSaved(file && t('sessions.export.csvSaved', { file }));
          })
        }
      >
        {t('sessions.export.csv')}
      </button>{' '}
      <button
        type="button"
        onClick={() =>
          void act(async () => {
            const { file } = await call(api['sessions:workRecord']({}));
            setSaved(file && t('sessions.export.workRecordSaved', { file }));
          })
        }
      >
        {t('sessions.export.workRecord')}
      </button>{' '}
      {saved && <span role="status">{saved}</span>}
    </p>
  );
}

/** `usualCurrency`: the one the last session was paid in, for a minimum not set yet. */
export function MinimumRateForm({ minimum, act, usualCurrency = 'USD' }: { minimum: Minimum; act: Act; usualCurrency?: string | undefined }) {
  const t = useT();
  const [amount, setAmount] = useState(minimum ? String(minimum.amount) : '');
  const [currency, setCurrency] = useState(minimum?.currency ?? usualCurrency);
  const [refused, setRefused] = useState<string>();
  const ids = { amount: useId(), currency: useId() };
  // The fields show the minimum as saved (read late, or just saved here), and the form stays: so does the focus.
  const saved = minimum ? `${minimum.amount} ${minimum.currency}` : '';
  const [shown, setShown] = useState(saved);
  if (saved !== shown) {
    setShown(saved);
    if (minimum) {
      setAmount(String(minimum.amount));
      setCurrency(minimum.currency);
    }
  }
  return (
    <form
      className="pay-form"
      aria-label={t('sessions.minimum.formLabel')}
      onSubmit={(event) => {
        event.preventDefault();
        const value = parseAmount(amount, currentLocale());
        if (!(value >= 0)) return setRefused(t('sessions.amount.notAnAmount'));
        if (!/^[A-Z]{3}$/.test(currency)) return setRefused(t('sessions.start.needCurrency'));
        void act(() => call(api['settings:setMinimumRate']({ amount: value, currency })));
      }}
    >
      <label htmlFor={ids.amount}>{t('sessions.minimum.amount')}</label>
      <input
        id={ids.amount}
        inputMode="decimal"
        size={7}
        value={amount}
        onChange={(e) => {
          setAmount(e.target.value);
          setCurrency(currencyOfSign(e.target.value) ?? currency);
          setRefused(undefined);
        }}
      />
      <label htmlFor={ids.currency}>{t('sessions.minimum.currency')}</label>
      <input
        id={ids.currency}
        size={4}
        maxLength={3}
        value={currency}
        onChange={(e) => {
          setCurrency(e.target.value.toUpperCase());
          setRefused(undefined);
        }}
      />
      <button type="submit">{t('sessions.minimum.save')}</button>
      {minimum && <span>{t('sessions.minimum.now', { minimum: formatMoney(minimum) })}</span>}
      {refused && (
        <span role="alert" className="error-text">
          {refused}
        </span>
      )}
    </form>
  );
}
