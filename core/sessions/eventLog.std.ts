/**
 * The session log's format: JSON Lines, one event per line, each carrying the SHA-256 of the line before it
 * (a tamper-evident chain). Pure: parsing, chaining and verification; the file I/O is services/sessions/eventLog.node.ts.
 */
import { z } from 'zod';
import { RISK_CATEGORIES } from '../corner/risks.std';

/** Bumped when a line's shape changes; older lines are upgraded on read by `upgradeLine`. */
const LOG_FORMAT_VERSION = 1;
/** The `prev` of the first line. */
export const GENESIS_HASH = '0'.repeat(64);

export const phaseKind = z.enum(['setup', 'take', 'retake', 'sanitizing', 'uploading', 'waiting', 'instructions', 'troubleshooting']);
/** An amount in an ISO 4217 currency ("USD", "NGN", "EUR"). */
export const money = z.object({ amount: z.number().finite().nonnegative(), currency: z.string().regex(/^[A-Z]{3}$/) });
export type Money = z.output<typeof money>;
/** What a platform pays per: the one list of pay units. */
const payUnit = z.enum(['clip', 'approved-minute', 'hour', 'batch']);
export type PayUnit = z.output<typeof payUnit>;
export const payTerms = money.extend({ per: payUnit });
export type PayTerms = z.output<typeof payTerms>;

export const riskCategory = z.enum(RISK_CATEGORIES);
export const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
/** What the platform made of a clip. */
export const clipOutcome = z.enum(['pending', 'approved', 'rejected']);
/** A calendar day as the worker wrote it, "2026-11-23". */
export const calendarDay = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);
export const cornerVerdict = z.enum(['clear', 'risks', 'checking']);

/** What can happen in a session, with its data. */
const eventData = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('session.started'),
    sessionId: z.string(),
    platform: z.string().min(1).max(200),
    task: z.string().max(500),
    terms: payTerms,
    notes: z.string().max(5000).optional(),
  }),
  z.object({ type: z.literal('session.paused'), sessionId: z.string() }),
  z.object({ type: z.literal('session.resumed'), sessionId: z.string() }),
  z.object({ type: z.literal('session.ended'), sessionId: z.string() }),
  z.object({ type: z.literal('phase.started'), sessionId: z.string(), phaseId: z.string(), phase: phaseKind }),
  z.object({ type: z.literal('phase.stopped'), sessionId: z.string(), phaseId: z.string() }),
  z.object({ type: z.literal('pay.received'), sessionId: z.string(), ...money.shape }),
  /** A take recorded in the app: its time counts as "take", or as "retake" once it is discarded. */
  z.object({ type: z.literal('take.started'), sessionId: z.string(), takeId: z.string(), file: z.string() }),
  z.object({
    type: z.literal('take.stopped'),
    sessionId: z.string(),
    takeId: z.string(),
    durationSeconds: z.number().nonnegative(),
    sha256: sha256Hex,
  }),
  z.object({ type: z.literal('take.discarded'), sessionId: z.string(), takeId: z.string() }),
  /** A risk the detector saw during a take (someone walked in, a phone lit up), at its time in the take. */
  z.object({
    type: z.literal('take.risk'),
    sessionId: z.string(),
    takeId: z.string(),
    atSeconds: z.number().nonnegative(),
    category: riskCategory,
    label: z.string().min(1).max(200),
  }),
  /** A corner check's result: its verdict and the kinds of risk left open or accepted. Never an image. */
  z.object({
    type: z.literal('corner.checked'),
    sessionId: z.string(),
    verdict: cornerVerdict,
    open: z.array(riskCategory),
    accepted: z.array(riskCategory),
  }),
  /** A clip made elsewhere (a phone) added to the session: its path and fingerprint when added. */
  z.object({
    type: z.literal('clip.added'),
    sessionId: z.string(),
    clipId: z.string(),
    file: z.string(),
    sha256: sha256Hex,
    durationSeconds: z.number().nonnegative().optional(),
  }),
  /** A clean copy of a clip (a take or an added clip) made by Sanitize, and what its audit found left. */
  z.object({
    type: z.literal('clip.sanitized'),
    sessionId: z.string(),
    clipId: z.string(),
    output: z.string(),
    sha256: sha256Hex,
    identifyingLeft: z.number().int().nonnegative(),
  }),
  /** The platform's decision on a clip, as the worker entered it; a later entry replaces an earlier one. */
  z.object({
    type: z.literal('clip.outcome'),
    sessionId: z.string(),
    clipId: z.string(),
    outcome: clipOutcome,
    reason: z.string().max(1000).optional(),
    paid: money.optional(),
    paidOn: calendarDay.optional(),
  }),
  /** A file kept as evidence (instructions, a rate card, terms), copied into the session's folder. */
  z.object({
    type: z.literal('evidence.attached'),
    sessionId: z.string(),
    name: z.string().min(1).max(255),
    file: z.string(),
    sha256: sha256Hex,
    bytes: z.number().int().nonnegative(),
  }),
]);

