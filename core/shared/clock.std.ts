/**
 * "0:04" or "1:02:03": a position in a clip, or time worked in a session; with `tenths`, "0:00.3" (where a
 * clip ends when less of it is left than a second, say).
 */
export function formatClock(seconds: number, { tenths = false }: { tenths?: boolean } = {}): string {
  const tenthsIn = Math.max(0, Math.floor(seconds * 10 + 1e-6));
  const whole = Math.floor(tenthsIn / 10);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = `${String(whole % 60).padStart(2, '0')}${tenths ? `.${tenthsIn % 10}` : ''}`;
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/**
 * From when to when something is in a clip, "0:04" to "0:07": its end counted up to the next whole second,
 * so that a span of under a second still reads as one ("0:00" to "0:01", not "0:00" to "0:00").
 */
export function formatClockSpan(fromSeconds: number, toSeconds: number): { from: string; to: string } {
  return { from: formatClock(fromSeconds), to: formatClock(Math.max(Math.ceil(toSeconds - 1e-6), Math.floor(fromSeconds) + 1)) };
}

/**
 * Time worked, as h:mm:ss ("0:00:08", "1:02:03"): whole seconds, always cut down the same way, so the app,
 * the CSV and the evidence report never disagree by a rounding, and never read as a clip's m:ss.
 */
export function formatWorked(seconds: number): string {
  // A hair over, so that 0.0319 h * 3600 (114.99999 s) is the 115 s it was.
  const whole = Math.max(0, Math.floor(seconds + 1e-6));
  const h = Math.floor(whole / 3600);
  return `${h}:${String(Math.floor((whole % 3600) / 60)).padStart(2, '0')}:${String(whole % 60).padStart(2, '0')}`;
}

/**
 * Whole seconds for parts of a time (the phases of a session), cut down so that they add up to their own sum
 * cut down: the largest remainders get the seconds left over. Shown beside the total, the phases add up to it.
 */
export function wholeSecondParts<K extends string>(parts: Readonly<Record<K, number>>): Record<K, number> {
  const entries = (Object.entries(parts) as Array<[K, number]>).map(([key, seconds]) => ({ key, seconds: Math.max(0, seconds) }));
  const target = Math.floor(entries.reduce((sum, part) => sum + part.seconds, 0) + 1e-6);
  const whole = entries.map((part) => ({ ...part, whole: Math.floor(part.seconds + 1e-6) }));
  let left = target - whole.reduce((sum, part) => sum + part.whole, 0);
  for (const part of [...whole].sort((a, b) => b.seconds - Math.floor(b.seconds) - (a.seconds - Math.floor(a.seconds)))) {
    if (left <= 0) break;
    part.whole += 1;
    left -= 1;
  }
  return Object.fromEntries(whole.map((part) => [part.key, part.whole])) as Record<K, number>;
}
