/** The running session: its clock, its phases (the ones SafeTake cannot see are one click each), takes and pay. */
import { useState } from 'react';
import type { SessionViewData } from '../../core/ipc/contract.std';
import type { PhaseKind } from '../../core/sessions/eventLog.std';
import { frontPhase, phaseName } from '../../core/sessions/time.std';
import { formatWorked } from '../../core/shared/clock.std';
import { takeWarnings } from '../../core/sessions/workflow.std';
import { api, call } from '../app/api.dom';
import { useT } from '../app/language.dom';
import { useNavigation } from '../app/navigation.dom';
import { focusWhenShown } from '../shared/focus.dom';
import { CorrectTime } from './CorrectTime.dom';
import { EndSession } from './EndSession.dom';
import { SessionRecords } from './SessionRecords.dom';
import { TakeRecorder } from './TakeRecorder.dom';
import { type Act, isResting, uncleanClips, useRunningClock } from './sessionActions.dom';
import { BreakReminder } from './BreakReminder.dom';
import { PhaseList } from './PhaseList.dom';

/** Phases SafeTake cannot see for itself, so the worker marks them with one click. */
const MANUAL_PHASES: readonly PhaseKind[] = ['instructions', 'uploading', 'waiting', 'troubleshooting'];


/** `onEnded`: the session was ended here; the parent shows its summary. */
export function ActiveSession({ session, act, refresh, onEnded }: { session: SessionViewData; act: Act; refresh: () => void; onEnded: (ended: SessionViewData) => void }) {
  const t = useT();
  const { now, clock } = useRunningClock(session);
  const onBreak = session.openPhases.find((phase) => phase.phase === 'break');
  const resting = isResting(session);
  const front = frontPhase(session.openPhases);
  const breakAction = (action: 'start' | 'stop') => act(() => call(api['sessions:phase']({ action, phase: 'break' })));
  const { clean } = useNavigation();
  const [pending, setPending] = useState<string>();
  const [ending, setEnding] = useState(false);
  const kept = session.takes.filter((take) => take.kept && take.takeId !== pending).length;
  // A take not kept yet is being recorded until the log has its length, then waits for Keep or Retake.
  const pendingState = !pending ? 'none' : session.takes.find((take) => take.takeId === pending)?.durationSeconds === undefined ? 'recording' : 'waiting';
  const redone = session.takes.filter((take) => !take.kept).length;
  const open = new Set(session.openPhases.map((phase) => phase.phase));
  const unclean = uncleanClips(session);
  return (
    <div className="active-session">
      <h3 id="session-heading" tabIndex={-1}>
        {session.platform}
        {session.task ? ` — ${session.task}` : ''}
      </h3>
      <p className="session-clock">
        <span role="timer" aria-label={t('sessions.active.timeWorkedLabel')}>
          {formatWorked(clock(session.seconds, !resting))}
        </span>{' '}
        {session.paused && <strong className="badge badge-warn">{t('sessions.active.paused')}</strong>}
        {onBreak && <strong className="badge badge-ok">{t(onBreak.countsAsWork ? 'sessions.active.onBreak' : 'sessions.active.onBreakNotWork')}</strong>}
        {session.openPhases.map((phase) => (
          <span key={phase.phaseId} className="phase-clock">
            {' '}
            · {phaseName(phase.phase)}{' '}
            <span role="timer" aria-label={t('sessions.active.phaseTimeLabel', { phase: phaseName(phase.phase) })}>
              {formatWorked(clock(phase.seconds, phase.phase === 'break' || !resting))}
            </span>{' '}
            <CorrectTime sessionId={session.id} phaseId={phase.phaseId} label={phaseName(phase.phase)} start={phase.start} end={session.asOf} act={act} />
          </span>
        ))}
      </p>
      <div className="phase-buttons" role="group" aria-label={t('sessions.active.phaseButtonsLabel')}>
        {MANUAL_PHASES.map((phase) => (
          <button
            key={phase}
            type="button"
            aria-pressed={open.has(phase)}
            disabled={resting && !open.has(phase)}
            onClick={() => void act(() => call(api['sessions:phase']({ action: open.has(phase) ? 'stop' : 'start', phase })))}
          >
            {t(open.has(phase) ? 'sessions.active.stopPhase' : 'sessions.active.startPhase', { phase: phaseName(phase) })}
          </button>
        ))}
      </div>
      <BreakReminder session={session} now={now} resting={session.paused || onBreak !== undefined} onBreak={() => void breakAction('start')} />
      <div className="actions">
        <button type="button" disabled={session.paused} onClick={() => void breakAction(onBreak ? 'stop' : 'start')}>
          {t(onBreak ? 'sessions.active.endBreak' : 'sessions.active.takeBreak')}
        </button>
        <button type="button" onClick={() => void act(() => call(api['sessions:pause']({ paused: !session.paused })))}>
          {t(session.paused ? 'sessions.active.resume' : 'sessions.active.pause')}
        </button>
        <button
          type="button"
          id="end-session-button"
          aria-expanded={ending}
          onClick={() => {
            setEnding(true);
            focusWhenShown('end-session-heading');
          }}
        >
          {t('sessions.active.endSession')}
        </button>
      </div>
      {ending && (
        <EndSession
          session={session}
          onEnded={onEnded}
          onCancel={() => {
            setEnding(false);
            focusWhenShown('end-session-button');
          }}
        />
      )}
      <h4>{t('sessions.active.takes', { kept, redone, pending: pendingState })}</h4>
      <TakeRecorder
        onChange={refresh}
        paused={
          ending ? t('sessions.active.endingNoRecording') : session.paused ? t('sessions.active.pausedNoRecording') : onBreak ? t('sessions.active.onBreakNoRecording') : undefined
        }
        warnings={takeWarnings(session.cornerChecks)}
        onPending={setPending}
      />
      {unclean.length > 0 && !pending && (
        <p className="actions">
          <button type="button" onClick={() => clean(unclean, session)}>
            {t('sessions.active.cleanKeptTakes', { count: unclean.length })}
          </button>
        </p>
      )}
      {/* The parts run with the clock: the time since the log was read goes to the phase in front. */}
      <PhaseList phaseSeconds={{ ...session.phaseSeconds, [front]: clock(session.phaseSeconds[front] ?? 0, !resting) }} restBreakSeconds={clock(session.restBreakSeconds, onBreak !== undefined && !onBreak.countsAsWork)} />
      <SessionRecords session={session} act={act} waitingTake={pending} />
    </div>
  );
}
