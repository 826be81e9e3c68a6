/**
 * Home: on first run, a short guide; afterwards the current session's steps, what is done ticked and the next
 * one as the main button. Every step is also its own area, so a worker who only cleans a phone clip never
 * needs a session.
 */
import './home.css';
import { type ReactNode, useEffect, useState } from 'react';
import type { SessionViewData } from '../../core/ipc/contract.std';
import { formatMoney } from '../../core/sessions/pay.std';
import { formatWorked } from '../../core/shared/clock.std';
import { type WorkflowStepId, currentSession, nextStep, workflowSteps } from '../../core/sessions/workflow.std';
import { richMessage, formatDay } from '../../core/i18n/i18n.std';
import { fileName } from '../../core/shared/fileName.std';
import { api, call } from '../app/api.dom';
import { useT } from '../app/language.dom';
import { type Navigation, useNavigation } from '../app/navigation.dom';
import { EndSession, SessionSummary } from '../sessions/EndSession.dom';
import { SessionRecords } from '../sessions/SessionRecords.dom';
import { StartSession } from '../sessions/StartSession.dom';
import { isResting, uncleanClips, useRunningClock } from '../sessions/sessionActions.dom';
import { useSessionsOverview } from '../sessions/useSessionsOverview.dom';
import { FileActions } from '../shared/FileActions.dom';
import { focusWhenShown } from '../shared/focus.dom';
import { b } from '../shared/messageTags.dom';

/** The first-run guide's steps, each a message whose bold start names the step. */
const GUIDE = ['start', 'check', 'record', 'clean', 'decide'] as const;

export function Home() {
  const t = useT();
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

  if (!overview || guideSeen === undefined) return error ? <p role="alert">{error}</p> : <p role="status">{t('home.reading')}</p>;

  // The first-run guide is for a first run: a worker who started a session elsewhere (Sessions) is past it.
  if (!guideSeen && !overview.active && overview.recent.length === 0) {
    return (
      <section className="guide" aria-labelledby="guide-heading">
        <h3 id="guide-heading" tabIndex={-1}>
          {t('home.guide.heading')}
        </h3>
        <ol className="guide-steps">
          {GUIDE.map((step) => (
            <li key={step}>
              {richMessage<ReactNode>(`home.guide.${step}`, { b })}
            </li>
          ))}
        </ol>
        <p>{t('home.guide.local')}</p>
        <div className="actions">
          <button type="button" className="primary" onClick={() => void closeGuide(() => focusWhenShown('start-platform'))}>
            {t('home.guide.startFirst')}
          </button>
          <button type="button" onClick={() => void closeGuide(() => go('sanitize'))}>
            {t('home.guide.onlyClean')}
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
          {session.task ? t('home.session.platformAndTask', { platform: session.platform, task: session.task }) : session.platform}
          {session.ended && <span className="hint"> {t('home.session.ended', { date: formatDay(session.startedAtLocal) })}</span>}
        </h3>
      ) : (
        <>
          <h3 id="home-session" tabIndex={-1}>
            {t('home.session.none')}
          </h3>
          {overview.recent[0] && (
            <p className="note">{lastSession(t, overview.recent[0])}</p>
          )}
        </>
      )}
      {overview.active && <WorkedSoFar session={overview.active} />}
      <ol className="workflow" aria-label={t('home.steps')}>
        {steps.map((step) => (
          <li
            key={step.id}
            className={step.done ? 'step-done' : step.skipped ? 'step-skipped' : step.id === next ? 'step-next' : 'step-todo'}
            aria-current={step.id === next ? 'step' : undefined}
          >
            <span aria-hidden="true" className="step-mark">
              {step.done ? '✓' : step.skipped ? '–' : step.id === next ? '→' : '○'}
            </span>{' '}
            {step.done ? t(`home.step.${step.id}.done`) : t(`home.step.${step.id}.todo`)}
            {step.skipped ? ` ${t('home.step.skipped')}` : <span className="visually-hidden"> {step.done ? t('home.step.done') : step.id === next ? t('home.step.next') : t('home.step.toDo')}</span>}
          </li>
        ))}
      </ol>
      {next === 'start' && <StartSession platforms={overview.platforms} tasks={overview.tasks} act={act} currency={overview.recent[0]?.terms.currency} />}
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
        {t('home.alone.question')}{' '}
        <button type="button" className="link" onClick={() => go('sanitize')}>
          {t('home.alone.clean')}
        </button>{' '}
        ·{' '}
        <button type="button" className="link" onClick={() => go('sessions')}>
          {t('home.alone.sessions')}
        </button>
      </p>
    </div>
  );
}

/** The last session, settled: what it paid for how long. */
function lastSession(t: ReturnType<typeof useT>, session: SessionViewData): string {
  const values = { platform: session.platform, date: formatDay(session.startedAtLocal), worked: formatWorked(session.seconds) };
  return session.received.length > 0 ? t('home.lastSession.received', { ...values, received: formatMoney(session.received) }) : t('home.lastSession.nothingReceived', values);
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
  clean: Navigation['clean'];
}) {
  const t = useT();
  const [fileError, setFileError] = useState<string>();
  const uploading = session.openPhases.some((phase) => phase.phase === 'uploading');
  const actions: Partial<Record<WorkflowStepId, () => void>> = {
    check: () => go('corner'),
    record: () => go('sessions', 'record-take'),
    clean: () => clean(uncleanClips(session), session),
    upload: () => void act(() => call(api['sessions:phase']({ action: uploading ? 'stop' : 'start', phase: 'uploading' }))),
    end: () => {
      onEnd();
      focusWhenShown('end-session-heading');
    },
  };
  const run = actions[step];
  if (!run) return null;
  const label = step === 'upload' && uploading ? t('home.step.upload.stop') : t(`home.step.${step}.button`);
  // What to upload: the clean copies, never the takes themselves, each found from here.
  const copies = step === 'upload' ? session.clips.flatMap((clip) => (clip.sanitized ? [clip.sanitized.output] : [])) : [];
  return (
    <>
      <p className="next-step">
        <button type="button" className="primary" id="next-step" onClick={run}>
          {label}
        </button>
        {step === 'upload' && uploading && <span className="hint"> {t('home.step.upload.timed')}</span>}
      </p>
      {copies.length > 0 && (
        <div className="upload-files">
          <p>{t('home.step.upload.files', { count: copies.length })}</p>
          <ul>
            {copies.map((copy) => (
              <li key={copy}>
                <code>{fileName(copy)}</code> <FileActions file={copy} name={fileName(copy)} onError={setFileError} />
              </li>
            ))}
          </ul>
          {fileError && <p role="alert">{fileError}</p>}
        </div>
      )}
    </>
  );
}

/** The time worked in the running session, counting on while it runs: Home shows that the clock is on. */
function WorkedSoFar({ session }: { session: SessionViewData }) {
  const t = useT();
  const { clock } = useRunningClock(session);
  return (
    <p className="worked-so-far">
      {t('home.session.workedSoFar')}{' '}
      <span role="timer" aria-label={t('sessions.active.timeWorkedLabel')}>
        {formatWorked(clock(session.seconds, !isResting(session)))}
      </span>
      {session.paused && (
        <>
          {' '}
          <strong className="badge badge-warn">{t('sessions.active.paused')}</strong>
        </>
      )}
    </p>
  );
}
