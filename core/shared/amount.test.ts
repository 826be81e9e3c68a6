import { describe, expect, it } from 'vitest';
import { currencyOfSign, parseAmount, readPayment } from './amount.std';

describe('parseAmount', () => {
  it('reads a dot or a comma as the decimal mark in any locale', () => {
    for (const locale of ['en', 'fr', 'es', 'pt-BR']) {
      expect(parseAmount('12.50', locale)).toBe(12.5);
      expect(parseAmount(' 12,50 ', locale)).toBe(12.5);
      expect(parseAmount('1200', locale)).toBe(1200);
      expect(parseAmount('0,5', locale)).toBe(0.5);
    }
  });

  it('reads thousands marks as the worker writes them', () => {
    expect(parseAmount('1,200.50', 'en')).toBe(1200.5);
    expect(parseAmount('1.200,50', 'pt-BR')).toBe(1200.5);
    expect(parseAmount('1.200,50', 'en')).toBe(1200.5);
    expect(parseAmount('1 200,50', 'fr')).toBe(1200.5);
    expect(parseAmount('1\u202f200,50', 'fr')).toBe(1200.5);
    expect(parseAmount('28,800,000', 'en')).toBe(28_800_000);
    expect(parseAmount('28.800.000', 'es')).toBe(28_800_000);
  });

  it('reads one mark before three digits as the locale does: a thousand in Brazil, a decimal in English', () => {
    expect(parseAmount('1.200', 'pt-BR')).toBe(1200);
    expect(parseAmount('1,200', 'en')).toBe(1200);
    expect(parseAmount('1.200', 'en')).toBe(1.2);
    expect(parseAmount('1,200', 'pt-BR')).toBe(1.2);
  });

  it('reads past a currency sign before or after the amount, as prices are written', () => {
    expect(parseAmount('$0.50', 'en')).toBe(0.5);
    expect(parseAmount('R$ 12,50', 'pt-BR')).toBe(12.5);
    expect(parseAmount('US$1,200', 'en')).toBe(1200);
    expect(parseAmount('12,50 €', 'fr')).toBe(12.5);
    expect(parseAmount('₦5000', 'en')).toBe(5000);
  });

  it('is no number for anything else', () => {
    for (const text of ['', ' ', '12,5,0', '1,20,0', '1.2.3,4', 'ten', '12 USD', '-3', '12.', '1 2 3', '$', '$$5', '$0.', '5 $ 5', '$5€', '50¢']) expect(parseAmount(text, 'en'), text).toBeNaN();
  });
});

describe('currencyOfSign', () => {
  it('names the currency of a sign that has one, and none for a bare dollar, yen or pound', () => {
    expect(['₦250', '₦ 5,000', '12,50 €', 'R$ 12,50', 'US$0.50', 'CA$3', '₵ 20'].map(currencyOfSign)).toEqual(['NGN', 'NGN', 'EUR', 'BRL', 'USD', 'CAD', 'GHS']);
    expect(['$0.50', '¥300', '£4', '250', '', 'abc'].map(currencyOfSign)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });
});

describe('readPayment', () => {
  it('reads an amount in the form\'s currency, and refuses no number or another currency\'s sign', () => {
    expect(readPayment('₦3 000', 'NGN', 'en')).toEqual({ amount: 3000 });
    expect(readPayment('$12.50', 'USD', 'en')).toEqual({ amount: 12.5 });
    expect(readPayment('0', 'USD', 'en')).toEqual({ amount: 0 });
    expect(readPayment('₦3000', 'USD', 'en')).toEqual({ refusal: 'otherCurrency' });
    expect(readPayment('twelve', 'USD', 'en')).toEqual({ refusal: 'notAnAmount' });
    expect(readPayment('-5', 'USD', 'en')).toEqual({ refusal: 'notAnAmount' });
  });
});
