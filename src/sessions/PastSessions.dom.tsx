/** Ended sessions, each with its hours, pay and rate, and pay entered after the fact. */
import { Fragment, useId, useState } from 'react';
import type { SessionViewData } from '../../core/ipc/contract.std';
import { formatMoney } from '../../core/sessions/pay.std';
import { formatWorked } from '../../core/shared/clock.std';
import { parseAmount } from '../../core/shared/amount.std';
import { api, call } from '../app/api.dom';
import { RateVsMinimum } from './RateVsMinimum.dom';
import { CorrectTime } from './CorrectTime.dom';
import { SessionRecords } from './SessionRecords.dom';
import type { Act, Minimum } from './sessionActions.dom';
import { PhaseList } from './PhaseList.dom';

export function PastSessions({ sessions, minimum, act }: { sessions: SessionViewData[]; minimum: Minimum; act: Act }) {
  const [opened, setOpened] = useState<string>();
  if (sessions.length === 0) return null;
  return (
    <table className="sessions-table">
      <caption>Past sessions</caption>
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Platform and task</th>
          <th scope="col">Time worked</th>
          <th scope="col">Received</th>
          <th scope="col">Per hour</th>
        </tr>
      </thead>
      <tbody>
        {sessions.map((session) => (
          <Fragment key={session.id}>
            <tr>
              <td>{session.startedAtLocal.slice(0, 10)}</td>
              <th scope="row">
                {session.platform}
                {session.task ? ` — ${session.task}` : ''}
                <PhaseList phaseSeconds={session.phaseSeconds} restBreakSeconds={session.restBreakSeconds} />
                <button type="button" className="link" aria-expanded={opened === session.id} onClick={() => setOpened(opened === session.id ? undefined : session.id)}>
                  Clips, decisions and evidence ({session.clips.length})
                </button>
              </th>
              <td>
                {formatWorked(session.seconds)}{' '}
                {session.end !== undefined && <CorrectTime sessionId={session.id} label="The session" start={session.start} end={session.end} act={act} />}
              </td>
              <td>
                {formatMoney(session.received) || 'not entered'}
                {session.payEnteredAs === 'clips' ? <span className="hint"> (entered on each clip&apos;s decision)</span> : <PayForm session={session} act={act} />}
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
  const [amount, setAmount] = useState('');
  const [paidOn, setPaidOn] = useState('');
  const id = useId();
  const dateId = useId();
  return (
    <form
      className="pay-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!(parseAmount(amount) >= 0)) return;
        void act(() => call(api['sessions:pay']({ sessionId: session.id, amount: parseAmount(amount), currency: session.terms.currency, ...(paidOn ? { paidOn } : {}) })));
        setAmount('');
        setPaidOn('');
      }}
    >
      <label htmlFor={id}>Paid ({session.terms.currency})</label>
      <input id={id} inputMode="decimal" size={7} value={amount} onChange={(e) => setAmount(e.target.value)} />
      <label htmlFor={dateId}>on</label>
      <input id={dateId} type="date" value={paidOn} onChange={(e) => setPaidOn(e.target.value)} />
      <button type="submit">Add payment</button>
    </form>
  );
}
