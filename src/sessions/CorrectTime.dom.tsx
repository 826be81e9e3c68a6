/**
 * "Correct…" beside a timer left running: when it really ended. The correction is logged as its own event;
 * what the timer counted stays in the log, and the evidence report shows both.
 */
import { type ReactNode, useId, useState } from 'react';
import { formatDateTime, richMessage } from '../../core/i18n/i18n.std';
import { localTimestamp } from '../../core/sessions/eventLog.std';
import { api, call } from '../app/api.dom';
import { useT } from '../app/language.dom';
import type { Act } from './sessionActions.dom';
import { hidden } from '../shared/messageTags.dom';
import { focusWhenShown } from '../shared/focus.dom';

/** A moment as a datetime-local field shows it: the worker's own clock, to the second. */
const toField = (ms: number) => localTimestamp(new Date(ms)).slice(0, 19);

export function CorrectTime({ sessionId, phaseId, label, start, end, act }: { sessionId: string; phaseId?: string; label: string; start: number; end: number; act: Act }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState(() => toField(end));
  const id = useId();
  const openerId = `${id}-open`;
  // The button and the form take each other's place: the focus goes with them, never to the page.
  const close = () => {
    setOpen(false);
    focusWhenShown(openerId);
  };
  if (!open) {
    return (
      <button
        type="button"
        className="link"
        id={openerId}
        aria-expanded={false}
        onClick={() => {
          // From when it was counted to end: the worker moves it back to when it really ended.
          setValue(toField(end));
          setOpen(true);
          focusWhenShown(id);
        }}
      >
        {richMessage<ReactNode>('sessions.correctTime.open', {
          phase: label,
          hidden,
        })}
      </button>
    );
  }
  const at = Date.parse(value);
  // Whole seconds: the start and the end as counted, cut down to the second, bound what can be chosen.
  const valid = Number.isFinite(at) && at >= Math.floor(start / 1000) * 1000 && at <= end;
  return (
    <form
      className="correct-time"
      aria-label={t('sessions.correctTime.formLabel', { phase: label })}
      onSubmit={(event) => {
        event.preventDefault();
        if (!valid) return;
        void act(() => call(api['sessions:correctTime']({ sessionId, ...(phaseId ? { phaseId } : {}), endedAt: localTimestamp(new Date(Math.max(at, start))) })));
        close();
      }}
    >
      <label htmlFor={id}>{t('sessions.correctTime.endedAt', { phase: label })}</label>
      <input id={id} type="datetime-local" step={1} value={value} min={toField(start)} max={toField(end)} onChange={(e) => setValue(e.target.value)} />
      <button type="submit" disabled={!valid}>
        {t('sessions.correctTime.save')}
      </button>
      <button type="button" onClick={close}>
        {t('sessions.correctTime.cancel')}
      </button>
      {!valid && <span className="hint">{t('sessions.correctTime.bounds', { end: formatDateTime(end, { dateStyle: 'medium', timeStyle: 'medium' }) })}</span>}
    </form>
  );
}
