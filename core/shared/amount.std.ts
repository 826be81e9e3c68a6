/** An amount as the worker types it: "12.50", or "12,50" where a comma is the decimal mark. NaN when it is no number. */
export function parseAmount(text: string): number {
  const trimmed = text.trim();
  if (trimmed === '') return Number.NaN;
  return Number(/^\d+,\d+$/.test(trimmed) ? trimmed.replace(',', '.') : trimmed);
}
