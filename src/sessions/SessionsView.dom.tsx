import { Fragment, useCallback, useEffect, useId, useState } from 'react';
import type { IpcResponse, SessionViewData } from '../../core/ipc/contract.std';
import type { PayUnit, PhaseKind } from '../../core/sessions/eventLog.std';
import { PHASE_NAMES, phaseName } from '../../core/sessions/time.std';
import { formatMoney } from '../../core/sessions/pay.std';
import { formatClock } from '../../core/shared/clock.std';
import { api, call } from '../app/api.dom';
import { RateVsMinimum } from './RateVsMinimum.dom';
import { SessionRecords } from './SessionRecords.dom';
import { TakeRecorder } from './TakeRecorder.dom';
import { WeeklyCharts } from './WeeklyCharts.dom';

type Overview = IpcResponse<'sessions:overview'>;
type Minimum = IpcResponse<'settings:get'>['minimumHourlyRate'];

/** Phases SafeTake cannot see for itself, so the worker marks them with one click. */
const MANUAL_PHASES: ReadonlyArray<{ phase: PhaseKind; label: string }> = [
  { phase: 'instructions', label: 'Reading instructions' },
  { phase: 'uploading', label: 'Uploading' },
  { phase: 'waiting', label: 'Waiting for review' },
  { phase: 'troubleshooting', label: 'Troubleshooting' },
];


const hours = (seconds: number) => `${(seconds / 3600).toFixed(2)} h`;