export type EventData = z.output<typeof eventData>;
export type PhaseKind = z.output<typeof phaseKind>;

const logEntry = z.object({
  v: z.literal(LOG_FORMAT_VERSION),
  seq: z.number().int().nonnegative(),
  /** ISO 8601 with the writer's UTC offset, so a log read in another time zone keeps local times. */
  at: z.string().datetime({ offset: true }),
  prev: z.string().regex(/^[0-9a-f]{64}$/),
  event: eventData,
});

export type LogEntry = z.output<typeof logEntry>;
type Sha256 = (text: string) => string;

/** The line for an event: serialised once, and that exact text is what the next line's hash covers. */
export function formatLine(entry: LogEntry): string {
  return JSON.stringify(entry);
}

/** Upgrades a parsed line of an older format to the current one. Version 1 is the first: nothing to do yet. */
function upgradeLine(raw: unknown): unknown {
  const version = (raw as { v?: unknown })?.v;
  if (typeof version === 'number' && version > LOG_FORMAT_VERSION) {
    throw new Error(`written by a newer SafeTake (log format ${version}); update SafeTake to read it`);
  }
  return raw;
}

export type ParsedLog = {
  entries: LogEntry[];
  /** Hash of the last good line: the next line's `prev`. */
  lastHash: string;
  /** An incomplete last line (a crash mid-write): reported and set aside, never silently dropped. */
  torn?: { lineNumber: number; text: string };
  /** The first line that breaks the chain or cannot be read; entries stop before it. */
  broken?: { lineNumber: number; reason: string };
};

/** Reads a whole log. Lines are numbered from 1, as an editor shows them. */
export function parseLog(text: string, sha256: Sha256): ParsedLog {
  const lines = text.split('\n');
  const tail = lines.pop() ?? '';
  const result: ParsedLog = { entries: [], lastHash: GENESIS_HASH };
  // Every line ends with "\n" once its write completed; text after the last newline is a torn write.
  if (tail !== '') result.torn = { lineNumber: lines.length + 1, text: tail };
  for (const [index, line] of lines.entries()) {
    const lineNumber = index + 1;
    let entry: LogEntry;
    try {
      entry = logEntry.parse(upgradeLine(JSON.parse(line)));
    } catch (error) {
      const reason = error instanceof z.ZodError ? 'not a SafeTake event' : error instanceof SyntaxError ? 'not valid JSON' : (error as Error).message;
      return { ...result, broken: { lineNumber, reason } };
    }
    if (entry.prev !== result.lastHash) return { ...result, broken: { lineNumber, reason: 'its hash link does not match the line before (edited, removed or reordered lines)' } };
    if (entry.seq !== result.entries.length) return { ...result, broken: { lineNumber, reason: `sequence number ${entry.seq}, expected ${result.entries.length}` } };
    result.entries.push(entry);
    result.lastHash = sha256(line);
  }
  return result;
}

/** The next entry after `log`, ready to be written as one line. */
export function nextEntry(log: Pick<ParsedLog, 'entries' | 'lastHash'>, event: EventData, at: string): LogEntry {
  return { v: LOG_FORMAT_VERSION, seq: log.entries.length, at, prev: log.lastHash, event };
}

/** Local time with its UTC offset ("2026-11-23T09:15:02.120+01:00"). */
export function localTimestamp(date: Date): string {
  const offsetMinutes = -date.getTimezoneOffset();
  const local = new Date(date.getTime() + offsetMinutes * 60_000).toISOString().slice(0, -1);
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
