/** Ended sessions, each with its hours, pay and rate, and pay entered after the fact. */
import { currentLocale, formatDay } from '../../core/i18n/i18n.std';
import { Fragment, useId, useState } from 'react';
import type { SessionViewData } from '../../core/ipc/contract.std';
import { formatMoney } from '../../core/sessions/pay.std';
import { formatWorked } from '../../core/shared/clock.std';
import { readPayment } from '../../core/shared/amount.std';
import { api, call } from '../app/api.dom';
import { useT } from '../app/language.dom';
import { RateVsMinimum } from './RateVsMinimum.dom';
import { CorrectTime } from './CorrectTime.dom';
import { SessionRecords } from './SessionRecords.dom';
import type { Act, Minimum } from './sessionActions.dom';
import { PhaseList } from './PhaseList.dom';

export function PastSessions({ sessions, minimum, act }: { sessions: SessionViewData[]; minimum: Minimum; act: Act }) {
  const t = useT();
  const [opened, setOpened] = useState<string>();
  if (sessions.length === 0) return null;
  return (
    <table className="sessions-table">
      <caption>{t('sessions.past.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('sessions.column.date')}</th>
          <th scope="col">{t('sessions.column.platformAndTask')}</th>
          <th scope="col">{t('sessions.column.timeWorked')}</th>
          <th scope="col">{t('sessions.column.received')}</th>
          <th scope="col">{t('sessions.column.perHour')}</th>
        </tr>
      </thead>
      <tbody>
        {sessions.map((session) => (
          <Fragment key={session.id}>
            <tr>
              <td>{formatDay(session.startedAtLocal)}</td>
              <th scope="row">
                {session.platform}
                {session.task ? ` — ${session.task}` : ''}
                <PhaseList phaseSeconds={session.phaseSeconds} restBreakSeconds={session.restBreakSeconds} />
                <button type="button" className="link" aria-expanded={opened === session.id} onClick={() => setOpened(opened === session.id ? undefined : session.id)}>
                  {t('sessions.past.records', { count: session.clips.length })}
                </button>
              </th>
              <td>
                {formatWorked(session.seconds)}{' '}
                {session.end !== undefined && <CorrectTime sessionId={session.id} label={t('sessions.past.theSession')} start={session.start} end={session.end} act={act} />}
              </td>
              <td>
                {formatMoney(session.received) || t('sessions.past.notEntered')}
                {session.payEnteredAs === 'clips' ? <span className="hint"> {t('sessions.past.paidPerClip')}</span> : <PayForm session={session} act={act} />}
              </td>
              <td>
                <RateVsMinimum rates={session.rates} afterCosts={session.ratesAfterCosts} expected={session.expectedRate} minimum={minimum} />
              </td>
            </tr>
            {opened === session.id && (
              <tr className="session-detail">
                <td colSpan={5}>
                  <SessionRecords session={session} act={act} />
                </td>
              </tr>
            )}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}

function PayForm({ session, act }: { session: SessionViewData; act: Act }) {
  const t = useT();
  const [amount, setAmount] = useState('');
  const [paidOn, setPaidOn] = useState('');
  const [refused, setRefused] = useState<string>();
  const id = useId();
  const dateId = useId();
  const { currency } = session.terms;
  return (
    <form
      className="pay-form"
      onSubmit={(event) => {
        event.preventDefault();
        const payment = readPayment(amount, currency, currentLocale());
        if ('refusal' in payment) return setRefused(t(`sessions.amount.${payment.refusal}`, { currency }));
        void act(() => call(api['sessions:pay']({ sessionId: session.id, amount: payment.amount, currency, ...(paidOn ? { paidOn } : {}) })));
        setAmount('');
        setPaidOn('');
      }}
    >
      <label htmlFor={id}>{t('sessions.pay.paid', { currency })}</label>
      <input
        id={id}
        inputMode="decimal"
        size={7}
        value={amount}
        onChange={(e) => {
          setAmount(e.target.value);
          setRefused(undefined);
        }}
      />
      <label htmlFor={dateId}>{t('sessions.pay.paidOn')}</label>
      <input id={dateId} type="date" value={paidOn} onChange={(e) => setPaidOn(e.target.value)} />
      <button type="submit">{t('sessions.past.addPayment')}</button>
      {refused && (
        <span role="alert" className="error-text">
          {refused}
        </span>
      )}
    </form>
  );
}
