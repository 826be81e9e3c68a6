import { describe, expect, it } from 'vitest';
import { parseAmount } from './amount.std';

describe('parseAmount', () => {
  it('reads a dot or a comma as the decimal mark, and nothing else as a number', () => {
    expect(parseAmount('12.50')).toBe(12.5);
    expect(parseAmount(' 12,50 ')).toBe(12.5);
    expect(parseAmount('1200')).toBe(1200);
    for (const text of ['', ' ', '1,200,000', '12,5,0', 'ten', '12 USD']) expect(parseAmount(text)).toBeNaN();
  });
});
