/**
 * The one typed IPC contract between the renderer and the main process.
 *
 * Every channel names its request and response schema here. The preload exposes exactly these channels
 * (`SafeTakeApi`), main validates every request with `parseIpcRequest` (through `dispatchIpc`, which checks responses too) before a handler sees it, and the
 * test-only HTTP bridge dispatches through the same validator. Pure: zod only, no Electron, no Node.
 */
import { z } from 'zod';
import { auditReport } from '../media/audit.std';
import { foundTracksSchema, nameTemplateSchema, regionSchema, sanitizeOptionsSchema } from '../sanitize/options.std';
import { verificationCheck } from '../sanitize/verify.std';
import { redactionReport } from '../sanitize/selfCheck.std';
import { calendarDay, clipOutcome, consentAnswer, cornerVerdict, costBasis, money, payTerms, payUnit, phaseKind, riskCategory } from '../sessions/eventLog.std';
import { CONSENT_QUESTION_IDS } from '../terms/consent.std';
import { FACTORS } from '../terms/rating.std';
import { RED_FLAG_IDS } from '../terms/redFlags.std';
import { LANGUAGES, t } from '../i18n/i18n.std';

const toolStatus = z.object({
  name: z.enum(['ffmpeg', 'ffprobe', 'exiftool']),
  ok: z.boolean(),
  /** Where the binary was found, or the places that were tried. */
  detail: z.string(),
  version: z.string().optional(),
});

const appInfo = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  dataDir: z.string(),
});

/** An amount that may be below zero: pay less costs. */
const signedMoney = money.extend({ amount: z.number().finite() });

/** A path the renderer names: checked against the path policy in main before any use. */
const userPath = z.string().min(1).max(4096);
const noRequest = z.object({}).strict();
/** A second of 1080p WebM is well under 2 MB; 16 MB of base64 leaves room without inviting abuse. */
const MAX_CHUNK_BASE64 = 16 * 1024 * 1024;
/** Terms pasted as text: the longest real agreements run to a few hundred thousand characters. */
const MAX_PASTED_TERMS = 2_000_000;
const size = z.object({ width: z.number().int().positive(), height: z.number().int().positive() });

export const sanitizeOutcome = z.object({
  input: z.string(),
  output: z.string(),
  outputSha256: z.string(),
  /** The source's picture length, for a video (a clean copy made in a session joins its clip with it). */
  sourceSeconds: z.number().optional(),
  before: auditReport,
  after: auditReport,
  checks: z.array(verificationCheck),
  /** Plain sentences about what was dropped while recovering a damaged file. */
  notes: z.array(z.string()),
  /** What redaction hid, and its self-check. */
  redaction: redactionReport.optional(),
});

const batchItemState = z.object({
  index: z.number().int(),
  input: z.string(),
  /** `found`: a review batch found the file's tracks (`found`), and made no copy. */
  status: z.enum(['queued', 'reading', 'detecting', 'encoding', 'recovering', 'verifying', 'checking', 'found', 'done', 'failed', 'cancelled']),
  /** 0..1 for this file. */
  fraction: z.number().min(0).max(1),
  /** The picture's length, when known: how much of the batch's time this file takes (a photo weighs 1 s). */
  seconds: z.number().nonnegative().optional(),
  outcome: sanitizeOutcome.optional(),
  found: foundTracksSchema.optional(),
  error: z.string().optional(),
});

const batchUpdate = z.object({ batchId: z.string(), items: z.array(batchItemState), finished: z.boolean() });

