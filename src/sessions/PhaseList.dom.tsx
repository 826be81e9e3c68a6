import { phaseName } from '../../core/sessions/time.std';
import { formatWorked, wholeSecondParts } from '../../core/shared/clock.std';

/** Time per phase, in whole seconds that add up to the session's total shown beside them. */
export function PhaseList({ phaseSeconds }: { phaseSeconds: Record<string, number> }) {
  const shown = Object.entries(wholeSecondParts(phaseSeconds)).filter(([, seconds]) => seconds >= 1);
  if (shown.length === 0) return null;
  return (
    <dl className="phase-list">
      {shown.map(([phase, seconds]) => (
        <div key={phase}>
          <dt>{phaseName(phase)}</dt>
          <dd>{formatWorked(seconds)}</dd>
        </div>
      ))}
    </dl>
  );
}
