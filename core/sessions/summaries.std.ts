/**
 * Sessions summed up per platform and per week, as the Sessions view charts them. Pure.
 */
import type { Money, PhaseKind } from './eventLog.std';
import { clipOutcomes, hourlyRates, received } from './pay.std';
import type { Session } from './replay.std';
import { PHASE_COLUMNS, phaseSeconds, sessionSeconds } from './time.std';

type PlatformSummary = { platform: string; sessions: number; hours: number; received: Money[]; rates: Money[] };

export function summariseByPlatform(sessions: readonly Session[], now: number): PlatformSummary[] {
  const platforms = [...new Set(sessions.map((session) => session.platform))].sort();
  return platforms.map((platform) => {
    const mine = sessions.filter((session) => session.platform === platform);
    return {
      platform,
      sessions: mine.length,
      hours: mine.reduce((sum, session) => sum + sessionSeconds(session, now), 0) / 3600,
      received: received(mine),
      rates: hourlyRates(mine, now),
    };
  });
}

/**
 * The Monday that starts the week of a local date ("2026-11-26" -> "2026-11-23"). Weeks are the worker's
 * own calendar weeks: a session belongs to the week of the day it started on the worker's clock.
 */
export function weekStart(localDate: string): string {
  const day = new Date(`${localDate.slice(0, 10)}T00:00:00Z`);
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - sinceMonday * 86_400_000).toISOString().slice(0, 10);
}

type WeekSummary = {
  /** The Monday, "2026-11-23". */
  week: string;
  sessions: number;
  /** Hours per phase (and "other"), pauses excluded. */
  phaseHours: Record<PhaseKind | 'other', number>;
  hours: number;
  clips: Record<'approved' | 'rejected' | 'pending', number>;
  received: Money[];
  rates: Money[];
};

/** Per calendar week, oldest first: time by phase, clips by outcome, pay and the effective rate. */
export function summariseByWeek(sessions: readonly Session[], now: number): WeekSummary[] {
  const weeks = new Map<string, Session[]>();
  for (const session of sessions) {
    const week = weekStart(session.startedAtLocal);
    weeks.set(week, [...(weeks.get(week) ?? []), session]);
  }
  return [...weeks.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([week, mine]) => {
      const phaseHours = Object.fromEntries(PHASE_COLUMNS.map((kind) => [kind, 0])) as Record<PhaseKind | 'other', number>;
      for (const session of mine) {
        for (const [kind, seconds] of Object.entries(phaseSeconds(session, now))) phaseHours[kind as PhaseKind | 'other'] += seconds / 3600;
      }
      return {
        week,
        sessions: mine.length,
        phaseHours,
        hours: mine.reduce((sum, session) => sum + sessionSeconds(session, now), 0) / 3600,
        clips: clipOutcomes(mine),
        received: received(mine),
        rates: hourlyRates(mine, now),
      };
    });
}
