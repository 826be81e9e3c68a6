/**
 * The session the worker is in, and the ones before it, as events in the log. Every change is one append,
 * on disk before the UI hears "saved"; every view is a replay of the log.
 */
import { randomUUID } from 'node:crypto';
import { UserError } from '../core/errors.std';
import type { EventData, PhaseKind } from '../core/sessions/eventLog.std';
import { type Money, type Session, hourlyRates, phaseSeconds, received, replaySessions, sessionSeconds, summariseByPlatform } from '../core/sessions/sessions.std';
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
  openPhases: Array<{ phaseId: string; phase: PhaseKind }>;
  takes: Session['takes'];
  received: Money[];
  rates: Money[];
  cornerChecks: Session['cornerChecks'];
};

function view(session: Session, now: number): SessionView {
  return {
    id: session.id,
    platform: session.platform,
    task: session.task,
    terms: session.terms,
    startedAtLocal: session.startedAtLocal,
    ended: session.end !== undefined,
    paused: session.pauses.some((pause) => pause.end === undefined),
    seconds: sessionSeconds(session, now),
    asOf: now,
    phaseSeconds: phaseSeconds(session, now),
    openPhases: session.phases.filter((phase) => phase.end === undefined).map(({ phaseId, phase }) => ({ phaseId, phase })),
    takes: session.takes,
    received: received([session]),
    rates: hourlyRates([session], now),
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
      summary: summariseByPlatform(sessions, now),
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

  /** Logs what the take recorder did (services/takes.node.ts), in the running session. */
  async recordTake(event: Extract<EventData, { type: 'take.started' | 'take.stopped' | 'take.discarded' }>): Promise<SessionView> {
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

  async recordPay(sessionId: string, money: Money): Promise<SessionView> {
    if (!(await this.sessions()).some((session) => session.id === sessionId)) throw new UserError('That session is not in the log.');
    return this.append({ type: 'pay.received', sessionId, ...money });
  }

  async close(): Promise<void> {
    if (this.opened) await (await this.opened).close();
  }
}
