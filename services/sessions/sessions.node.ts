/**
 * The session the worker is in, and the ones before it, as events in the log. Every change is one append,
 * on disk before the UI hears "saved"; every view is a replay of the log.
 */
import { randomUUID } from 'node:crypto';
import { UserError } from '../../core/shared/errors.std';
import { type EventData, type PhaseKind, localTimestamp } from '../../core/sessions/eventLog.std';
import { evidenceReportHtml } from '../../core/sessions/report.std';
import {
  type Money,
  type Session,
  expectedPay,
  hourlyRates,
  phaseRunSeconds,
  phaseSeconds,
  received,
  replaySessions,
  sessionSeconds,
  sessionsCsv,
  summariseByPlatform,
  summariseByWeek,
} from '../../core/sessions/sessions.std';
import { EventLog } from './eventLog.node';

export type SessionView = {
  id: string;
  platform: string;
  task: string;
  terms: Session['terms'];
  startedAtLocal: string;
  ended: boolean;
  paused: boolean;
  /** Working seconds up to `asOf` (epoch ms); the UI keeps counting from there while running. */
  seconds: number;
  asOf: number;
  phaseSeconds: Record<string, number>;
  /** Phases running now, with their working seconds up to `asOf`. */
  openPhases: Array<{ phaseId: string; phase: PhaseKind; seconds: number }>;
  takes: Session['takes'];
  clips: Session['clips'];
  evidence: Session['evidence'];
  received: Money[];
  rates: Money[];
  /** What the terms say the session should pay, and the hourly rate that would make. */
  expected: Money;
  expectedRate?: Money;
  cornerChecks: Session['cornerChecks'];
};

function view(session: Session, now: number): SessionView {
  const seconds = sessionSeconds(session, now);
  const expected = expectedPay(session, now);
  return {
    id: session.id,
    platform: session.platform,
    task: session.task,
    terms: session.terms,
    startedAtLocal: session.startedAtLocal,
    ended: session.end !== undefined,
    paused: session.pauses.some((pause) => pause.end === undefined),
    seconds,
    asOf: now,
    phaseSeconds: phaseSeconds(session, now),
    openPhases: session.phases
      .filter((phase) => phase.end === undefined)
      .map((phase) => ({ phaseId: phase.phaseId, phase: phase.phase, seconds: phaseRunSeconds(session, phase, now) })),
    takes: session.takes,
    clips: session.clips,
    evidence: session.evidence,
    received: received([session]),
    rates: hourlyRates([session], now),
    expected,
    ...(seconds > 0 ? { expectedRate: { currency: expected.currency, amount: expected.amount / (seconds / 3600) } } : {}),
    cornerChecks: session.cornerChecks,
  };
}

export class SessionsService {
  private opened: Promise<EventLog> | undefined;

  constructor(private readonly dataDir: string) {}

  private log(): Promise<EventLog> {
    this.opened ??= EventLog.open(this.dataDir).then(({ log, report }) => {
      if (report.tornSetAside) console.warn(`[sessions] an incomplete last line was set aside in ${report.tornSetAside.file}`);
      return log;
    });
    return this.opened;
  }

  private async sessions(): Promise<Session[]> {
    return replaySessions((await this.log()).entries);
  }

  /** The session not yet ended, if any (there is at most one). */
  async active(): Promise<Session | undefined> {
    return this.activeIn(await this.sessions());
  }

  private activeIn(sessions: Session[]): Session | undefined {
    return sessions.find((session) => session.end === undefined);
  }

  private async append(event: EventData): Promise<SessionView> {
    await (await this.log()).append(event);
    const session = (await this.sessions()).find((candidate) => candidate.id === event.sessionId)!;
    return view(session, Date.now());
  }

  private async requireActive(): Promise<Session> {
    const session = await this.active();
    if (!session) throw new UserError('There is no session running. Start one first.');
    return session;
  }

  async overview() {
    const now = Date.now();
    const sessions = await this.sessions();
    const active = this.activeIn(sessions);
    return {
      active: active && view(active, now),
      recent: sessions.filter((session) => session.end !== undefined).slice(-50).reverse().map((session) => view(session, now)),
      platforms: [...new Set(sessions.map((session) => session.platform))].sort(),
      tasks: [...new Set(sessions.map((session) => session.task).filter((task) => task !== ''))].sort(),
      summary: summariseByPlatform(sessions, now),
      weeks: summariseByWeek(sessions, now),
    };
  }

  async start(details: Omit<Extract<EventData, { type: 'session.started' }>, 'type' | 'sessionId'>): Promise<SessionView> {
    if (await this.active()) throw new UserError('A session is already running. End it before starting another.');
    return this.append({ type: 'session.started', sessionId: randomUUID(), ...details });
  }

