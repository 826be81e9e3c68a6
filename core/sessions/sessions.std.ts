/**
 * Sessions as the log tells them, and what they paid per hour. Pure: replay events into sessions, then
 * measure with interval arithmetic on absolute instants, so midnight, time zones and DST changes cannot skew
 * a duration. Currencies are never added together.
 */
import type { EventData, LogEntry, PayTerms, PhaseKind } from './eventLog.std';

export type Money = { amount: number; currency: string };

/** "3.50 USD"; several currencies as "3.50 USD + 1200.00 NGN" (never added together); "" for none. */
export function formatMoney(money: Money | readonly Money[]): string {
  return (Array.isArray(money) ? money : [money]).map((item: Money) => `${item.amount.toFixed(2)} ${item.currency}`).join(' + ');
}

type Interval = { start: number; end?: number };
type PhaseRecord = Interval & { phaseId: string; phase: PhaseKind };

/** What each phase is called wherever a person reads it: the app, its charts, the evidence report. */
export const PHASE_NAMES: Readonly<Record<PhaseKind | 'other', string>> = {
  setup: 'Setup',
  take: 'Takes',
  retake: 'Retakes (redone takes)',
  sanitizing: 'Sanitizing',
  uploading: 'Uploading',
  waiting: 'Waiting for review',
  instructions: 'Reading instructions',
  troubleshooting: 'Troubleshooting',
  other: 'Other session time',
};

/** A phase's name for a key that lost its type on the way (Object.entries, a record from IPC). */
export function phaseName(kind: string): string {
  return PHASE_NAMES[kind as PhaseKind | 'other'] ?? kind;
}

/** Phase kinds in the order reports list them; "other" is session time in no phase. */
const PHASE_COLUMNS = ['setup', 'take', 'retake', 'sanitizing', 'uploading', 'waiting', 'instructions', 'troubleshooting', 'other'] as const;
const CLIP_COLUMNS = ['clip_file', 'clip_sha256', 'clip_seconds', 'risks_during_take', 'clean_copy', 'clean_copy_sha256', 'identifying_left', 'outcome', 'outcome_reason', 'clip_paid', 'clip_paid_currency', 'clip_paid_on'] as const;

export type Session = {
  id: string;
  platform: string;
  task: string;
  terms: PayTerms;
  notes?: string;
  /** The start as the worker's clock showed it ("2026-11-23T09:00:00.000+01:00"). */
  startedAtLocal: string;
  start: number;
  end?: number;
  pauses: Interval[];
  phases: PhaseRecord[];
  payments: Money[];
  takes: Take[];
  /** Kept takes and added clips, in the order they joined the session. */
  clips: Clip[];
  cornerChecks: CornerCheck[];
  evidence: Evidence[];
};

/** A corner check's result as logged: when, the verdict, the kinds of risk left open or accepted. */
export type CornerCheck = Omit<Extract<EventData, { type: 'corner.checked' }>, 'type' | 'sessionId'> & { atLocal: string };

export type Take = { takeId: string; file: string; kept: boolean; durationSeconds?: number; sha256?: string };

type ClipEvent<T extends EventData['type']> = Omit<Extract<EventData, { type: T }>, 'type' | 'sessionId' | 'clipId'>;
export type ClipOutcome = ClipEvent<'clip.outcome'> & { atLocal: string };
/** A clip of the session: a take recorded in the app or a file added to it, its clean copy and its fate. */
export type Clip = {
  clipId: string;
  origin: 'take' | 'added';
  file: string;
  sha256?: string;
  durationSeconds?: number;
  sanitized?: ClipEvent<'clip.sanitized'>;
  outcome?: ClipOutcome;
  /** Risks the detector saw during a take, each at its time in the take. */
  risks?: TakeRisk[];
};
export type TakeRisk = Omit<Extract<EventData, { type: 'take.risk' }>, 'type' | 'sessionId' | 'takeId'>;
export type Evidence = Omit<Extract<EventData, { type: 'evidence.attached' }>, 'type' | 'sessionId'> & { atLocal: string };

