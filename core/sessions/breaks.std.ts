/** When to suggest a break: after the set minutes of work without a rest, unless put off. Pure. */

export type BreakReminderState = { workingSince: number; now: number; everyMinutes: number | undefined; resting: boolean; snoozedUntil: number };

/** Whole minutes worked without a rest, when a break is due; undefined when it is not (or reminders are off). */
export function breakDue({ workingSince, now, everyMinutes, resting, snoozedUntil }: BreakReminderState): number | undefined {
  if (!everyMinutes || resting || now < snoozedUntil) return undefined;
  const worked = Math.floor((now - workingSince) / 60_000);
  return worked >= everyMinutes ? worked : undefined;
}
