/** The costs of the work (equipment, internet, fees, tax), for this platform or for all, and a form to add one. */
import { useId, useState } from 'react';
import type { DealView } from '../../core/ipc/contract.std';
import type { CostBasis } from '../../core/sessions/eventLog.std';
import { costRefusal, describeCost } from '../../core/terms/costs.std';
import { api, call } from '../app/api.dom';
import { parseAmount } from '../../core/shared/amount.std';

type Act = (change: () => Promise<unknown>) => Promise<boolean>;

export function CostsForm({ platform, costs, act }: { platform: string; costs: DealView['costs']; act: Act }) {
  const [form, setForm] = useState({ label: '', basis: 'month' as CostBasis, amount: '', currency: 'USD', onlyHere: false });
  const ids = { label: useId(), basis: useId(), amount: useId(), currency: useId(), onlyHere: useId(), reason: useId() };
  const share = form.basis === 'share-of-pay';
  const refusal =
    form.label.trim() === '' ? 'Name the cost first.' : !(parseAmount(form.amount) >= 0) ? 'Enter its amount (a number, like 12.50).' : costRefusal({ amount: parseAmount(form.amount), basis: form.basis, ...(share ? {} : { currency: /^[A-Z]{3}$/.test(form.currency) ? form.currency : undefined }) });
  return (
    <section aria-labelledby="costs-heading" className="card">
      <h4 id="costs-heading">Costs of the work</h4>
      <p className="hint">Rates “after costs” take these off. A cost for all platforms is shared by the hours you work on each.</p>
      {costs.length === 0 ? (
        <p className="note">No costs entered yet.</p>
      ) : (
        <ul aria-label="Costs">
          {costs.map((cost) => (
            <li key={cost.costId}>
              {cost.label}: {describeCost(cost)} {cost.platform ? `(${cost.platform} only)` : '(all platforms)'}
              {cost.endedAtLocal ? `, stopped ${cost.endedAtLocal.slice(0, 10)}` : ''}{' '}
              {!cost.endedAtLocal && (
                <button type="button" className="link" onClick={() => void act(() => call(api['deal:removeCost']({ costId: cost.costId, how: 'ended' })))}>
                  Stop it from now<span className="visually-hidden">: {cost.label}</span>
                </button>
              )}{' '}
              <button type="button" className="link" onClick={() => void act(() => call(api['deal:removeCost']({ costId: cost.costId, how: 'removed' })))}>
                Remove (entered by mistake)<span className="visually-hidden">: {cost.label}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="stacked-form"
        aria-label="Add a cost"
        onSubmit={(event) => {
          event.preventDefault();
          if (refusal) return;
          void act(() =>
            call(
              api['deal:addCost']({
                label: form.label.trim(),
                basis: form.basis,
                amount: parseAmount(form.amount),
                ...(share ? {} : { currency: form.currency }),
                ...(form.onlyHere ? { platform } : {}),
              }),
            ),
          ).then((made) => made && setForm({ ...form, label: '', amount: '' }));
        }}
      >
        <div className="field">
          <label htmlFor={ids.label}>What</label>
          <input id={ids.label} value={form.label} placeholder="Internet, ring light, platform fee, tax…" onChange={(e) => setForm({ ...form, label: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={ids.basis}>How often</label>
          <select id={ids.basis} value={form.basis} onChange={(e) => setForm({ ...form, basis: e.target.value as CostBasis })}>
            <option value="once">once (equipment)</option>
            <option value="month">every month</option>
            <option value="session">every session</option>
            <option value="share-of-pay">a share of pay (fee, tax)</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.amount}>{share ? 'Per cent of pay' : 'Amount'}</label>
          <input id={ids.amount} inputMode="decimal" value={form.amount} onChange={(e) => setForm({ ...form, amount: e.target.value })} />
        </div>
        {!share && (
          <div className="field">
            <label htmlFor={ids.currency}>Currency</label>
            <input id={ids.currency} maxLength={3} value={form.currency} onChange={(e) => setForm({ ...form, currency: e.target.value.toUpperCase() })} />
          </div>
        )}
        <div className="field checkbox">
          <input id={ids.onlyHere} type="checkbox" checked={form.onlyHere} onChange={(e) => setForm({ ...form, onlyHere: e.target.checked })} />
          <label htmlFor={ids.onlyHere}>Only for {platform}</label>
        </div>
        <button type="submit" disabled={refusal !== undefined} aria-describedby={ids.reason}>
          Add cost
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