const sessionView = z.object({
  id: z.string(),
  platform: z.string(),
  task: z.string(),
  terms: payTerms,
  startedAtLocal: z.string(),
  ended: z.boolean(),
  paused: z.boolean(),
  seconds: z.number(),
  asOf: z.number(),
  /** When it started and ended (epoch ms): the bounds a time correction must stay within. */
  start: z.number(),
  end: z.number().optional(),
  phaseSeconds: z.record(z.string(), z.number()),
  openPhases: z.array(z.object({ phaseId: z.string(), phase: phaseKind, start: z.number(), seconds: z.number(), countsAsWork: z.boolean().optional() })),
  /** When the worker last started working without a rest (the start, or the end of the last pause or break). */
  workingSince: z.number(),
  /** Breaks not counted as work: rest, shown apart from the working time. */
  restBreakSeconds: z.number(),
  takes: z.array(
    z.object({ takeId: z.string(), file: z.string(), kept: z.boolean(), durationSeconds: z.number().optional(), sha256: z.string().optional() }),
  ),
  clips: z.array(
    z.object({
      clipId: z.string(),
      origin: z.enum(['take', 'added']),
      file: z.string(),
      sha256: z.string().optional(),
      durationSeconds: z.number().optional(),
      sanitized: z.object({ output: z.string(), sha256: z.string(), identifyingLeft: z.number(), notes: z.array(z.string()).optional() }).optional(),
      risks: z.array(z.object({ atSeconds: z.number(), category: riskCategory, label: z.string() })).optional(),
      outcome: z
        .object({ outcome: clipOutcome, reason: z.string().optional(), paid: money.optional(), paidOn: z.string().optional(), atLocal: z.string() })
        .optional(),
    }),
  ),
  evidence: z.array(z.object({ name: z.string(), file: z.string(), sha256: z.string(), bytes: z.number(), atLocal: z.string() })),
  received: z.array(money),
  /** Effective rates before costs, and after the costs entered in Platforms (what the minimum is compared with). */
  rates: z.array(money),
  ratesAfterCosts: z.array(signedMoney),
  expected: money,
  expectedRate: money.optional(),
  cornerChecks: z.array(z.object({ atLocal: z.string(), verdict: cornerVerdict, open: z.array(riskCategory), accepted: z.array(riskCategory), blurred: z.array(riskCategory).optional(), keepOwnFace: z.boolean().optional() })),
  /** Where this session's pay is entered (core/sessions/pay.std.ts, payEnteredAs): the other place takes none. */
  payEnteredAs: z.enum(['session', 'clips']).optional(),
});

/** Files a request could not take, each with the reason in words; the others went ahead. */
const sessionWithRefusals = z.object({ session: sessionView, refused: z.array(z.object({ path: z.string(), reason: z.string() })) });
const sessionId = z.string().max(64);
const filePaths = z.array(z.string().max(4096)).min(1).max(500);

const sessionsOverview = z.object({
  active: sessionView.optional(),
  /** What opening the log put right (a line cut off by a crash set aside), in words for the worker. */
  notice: z.string().optional(),
  recent: z.array(sessionView),
  platforms: z.array(z.string()),
  tasks: z.array(z.string()),
  summary: z.array(
    z.object({ platform: z.string(), sessions: z.number(), hours: z.number(), received: z.array(money), rates: z.array(money), ratesAfterCosts: z.array(signedMoney) }),
  ),
  weeks: z.array(
    z.object({
      week: z.string(),
      sessions: z.number(),
      phaseHours: z.record(phaseKind.or(z.literal('other')), z.number()),
      hours: z.number(),
      clips: z.object({ approved: z.number(), rejected: z.number(), pending: z.number() }),
      received: z.array(money),
      rates: z.array(money),
      ratesAfterCosts: z.array(signedMoney),
    }),
  ),
});

/** A region as fractions of the picture (0..1), so it fits any clip from the same camera. */
const fractionRegion = z
  .object({ x: z.number().min(0).max(1), y: z.number().min(0).max(1), w: z.number().min(0).max(1), h: z.number().min(0).max(1) })
  .strict();