export function SessionsView() {
  const [overview, setOverview] = useState<Overview>();
  const [minimum, setMinimum] = useState<Minimum>();
  const [error, setError] = useState<string>();

  const refresh = useCallback(() => {
    call(api['sessions:overview']({})).then(setOverview, (e: Error) => setError(e.message));
    call(api['settings:get']({})).then((settings) => setMinimum(settings.minimumHourlyRate), (e: Error) => setError(e.message));
  }, []);
  useEffect(refresh, [refresh]);

  /** Runs a change; the log has it on disk when this resolves, then the view is read back from the log. */
  const act = useCallback(
    async (change: () => Promise<unknown>) => {
      setError(undefined);
      try {
        await change();
      } catch (e) {
        setError((e as Error).message);
      }
      refresh();
    },
    [refresh],
  );

  if (!overview) return error ? <p role="alert">{error}</p> : <p role="status">Reading the session log…</p>;
  return (
    <section className="sessions" aria-label="Sessions">
      {error && <p role="alert">{error}</p>}
      {overview.active ? (
        <ActiveSession session={overview.active} act={act} refresh={refresh} />
      ) : (
        <StartSession platforms={overview.platforms} tasks={overview.tasks} act={act} />
      )}
      <PastSessions sessions={overview.recent} minimum={minimum} act={act} />
      <WeeklyCharts overview={overview} minimum={minimum} />
      {overview.summary.length > 0 && (
        <table className="summary-table">
          <caption>Per platform, all sessions</caption>
          <thead>
            <tr>
              <th scope="col">Platform</th>
              <th scope="col">Sessions</th>
              <th scope="col">Hours</th>
              <th scope="col">Received</th>
              <th scope="col">Effective rate per hour</th>
            </tr>
          </thead>
          <tbody>
            {overview.summary.map((row) => (
              <tr key={row.platform}>
                <th scope="row">{row.platform}</th>
                <td>{row.sessions}</td>
                <td>{row.hours.toFixed(2)}</td>
                <td>{formatMoney(row.received) || 'nothing entered yet'}</td>
                <td>
                  <RateVsMinimum rates={row.rates} minimum={minimum} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <CsvExport act={act} />
      <MinimumRateForm key={minimum ? `${minimum.amount} ${minimum.currency}` : 'none'} minimum={minimum} act={act} />
    </section>
  );
}

type Act = (change: () => Promise<unknown>) => Promise<void>;

function StartSession({ platforms, tasks, act }: { platforms: string[]; tasks: string[]; act: Act }) {
  const [form, setForm] = useState({ platform: '', task: '', amount: '', currency: 'USD', per: 'clip' as PayUnit, notes: '' });
  const ids = { platform: useId(), task: useId(), amount: useId(), currency: useId(), per: useId(), list: useId(), taskList: useId(), notes: useId() };
  const valid = form.platform.trim() !== '' && form.amount !== '' && Number(form.amount) >= 0 && /^[A-Z]{3}$/.test(form.currency);
  return (
    <form
      className="start-session"
      aria-label="Start a session"
      onSubmit={(event) => {
        event.preventDefault();
        if (!valid) return;
        void act(() =>
          call(
            api['sessions:start']({
              platform: form.platform,
              task: form.task,
              terms: { amount: Number(form.amount), currency: form.currency, per: form.per },
              ...(form.notes.trim() ? { notes: form.notes.trim() } : {}),
            }),
          ),
        );
      }}
    >
      <h3>Start a session</h3>
      <label htmlFor={ids.platform}>Platform</label>
      <input id={ids.platform} list={ids.list} value={form.platform} onChange={(e) => setForm({ ...form, platform: e.target.value })} />
      <datalist id={ids.list}>
        {platforms.map((platform) => (
          <option key={platform} value={platform} />
        ))}
      </datalist>
      <label htmlFor={ids.task}>Task</label>
      <input id={ids.task} list={ids.taskList} value={form.task} onChange={(e) => setForm({ ...form, task: e.target.value })} />
      <datalist id={ids.taskList}>
        {tasks.map((task) => (
          <option key={task} value={task} />
        ))}
      </datalist>
      <label htmlFor={ids.amount}>Pay</label>
      <input id={ids.amount} inputMode="decimal" value={form.amount} onChange={(e) => setForm({ ...form, amount: e.target.value })} size={8} />
      <label htmlFor={ids.currency}>Currency</label>
      <input id={ids.currency} value={form.currency} maxLength={3} size={4} onChange={(e) => setForm({ ...form, currency: e.target.value.toUpperCase() })} />
      <label htmlFor={ids.per}>per</label>
      <select id={ids.per} value={form.per} onChange={(e) => setForm({ ...form, per: e.target.value as typeof form.per })}>
        <option value="clip">clip</option>
        <option value="approved-minute">approved minute of footage</option>
        <option value="hour">hour</option>
        <option value="batch">batch</option>
      </select>
      <label htmlFor={ids.notes}>Notes (optional)</label>
      <textarea id={ids.notes} rows={2} maxLength={5000} value={form.notes} onChange={(e) => setForm({ ...form, notes: e.target.value })} />
      <button type="submit" className="primary" disabled={!valid}>
        Start session
      </button>
    </form>
  );
}

/** Counts on from the log's figures: seconds as of `asOf`, plus the time since while not paused. */
function useRunningClock(session: SessionViewData): (seconds: number) => number {
  const [now, setNow] = useState(session.asOf);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return (seconds) => (session.paused ? seconds : seconds + Math.max(0, now - session.asOf) / 1000);
}

function ActiveSession({ session, act, refresh }: { session: SessionViewData; act: Act; refresh: () => void }) {
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

function PhaseList({ phaseSeconds }: { phaseSeconds: Record<string, number> }) {
  const shown = Object.entries(phaseSeconds).filter(([, seconds]) => seconds >= 1);
  if (shown.length === 0) return null;
  return (
    <dl className="phase-list">
      {shown.map(([phase, seconds]) => (
        <div key={phase}>
          <dt>{phaseName(phase)}</dt>
          <dd>{formatClock(seconds)}</dd>
        </div>
      ))}
    </dl>
  );
}

function PastSessions({ sessions, minimum, act }: { sessions: SessionViewData[]; minimum: Minimum; act: Act }) {
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
                <PhaseList phaseSeconds={session.phaseSeconds} />
                <button type="button" className="link" aria-expanded={opened === session.id} onClick={() => setOpened(opened === session.id ? undefined : session.id)}>
                  Clips, decisions and evidence ({session.clips.length})
                </button>
              </th>
              <td>{hours(session.seconds)}</td>
              <td>
                {formatMoney(session.received) || 'not entered'}
                <PayForm session={session} act={act} />
              </td>
              <td>
                <RateVsMinimum rates={session.rates} expected={session.expectedRate} minimum={minimum} />
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

function CsvExport({ act }: { act: Act }) {
  const [saved, setSaved] = useState<string>();
  return (
    <p>
      <button
        type="button"
        onClick={() =>
          void act(async () => {
            const { file } = await call(api['sessions:exportCsv']({}));
            setSaved(file && `Saved ${file}: a row per session and per clip.`);
          })
        }
      >
        Export every session as CSV…
      </button>{' '}
      {saved && <span role="status">{saved}</span>}
    </p>
  );
}

function MinimumRateForm({ minimum, act }: { minimum: Minimum; act: Act }) {
  const [amount, setAmount] = useState(minimum ? String(minimum.amount) : '');
  const [currency, setCurrency] = useState(minimum?.currency ?? 'USD');
  const ids = { amount: useId(), currency: useId() };
  return (
    <form
      className="pay-form"
      aria-label="Your minimum hourly rate"
      onSubmit={(event) => {
        event.preventDefault();
        if (amount !== '' && Number(amount) >= 0 && /^[A-Z]{3}$/.test(currency)) {
          void act(() => call(api['settings:setMinimumRate']({ amount: Number(amount), currency })));
        }
      }}
    >
      <label htmlFor={ids.amount}>Your minimum per hour</label>
      <input id={ids.amount} inputMode="decimal" size={7} value={amount} onChange={(e) => setAmount(e.target.value)} />
      <label htmlFor={ids.currency}>in</label>
      <input id={ids.currency} size={4} maxLength={3} value={currency} onChange={(e) => setCurrency(e.target.value.toUpperCase())} />
      <button type="submit">Save minimum</button>
      {minimum && (
        <span>
          Now: {minimum.amount.toFixed(2)} {minimum.currency} per hour
        </span>
      )}
    </form>
  );
}

function PayForm({ session, act }: { session: SessionViewData; act: Act }) {
  const [amount, setAmount] = useState('');
  const id = useId();
  return (
    <form
      className="pay-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (amount === '' || !(Number(amount) >= 0)) return;
        void act(() => call(api['sessions:pay']({ sessionId: session.id, amount: Number(amount), currency: session.terms.currency })));
        setAmount('');
      }}
    >
      <label htmlFor={id}>Paid ({session.terms.currency})</label>
      <input id={id} inputMode="decimal" size={7} value={amount} onChange={(e) => setAmount(e.target.value)} />
      <button type="submit">Add payment</button>
    </form>
  );
}
