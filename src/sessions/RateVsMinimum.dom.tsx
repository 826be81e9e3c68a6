import { type Money } from '../../core/sessions/eventLog.std';
import { compareWithMinimum, formatMoney } from '../../core/sessions/pay.std';
import { useT } from '../app/language.dom';

/**
 * An effective hourly rate before costs and, when costs are entered, after them (or, before any pay, the rate
 * the terms promise, marked "expected"), and how the rate after costs stands against the worker's own minimum,
 * in words and a symbol, never colour alone. Terms that pay 0 ("0 if you do not know yet") promise no rate to
 * judge, and a minimum in another currency is said not to be compared, not left out in silence.
 */
export function RateVsMinimum({ rates, afterCosts, expected, minimum }: { rates: readonly Money[]; afterCosts: readonly Money[]; expected?: Money; minimum?: Money }) {
  const t = useT();
  const shown = rates.length > 0 ? rates : expected && expected.amount > 0 ? [expected] : [];
  const costed = rates.length > 0 && afterCosts.some((after) => rates.find((rate) => rate.currency === after.currency)?.amount !== after.amount);
  const comparison = compareWithMinimum(costed ? afterCosts : shown, minimum);
  const otherCurrency = minimum && shown.length > 0 && !comparison;
  return (
    <>
      {shown.length === 0
        ? '—'
        : rates.length === 0
          ? t('sessions.rate.expected', { rate: formatMoney(shown) })
          : costed
            ? t('sessions.rate.beforeAndAfterCosts', { rate: formatMoney(shown), after: formatMoney(afterCosts) })
            : t('sessions.rate.beforeCosts', { rate: formatMoney(shown) })}
      {comparison && (
        <span className={comparison.below ? 'below-minimum' : 'above-minimum'}>
          {' '}
          {comparison.below
            ? t('sessions.rate.belowMinimum', { shortfall: formatMoney({ amount: comparison.shortfall, currency: comparison.rate.currency }) })
            : t('sessions.rate.atOrAboveMinimum')}
        </span>
      )}
      {otherCurrency && <> {t('sessions.rate.minimumInOtherCurrency', { currency: minimum.currency })}</>}
    </>
  );
}
