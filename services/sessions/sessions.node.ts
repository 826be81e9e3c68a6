/**
 * The session the worker is in, and the ones before it, as events in the log. Every change is one append,
 * on disk before the UI hears "saved"; every view is a replay of the log.
 */
import { randomUUID } from 'node:crypto';
import { Mutex } from 'async-mutex';
import type { DealView, SessionViewData } from '../../core/ipc/contract.std';
import { UserError } from '../../core/shared/errors.std';
import { formatClockSpan } from '../../core/shared/clock.std';
import { type EventData, type LogEntry, type PhaseKind, type PlatformEvent, localTimestamp, type Money, type SessionEvent } from '../../core/sessions/eventLog.std';
import { evidenceReportHtml } from '../../core/sessions/report.std';
import { type Session, replaySessions } from '../../core/sessions/replay.std';
import { expectedPay, hourlyRates, payEnteredAs, payEntryRefusal, received } from '../../core/sessions/pay.std';
import { phaseRunSeconds, phaseSeconds, restBreakSeconds, sessionSeconds, workingSince } from '../../core/sessions/time.std';
import { sessionsCsv } from '../../core/sessions/csv.std';
import { afterCosts } from '../../core/terms/costs.std';
import { type Cost, replayPlatforms } from '../../core/terms/platformRecord.std';
import { workRecordHtml } from '../../core/sessions/workRecord.std';
import { summariseByPlatform, summariseByWeek, weekStart } from '../../core/sessions/summaries.std';
import type { SanitizeOutcome } from '../sanitize/sanitizeFile.node';
import { EventLog, type OpenReport, describeOpenReport } from './eventLog.node';
import { t } from '../../core/i18n/i18n.std';


/** What a session's costs are shared with: every session, and the costs entered in Platforms. */
type Costing = { all: readonly Session[]; costs: readonly Cost[] };

function view(session: Session, now: number, costing: Costing): SessionViewData {
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
    start: session.start,
    ...(session.end !== undefined ? { end: session.end } : {}),
    phaseSeconds: phaseSeconds(session, now),
    openPhases: session.phases
      .filter((phase) => phase.end === undefined)
      .map((phase) => ({ phaseId: phase.phaseId, phase: phase.phase, start: phase.start, seconds: phaseRunSeconds(session, phase, now), ...(phase.countsAsWork ? { countsAsWork: true } : {}) })),
    workingSince: workingSince(session),
    restBreakSeconds: restBreakSeconds(session, now),
    takes: session.takes,
    clips: session.clips,
    evidence: session.evidence,
    received: received([session]),
    rates: hourlyRates([session], now),
    ratesAfterCosts: afterCosts([session], costing.all, costing.costs, now).rates,
    expected,
    ...(seconds > 0 ? { expectedRate: { currency: expected.currency, amount: expected.amount / (seconds / 3600) } } : {}),
    cornerChecks: session.cornerChecks,
    ...(payEnteredAs(session) ? { payEnteredAs: payEnteredAs(session) } : {}),
  };
}

export class SessionsService {
  private opened: Promise<EventLog> | undefined;
  /** What opening the log put right (a torn last line set aside), for the worker to read in the app, worded when read. */
  private openReport: OpenReport = {};
  /**
   * Every change is read, decided and written by one call at a time: a double click on "Start session" (or
   * "End session") runs the second call after the first has written, so it finds the session the first
   * started (or ended) and is refused, not a second session (or end) in the log.
   */
  private readonly changes = new Mutex();

  constructor(private readonly dataDir: string) {}

  private log(): Promise<EventLog> {
    if (this.opened) return this.opened;
    const opening = EventLog.open(this.dataDir).then(({ log, report }) => {
      this.openReport = report;
      const notice = describeOpenReport(report);
      if (notice) console.warn(`[sessions] ${notice}`);
      return log;
    });
    // A log that could not be opened (another SafeTake has it, or it was damaged and is repaired since) is
    // tried again on the next action, not refused until the app restarts.
    opening.catch(() => {
      if (this.opened === opening) this.opened = undefined;
    });
    this.opened = opening;
    return opening;
  }

  private async sessions(): Promise<Session[]> {
    return replaySessions((await this.log()).entries);
  }

  private async costing(): Promise<Costing> {
    const { entries } = await this.log();
    return { all: replaySessions(entries), costs: replayPlatforms(entries).costs };
  }

