/** The one list of what a platform pays per, as a select: starting a session and pricing an offer ask alike. */
import type { MessageId } from '../../core/i18n/i18n.std';
import type { PayUnit } from '../../core/sessions/eventLog.std';
import { useT } from '../app/language.dom';

/** Each unit with its message id: the words are looked up when the select is drawn, in the language of the moment. */
const PAY_UNITS: ReadonlyArray<[PayUnit, MessageId]> = [
  ['clip', 'payUnit.clip'],
  ['approved-minute', 'payUnit.approvedMinute'],
  ['hour', 'payUnit.hour'],
  ['batch', 'payUnit.batch'],
];

export function PayUnitSelect({ id, value, onChange }: { id: string; value: PayUnit; onChange: (unit: PayUnit) => void }) {
  const t = useT();
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value as PayUnit)}>
      {PAY_UNITS.map(([unit, labelId]) => (
        <option key={unit} value={unit}>
          {t(labelId)}
        </option>
      ))}
    </select>
  );
}
