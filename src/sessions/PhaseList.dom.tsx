import { phaseName } from '../../core/sessions/time.std';
import { formatWorked, wholeSecondParts } from '../../core/shared/clock.std';
import { useT } from '../app/language.dom';

/**
 * Time per phase, in whole seconds that add up to the session's total shown beside them; breaks not counted as
 * work apart, since they are not in that total.
 */
export function PhaseList({ phaseSeconds, restBreakSeconds }: { phaseSeconds: Record<string, number>; restBreakSeconds: number }) {
  const t = useT();
  const shown = Object.entries(wholeSecondParts(phaseSeconds)).filter(([, seconds]) => seconds >= 1);
  if (shown.length === 0 && restBreakSeconds < 1) return null;
  return (
    <>
      <dl className="phase-list">
        {shown.map(([phase, seconds]) => (
          <div key={phase}>
            <dt>{phaseName(phase)}</dt>
            <dd>{formatWorked(seconds)}</dd>
          </div>
        ))}
      </dl>
      {restBreakSeconds >= 1 && <p className="hint">{t('sessions.phases.restBreaks', { time: formatWorked(Math.floor(restBreakSeconds)) })}</p>}
    </>
  );
}