  /** The session not yet ended, if any (there is at most one). */
  async active(): Promise<Session | undefined> {
    return this.activeIn(await this.sessions());
  }

  private activeIn(sessions: Session[]): Session | undefined {
    return sessions.find((session) => session.end === undefined);
  }

  private async append(event: SessionEvent): Promise<SessionViewData> {
    await (await this.log()).append(event);
    const costing = await this.costing();
    const session = costing.all.find((candidate) => candidate.id === event.sessionId)!;
    return view(session, Date.now(), costing);
  }

  private async requireActive(): Promise<Session> {
    const session = await this.active();
    if (!session) throw new UserError(t('sessionsService.noneRunning'));
    return session;
  }

  async overview() {
    const now = Date.now();
    const costing = await this.costing();
    const notice = describeOpenReport(this.openReport);
    const sessions = [...costing.all];
    const active = this.activeIn(sessions);
    return {
      active: active && view(active, now, costing),
      recent: sessions.filter((session) => session.end !== undefined).slice(-50).reverse().map((session) => view(session, now, costing)),
      platforms: [...new Set(sessions.map((session) => session.platform))].sort(),
      tasks: [...new Set(sessions.map((session) => session.task).filter((task) => task !== ''))].sort(),
      summary: summariseByPlatform(sessions, now).map((row) => ({ ...row, ratesAfterCosts: afterCosts(sessions.filter((session) => session.platform === row.platform), sessions, costing.costs, now).rates })),
      weeks: summariseByWeek(sessions, now).map((week) => ({
        ...week,
        ratesAfterCosts: afterCosts(sessions.filter((session) => weekStart(session.startedAtLocal) === week.week), sessions, costing.costs, now).rates,
      })),
      ...(notice ? { notice } : {}),
    };
  }

  async start(details: Omit<Extract<EventData, { type: 'session.started' }>, 'type' | 'sessionId'>): Promise<SessionViewData> {
    return this.changes.runExclusive(async () => {
      if (await this.active()) throw new UserError(t('sessionsService.alreadyRunning'));
      return this.append({ type: 'session.started', sessionId: randomUUID(), ...details });
    });
  }

  /**
   * Starts or stops a phase of the running session. Starting one that is open already changes nothing. A break
   * counts as work only when the worker said so in Settings.
   */
  async phase(action: 'start' | 'stop', phase: PhaseKind, options: { countsAsWork?: boolean } = {}): Promise<SessionViewData> {
    return this.changes.runExclusive(() => this.phaseNow(action, phase, options));
  }

  /** phase(), inside a change already running. */
  private async phaseNow(action: 'start' | 'stop', phase: PhaseKind, options: { countsAsWork?: boolean } = {}): Promise<SessionViewData> {
    const session = await this.requireActive();
    const open = session.phases.find((candidate) => candidate.phase === phase && candidate.end === undefined);
    if (action === 'start') {
      if (open) return view(session, Date.now(), await this.costing());
      const counted = phase === 'break' && options.countsAsWork ? { countsAsWork: true } : {};
      return this.append({ type: 'phase.started', sessionId: session.id, phaseId: randomUUID(), phase, ...counted });
    }
    if (!open) return view(session, Date.now(), await this.costing());
    return this.append({ type: 'phase.stopped', sessionId: session.id, phaseId: open.phaseId });
  }

  async setPaused(paused: boolean): Promise<SessionViewData> {
    return this.changes.runExclusive(async () => {
      const session = await this.requireActive();
      return this.append({ type: paused ? 'session.paused' : 'session.resumed', sessionId: session.id });
    });
  }

  async end(): Promise<SessionViewData> {
    return this.changes.runExclusive(async () => {
      const session = await this.requireActive();
      return this.append({ type: 'session.ended', sessionId: session.id });
    });
  }

  /**
   * A timer left running, corrected: a phase (open or not), or an ended session, really ended at `endedAt`.
   * Only ever earlier than it was counted, and never before it started; the correction is its own event.
   */
  async correctTime(sessionId: string, phaseId: string | undefined, endedAt: string): Promise<SessionViewData> {
    return this.changes.runExclusive(async () => {
      const session = await this.requireSession(sessionId);
      const interval = phaseId === undefined ? session : session.phases.find((phase) => phase.phaseId === phaseId);
      if (!interval) throw new UserError(t('sessionsService.timerNotInSession'));
      if (phaseId === undefined && session.end === undefined) throw new UserError(t('sessionsService.endFirst'));
      const at = Date.parse(endedAt);
      const end = interval.end ?? Date.now();
      if (at < interval.start) throw new UserError(t('sessionsService.endBeforeStart'));
      if (at > end) throw new UserError(t('sessionsService.correctionLater'));
      return this.append({ type: 'time.corrected', sessionId, ...(phaseId !== undefined ? { phaseId } : {}), endedAt });
    });
  }