const RISK_CATEGORY_COUNT = riskCategory.options.length;
const themeChoice = z.enum(['system', 'light', 'dark']);
const languageChoice = z.enum(['system', ...LANGUAGES]);
/** The worker's settings: what `settings.json` holds and what `settings:get` answers. */
export const settingsSchema = z.object({
  minimumHourlyRate: money.optional(),
  /** Areas the last corner check marked to blur, offered for every clip in Sanitize. */
  cornerBlurRegions: z.array(fractionRegion).optional(),
  /** The session those areas were marked in: its takes and clips get them as they are added to Sanitize. */
  cornerBlurSessionId: z.string().max(64).optional(),
  /** The first-run guide was read (or skipped): Home shows the session's steps instead. */
  guideSeen: z.boolean().optional(),
  /** Where clean copies go; `settings:get` answers the default (~/Videos/SafeTake) when none was chosen. */
  outputDir: z.string().max(4096).optional(),
  /** Light or dark, or as the system is (the default). */
  theme: themeChoice.optional(),
  /** The language chosen in Settings, or the system's (the default). */
  language: languageChoice.optional(),
  /** What `settings:get` answers: the language in use and the locale numbers and dates are written in. */
  languageInUse: z.enum(LANGUAGES).optional(),
  locale: z.string().max(64).optional(),
  /** Minutes of work after which SafeTake suggests a break (0: never); `settings:get` answers the default, 50. */
  breakEveryMinutes: z.number().int().min(0).max(240).optional(),
  /** Breaks count as working time (some platforms pay for them); by default they do not. */
  breaksCountAsWork: z.boolean().optional(),
});

const platformName = z.string().trim().min(1).max(200);
const redFlagId = z.enum(RED_FLAG_IDS);
const consentQuestionId = z.enum(CONSENT_QUESTION_IDS);
const factorRating = z.object({ factor: z.enum(FACTORS), rating: z.enum(['lower risk', 'higher risk', 'unknown']), reason: z.string() });
const consentRecord = z.object({ answer: consentAnswer, platformWords: z.string().optional(), reply: z.object({ name: z.string(), sha256: z.string() }).optional(), answeredOn: z.string() });
const cost = z.object({
  costId: z.string(),
  platform: z.string().optional(),
  label: z.string(),
  basis: costBasis,
  amount: z.number(),
  currency: z.string().optional(),
  addedAtLocal: z.string(),
  endedAtLocal: z.string().optional(),
});
/** What SafeTake knows of the deal with one platform: its terms read for red flags, the consent questions, its report card. */
const dealView = z.object({
  platform: z.string(),
  documents: z.array(
    z.object({
      documentId: z.string(),
      name: z.string(),
      sha256: z.string(),
      kind: z.enum(['text', 'html', 'pdf', 'image']),
      attachedAtLocal: z.string(),
      flags: z.array(z.object({ rule: redFlagId, quote: z.string(), start: z.number(), end: z.number(), page: z.number().optional() })),
    }),
  ),
  questions: z.array(z.object({ id: consentQuestionId, check: z.string(), raised: z.boolean(), record: consentRecord.optional() })),
  message: z.string().optional(),
  card: z.object({
    platform: z.string(),
    sessions: z.number(),
    hours: z.number(),
    received: z.array(money),
    ratesBeforeCosts: z.array(money),
    costs: z.array(money),
    net: z.array(signedMoney),
    ratesAfterCosts: z.array(signedMoney),
    againstMinimum: z.object({ rate: signedMoney, below: z.boolean(), shortfall: z.number() }).optional(),
    unpaidShare: z.number().optional(),
    clips: z.object({ approved: z.number(), rejected: z.number(), pending: z.number() }),
    rejectionShare: z.number().optional(),
    rejectionReasons: z.array(z.object({ reason: z.string(), clips: z.number() })),
    medianDaysToPay: z.number().optional(),
    rateHistory: z.array(z.object({ fromLocal: z.string(), terms: payTerms, task: z.string().optional() })),
    rateChanges: z.number(),
    redFlags: z.array(redFlagId),
    termsRead: z.boolean(),
    openQuestions: z.array(consentQuestionId),
    factors: z.array(factorRating),
  }),
  costs: z.array(cost),
});
export type DealView = z.output<typeof dealView>;
const offerPrice = z.object({
  basedOn: z.object({ sessions: z.number(), sameTask: z.boolean() }),
  minutes: z.object({ likely: z.number(), low: z.number(), high: z.number() }).optional(),
  expectedPay: z.number(),
  approvalShare: z.number().optional(),
  costs: z.number(),
  rates: z.object({ stated: z.number(), likely: z.number().optional(), low: z.number().optional(), high: z.number().optional() }),
  against: z.object({ minimum: money, likelyBelow: z.boolean(), surelyBelow: z.boolean(), surelyAbove: z.boolean() }).optional(),
});

