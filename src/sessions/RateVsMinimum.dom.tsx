import { type Money } from '../../core/sessions/eventLog.std';
import { compareWithMinimum, formatMoney } from '../../core/sessions/pay.std';

/**
 * An effective hourly rate before costs and, when costs are entered, after them (or, before any pay, the rate
 * the terms promise, marked "expected"), and how the rate after costs stands against the worker's own minimum,
 * in words and a symbol, never colour alone.
 */
export function RateVsMinimum({ rates, afterCosts, expected, minimum }: { rates: readonly Money[]; afterCosts: readonly Money[]; expected?: Money; minimum?: Money }) {
  const shown = rates.length > 0 ? rates : expected ? [expected] : [];
  const costed = rates.length > 0 && afterCosts.some((after) => rates.find((rate) => rate.currency === after.currency)?.amount !== after.amount);
  const comparison = compareWithMinimum(costed ? afterCosts : shown, minimum);
  return (
    <>
      {formatMoney(shown) || '—'}
      {shown.length > 0 && (rates.length === 0 ? ' expected, before costs' : ' before costs')}
      {costed && `; ${formatMoney(afterCosts)} after costs`}
      {comparison && (
        <span className={comparison.below ? 'below-minimum' : 'above-minimum'}>
          {comparison.below ? ` ▼ ${comparison.shortfall.toFixed(2)} ${comparison.rate.currency} below your minimum` : ' ✓ at or above your minimum'}
        </span>
      )}
    </>
  );
}
