/**
 * Home: on first run, a short guide; afterwards the current session's steps, what is done ticked and the next
 * one as the main button. Every step is also its own area, so a worker who only cleans a phone clip never
 * needs a session.
 */
import './home.css';
import { useEffect, useState } from 'react';
import type { SessionViewData } from '../../core/ipc/contract.std';
import { formatMoney } from '../../core/sessions/pay.std';
import { formatWorked } from '../../core/shared/clock.std';
import { type WorkflowStepId, currentSession, nextStep, workflowSteps } from '../../core/sessions/workflow.std';
import { api, call } from '../app/api.dom';
import { useNavigation } from '../app/navigation.dom';
import { EndSession, SessionSummary } from '../sessions/EndSession.dom';
import { SessionRecords } from '../sessions/SessionRecords.dom';
import { StartSession } from '../sessions/StartSession.dom';
import { uncleanClips } from '../sessions/sessionActions.dom';
import { useSessionsOverview } from '../sessions/useSessionsOverview.dom';
import { focusWhenShown } from '../shared/focus.dom';

/** Each step in the worker's words: as a ticked line, and as the main button when it comes next. */
const STEP_TEXT: Record<WorkflowStepId, { done: string; todo: string; button: string }> = {
  start: { done: 'Session started: every minute counts from here', todo: 'Start a session', button: 'Start a session' },
  check: { done: 'Corner checked', todo: 'Check your corner', button: 'Check your corner' },
  record: { done: 'Takes recorded or clips added', todo: 'Record a take, or add clips from your phone', button: 'Record a take' },
  clean: { done: 'Every clip has a clean copy', todo: 'Make clean copies', button: 'Make clean copies of kept takes' },
  upload: { done: 'Uploaded', todo: 'Upload the clean copies to the platform', button: 'I am uploading now' },
  end: { done: 'Session ended', todo: 'End the session', button: 'End the session' },
  decide: { done: 'Every decision recorded', todo: "Record the platform's decision on each clip", button: "Record the platform's decisions" },
};

const GUIDE: ReadonlyArray<{ title: string; text: string }> = [
  { title: 'Start a session', text: 'SafeTake logs every minute of the work, unpaid setup and waiting included.' },
  { title: 'Check your corner', text: 'The camera looks for papers, faces, photos and screens, and says what to move.' },
  { title: 'Record takes or add clips', text: 'Record here, or add clips you filmed with your phone.' },
  { title: 'Make clean copies', text: 'Copies without location, device or names inside, with what the check found hidden.' },
  { title: "Record the platform's decision", text: 'Approved or rejected, and what it paid: your real hourly rate and your evidence.' },
];