export function replaySessions(entries: readonly LogEntry[]): Session[] {
  const sessions = new Map<string, Session>();
  for (const { at, event } of entries) {
    const time = Date.parse(at);
    if (event.type === 'session.started') {
      sessions.set(event.sessionId, {
        id: event.sessionId,
        platform: event.platform,
        task: event.task,
        terms: event.terms,
        ...(event.notes ? { notes: event.notes } : {}),
        startedAtLocal: at,
        start: time,
        pauses: [],
        phases: [],
        payments: [],
        takes: [],
        clips: [],
        cornerChecks: [],
        evidence: [],
      });
      continue;
    }
    const session = sessions.get(event.sessionId);
    if (session) apply(session, event, time, at);
  }
  return [...sessions.values()];
}

function apply(session: Session, event: Exclude<EventData, { type: 'session.started' }>, time: number, at: string): void {
  const open = <T extends Interval>(list: T[]) => list.findLast((interval) => interval.end === undefined);
  switch (event.type) {
    case 'session.paused':
      if (!open(session.pauses)) session.pauses.push({ start: time });
      break;
    case 'session.resumed': {
      const pause = open(session.pauses);
      if (pause) pause.end = time;
      break;
    }
    case 'session.ended':
      session.end ??= time;
      for (const interval of [...session.pauses, ...session.phases]) interval.end ??= time;
      break;
    case 'phase.started':
      session.phases.push({ phaseId: event.phaseId, phase: event.phase, start: time });
      break;
    case 'phase.stopped': {
      const phase = session.phases.find((candidate) => candidate.phaseId === event.phaseId && candidate.end === undefined);
      if (phase) phase.end = time;
      break;
    }
    case 'pay.received':
      session.payments.push({ amount: event.amount, currency: event.currency });
      break;
    case 'take.started':
      session.phases.push({ phaseId: event.takeId, phase: 'take', start: time });
      session.takes.push({ takeId: event.takeId, file: event.file, kept: true });
      session.clips.push({ clipId: event.takeId, origin: 'take', file: event.file });
      break;
    case 'take.stopped': {
      const phase = session.phases.find((candidate) => candidate.phaseId === event.takeId);
      if (phase) phase.end ??= time;
      const recorded = { durationSeconds: event.durationSeconds, sha256: event.sha256 };
      const take = session.takes.find((candidate) => candidate.takeId === event.takeId);
      if (take) Object.assign(take, recorded);
      const clip = session.clips.find((candidate) => candidate.clipId === event.takeId);
      if (clip) Object.assign(clip, recorded);
      break;
    }
    case 'take.discarded': {
      // The time of a take that had to be redone was spent on a retake, and the take is no clip.
      const phase = session.phases.find((candidate) => candidate.phaseId === event.takeId);
      if (phase) phase.phase = 'retake';
      const take = session.takes.find((candidate) => candidate.takeId === event.takeId);
      if (take) take.kept = false;
      session.clips = session.clips.filter((clip) => clip.clipId !== event.takeId);
      break;
    }
    case 'take.risk': {
      const { type: _type, sessionId: _sessionId, takeId, ...risk } = event;
      const clip = session.clips.find((candidate) => candidate.clipId === takeId);
      if (clip) clip.risks = [...(clip.risks ?? []), risk];
      break;
    }
    case 'corner.checked': {
      const { type: _type, sessionId: _sessionId, ...check } = event;
      session.cornerChecks.push({ ...check, atLocal: at });
      break;
    }
    case 'clip.added': {
      const { type: _type, sessionId: _sessionId, ...clip } = event;
      session.clips.push({ ...clip, origin: 'added' });
      break;
    }
    case 'clip.sanitized': {
      const { type: _type, sessionId: _sessionId, clipId, ...sanitized } = event;
      const clip = session.clips.find((candidate) => candidate.clipId === clipId);
      if (clip) clip.sanitized = sanitized;
      break;
    }
    case 'clip.outcome': {
      const { type: _type, sessionId: _sessionId, clipId, ...outcome } = event;
      const clip = session.clips.find((candidate) => candidate.clipId === clipId);
      if (clip) clip.outcome = { ...outcome, atLocal: at };
      break;
    }
    case 'evidence.attached': {
      const { type: _type, sessionId: _sessionId, ...evidence } = event;
      session.evidence.push({ ...evidence, atLocal: at });
      break;
    }
  }
}