  /** Logs what the take recorder did (services/sessions/takes.node.ts), in the running session. */
  async recordTake(event: Extract<EventData, { type: 'take.started' | 'take.stopped' | 'take.discarded' | 'take.risk' }>): Promise<SessionViewData> {
    return this.changes.runExclusive(() => this.append(event));
  }

  /** A corner check opened: in a running session, setup starts (if it is not already running). */
  async beginCornerCheck(): Promise<{ sessionId?: string }> {
    return this.changes.runExclusive(async () => {
      const session = await this.active();
      if (!session) return {};
      await this.phaseNow('start', 'setup');
      return { sessionId: session.id };
    });
  }

  /** A corner check's result into the running session, which ends its setup time. */
  async finishCornerCheck(result: Omit<Extract<EventData, { type: 'corner.checked' }>, 'type' | 'sessionId'>): Promise<{ sessionId?: string }> {
    return this.changes.runExclusive(async () => {
      const session = await this.active();
      if (!session) return {};
      await this.append({ type: 'corner.checked', sessionId: session.id, ...result });
      await this.phaseNow('stop', 'setup');
      return { sessionId: session.id };
    });
  }

  async viewOf(sessionId: string): Promise<SessionViewData> {
    return view(await this.requireSession(sessionId), Date.now(), await this.costing());
  }

  /** The files of a session's kept takes and added clips (none for a session the log does not hold). */
  async clipFiles(sessionId: string): Promise<string[]> {
    const session = await this.requireSession(sessionId).catch(() => undefined);
    return session?.clips.map((clip) => clip.file) ?? [];
  }

  /** The latest clean copy the log has of `file`, as a take or clip of any session. */
  async cleanCopyOf(file: string): Promise<string | undefined> {
    const copies = (await this.sessions()).flatMap((session) => session.clips.filter((clip) => clip.file === file && clip.sanitized).map((clip) => clip.sanitized!.output));
    return copies.at(-1);
  }

  /** Whether `file` is a take, clip or clean copy of any session in the log. */
  async knowsFile(file: string): Promise<boolean> {
    return (await this.sessions()).some((session) => session.clips.some((clip) => clip.file === file || clip.sanitized?.output === file));
  }

  private async requireSession(sessionId: string): Promise<Session> {
    const session = (await this.sessions()).find((candidate) => candidate.id === sessionId);
    if (!session) throw new UserError(t('sessionsService.sessionNotInLog'));
    return session;
  }

  async recordPay(sessionId: string, money: Money, paidOn?: string): Promise<SessionViewData> {
    return this.changes.runExclusive(async () => {
      const refusal = payEntryRefusal(await this.requireSession(sessionId), 'session');
      if (refusal) throw new UserError(refusal);
      return this.append({ type: 'pay.received', sessionId, ...money, ...(paidOn ? { paidOn } : {}) });
    });
  }

  /**
   * Adds clips made elsewhere (a phone) to a session, each with its fingerprint and length as it is now.
   * A file already in the session is not added twice.
   */
  async addClips(sessionId: string, files: Array<{ file: string; sha256: string; durationSeconds?: number }>): Promise<SessionViewData> {
    return this.changes.runExclusive(async () => {
      const session = await this.requireSession(sessionId);
      let latest = view(session, Date.now(), await this.costing());
      for (const clip of files) {
        if (latest.clips.some((known) => known.file === clip.file || known.sha256 === clip.sha256)) continue;
        latest = await this.append({ type: 'clip.added', sessionId, clipId: randomUUID(), ...clip });
      }
      return latest;
    });
  }

  /** The session a take or clip belongs to (the latest, if several hold the same file), ended or not. */
  async sessionOfClip(file: string): Promise<string | undefined> {
    return (await this.sessions()).findLast((session) => session.clips.some((clip) => clip.file === file))?.id;
  }

