/**
 * A reminder to rest after a stretch of repetitive movement, as the guides advise for wrists, back and neck:
 * shown once the worker has worked the minutes set in Settings without a pause or a break, until they take one
 * or put it off for a while.
 */
import { useEffect, useState } from 'react';
import type { SessionViewData } from '../../core/ipc/contract.std';
import { breakDue } from '../../core/sessions/breaks.std';
import { api, call } from '../app/api.dom';
import { useT } from '../app/language.dom';

/** "Not now" puts the reminder off by this long. */
const SNOOZE_MS = 10 * 60_000;

export function BreakReminder({ session, now, resting, onBreak }: { session: SessionViewData; now: number; resting: boolean; onBreak: () => void }) {
  const t = useT();
  const [everyMinutes, setEveryMinutes] = useState<number>();
  const [snoozedUntil, setSnoozedUntil] = useState(0);
  useEffect(() => {
    call(api['settings:get']({})).then((settings) => setEveryMinutes(settings.breakEveryMinutes), () => undefined);
  }, []);
  if (breakDue({ workingSince: session.workingSince, now, everyMinutes, resting, snoozedUntil }) === undefined) return null;
  return (
    <div role="status" className="note break-reminder">
      <p>
        {/* The set minutes, not the count so far: a live region whose words change every minute is read out every minute. */}
        {t('sessions.breakReminder.text', { minutes: everyMinutes })}
      </p>
      <div className="actions">
        <button type="button" className="primary" onClick={onBreak}>
          {t('sessions.breakReminder.takeBreakNow')}
        </button>
        <button type="button" onClick={() => setSnoozedUntil(now + SNOOZE_MS)}>
          {t('sessions.breakReminder.notNow', { minutes: SNOOZE_MS / 60_000 })}
        </button>
      </div>
    </div>
  );
}
