/** The running session: its clock, its phases (the ones SafeTake cannot see are one click each), takes and pay. */
import { useEffect, useState } from 'react';
import type { SessionViewData } from '../../core/ipc/contract.std';
import type { PhaseKind } from '../../core/sessions/eventLog.std';
import { PHASE_NAMES } from '../../core/sessions/time.std';
import { formatClock } from '../../core/shared/clock.std';
import { api, call } from '../app/api.dom';
import { SessionRecords } from './SessionRecords.dom';
import { TakeRecorder } from './TakeRecorder.dom';
import type { Act } from './sessionActions.dom';
import { PhaseList } from './PhaseList.dom';

/** Phases SafeTake cannot see for itself, so the worker marks them with one click. */
const MANUAL_PHASES: ReadonlyArray<{ phase: PhaseKind; label: string }> = [
  { phase: 'instructions', label: 'Reading instructions' },
  { phase: 'uploading', label: 'Uploading' },
  { phase: 'waiting', label: 'Waiting for review' },
  { phase: 'troubleshooting', label: 'Troubleshooting' },
];

/** Counts on from the log's figures: seconds as of `asOf`, plus the time since while not paused. */
function useRunningClock(session: SessionViewData): (seconds: number) => number {
  const [now, setNow] = useState(session.asOf);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return (seconds) => (session.paused ? seconds : seconds + Math.max(0, now - session.asOf) / 1000);
}

export function ActiveSession({ session, act, refresh }: { session: SessionViewData; act: Act; refresh: () => void }) {
  const running = useRunningClock(session);
  const [withSound, setWithSound] = useState(false);
  const kept = session.takes.filter((take) => take.kept).length;
  const open = new Set(session.openPhases.map((phase) => phase.phase));
  return (
    <div className="active-session">
      <h3>
        {session.platform}
        {session.task ? ` — ${session.task}` : ''}
      </h3>
      <p className="session-clock">
        <span role="timer" aria-label="Time worked in this session">
          {formatClock(running(session.seconds))}
        </span>{' '}
        {session.paused && <strong className="badge badge-warn">Paused</strong>}
        {session.openPhases.map((phase) => (
          <span key={phase.phaseId} className="phase-clock">
            {' '}
            · {PHASE_NAMES[phase.phase]}{' '}
            <span role="timer" aria-label={`Time in ${PHASE_NAMES[phase.phase]} so far`}>
              {formatClock(running(phase.seconds))}
            </span>
          </span>
        ))}
      </p>
      <div className="phase-buttons" role="group" aria-label="What you are doing now">
        {MANUAL_PHASES.map(({ phase, label }) => (
          <button
            key={phase}
            type="button"
            aria-pressed={open.has(phase)}
            disabled={session.paused}
            onClick={() => void act(() => call(api['sessions:phase']({ action: open.has(phase) ? 'stop' : 'start', phase })))}
          >
            {open.has(phase) ? `■ Stop: ${label}` : `▶ ${label}`}
          </button>
        ))}
      </div>
      <div className="actions">
        <button type="button" onClick={() => void act(() => call(api['sessions:pause']({ paused: !session.paused })))}>
          {session.paused ? 'Resume' : 'Pause'}
        </button>
        <button type="button" onClick={() => void act(() => call(api['sessions:end']({})))}>
          End session
        </button>
      </div>
      <h4>
        Takes: {kept} kept{session.takes.length > kept ? `, ${session.takes.length - kept} redone` : ''}
      </h4>
      <label>
        <input type="checkbox" checked={withSound} onChange={(e) => setWithSound(e.target.checked)} /> Record sound too
      </label>
      <TakeRecorder onChange={refresh} withSound={withSound} />
      <PhaseList phaseSeconds={session.phaseSeconds} />
      <SessionRecords session={session} act={act} />
    </div>
  );
}