/** Total length of the union of intervals (open ones run to `now`), in milliseconds. */
export function unionMs(intervals: readonly Interval[], now: number): number {
  const closed = intervals.map((interval) => [interval.start, interval.end ?? now] as const).filter(([start, end]) => end > start).sort((a, b) => a[0] - b[0]);
  let total = 0;
  let cursor = -Infinity;
  for (const [start, end] of closed) {
    const from = Math.max(start, cursor);
    if (end > from) total += end - from;
    cursor = Math.max(cursor, end);
  }
  return total;
}

/** `intervals` with the paused stretches cut out. */
function minusPauses(intervals: readonly Interval[], pauses: readonly Interval[], now: number): number {
  const working = unionMs(intervals, now);
  const overlap = intervals.flatMap((interval) =>
    pauses.map((pause) => ({ start: Math.max(interval.start, pause.start), end: Math.min(interval.end ?? now, pause.end ?? now) })),
  );
  return working - unionMs(overlap, now);
}

/** Working seconds of one phase of the session so far, pauses excluded. */
export function phaseRunSeconds(session: Session, phase: Interval, now: number): number {
  return minusPauses([phase], session.pauses, now) / 1000;
}

/** Working time of the session: start to end (or now), pauses excluded. Paid and unpaid time alike. */
export function sessionSeconds(session: Session, now: number): number {
  return minusPauses([{ start: session.start, end: session.end }], session.pauses, now) / 1000;
}

/** Seconds per phase kind (overlapping phases of one kind count once), and the time in no phase at all. */
export function phaseSeconds(session: Session, now: number): Record<PhaseKind | 'other', number> {
  const kinds = PHASE_COLUMNS.filter((kind): kind is PhaseKind => kind !== 'other');
  const result = Object.fromEntries(kinds.map((kind) => [kind, minusPauses(session.phases.filter((phase) => phase.phase === kind), session.pauses, now) / 1000])) as Record<PhaseKind | 'other', number>;
  result.other = Math.max(0, sessionSeconds(session, now) - minusPauses(session.phases, session.pauses, now) / 1000);
  return result;
}

function totalsByCurrency(amounts: readonly Money[]): Money[] {
  const totals = new Map<string, number>();
  for (const money of amounts) totals.set(money.currency, (totals.get(money.currency) ?? 0) + money.amount);
  return [...totals].map(([currency, amount]) => ({ currency, amount }));
}

/** Pay received per currency: payments entered for a session and pay entered on its clips' outcomes. */
export function received(sessions: readonly Session[]): Money[] {
  return totalsByCurrency(
    sessions.flatMap((session) => [...session.payments, ...session.clips.flatMap((clip) => (clip.outcome?.paid ? [clip.outcome.paid] : []))]),
  );
}

/**
 * What the session should pay by its terms, before the platform has paid: per clip, every clip not
 * rejected; per approved minute, their minutes; per hour, the working hours; per batch, the batch.
 */
export function expectedPay(session: Session, now: number): Money {
  const { amount, currency, per } = session.terms;
  const standing = session.clips.filter((clip) => clip.outcome?.outcome !== 'rejected');
  const units = {
    clip: standing.length,
    'approved-minute': standing.reduce((sum, clip) => sum + (clip.durationSeconds ?? 0), 0) / 60,
    hour: sessionSeconds(session, now) / 3600,
    batch: 1,
  }[per];
  return { amount: amount * units, currency };
}

