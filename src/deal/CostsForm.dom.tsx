/** The costs of the work (equipment, internet, fees, tax), for this platform or for all, and a form to add one. */
import { type ReactNode, useId, useState } from 'react';
import type { DealView } from '../../core/ipc/contract.std';
import type { CostBasis } from '../../core/sessions/eventLog.std';
import { costRefusal, describeCost } from '../../core/terms/costs.std';
import { richMessage, currentLocale, formatDay } from '../../core/i18n/i18n.std';
import { api, call } from '../app/api.dom';
import { useT } from '../app/language.dom';
import { currencyOfSign, parseAmount } from '../../core/shared/amount.std';
import { hidden } from '../shared/messageTags.dom';
import { focusWhenShown } from '../shared/focus.dom';

type Act = (change: () => Promise<unknown>) => Promise<boolean>;

/** `currency`: the one the platform pays in, which its costs most likely are in too. */
export function CostsForm({ platform, costs, act, currency = 'USD' }: { platform: string; costs: DealView['costs']; act: Act; currency?: string | undefined }) {
  const t = useT();
  const [form, setForm] = useState({ label: '', basis: 'month' as CostBasis, amount: '', currency, onlyHere: false });
  const ids = { label: useId(), basis: useId(), amount: useId(), currency: useId(), onlyHere: useId(), reason: useId() };
  const share = form.basis === 'share-of-pay';
  // Stopped or removed, a cost's buttons go: the focus goes to the heading of the costs, not to the page.
  const change = (costId: string, how: 'ended' | 'removed') => void act(() => call(api['deal:removeCost']({ costId, how }))).then(() => focusWhenShown('costs-heading'));
  const refusal =
    form.label.trim() === '' ? t('deal.costs.nameFirst') : !(parseAmount(form.amount, currentLocale()) >= 0) ? t('deal.costs.enterAmount') : costRefusal({ amount: parseAmount(form.amount, currentLocale()), basis: form.basis, ...(share ? {} : { currency: /^[A-Z]{3}$/.test(form.currency) ? form.currency : undefined }) });
  return (
    <section aria-labelledby="costs-heading" className="card">
      <h4 id="costs-heading" tabIndex={-1}>
        {t('deal.costs.heading')}
      </h4>
      <p className="hint">{t('deal.costs.hint')}</p>
      {costs.length === 0 ? (
        <p className="note">{t('deal.costs.none')}</p>
      ) : (
        <ul aria-label={t('deal.costs.listLabel')}>
          {costs.map((cost) => (
            <li key={cost.costId}>
              {t('deal.costs.item', {
                label: cost.label,
                cost: describeCost(cost),
                onlyHere: cost.platform ? 'yes' : 'no',
                platform: cost.platform,
                stopped: cost.endedAtLocal ? 'yes' : 'no',
                date: cost.endedAtLocal && formatDay(cost.endedAtLocal),
              })}{' '}
              {!cost.endedAtLocal && (
                <button type="button" className="link" onClick={() => change(cost.costId, 'ended')}>
                  {richMessage<ReactNode>('deal.costs.stop', { label: cost.label, hidden })}
                </button>
              )}{' '}
              <button type="button" className="link" onClick={() => change(cost.costId, 'removed')}>
                {richMessage<ReactNode>('deal.costs.remove', { label: cost.label, hidden })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="stacked-form"
        aria-label={t('deal.costs.addLabel')}
        onSubmit={(event) => {
          event.preventDefault();
          if (refusal) return;
          // Added, the form is emptied for the next cost, unless the worker has already begun typing it.
          const sent = form;
          void act(() =>
            call(
              api['deal:addCost']({
                label: form.label.trim(),
                basis: form.basis,
                amount: parseAmount(form.amount, currentLocale()),
                ...(share ? {} : { currency: form.currency }),
                ...(form.onlyHere ? { platform } : {}),
              }),
            ),
          ).then((made) => {
            if (!made) return;
            // Emptied, the form's button waits for the next cost: the focus goes to its first field.
            setForm((now) => (now.label === sent.label && now.amount === sent.amount ? { ...now, label: '', amount: '' } : now));
            focusWhenShown(ids.label);
          });
        }}
      >
        <div className="field">
          <label htmlFor={ids.label}>{t('deal.costs.what')}</label>
          <input id={ids.label} value={form.label} placeholder={t('deal.costs.whatExamples')} onChange={(e) => setForm({ ...form, label: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={ids.basis}>{t('deal.costs.howOften')}</label>
          <select id={ids.basis} value={form.basis} onChange={(e) => setForm({ ...form, basis: e.target.value as CostBasis })}>
            <option value="once">{t('deal.costs.basis.once')}</option>
            <option value="month">{t('deal.costs.basis.month')}</option>
            <option value="session">{t('deal.costs.basis.session')}</option>
            <option value="share-of-pay">{t('deal.costs.basis.shareOfPay')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.amount}>{share ? t('deal.costs.percentOfPay') : t('deal.costs.amount')}</label>
          <input id={ids.amount} inputMode="decimal" value={form.amount} onChange={(e) => setForm({ ...form, amount: e.target.value, currency: currencyOfSign(e.target.value) ?? form.currency })} />
        </div>
        {!share && (
          <div className="field">
            <label htmlFor={ids.currency}>{t('deal.form.currency')}</label>
            <input id={ids.currency} maxLength={3} value={form.currency} onChange={(e) => setForm({ ...form, currency: e.target.value.toUpperCase() })} />
          </div>
        )}
        <div className="field checkbox">
          <input id={ids.onlyHere} type="checkbox" checked={form.onlyHere} onChange={(e) => setForm({ ...form, onlyHere: e.target.checked })} />
          <label htmlFor={ids.onlyHere}>{t('deal.costs.onlyFor', { platform })}</label>
        </div>
        <button type="submit" disabled={refusal !== undefined} aria-describedby={ids.reason}>
          {t('deal.costs.add')}
        </button>
        {refusal && (
          <span id={ids.reason} className="hint">
            {refusal}
          </span>
        )}
      </form>
    </section>
  );
}
