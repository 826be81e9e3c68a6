/**
 * Sessions as the log tells them: every event replayed, in order, into the sessions it belongs to. What a
 * session is made of (phases, pauses, takes, clips, evidence, corner checks) is defined here. Pure.
 */
import { type EventData, type LogEntry, type SessionEvent, type Money, type PayTerms, type PhaseKind, isPlatformEvent } from './eventLog.std';

export type Interval = { start: number; end?: number };

type PhaseRecord = Interval & { phaseId: string; phase: PhaseKind; countsAsWork?: boolean };

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
  payments: Array<Money & { paidOn?: string }>;
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

type ClipOutcome = ClipEvent<'clip.outcome'> & { atLocal: string };

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

type TakeRisk = Omit<Extract<EventData, { type: 'take.risk' }>, 'type' | 'sessionId' | 'takeId'>;

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
    // A repair belongs to the log, not to a session (report.std.ts shows it on the timeline); terms, consent
    // answers and costs belong to platforms (core/terms/platformRecord.std.ts).
    if (event.type === 'log.repaired' || isPlatformEvent(event)) continue;
    const session = sessions.get(event.sessionId);
    if (session) apply(session, event, time, at);
  }
  return [...sessions.values()];
}

function apply(session: Session, event: Exclude<SessionEvent, { type: 'session.started' }>, time: number, at: string): void {
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
      session.phases.push({ phaseId: event.phaseId, phase: event.phase, start: time, ...(event.countsAsWork ? { countsAsWork: true } : {}) });
      break;
    case 'phase.stopped': {
      const phase = session.phases.find((candidate) => candidate.phaseId === event.phaseId && candidate.end === undefined);
      if (phase) phase.end = time;
      break;
    }
    case 'time.corrected': {
      // Only ever earlier: a correction shortens what a forgotten timer counted, and everything inside it.
      const endedAt = Math.max(Date.parse(event.endedAt), session.start);
      const cut = (interval: Interval) => {
        interval.end = Math.max(interval.start, Math.min(interval.end ?? endedAt, endedAt));
      };
      if (event.phaseId === undefined) {
        session.end = Math.min(session.end ?? endedAt, endedAt);
        [...session.pauses, ...session.phases].forEach(cut);
      } else {
        const phase = session.phases.find((candidate) => candidate.phaseId === event.phaseId);
        if (phase) cut(phase);
      }
      break;
    }
    case 'pay.received':
      session.payments.push({ amount: event.amount, currency: event.currency, ...(event.paidOn ? { paidOn: event.paidOn } : {}) });
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
