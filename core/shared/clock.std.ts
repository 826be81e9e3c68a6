/** "0:04" or "1:02:03": a position in a clip, or time worked in a session. */
export function formatClock(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/**
 * Time worked, as h:mm:ss ("0:00:08", "1:02:03"): whole seconds, always cut down the same way, so the app,
 * the CSV and the evidence report never disagree by a rounding, and never read as a clip's m:ss.
 */
export function formatWorked(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const h = Math.floor(whole / 3600);
  return `${h}:${String(Math.floor((whole % 3600) / 60)).padStart(2, '0')}:${String(whole % 60).padStart(2, '0')}`;
}