/** Channel name -> request and response schemas. Requests are always objects so that they can grow. */
export const ipcContract = {
  'app:getInfo': { request: noRequest, response: appInfo },
  'app:checkTools': { request: noRequest, response: z.array(toolStatus) },
  /** Opens the system's file dialog; an empty list when the user cancels. */
  'dialog:pickMedia': { request: noRequest, response: z.object({ paths: z.array(z.string()) }) },
  /** Evidence to attach to a session: screenshots, PDFs, text. */
  'dialog:pickEvidence': { request: noRequest, response: z.object({ paths: z.array(z.string()) }) },
  'dialog:pickFolder': { request: noRequest, response: z.object({ path: z.string().optional() }) },
  /** Dropped or picked files and folders -> the media files inside them. */
  /** The videos and photos in what was dropped or chosen (folders opened); each path refused names itself and why. */
  'files:expand': {
    request: z.object({ paths: z.array(userPath).min(1).max(1000) }).strict(),
    response: z.object({ files: z.array(z.string()), refused: z.array(z.object({ path: z.string(), reason: z.string() })) }),
  },
  'sanitize:audit': { request: z.object({ path: userPath }).strict(), response: auditReport },
  /** An upright frame to draw blur regions on (a second in, or at `atSeconds`); sizes map the drawing back to source pixels. */
  'sanitize:previewFrame': {
    request: z.object({ path: userPath, atSeconds: z.number().nonnegative().max(86_400).optional() }).strict(),
    response: z.object({ dataUrl: z.string().startsWith('data:image/png;base64,'), source: size, preview: size }),
  },
  'sanitize:start': {
    request: z
      .object({
        /**
         * Each file with its own blur regions (source pixels), on top of any in `options`, and the tracks a
         * review found and the user chose (hidden or kept) for it, used instead of looking again.
         */
        inputs: z
          .array(z.object({ path: userPath, blur: z.array(regionSchema).max(50).default([]), found: foundTracksSchema.optional() }).strict())
          .min(1)
          .max(1000),
        outputDir: userPath,
        options: sanitizeOptionsSchema,
        nameTemplate: nameTemplateSchema,
        /** Only find what each file would hide (items end `found`): nothing is written. */
        review: z.boolean().optional(),
      })
      .strict(),
    response: z.object({ batchId: z.string() }),
  },
  /**
   * The areas a corner check marked "Blur this area later", in this file's pixels, when the file is a take or
   * clip of the session the check was saved in (the camera had not moved); none otherwise.
   */
  'sanitize:markedAreas': { request: z.object({ path: userPath }).strict(), response: z.object({ regions: z.array(regionSchema) }) },
  /** The clean copy a session's log already has for this take or clip, when it is still on disk: not made twice. */
  'sanitize:existingCopy': { request: z.object({ path: userPath }).strict(), response: z.object({ output: z.string().optional() }) },
  'sanitize:cancel': {
    request: z.object({ batchId: z.string().max(64), index: z.number().int().min(0).optional() }).strict(),
    response: z.object({ cancelled: z.boolean() }),
  },
  'sessions:overview': { request: noRequest, response: sessionsOverview },
  'sessions:start': {
    request: z.object({ platform: z.string().trim().min(1).max(200), task: z.string().trim().max(500), terms: payTerms, notes: z.string().max(5000).optional() }).strict(),
    response: sessionView,
  },
  /** Phases SafeTake cannot see for itself (reading instructions, uploading, waiting, troubleshooting). */
  'sessions:phase': { request: z.object({ action: z.enum(['start', 'stop']), phase: phaseKind }).strict(), response: sessionView },
  'sessions:pause': { request: z.object({ paused: z.boolean() }).strict(), response: sessionView },
  'sessions:end': { request: noRequest, response: sessionView },
  /** A timer left running, corrected: the phase (or the ended session, without `phaseId`) really ended at `endedAt`. */
  'sessions:correctTime': {
    request: z.object({ sessionId, phaseId: z.string().max(64).optional(), endedAt: z.string().datetime({ offset: true }) }).strict(),
    response: sessionView,
  },
  'sessions:pay': { request: z.object({ sessionId, amount: money.shape.amount, currency: money.shape.currency, paidOn: calendarDay.optional() }).strict(), response: sessionView },
  /** Clips made elsewhere (a phone) joined to a session: fingerprinted and measured as they are now. */
  'sessions:addClips': { request: z.object({ sessionId, paths: filePaths }).strict(), response: sessionWithRefusals },
  /** The platform's decision on a clip, and what it paid for it. */
  'sessions:outcome': {
    request: z
      .object({
        sessionId,
        clipId: z.string().max(64),
        outcome: clipOutcome,
        reason: z.string().trim().max(1000).optional(),
        paid: money.strict().optional(),
        paidOn: calendarDay.optional(),
      })
      .strict(),
    response: sessionView,
  },
  /** Evidence (instructions, rate cards, terms) copied into the session's folder with its fingerprint. */
  'sessions:attach': { request: z.object({ sessionId, paths: filePaths }).strict(), response: sessionWithRefusals },
  /**
   * The printable evidence report (timeline, clips, hashes) as a PDF, saved where the worker chooses; with
   * `includeDeal`, also the deal with the platform as it stood when the session ended (its terms' red flags, the
   * worker's consent answers and costs, the report card): the worker's own notes, shared only when they say so.
   */
  'sessions:report': { request: z.object({ sessionId, includeDeal: z.boolean().optional() }).strict(), response: z.object({ file: z.string().optional(), sha256: z.string().optional() }) },
  /** The whole log as CSV (a row per session, one per clip), saved where the worker chooses. */
  'sessions:exportCsv': { request: noRequest, response: z.object({ file: z.string().optional() }) },
  /** A work record for a CV (task kinds, hours, platforms, approvals; no footage, files or names) as a PDF. */
  'sessions:workRecord': { request: noRequest, response: z.object({ file: z.string().optional() }) },
  /** Platforms the worker has a session, terms, an answer or a cost for. */
  'deal:platforms': { request: noRequest, response: z.object({ platforms: z.array(z.string()) }) },
  'deal:view': { request: z.object({ platform: platformName }).strict(), response: dealView },
  /**
   * A platform's terms, privacy policy or agreement, chosen in the system's file dialog that main opens (the
   * renderer names no path: the text read is shown back to it), read (text, HTML, PDF or a screenshot by OCR)
   * and kept with its fingerprint.
   */
  'deal:attachTerms': {
    request: z.object({ platform: platformName }).strict(),
    response: z.object({ attached: z.number(), refused: z.array(z.object({ path: z.string(), reason: z.string() })) }),
  },
  /** Terms pasted as text: kept as a text file and read as an attached document. */
  'deal:attachText': {
    request: z.object({ platform: platformName, text: z.string().max(MAX_PASTED_TERMS) }).strict(),
    response: z.object({}),
  },
  /** Stops reading the terms documents being attached: what is not read yet is not kept. */
  'deal:cancelAttach': { request: noRequest, response: z.object({ cancelled: z.boolean() }) },
  /** A terms document set aside: no longer read into the deal (its copy and record stay as evidence). */
  'deal:removeTerms': { request: z.object({ platform: platformName, documentId: z.string().max(64) }).strict(), response: z.object({}) },
  'deal:answer': {
    request: z
      .object({
        platform: platformName,
        question: consentQuestionId,
        answer: consentAnswer,
        platformWords: z.string().max(5000).optional(),
        /** Main opens the file dialog for the platform's reply (a screenshot, an email, a PDF) and keeps it. */
        attachReply: z.boolean().optional(),
      })
      .strict(),
    response: z.object({ saved: z.boolean() }),
  },
  'deal:addCost': {
    request: z
      .object({ platform: platformName.optional(), label: z.string().trim().min(1).max(200), basis: costBasis, amount: z.number().finite().nonnegative().max(1e9), currency: money.shape.currency.optional() })
      .strict(),
    response: z.object({}),
  },
  /** The platform's report card, red flags and consent answers as CSV, saved where the worker chooses. */
  'deal:exportCsv': { request: z.object({ platform: platformName }).strict(), response: z.object({ file: z.string().optional() }) },
  /** A cost removed (entered by mistake: gone from past rates too) or ended (stops from now on). */
  'deal:removeCost': { request: z.object({ costId: z.string().max(64), how: z.enum(['removed', 'ended']) }).strict(), response: z.object({}) },
  /** An offer priced from the worker's own history before they accept it. */
  'deal:priceOffer': {
    request: z
      .object({
        platform: platformName,
        task: z.string().trim().max(500).optional(),
        pay: money.strict(),
        per: payUnit,
        statedMinutes: z.number().positive().max(100_000),
        units: z.number().positive().max(1_000_000),
      })
      .strict(),
    response: offerPrice,
  },
  'settings:get': { request: noRequest, response: settingsSchema },
  'settings:setMinimumRate': { request: money.strict(), response: settingsSchema },
  'settings:update': {
    request: z
      .object({
        guideSeen: z.boolean().optional(),
        outputDir: userPath.optional(),
        theme: themeChoice.optional(),
        language: languageChoice.optional(),
        breakEveryMinutes: z.number().int().min(0).max(240).optional(),
        breaksCountAsWork: z.boolean().optional(),
      })
      .strict(),
    response: settingsSchema,
  },
  /** A take, clip or clean copy the app knows (a session's, or made in this run), shown in the file manager or played. */
  'files:showInFolder': { request: z.object({ path: userPath }).strict(), response: z.object({}) },
  'files:open': { request: z.object({ path: userPath }).strict(), response: z.object({}) },
  /** A corner check opened: in a running session it counts as setup. */
  'corner:begin': { request: noRequest, response: z.object({ sessionId: z.string().optional() }) },
  /** A corner check's result: logged in the running session; its blur areas kept for Sanitize. */
  'corner:finish': {
    request: z
      .object({
        verdict: cornerVerdict,
        open: z.array(riskCategory).max(RISK_CATEGORY_COUNT),
        accepted: z.array(riskCategory).max(RISK_CATEGORY_COUNT),
        blurred: z.array(riskCategory).max(RISK_CATEGORY_COUNT),
        keepOwnFace: z.boolean(),
        blurRegions: z.array(fractionRegion).max(50),
      })
      .strict(),
    response: z.object({ sessionId: z.string().optional() }),
  },
  /** Recording a take: begin, one chunk a second (base64: the same bytes over Electron IPC and the bridge), finish. */
  'takes:begin': { request: noRequest, response: z.object({ takeId: z.string(), file: z.string() }) },
  'takes:chunk': {
    request: z
      .object({ takeId: z.string().max(64), index: z.number().int().min(0), data: z.string().max(MAX_CHUNK_BASE64).regex(/^[A-Za-z0-9+/]*={0,2}$/) })
      .strict(),
    response: z.object({ bytes: z.number() }),
  },
  'takes:finish': {
    request: z.object({ takeId: z.string().max(64) }).strict(),
    response: z.object({ file: z.string(), durationSeconds: z.number(), sha256: z.string() }),
  },
  'takes:discard': { request: z.object({ takeId: z.string().max(64) }).strict(), response: z.object({}) },
  /**
   * Takes begun and never finished (the window reloaded or the app closed while one recorded), closed with what
   * reached the disk; `waiting`: one still gets chunks, so ask again in a moment.
   */
  'takes:closeUnfinished': {
    request: noRequest,
    response: z.object({ closed: z.array(z.object({ takeId: z.string(), durationSeconds: z.number() })), waiting: z.boolean() }),
  },
  /** A risk the detector saw while a take was recording, at its time in the take. */
  'takes:risk': {
    request: z.object({ takeId: z.string().max(64), atSeconds: z.number().nonnegative().max(86_400), category: riskCategory, label: z.string().min(1).max(200) }).strict(),
    response: z.object({}),
  },
} as const;

