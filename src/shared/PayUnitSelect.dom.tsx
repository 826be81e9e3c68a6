/** The one list of what a platform pays per, as a select: starting a session and pricing an offer ask alike. */
import type { PayUnit } from '../../core/sessions/eventLog.std';

const PAY_UNIT_LABELS: ReadonlyArray<[PayUnit, string]> = [
  ['clip', 'clip'],
  ['approved-minute', 'approved minute of footage'],
  ['hour', 'hour'],
  ['batch', 'batch'],
];

export function PayUnitSelect({ id, value, onChange }: { id: string; value: PayUnit; onChange: (unit: PayUnit) => void }) {
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value as PayUnit)}>
      {PAY_UNIT_LABELS.map(([unit, label]) => (
        <option key={unit} value={unit}>
          {label}
        </option>
      ))}
    </select>
  );
}
