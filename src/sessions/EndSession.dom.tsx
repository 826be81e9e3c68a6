/**
 * Ending a session: it asks first (and offers to clean what is not clean yet), then shows what the session
 * came to: time by phase, takes, clean copies, and the pay expected for it per hour.
 */
import { useState } from 'react';
import type { SessionViewData } from '../../core/ipc/contract.std';
import { formatMoney } from '../../core/sessions/pay.std';
import { formatWorked } from '../../core/shared/clock.std';
import { api, call } from '../app/api.dom';
import { useT } from '../app/language.dom';
import { useNavigation } from '../app/navigation.dom';
import { focusWhenShown } from '../shared/focus.dom';
import { PhaseList } from './PhaseList.dom';
import { isResting, uncleanClips, useRunningClock } from './sessionActions.dom';

/**
 * `onEnded`: the session ended, with what it came to (the parent shows its summary and reads the log again);
 * `onCancel`: the worker kept working.
 */
export function EndSession({ session, onEnded, onCancel }: { session: SessionViewData; onEnded: (ended: SessionViewData) => void; onCancel: () => void }) {
  const t = useT();
  const { clean } = useNavigation();
  const [error, setError] = useState<string>();
  // A second click while the session ends ends nothing more (the button stays enabled: a failure keeps the focus on it).
  const [ending, setEnding] = useState(false);
  const unclean = uncleanClips(session);
  // Where the clock stops is where it is now, not where the view last read it.
  const { clock } = useRunningClock(session);

  return (
    <section className="end-session" role="region" aria-labelledby="end-session-heading">
      <h4 id="end-session-heading" tabIndex={-1}>
        {t('sessions.end.confirmHeading')}
      </h4>
      <p>{t('sessions.end.confirmText', { time: formatWorked(clock(session.seconds, !isResting(session))), unclean: unclean.length })}</p>
      <div className="actions">
        <button
          type="button"
          className="primary"
          id="confirm-end"
          onClick={() => {
            if (ending) return;
            setEnding(true);
            void call(api['sessions:end']({})).then(
              (view) => {
                onEnded(view);
                focusWhenShown('session-summary-heading');
              },
              (e: Error) => {
                setEnding(false);
                setError(e.message);
              },
            );
          }}
        >
          {t('sessions.end.end')}
        </button>
        {unclean.length > 0 && (
          <button type="button" onClick={() => clean(unclean, session)}>
            {t('sessions.end.cleanFirst')}
          </button>
        )}
        <button type="button" onClick={onCancel}>
          {t('sessions.end.keepWorking')}
        </button>
      </div>
      {error && <p role="alert">{error}</p>}
    </section>
  );
}

/** What an ended session came to: time by phase, takes and clean copies, pay expected and received. */
export function SessionSummary({ session, onClose }: { session: SessionViewData; onClose: () => void }) {
  const t = useT();
  const kept = session.takes.filter((take) => take.kept).length;
  const cleaned = session.clips.filter((clip) => clip.sanitized).length;
  return (
    <section className="session-summary" aria-labelledby="session-summary-heading">
      {/* Shown in place of the session that ended, right under the area's own heading. */}
      <h3 id="session-summary-heading" tabIndex={-1}>
        {t('sessions.summary.heading', { time: formatWorked(session.seconds) })}
      </h3>
      <PhaseList phaseSeconds={session.phaseSeconds} restBreakSeconds={session.restBreakSeconds} />
      <ul>
        <li>{t('sessions.summary.takesAndClips', { kept, redone: session.takes.length - kept, clips: session.clips.length, cleaned })}</li>
        <li>
          {session.expectedRate
            ? t('sessions.summary.expectedWithRate', { expected: formatMoney(session.expected), rate: formatMoney(session.expectedRate) })
            : t('sessions.pay.expected', { expected: formatMoney(session.expected) })}
        </li>
        <li>{session.received.length > 0 ? t('sessions.summary.receivedSoFar', { received: formatMoney(session.received) }) : t('sessions.summary.nothingReceived')}</li>
      </ul>
      <button type="button" className="primary" onClick={onClose}>
        {t('sessions.summary.done')}
      </button>
    </section>
  );
}