/** Events main pushes to the renderer, with their payload schemas. */
const ipcEvents = {
  'sanitize:progress': batchUpdate,
} as const;

export type IpcEvent = keyof typeof ipcEvents;
export type IpcEventPayload<E extends IpcEvent> = z.output<(typeof ipcEvents)[E]>;
export const ipcEventNames = Object.keys(ipcEvents) as IpcEvent[];
export type BatchUpdate = z.output<typeof batchUpdate>;
export type BatchItemState = z.output<typeof batchItemState>;
export type SessionViewData = z.output<typeof sessionView>;

export type IpcChannel = keyof typeof ipcContract;
/** What the renderer sends (defaults may be left out)... */
export type IpcRequest<C extends IpcChannel> = z.input<(typeof ipcContract)[C]['request']>;
/** ...and what a handler receives after validation (defaults filled in). */
export type IpcValidRequest<C extends IpcChannel> = z.output<(typeof ipcContract)[C]['request']>;
export type IpcResponse<C extends IpcChannel> = z.output<(typeof ipcContract)[C]['response']>;
export type AppInfo = z.output<typeof appInfo>;
export type ToolStatus = z.output<typeof toolStatus>;

export const ipcChannels = Object.keys(ipcContract) as IpcChannel[];

function isIpcChannel(name: unknown): name is IpcChannel {
  return typeof name === 'string' && Object.hasOwn(ipcContract, name);
}

