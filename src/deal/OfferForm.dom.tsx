/** An offer priced before it is accepted: the real time it is likely to take, and what that leaves per hour after costs. */
import { useId, useState } from 'react';
import { type MessageId, richMessage, currentLocale } from '../../core/i18n/i18n.std';
import type { IpcResponse } from '../../core/ipc/contract.std';
import type { PayUnit } from '../../core/sessions/eventLog.std';
import { formatMoney } from '../../core/sessions/pay.std';
import { api, call } from '../app/api.dom';
import { useT } from '../app/language.dom';
import { currencyOfSign, parseAmount } from '../../core/shared/amount.std';
import { PayUnitSelect } from '../shared/PayUnitSelect.dom';

type Price = IpcResponse<'deal:priceOffer'>;

/** The label of how many units the offer is for, by what it pays per. */
const UNITS_LABEL: Record<PayUnit, MessageId> = {
  clip: 'deal.offer.units.clip',
  'approved-minute': 'deal.offer.units.approvedMinute',
  hour: 'deal.offer.units.hour',
  batch: 'deal.offer.units.batch',
};

export function OfferForm({ platform, currency = 'USD' }: { platform: string; currency?: string }) {
  const t = useT();
  const [form, setForm] = useState({ amount: '', currency, per: 'clip' as PayUnit, units: '1', statedMinutes: '', task: '' });
  const [price, setPrice] = useState<{ price: Price; currency: string }>();
  const [error, setError] = useState<string>();
  const ids = { amount: useId(), currency: useId(), per: useId(), units: useId(), stated: useId(), task: useId(), reason: useId() };
  const valid = parseAmount(form.amount, currentLocale()) >= 0 && parseAmount(form.statedMinutes, currentLocale()) > 0 && parseAmount(form.units, currentLocale()) > 0 && /^[A-Z]{3}$/.test(form.currency);
  return (
    <section aria-labelledby="offer-heading" className="card">
      <h4 id="offer-heading">{t('deal.offer.heading')}</h4>
      <form
        className="stacked-form"
        aria-label={t('deal.offer.formLabel')}
        onSubmit={(event) => {
          event.preventDefault();
          if (!valid) return;
          setError(undefined);
          call(
            api['deal:priceOffer']({
              platform,
              ...(form.task.trim() ? { task: form.task.trim() } : {}),
              pay: { amount: parseAmount(form.amount, currentLocale()), currency: form.currency },
              per: form.per,
              statedMinutes: parseAmount(form.statedMinutes, currentLocale()),
              units: form.per === 'batch' ? 1 : parseAmount(form.units, currentLocale()),
            }),
          ).then((result) => setPrice({ price: result, currency: form.currency }), (e: Error) => setError(e.message));
        }}
      >
        <div className="field">
          <label htmlFor={ids.amount}>{t('deal.offer.pay')}</label>
          <input id={ids.amount} inputMode="decimal" value={form.amount} onChange={(e) => setForm({ ...form, amount: e.target.value, currency: currencyOfSign(e.target.value) ?? form.currency })} />
        </div>
        <div className="field">
          <label htmlFor={ids.currency}>{t('deal.form.currency')}</label>
          <input id={ids.currency} maxLength={3} value={form.currency} onChange={(e) => setForm({ ...form, currency: e.target.value.toUpperCase() })} />
        </div>
        <div className="field">
          <label htmlFor={ids.per}>{t('deal.offer.per')}</label>
          <PayUnitSelect id={ids.per} value={form.per} onChange={(per) => setForm({ ...form, per })} />
        </div>
        {form.per !== 'batch' && (
          <div className="field">
            <label htmlFor={ids.units}>{t(UNITS_LABEL[form.per])}</label>
            <input id={ids.units} inputMode="decimal" value={form.units} onChange={(e) => setForm({ ...form, units: e.target.value })} />
          </div>
        )}
        <div className="field">
          <label htmlFor={ids.stated}>{t('deal.offer.stated')}</label>
          <input id={ids.stated} inputMode="decimal" value={form.statedMinutes} onChange={(e) => setForm({ ...form, statedMinutes: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={ids.task}>{t('deal.offer.task')}</label>
          <input id={ids.task} value={form.task} onChange={(e) => setForm({ ...form, task: e.target.value })} />
        </div>
        <button type="submit" disabled={!valid} aria-describedby={ids.reason}>
          {t('deal.offer.submit')}
        </button>
        {!valid && (
          <span id={ids.reason} className="hint">
            {t('deal.offer.invalid')}
          </span>
        )}
      </form>
      {error && <p role="alert">{error}</p>}
      {price && <OfferVerdict price={price.price} currency={price.currency} />}
    </section>
  );
}

function OfferVerdict({ price, currency }: { price: Price; currency: string }) {
  const t = useT();
  const money = (amount: number) => formatMoney({ amount, currency });
  const minutes = (value: number) => t('deal.offer.minutes', { minutes: Math.round(value) });
  const against = price.against;
  const minimum = against && money(against.minimum.amount);
  return (
    <div role="status" className="offer-verdict">
      {price.minutes ? (
        <p>
          {richMessage('deal.offer.likely', {
            sessions: price.basedOn.sessions,
            on: price.basedOn.sameTask ? 'task' : 'platform',
            likely: minutes(price.minutes.likely),
            low: minutes(price.minutes.low),
            high: minutes(price.minutes.high),
            // One session, or sessions that took the same: a range from a value to itself says nothing.
            ranged: minutes(price.minutes.low) === minutes(price.minutes.high) ? 'no' : 'yes',
            rate: money(price.rates.likely!),
            rateLow: money(price.rates.low!),
            rateHigh: money(price.rates.high!),
            time: (chunks) => <strong key="time">{chunks}</strong>,
            pay: (chunks) => <strong key="pay">{chunks}</strong>,
          })}
        </p>
      ) : (
        <p>{t('deal.offer.untimed', { rate: money(price.rates.stated) })}</p>
      )}
      <p className="hint">
        {price.approvalShare !== undefined
          ? t('deal.offer.expectedWithApproval', { pay: money(price.expectedPay), approved: Math.round(price.approvalShare * 100), costs: money(price.costs) })
          : t('deal.offer.expected', { pay: money(price.expectedPay), costs: money(price.costs) })}
      </p>
      {against && (
        <p>
          {against.surelyBelow
            ? t('deal.offer.surelyBelow', { minimum })
            : against.surelyAbove
              ? t('deal.offer.surelyAbove', { minimum })
              : against.likelyBelow
                ? t('deal.offer.likelyBelow', { minimum })
                : t('deal.offer.likelyAbove', { minimum })}
        </p>
      )}
    </div>
  );
}
