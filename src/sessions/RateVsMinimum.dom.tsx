import { type Money } from '../../core/sessions/eventLog.std';
import { compareWithMinimum, formatMoney } from '../../core/sessions/pay.std';

/**
 * An effective hourly rate (or, before any pay, the rate the terms promise, marked "expected") and how it
 * stands against the worker's own minimum, in words and a symbol, never colour alone.
 */
export function RateVsMinimum({ rates, expected, minimum }: { rates: readonly Money[]; expected?: Money; minimum?: Money }) {
  const shown = rates.length > 0 ? rates : expected ? [expected] : [];
  const comparison = compareWithMinimum(shown, minimum);
  return (
    <>
      {formatMoney(shown) || '—'}
      {rates.length === 0 && expected ? ' expected' : ''}
      {comparison && (
        <span className={comparison.below ? 'below-minimum' : 'above-minimum'}>
          {comparison.below ? ` ▼ ${comparison.shortfall.toFixed(2)} ${comparison.rate.currency} below your minimum` : ' ✓ at or above your minimum'}
        </span>
      )}
    </>
  );
}
