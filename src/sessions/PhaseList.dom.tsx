import { phaseName } from '../../core/sessions/time.std';
import { formatWorked } from '../../core/shared/clock.std';

export function PhaseList({ phaseSeconds }: { phaseSeconds: Record<string, number> }) {
  const shown = Object.entries(phaseSeconds).filter(([, seconds]) => seconds >= 1);
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
