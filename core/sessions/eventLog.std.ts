/**
 * The session log's format: JSON Lines, one event per line, each carrying the SHA-256 of the line before it
 * (a tamper-evident chain). Pure: parsing, chaining and verification; the file I/O is services/sessions/eventLog.node.ts.
 */
import { z } from 'zod';
import { t } from '../i18n/i18n.std';
import { RISK_CATEGORIES } from '../corner/risks.std';
import { CONSENT_QUESTION_IDS } from '../terms/consent.std';

/** Bumped when a line's shape changes; older lines are upgraded on read by `upgradeLine`. */
const LOG_FORMAT_VERSION = 1;
/** The `prev` of the first line. */
export const GENESIS_HASH = '0'.repeat(64);

export const phaseKind = z.enum(['setup', 'take', 'retake', 'sanitizing', 'uploading', 'waiting', 'instructions', 'troubleshooting', 'break']);
/** An amount in an ISO 4217 currency ("USD", "NGN", "EUR"). */
export const money = z.object({ amount: z.number().finite().nonnegative(), currency: z.string().regex(/^[A-Z]{3}$/) });
export type Money = z.output<typeof money>;
/** What a platform pays per: the one list of pay units. */
export const payUnit = z.enum(['clip', 'approved-minute', 'hour', 'batch']);
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
const platform = z.string().trim().min(1).max(200);
/** The worker's answer to a consent question: the platform said yes, said no, or has not said clearly. */
export const consentAnswer = z.enum(['yes', 'no', 'unclear']);
/** How a cost falls: once (equipment), every month (internet), every session (data bundle), or a share of pay (fees, tax). */
export const costBasis = z.enum(['once', 'month', 'session', 'share-of-pay']);

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
  /** A break is rest, not work: its time is left out of the session's unless the worker counts breaks as work. */
  z.object({ type: z.literal('phase.started'), sessionId: z.string(), phaseId: z.string(), phase: phaseKind, countsAsWork: z.boolean().optional() }),
  z.object({ type: z.literal('phase.stopped'), sessionId: z.string(), phaseId: z.string() }),
  /** A payout for the session as a whole; `paidOn`, the day it arrived, as the worker entered it. */
  z.object({ type: z.literal('pay.received'), sessionId: z.string(), ...money.shape, paidOn: calendarDay.optional() }),
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
    /** Kinds of risk left in view to be blurred in the clean copies ("Blur this area later"); absent in older logs. */
    blurred: z.array(riskCategory).optional(),
    /** The worker said a face in view is theirs ("It's me"): the session's clean copies keep the largest face visible. */
    keepOwnFace: z.boolean().optional(),
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
    /** What the copy lacks and why (a source cut short, damaged sound), as the user was told. */
    notes: z.array(z.string().max(1000)).max(20).optional(),
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
  /**
   * A timer left running, corrected: the phase (or, without `phaseId`, the session) really ended at
   * `endedAt`. The events it corrects stay in the chain as they were; replay reads them with this after.
   */
  z.object({ type: z.literal('time.corrected'), sessionId: z.string(), phaseId: z.string().optional(), endedAt: z.string().datetime({ offset: true }) }),
  /**
   * `safetake log repair` wrote this log anew from a damaged one, kept as it was beside it: the events that
   * still verified, then this record of what was dropped and of the damaged file's own hash.
   */
  z.object({
    type: z.literal('log.repaired'),
    damagedFile: z.string(),
    damagedSha256: sha256Hex,
    keptEvents: z.number().int().nonnegative(),
    droppedLines: z.number().int().nonnegative(),
    reason: z.string(),
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
  /** A platform's terms, privacy policy or agreement, read for red flags: the document and its text are kept. */
  z.object({
    type: z.literal('terms.attached'),
    platform,
    documentId: z.string(),
    name: z.string().min(1).max(255),
    file: z.string(),
    /** The text SafeTake read from it (OCR for a screenshot), scanned again whenever it is shown. */
    textFile: z.string(),
    sha256: sha256Hex,
    bytes: z.number().int().nonnegative(),
    kind: z.enum(['text', 'html', 'pdf', 'image']),
    /** For a PDF: where each page starts in the text, so that a quote can say its page. */
    pages: z.array(z.number().int().nonnegative()).max(100_000).optional(),
  }),
  /** A terms document set aside (an old version): no longer read into the deal; its copy and record stay. */
  z.object({ type: z.literal('terms.removed'), platform, documentId: z.string() }),
  /** The worker's answer to a consent question for a platform; a later answer replaces an earlier one. */
  z.object({
    type: z.literal('consent.answered'),
    platform,
    question: z.enum(CONSENT_QUESTION_IDS),
    answer: consentAnswer,
    /** The platform's own words, pasted from its reply or its help pages. */
    platformWords: z.string().max(5000).optional(),
    /** Its reply as a file (a screenshot, an email, a PDF), copied into the data folder with its fingerprint. */
    reply: z.object({ name: z.string().min(1).max(255), file: z.string(), sha256: sha256Hex, bytes: z.number().int().nonnegative() }).optional(),
    answeredOn: calendarDay,
  }),
  /**
   * A cost of doing the work, for one platform or (without `platform`) for all of them: an amount in
   * `currency` once, a month or a session, or (`share-of-pay`) `amount` per cent of what is received, as a
   * platform's fee or the part of pay kept for tax.
   */
  z.object({
    type: z.literal('cost.added'),
    costId: z.string(),
    platform: platform.optional(),
    label: z.string().trim().min(1).max(200),
    basis: costBasis,
    amount: z.number().finite().nonnegative(),
    currency: money.shape.currency.optional(),
  }),
  /** A cost entered by mistake: gone from every rate, past ones too. */
  z.object({ type: z.literal('cost.removed'), costId: z.string() }),
  /** A cost that stops now (the internet plan was cancelled): sessions before it still bear it. */
  z.object({ type: z.literal('cost.ended'), costId: z.string() }),
]);