  /** Starts or stops a phase of the running session. Starting one that is open already changes nothing. */
  async phase(action: 'start' | 'stop', phase: PhaseKind): Promise<SessionView> {
    const session = await this.requireActive();
    const open = session.phases.find((candidate) => candidate.phase === phase && candidate.end === undefined);
    if (action === 'start') {
      if (open) return view(session, Date.now());
      return this.append({ type: 'phase.started', sessionId: session.id, phaseId: randomUUID(), phase });
    }
    if (!open) return view(session, Date.now());
    return this.append({ type: 'phase.stopped', sessionId: session.id, phaseId: open.phaseId });
  }

  async setPaused(paused: boolean): Promise<SessionView> {
    const session = await this.requireActive();
    return this.append({ type: paused ? 'session.paused' : 'session.resumed', sessionId: session.id });
  }

  async end(): Promise<SessionView> {
    const session = await this.requireActive();
    return this.append({ type: 'session.ended', sessionId: session.id });
  }

  /** Logs what the take recorder did (services/sessions/takes.node.ts), in the running session. */
  async recordTake(event: Extract<EventData, { type: 'take.started' | 'take.stopped' | 'take.discarded' | 'take.risk' }>): Promise<SessionView> {
    return this.append(event);
  }

  /** A corner check opened: in a running session, setup starts (if it is not already running). */
  async beginCornerCheck(): Promise<{ sessionId?: string }> {
    const session = await this.active();
    if (!session) return {};
    await this.phase('start', 'setup');
    return { sessionId: session.id };
  }

  /** A corner check's result into the running session, which ends its setup time. */
  async finishCornerCheck(result: Omit<Extract<EventData, { type: 'corner.checked' }>, 'type' | 'sessionId'>): Promise<{ sessionId?: string }> {
    const session = await this.active();
    if (!session) return {};
    await this.append({ type: 'corner.checked', sessionId: session.id, ...result });
    await this.phase('stop', 'setup');
    return { sessionId: session.id };
  }

  async viewOf(sessionId: string): Promise<SessionView> {
    return view(await this.requireSession(sessionId), Date.now());
  }

  private async requireSession(sessionId: string): Promise<Session> {
    const session = (await this.sessions()).find((candidate) => candidate.id === sessionId);
    if (!session) throw new UserError('That session is not in the log.');
    return session;
  }

  async recordPay(sessionId: string, money: Money): Promise<SessionView> {
    await this.requireSession(sessionId);
    return this.append({ type: 'pay.received', sessionId, ...money });
  }

  /**
   * Adds clips made elsewhere (a phone) to a session, each with its fingerprint and length as it is now.
   * A file already in the session is not added twice.
   */
  async addClips(sessionId: string, files: Array<{ file: string; sha256: string; durationSeconds?: number }>): Promise<SessionView> {
    const session = await this.requireSession(sessionId);
    let latest = view(session, Date.now());
    for (const clip of files) {
      if (latest.clips.some((known) => known.file === clip.file || known.sha256 === clip.sha256)) continue;
      latest = await this.append({ type: 'clip.added', sessionId, clipId: randomUUID(), ...clip });
    }
    return latest;
  }

  /** The id of the session's clip whose file is `file`, if it has one. */
  async clipOf(sessionId: string, file: string): Promise<string | undefined> {
    return (await this.requireSession(sessionId)).clips.find((clip) => clip.file === file)?.clipId;
  }

  /** Ties Sanitize's clean copy, and what its audit found left, to the clip it came from. */
  async clipSanitized(event: Omit<Extract<EventData, { type: 'clip.sanitized' }>, 'type'>): Promise<SessionView> {
    return this.append({ type: 'clip.sanitized', ...event });
  }

  async recordOutcome(event: Omit<Extract<EventData, { type: 'clip.outcome' }>, 'type'>): Promise<SessionView> {
    const session = await this.requireSession(event.sessionId);
    if (!session.clips.some((clip) => clip.clipId === event.clipId)) throw new UserError('That clip is not in the session.');
    return this.append({ type: 'clip.outcome', ...event });
  }

  async recordEvidence(event: Omit<Extract<EventData, { type: 'evidence.attached' }>, 'type'>): Promise<SessionView> {
    await this.requireSession(event.sessionId);
    return this.append({ type: 'evidence.attached', ...event });
  }

  /** The printable evidence report of one session, as HTML. */
  async evidenceReport(sessionId: string, appVersion: string): Promise<string> {
    const session = await this.requireSession(sessionId);
    const log = await this.log();
    const context = { logHead: log.head, logEvents: log.entries.length, generatedAtLocal: localTimestamp(new Date()), appVersion };
    return evidenceReportHtml(session, log.entries, context, Date.now());
  }

  /** Every session and clip as CSV. */
  async csv(): Promise<string> {
    return sessionsCsv(await this.sessions(), Date.now());
  }

  async close(): Promise<void> {
    if (this.opened) await (await this.opened).close();
  }
}
