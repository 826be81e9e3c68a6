/**
 * Ending a session: it asks first (and offers to clean what is not clean yet), then shows what the session
 * came to: time by phase, takes, clean copies, and the pay expected for it per hour.
 */
import { useState } from 'react';
import type { SessionViewData } from '../../core/ipc/contract.std';
import { formatMoney } from '../../core/sessions/pay.std';
import { formatWorked } from '../../core/shared/clock.std';
import { api, call } from '../app/api.dom';
import { useNavigation } from '../app/navigation.dom';
import { focusWhenShown } from '../shared/focus.dom';
import { PhaseList } from './PhaseList.dom';
import { uncleanClips } from './sessionActions.dom';

/**
 * `onEnded`: the session ended, with what it came to (the parent shows its summary and reads the log again);
 * `onCancel`: the worker kept working.
 */
export function EndSession({ session, onEnded, onCancel }: { session: SessionViewData; onEnded: (ended: SessionViewData) => void; onCancel: () => void }) {
  const { clean } = useNavigation();
  const [error, setError] = useState<string>();
  const unclean = uncleanClips(session);

  return (
    <section className="end-session" role="region" aria-labelledby="end-session-heading">
      <h4 id="end-session-heading" tabIndex={-1}>
        End this session?
      </h4>
      <p>
        The clock stops at {formatWorked(session.seconds)}. Decisions and pay can still be entered afterwards.
        {unclean.length > 0 && ` ${unclean.length === 1 ? 'One clip has' : `${unclean.length} clips have`} no clean copy yet.`}
      </p>
      <div className="actions">
        <button
          type="button"
          className="primary"
          id="confirm-end"
          onClick={() =>
            void call(api['sessions:end']({})).then(
              (view) => {
                onEnded(view);
                focusWhenShown('session-summary-heading');
              },
              (e: Error) => setError(e.message),
            )
          }
        >
          End session
        </button>
        {unclean.length > 0 && (
          <button type="button" onClick={() => clean(unclean)}>
            Make clean copies first
          </button>
        )}
        <button type="button" onClick={onCancel}>
          Keep working
        </button>
      </div>
      {error && <p role="alert">{error}</p>}
    </section>
  );
}

/** What an ended session came to: time by phase, takes and clean copies, pay expected and received. */
export function SessionSummary({ session, onClose }: { session: SessionViewData; onClose: () => void }) {
  const kept = session.takes.filter((take) => take.kept).length;
  const cleaned = session.clips.filter((clip) => clip.sanitized).length;
  return (
    <section className="session-summary" aria-labelledby="session-summary-heading">
      <h4 id="session-summary-heading" tabIndex={-1}>
        Session ended: {formatWorked(session.seconds)} worked
      </h4>
      <PhaseList phaseSeconds={session.phaseSeconds} restBreakSeconds={session.restBreakSeconds} />
      <ul>
        <li>
          {kept} {kept === 1 ? 'take' : 'takes'} kept, {session.takes.length - kept} redone; {session.clips.length} {session.clips.length === 1 ? 'clip' : 'clips'} in all,{' '}
          {cleaned} with a clean copy.
        </li>
        <li>
          Expected by the terms: {formatMoney(session.expected)}
          {session.expectedRate ? `, that is ${formatMoney(session.expectedRate)} per hour of the time you worked` : ''}.
        </li>
        <li>{session.received.length > 0 ? `Received so far: ${formatMoney(session.received)}.` : 'Nothing received yet: enter it when the platform pays.'}</li>
      </ul>
      <button type="button" className="primary" onClick={onClose}>
        Done
      </button>
    </section>
  );
}
