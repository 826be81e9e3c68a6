/**
 * Signs of whole currency units (not ¢: fifty cents is not 50), with the letters some put before one (R$,
 * US$, CA$), and the space between sign and number.
 */
const SIGN = '[$€£¥₦₹₱₩₪₫₴₺₽฿₵₡₲₭₮]';
const CURRENCY_BEFORE = new RegExp(`^[A-Z]{0,2}${SIGN}\\s*`);
const CURRENCY_AFTER = new RegExp(`\\s*${SIGN}$`);

/**
 * An amount as the worker types it, in their locale or another: "12.50" and "12,50" are twelve and a half
 * everywhere; "1,200.50", "1.200,50" and "1 200,50" are twelve hundred and a half. A single mark followed by
 * exactly three digits is the one case that reads both ways ("1.200"): the locale decides, as it writes its
 * own amounts (a thousands mark in pt-BR and es, a decimal mark in English). A currency sign before or after
 * it is how people write prices ("$0.50", "R$ 12,50", "12,50 €", "₦5000"): it is read past (the currency is
 * asked for on its own). NaN when it is no number.
 */
export function parseAmount(text: string, locale: string): number {
  const trimmed = text.trim();
  // One sign, before or after: "$5€" is a slip, not a price.
  const bare = CURRENCY_BEFORE.test(trimmed) ? trimmed.replace(CURRENCY_BEFORE, '') : trimmed.replace(CURRENCY_AFTER, '');
  // A space (French, plain or thin) groups thousands when three digits follow it.
  const compact = bare.replace(/(\d)[\s\u00a0\u202f](?=\d{3}(?!\d))/g, '$1');
  if (!/^\d[\d.,]*$/.test(compact) || /[.,]$/.test(compact)) return Number.NaN;
  const marks = compact.replace(/\d/g, '');
  const last = Math.max(compact.lastIndexOf('.'), compact.lastIndexOf(','));
  let decimal: '.' | ',' | undefined;
  if (new Set(marks).size === 2) decimal = compact[last] as '.' | ',';
  else if (marks.length === 1) {
    const digitsAfter = compact.length - last - 1;
    decimal = digitsAfter === 3 && marks === groupMark(locale) ? undefined : (marks as '.' | ',');
  }
  const [whole, fraction] = decimal ? [compact.slice(0, last), compact.slice(last + 1)] : [compact, ''];
  // Every group mark stands before exactly three digits: "1,20,0" is a typing slip, not a number.
  if (!/^\d{1,3}([.,]\d{3})*$/.test(whole) && !/^\d+$/.test(whole)) return Number.NaN;
  if (fraction.includes('.') || fraction.includes(',')) return Number.NaN;
  return Number(`${whole.replace(/[.,]/g, '')}${fraction ? `.${fraction}` : ''}`);
}

/**
 * Signs that name one currency, with the letters before a dollar that say whose. A bare "$" (a dozen
 * countries' dollars and pesos), "¥" (yen or yuan) and "£" (the pound of Britain, Egypt, Lebanon, Syria or
 * Sudan) name none.
 */
const CURRENCY_OF_SIGN: Readonly<Record<string, string>> = {
  '€': 'EUR', '₦': 'NGN', '₹': 'INR', '₱': 'PHP', '₩': 'KRW', '₪': 'ILS', '₫': 'VND', '₴': 'UAH', '₺': 'TRY', '₽': 'RUB', '฿': 'THB', '₵': 'GHS', '₡': 'CRC', '₲': 'PYG', '₭': 'LAK', '₮': 'MNT',
  R$: 'BRL', US$: 'USD', CA$: 'CAD', A$: 'AUD', AU$: 'AUD', NZ$: 'NZD', HK$: 'HKD', MX$: 'MXN',
};

/**
 * The currency an amount's own sign names ("₦5000": NGN, "R$ 12,50": BRL), or undefined (no sign, or one that
 * names none): the form's currency follows it, so that "₦250" typed while the currency still reads USD is not
 * kept as 250 dollars.
 */
export function currencyOfSign(text: string): string | undefined {
  const trimmed = text.trim();
  const sign = CURRENCY_BEFORE.exec(trimmed)?.[0].trim() ?? CURRENCY_AFTER.exec(trimmed)?.[0].trim();
  return sign === undefined ? undefined : CURRENCY_OF_SIGN[sign];
}

/**
 * A payment as typed in a form priced in `currency`: its amount, or why it is refused: no amount at all
 * (`notAnAmount`), or a sign naming another currency (`otherCurrency`: "₦3000" on a session paid in USD is
 * not 3000 dollars).
 */
export function readPayment(text: string, currency: string, locale: string): { amount: number } | { refusal: 'notAnAmount' | 'otherCurrency' } {
  const amount = parseAmount(text, locale);
  if (!(amount >= 0)) return { refusal: 'notAnAmount' };
  const signed = currencyOfSign(text);
  return signed && signed !== currency ? { refusal: 'otherCurrency' } : { amount };
}

/** The mark `locale` groups thousands with, when it is a dot or a comma. */
function groupMark(locale: string): string | undefined {
  return new Intl.NumberFormat(locale).formatToParts(1234567).find((part) => part.type === 'group')?.value;
}