export function Home() {
  const { go, clean } = useNavigation();
  const [guideSeen, setGuideSeen] = useState<boolean>();
  const [ending, setEnding] = useState(false);
  const [ended, setEnded] = useState<SessionViewData>();
  const { overview, error, setError, refresh, act } = useSessionsOverview();
  useEffect(() => {
    call(api['settings:get']({})).then((settings) => setGuideSeen(settings.guideSeen ?? false), (e: Error) => setError(e.message));
  }, [setError]);

  async function closeGuide(then: () => void) {
    await call(api['settings:update']({ guideSeen: true })).catch((e: Error) => setError(e.message));
    setGuideSeen(true);
    then();
  }

  if (!overview || guideSeen === undefined) return error ? <p role="alert">{error}</p> : <p role="status">Reading your sessions…</p>;

  if (!guideSeen) {
    return (
      <section className="guide" aria-labelledby="guide-heading">
        <h3 id="guide-heading" tabIndex={-1}>
          How SafeTake works
        </h3>
        <ol className="guide-steps">
          {GUIDE.map((step) => (
            <li key={step.title}>
              <strong>{step.title}.</strong> {step.text}
            </li>
          ))}
        </ol>
        <p>Everything happens on this computer: no picture, sound or file leaves it.</p>
        <div className="actions">
          <button type="button" className="primary" onClick={() => void closeGuide(() => focusWhenShown('start-platform'))}>
            Start my first session
          </button>
          <button type="button" onClick={() => void closeGuide(() => go('sanitize'))}>
            I only want to clean a file
          </button>
        </div>
      </section>
    );
  }

  const session = currentSession(overview.active, overview.recent);
  const steps = workflowSteps(session);
  const next = nextStep(session);
  return (
    <div className="home">
      {error && <p role="alert">{error}</p>}
      {session ? (
        <h3 id="home-session" tabIndex={-1}>
          {session.platform}
          {session.task ? ` — ${session.task}` : ''}
          {session.ended && <span className="hint"> (ended {session.startedAtLocal.slice(0, 10)})</span>}
        </h3>
      ) : (
        <>
          <h3 id="home-session" tabIndex={-1}>No session running</h3>
          {overview.recent[0] && (
            <p className="note">
              Your last session ({overview.recent[0].platform}, {overview.recent[0].startedAtLocal.slice(0, 10)}) is settled:{' '}
              {overview.recent[0].received.length > 0 ? `${formatMoney(overview.recent[0].received)} received` : 'nothing received'} for {formatWorked(overview.recent[0].seconds)} of work.
            </p>
          )}
        </>
      )}
      <ol className="workflow" aria-label="Steps of this session">
        {steps.map((step) => (
          <li
            key={step.id}
            className={step.done ? 'step-done' : step.skipped ? 'step-skipped' : step.id === next ? 'step-next' : 'step-todo'}
            aria-current={step.id === next ? 'step' : undefined}
          >
            <span aria-hidden="true" className="step-mark">
              {step.done ? '✓' : step.skipped ? '–' : step.id === next ? '→' : '○'}
            </span>{' '}
            {step.done ? STEP_TEXT[step.id].done : STEP_TEXT[step.id].todo}
            {step.skipped ? ' (skipped)' : <span className="visually-hidden">{step.done ? ' (done)' : step.id === next ? ' (next)' : ' (to do)'}</span>}
          </li>
        ))}
      </ol>
      {next === 'start' && <StartSession platforms={overview.platforms} tasks={overview.tasks} act={act} />}
      {session && next && next !== 'start' && (
        <NextStepButton step={next} session={session} onEnd={() => setEnding(true)} act={act} go={go} clean={clean} />
      )}
      {ending && session && !session.ended && (
        <EndSession
          session={session}
          onEnded={(view) => {
            setEnding(false);
            setEnded(view);
            refresh();
          }}
          onCancel={() => {
            setEnding(false);
            focusWhenShown('next-step');
          }}
        />
      )}
      {ended && (
        <SessionSummary
          session={ended}
          onClose={() => {
            setEnded(undefined);
            focusWhenShown('next-step', 'home-session');
          }}
        />
      )}
      {session?.ended && <SessionRecords session={session} act={act} />}
      <p className="home-alone">
        Just one thing?{' '}
        <button type="button" className="link" onClick={() => go('sanitize')}>
          Clean a phone clip or photo
        </button>{' '}
        ·{' '}
        <button type="button" className="link" onClick={() => go('sessions')}>
          See past sessions and pay
        </button>
      </p>
    </div>
  );
}

function NextStepButton({
  step,
  session,
  onEnd,
  act,
  go,
  clean,
}: {
  step: WorkflowStepId;
  session: SessionViewData;
  onEnd: () => void;
  act: (change: () => Promise<unknown>) => Promise<void>;
  go: (area: 'corner' | 'sessions' | 'sanitize', focus?: string) => void;
  clean: (paths: string[]) => void;
}) {
  const uploading = session.openPhases.some((phase) => phase.phase === 'uploading');
  const actions: Partial<Record<WorkflowStepId, () => void>> = {
    check: () => go('corner'),
    record: () => go('sessions', 'record-take'),
    clean: () => clean(uncleanClips(session)),
    upload: () => void act(() => call(api['sessions:phase']({ action: uploading ? 'stop' : 'start', phase: 'uploading' }))),
    end: () => {
      onEnd();
      focusWhenShown('end-session-heading');
    },
  };
  const run = actions[step];
  if (!run) return null;
  const label = step === 'upload' && uploading ? '■ Done uploading' : STEP_TEXT[step].button;
  return (
    <p className="next-step">
      <button type="button" className="primary" id="next-step" onClick={run}>
        {label}
      </button>
      {step === 'upload' && uploading && <span className="hint"> Uploading is being timed.</span>}
    </p>
  );
}