/**
 * What crosses the wire. Errors travel as data: Electron rewrites thrown errors into
 * "Error invoking remote method ..." and drops their fields, and the user must see our words.
 */
type IpcError = { code: IpcErrorCode; message: string };
type IpcErrorCode = 'invalid-request' | 'unknown-channel' | 'not-allowed' | 'failed' | 'cancelled';
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** The API the renderer sees as `window.safetake`: one async function per channel, plus events. */
export type SafeTakeApi = {
  [C in IpcChannel]: (request: IpcRequest<C>) => Promise<IpcResult<IpcResponse<C>>>;
} & {
  /** Subscribes to a main-process event; returns the unsubscribe function. */
  on: <E extends IpcEvent>(event: E, listener: (payload: IpcEventPayload<E>) => void) => () => void;
  /** The file-system path of a dropped File (Electron's webUtils), or '' when it has none. */
  pathForFile: (file: File) => string;
};

export class IpcRequestError extends Error {
  constructor(
    readonly code: IpcErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'IpcRequestError';
  }
}

/** Validates a request for `channel`. Throws IpcRequestError with a readable message when it does not fit. */
export function parseIpcRequest<C extends IpcChannel>(channel: unknown, payload: unknown): IpcValidRequest<C> {
  if (!isIpcChannel(channel)) {
    throw new IpcRequestError('unknown-channel', t('ipc.error.unknownChannel', { channel: JSON.stringify(String(channel)) }));
  }
  const parsed = ipcContract[channel].request.safeParse(payload);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .map((issue) => t('ipc.error.issue', { path: issue.path.length ? issue.path.join('.') : t('ipc.error.wholeRequest'), problem: issue.message }))
      .join('; ');
    throw new IpcRequestError('invalid-request', t('ipc.error.invalidRequest', { channel, issues }));
  }
  return parsed.data as IpcValidRequest<C>;
}
