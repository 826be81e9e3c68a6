/** The form that starts a session: the platform, the task and what it pays. */
import { currentLocale } from '../../core/i18n/i18n.std';
import { useId, useState } from 'react';
import type { PayUnit } from '../../core/sessions/eventLog.std';
import { currencyOfSign, parseAmount } from '../../core/shared/amount.std';
import { api, call } from '../app/api.dom';
import { useT } from '../app/language.dom';
import { focusWhenShown } from '../shared/focus.dom';
import { PayUnitSelect } from '../shared/PayUnitSelect.dom';
import type { Act } from './sessionActions.dom';

/** `currency`: the one the last session was paid in, most likely this one's too. */
export function StartSession({ platforms, tasks, act, currency = 'USD' }: { platforms: string[]; tasks: string[]; act: Act; currency?: string | undefined }) {
  const t = useT();
  const [form, setForm] = useState({ platform: '', task: '', amount: '', currency, per: 'clip' as PayUnit, notes: '' });
  const ids = { reason: useId(), platform: 'start-platform',  task: useId(), amount: useId(), currency: useId(), per: useId(), list: useId(), taskList: useId(), notes: useId() };
  // What is missing, first things first; nothing when the session can start.
  const missing =
    form.platform.trim() === '' ? 'sessions.start.needPlatform'
    : !(parseAmount(form.amount, currentLocale()) >= 0) ? 'sessions.start.needPay'
    : !/^[A-Z]{3}$/.test(form.currency) ? 'sessions.start.needCurrency'
    : undefined;
  const valid = missing === undefined;
  // A second click while the first start is on its way starts nothing (the log would refuse it anyway); the
  // button stays enabled, so a failed start leaves the focus on it.
  const [starting, setStarting] = useState(false);
  return (
    <form
      className="start-session"
      aria-label={t('sessions.start.heading')}
      onSubmit={(event) => {
        event.preventDefault();
        if (!valid || starting) return;
        setStarting(true);
        focusWhenShown('next-step', 'session-heading');
        void act(() =>
          call(
            api['sessions:start']({
              platform: form.platform,
              task: form.task,
              terms: { amount: parseAmount(form.amount, currentLocale()), currency: form.currency, per: form.per },
              ...(form.notes.trim() ? { notes: form.notes.trim() } : {}),
            }),
          ),
        ).finally(() => setStarting(false));
      }}
    >
      <h3>{t('sessions.start.heading')}</h3>
      <div className="field">
        <label htmlFor={ids.platform}>{t('sessions.start.platform')}</label>
        <input id={ids.platform} list={ids.list} value={form.platform} onChange={(e) => setForm({ ...form, platform: e.target.value })} />
        <datalist id={ids.list}>
          {platforms.map((platform) => (
            <option key={platform} value={platform} />
          ))}
        </datalist>
      </div>
      <div className="field">
        <label htmlFor={ids.task}>{t('sessions.start.task')}</label>
        <input id={ids.task} list={ids.taskList} value={form.task} onChange={(e) => setForm({ ...form, task: e.target.value })} />
        <datalist id={ids.taskList}>
          {tasks.map((task) => (
            <option key={task} value={task} />
          ))}
        </datalist>
      </div>
      <div className="field">
        <label htmlFor={ids.amount}>{t('sessions.start.pay')}</label>
        <input id={ids.amount} inputMode="decimal" value={form.amount} onChange={(e) => setForm({ ...form, amount: e.target.value, currency: currencyOfSign(e.target.value) ?? form.currency })} />
      </div>
      <div className="field">
        <label htmlFor={ids.currency}>{t('sessions.start.currency')}</label>
        <input id={ids.currency} value={form.currency} maxLength={3} onChange={(e) => setForm({ ...form, currency: e.target.value.toUpperCase() })} />
      </div>
      <div className="field">
        <label htmlFor={ids.per}>{t('sessions.start.per')}</label>
        <PayUnitSelect id={ids.per} value={form.per} onChange={(per) => setForm({ ...form, per })} />
      </div>
      <div className="field field-wide">
        <label htmlFor={ids.notes}>{t('sessions.start.notes')}</label>
        <textarea id={ids.notes} rows={2} maxLength={5000} value={form.notes} onChange={(e) => setForm({ ...form, notes: e.target.value })} />
      </div>
      <button type="submit" className="primary" disabled={!valid} aria-describedby={ids.reason}>
        {t('sessions.start.start')}
      </button>
      {missing && (
        <span id={ids.reason} className="hint">
          {t(missing)}
        </span>
      )}
    </form>
  );
}