export type EventData = z.output<typeof eventData>;
/** The events about a platform or the work as a whole, not one session. */
export type PlatformEvent = Extract<EventData, { type: 'terms.attached' | 'terms.removed' | 'consent.answered' | 'cost.added' | 'cost.removed' | 'cost.ended' }>;
const PLATFORM_EVENT_TYPES: ReadonlySet<EventData['type']> = new Set(['terms.attached', 'terms.removed', 'consent.answered', 'cost.added', 'cost.removed', 'cost.ended']);
export function isPlatformEvent(event: EventData): event is PlatformEvent {
  return PLATFORM_EVENT_TYPES.has(event.type);
}
/** The events that belong to a session (all but the log's own records and the platforms' records). */
export type SessionEvent = Exclude<EventData, { type: 'log.repaired' } | PlatformEvent>;
export type ConsentAnswer = z.output<typeof consentAnswer>;
export type CostBasis = z.output<typeof costBasis>;
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
/** SHA-256 in hex of a line's bytes. */
type Sha256 = (bytes: Uint8Array) => string;

/** The line for an event: serialised once, and that exact text (as UTF-8 bytes) is what the next line's hash covers. */
export function formatLine(entry: LogEntry): string {
  return JSON.stringify(entry);
}

/** Upgrades a parsed line of an older format to the current one. Version 1 is the first: nothing to do yet. */
function upgradeLine(raw: unknown): unknown {
  const version = (raw as { v?: unknown })?.v;
  if (typeof version === 'number' && version > LOG_FORMAT_VERSION) {
    throw new Error(t('log.broken.newerFormat', { version: String(version) }));
  }
  return raw;
}

export type ParsedLog = {
  entries: LogEntry[];
  /** Hash of the last good line: the next line's `prev`. */
  lastHash: string;
  /** An incomplete last line (a crash mid-write): reported and set aside, never silently dropped. */
  torn?: { lineNumber: number; text: string; bytes: number };
  /** The last line is whole and verifies, but its newline is missing (an editor dropped it): it counts. */
  missingFinalNewline?: boolean;
  /**
   * The first line that breaks the chain or cannot be read. Entries stop before it: when a line's link does
   * not match the line before, either line may be the changed one, so neither is counted.
   */
  broken?: { lineNumber: number; reason: string; repairable?: boolean };
};

const BYTE_ORDER_MARK = [0xef, 0xbb, 0xbf];
const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/** The log's lines as bytes, without their newlines; the last element is what follows the last newline. */
function splitLines(raw: Uint8Array): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let at = 0; at < raw.length; at++) {
    if (raw[at] !== NEWLINE) continue;
    lines.push(raw.subarray(start, at));
    start = at + 1;
  }
  lines.push(raw.subarray(start));
  return lines;
}