/** Clips the platform approved, rejected, or has not decided on yet. */
export function clipOutcomes(sessions: readonly Session[]): Record<'approved' | 'rejected' | 'pending', number> {
  const counts = { approved: 0, rejected: 0, pending: 0 };
  for (const clip of sessions.flatMap((session) => session.clips)) counts[clip.outcome?.outcome ?? 'pending'] += 1;
  return counts;
}

/** Effective hourly rate per currency: everything received over every working hour. Empty if nothing paid yet. */
export function hourlyRates(sessions: readonly Session[], now: number): Money[] {
  const hours = sessions.reduce((sum, session) => sum + sessionSeconds(session, now), 0) / 3600;
  if (hours === 0) return [];
  return received(sessions).map((money) => ({ currency: money.currency, amount: money.amount / hours }));
}

export type PlatformSummary = { platform: string; sessions: number; hours: number; received: Money[]; rates: Money[] };

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

function csvCell(value: string | number): string {
  const text = String(value);
  return /[",\n\r]/.test(text) || /^[=+\-@]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
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

export type WeekSummary = {
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

/**
 * One row per session (local date, platform, task, hours per phase to 4 decimals, i.e. to the second or so,
 * total, pay and rate per currency; a row per currency when paid in several), then one row per clip under it
 * (its file, fingerprint, risks seen during the take, clean copy and outcome). The first column says which
 * kind of row it is.
 */
export function sessionsCsv(sessions: readonly Session[], now: number): string {
  const header = ['row', 'date', 'platform', 'task', ...PHASE_COLUMNS.map((kind) => `${kind}_hours`), 'total_hours', 'paid', 'currency', 'hourly_rate', ...CLIP_COLUMNS];
  const noClip = CLIP_COLUMNS.map(() => '');
  const rows = sessions.flatMap((session) => {
    const phases = phaseSeconds(session, now);
    const total = sessionSeconds(session, now) / 3600;
    const base = [session.startedAtLocal.slice(0, 10), session.platform, session.task];
    const hours = [...PHASE_COLUMNS.map((kind) => (phases[kind] / 3600).toFixed(4)), total.toFixed(4)];
    const pay = received([session]);
    const sessionRows = (pay.length === 0 ? [['', '', '']] : pay.map((money) => [money.amount.toFixed(2), money.currency, total > 0 ? (money.amount / total).toFixed(2) : '']))
      .map((payCells) => ['session', ...base, ...hours, ...payCells, ...noClip]);
    const clipRows = session.clips.map((clip) => [
      'clip',
      ...base,
      ...hours.map(() => ''),
      '', '', '',
      clip.file,
      clip.sha256 ?? '',
      clip.durationSeconds?.toFixed(1) ?? '',
      (clip.risks ?? []).map((risk) => `${risk.atSeconds.toFixed(1)}s ${risk.label}`).join('; '),
      clip.sanitized?.output ?? '',
      clip.sanitized?.sha256 ?? '',
      clip.sanitized ? String(clip.sanitized.identifyingLeft) : '',
      clip.outcome?.outcome ?? 'pending',
      clip.outcome?.reason ?? '',
      clip.outcome?.paid?.amount.toFixed(2) ?? '',
      clip.outcome?.paid?.currency ?? '',
      clip.outcome?.paidOn ?? '',
    ]);
    return [...sessionRows, ...clipRows];
  });
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * How an effective rate compares with the worker's own minimum hourly rate, in that currency only (rates in
 * other currencies are not converted: exchange rates would need the network and a date).
 */
export function compareWithMinimum(rates: readonly Money[], minimum: Money | undefined): { rate: Money; below: boolean; shortfall: number } | undefined {
  if (!minimum) return undefined;
  const rate = rates.find((candidate) => candidate.currency === minimum.currency);
  if (!rate) return undefined;
  return { rate, below: rate.amount < minimum.amount, shortfall: Math.max(0, minimum.amount - rate.amount) };
}