  /**
   * Ties a clean copy made during the session, and what its audit found left, to the clip it came from. A
   * file not yet in the session joins it first, with the fingerprint and length the sanitize measured, so
   * the source is not read again; a file already in it under another path is left as it is.
   */
  async recordCleanCopy(sessionId: string, outcome: SanitizeOutcome): Promise<void> {
    return this.changes.runExclusive(async () => {
      const session = await this.requireSession(sessionId);
      const log = await this.log();
      let clipId = session.clips.find((clip) => clip.file === outcome.input)?.clipId;
      if (!clipId) {
        if (session.clips.some((clip) => clip.sha256 === outcome.before.sha256)) return;
        clipId = randomUUID();
        const durationSeconds = outcome.sourceSeconds;
        await log.append({ type: 'clip.added', sessionId, clipId, file: outcome.input, sha256: outcome.before.sha256, ...(durationSeconds !== undefined ? { durationSeconds } : {}) });
      }
      // What redaction hid and its self-check are part of what the worker was told about the copy.
      const hidden = outcome.redaction?.tracks.filter((track) => track.hidden) ?? [];
      const redaction = outcome.redaction
        ? [
            (hidden.length === 0
              ? t('sessionsService.hiddenNothing')
              : t('sessionsService.hidden', { tracks: hidden.map((track) => t('sanitize.result.hiddenTrack', { label: track.label, where: track.where, ...formatClockSpan(track.fromSeconds, track.toSeconds), photo: outcome.redaction?.photo ? 'yes' : 'no' })).join('; ') })
            ).slice(0, 1000),
            ...(outcome.redaction.selfCheck ? [outcome.redaction.selfCheck.summary.slice(0, 1000)] : []),
          ]
        : [];
      const all = [...outcome.notes, ...redaction];
      const notes = all.length > 0 ? { notes: all } : {};
      await log.append({ type: 'clip.sanitized', sessionId, clipId, output: outcome.output, sha256: outcome.outputSha256, identifyingLeft: outcome.after.identifyingCount, ...notes });
    });
  }

  async recordOutcome(event: Omit<Extract<EventData, { type: 'clip.outcome' }>, 'type'>): Promise<SessionViewData> {
    return this.changes.runExclusive(async () => {
      const session = await this.requireSession(event.sessionId);
      if (!session.clips.some((clip) => clip.clipId === event.clipId)) throw new UserError(t('sessionsService.clipNotInSession'));
      const refusal = event.paid ? payEntryRefusal(session, 'clip') : undefined;
      if (refusal) throw new UserError(refusal);
      return this.append({ type: 'clip.outcome', ...event });
    });
  }

  async recordEvidence(event: Omit<Extract<EventData, { type: 'evidence.attached' }>, 'type'>): Promise<SessionViewData> {
    return this.changes.runExclusive(async () => {
      await this.requireSession(event.sessionId);
      return this.append({ type: 'evidence.attached', ...event });
    });
  }

  /** The printable evidence report of one session, as HTML. */
  async evidenceReport(sessionId: string, appVersion: string, dealOf?: (platform: string, until: number) => Promise<DealView>): Promise<string> {
    const session = await this.requireSession(sessionId);
    const log = await this.log();
    const deal = dealOf ? await dealOf(session.platform, session.end ?? Date.now()) : undefined;
    const context = { logHead: log.head, logEvents: log.entries.length, generatedAtLocal: localTimestamp(new Date()), appVersion, ...(deal ? { deal } : {}) };
    return evidenceReportHtml(session, log.entries, context, Date.now());
  }

  /** Every session and clip as CSV. */
  /** The work record for a CV, as HTML (core/sessions/workRecord.std.ts). */
  async workRecord(appVersion: string): Promise<string> {
    return workRecordHtml(await this.sessions(), { generatedAtLocal: localTimestamp(new Date()), appVersion }, Date.now());
  }

  /** Every entry of the log, for the records kept beside the sessions (services/terms/deal.node.ts). */
  async entries(): Promise<readonly LogEntry[]> {
    return (await this.log()).entries;
  }

  /** Appends a platform's record (terms read, a consent answer, a cost): on disk when this resolves. */
  async appendRecord(event: PlatformEvent): Promise<void> {
    return this.changes.runExclusive(async () => {
      await (await this.log()).append(event);
    });
  }

  async csv(): Promise<string> {
    return sessionsCsv(await this.sessions(), Date.now());
  }

  /** Closes the log if it was opened; a log that never opened (busy, damaged) has nothing to close. */
  async close(): Promise<void> {
    const opened = this.opened;
    this.opened = undefined;
    const log = await opened?.catch(() => undefined);
    await log?.close();
  }
}