/** What an editor did to a line when it saved the log again: the log can be repaired (`safetake log repair`). */
function editorDamage(line: Uint8Array, index: number): string | undefined {
  if (index === 0 && BYTE_ORDER_MARK.every((byte, at) => line[at] === byte)) {
    return t('log.broken.byteOrderMark');
  }
  if (line[line.length - 1] === CARRIAGE_RETURN) {
    return t('log.broken.windowsLineEndings');
  }
  return undefined;
}

/**
 * Reads a whole log from its bytes; each line's hash is over its bytes, as written. Lines are numbered from 1,
 * as an editor shows them.
 */
export function parseLog(raw: Uint8Array, sha256: Sha256): ParsedLog {
  const lines = splitLines(raw);
  const tail = lines.pop()!;
  const result: ParsedLog = { entries: [], lastHash: GENESIS_HASH };
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let hashBefore = GENESIS_HASH;
  /** The line as an entry that follows `result`, or why it is not one. */
  const read = (line: Uint8Array, index: number): { entry: LogEntry } | { broken: NonNullable<ParsedLog['broken']> } => {
    const lineNumber = index + 1;
    const damage = editorDamage(line, index);
    if (damage) return { broken: { lineNumber, reason: damage, repairable: true } };
    let entry: LogEntry;
    try {
      entry = logEntry.parse(upgradeLine(JSON.parse(decoder.decode(line))));
    } catch (error) {
      const reason =
        error instanceof z.ZodError
          ? t('log.broken.notAnEvent')
          : error instanceof SyntaxError
            ? t('log.broken.notJson')
            : error instanceof TypeError
              ? t('log.broken.notUtf8')
              : (error as Error).message;
      return { broken: { lineNumber, reason } };
    }
    // Line numbers go in as text: an editor shows line 1234, never 1,234.
    if (entry.prev !== result.lastHash) {
      if (lineNumber === 1) return { broken: { lineNumber, reason: t('log.broken.firstLineChanged') } };
      return {
        broken: {
          lineNumber: lineNumber - 1,
          reason: t('log.broken.linkMismatch', { before: String(lineNumber - 1), line: String(lineNumber) }),
        },
      };
    }
    if (entry.seq !== result.entries.length) return { broken: { lineNumber, reason: t('log.broken.sequence', { seq: String(entry.seq), expected: String(result.entries.length) }) } };
    return { entry };
  };
  for (const [index, line] of lines.entries()) {
    const outcome = read(line, index);
    if ('broken' in outcome) {
      // A link that does not match casts doubt on the line before it too: it is not counted.
      if (outcome.broken.lineNumber === index) {
        result.entries.pop();
        result.lastHash = hashBefore;
      }
      return { ...result, broken: outcome.broken };
    }
    result.entries.push(outcome.entry);
    hashBefore = result.lastHash;
    result.lastHash = sha256(line);
  }
  if (tail.length > 0) {
    // Whole and linked, only its newline missing (an editor's doing, not a crash's): it counts.
    const outcome = read(tail, lines.length);
    if ('entry' in outcome) {
      result.entries.push(outcome.entry);
      result.lastHash = sha256(tail);
      result.missingFinalNewline = true;
    } else {
      result.torn = { lineNumber: lines.length + 1, text: new TextDecoder().decode(tail), bytes: tail.length };
    }
  }
  return result;
}

/**
 * The log as an editor's re-save should have left it: no byte-order mark, no carriage returns before the
 * newlines, a newline after the last line. The lines themselves are unchanged, so their links verify again.
 */
export function undoEditorDamage(raw: Uint8Array): Uint8Array {
  const body = BYTE_ORDER_MARK.every((byte, at) => raw[at] === byte) ? raw.subarray(BYTE_ORDER_MARK.length) : raw;
  const lines = splitLines(body);
  const tail = lines.pop()!;
  if (tail.length > 0) lines.push(tail);
  const parts = lines.map((line) => (line[line.length - 1] === CARRIAGE_RETURN ? line.subarray(0, -1) : line));
  const out = new Uint8Array(parts.reduce((sum, line) => sum + line.length + 1, 0));
  let at = 0;
  for (const line of parts) {
    out.set(line, at);
    out[at + line.length] = NEWLINE;
    at += line.length + 1;
  }
  return out;
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
