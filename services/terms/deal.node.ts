/**
 * The deal with each platform, kept in the session log beside the sessions: its terms documents (copied into
 * the data folder with their fingerprint, and the text read from them), the worker's answers to the consent
 * questions, and the costs of the work. Views are read back from the log and the documents scanned again, so
 * a better rule reaches every document already attached.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { TERMS_FOLDER } from '../../core/app/dataFolder.std';
import { type ConsentAnswer, type CostBasis, type LogEntry, type Money, localTimestamp } from '../../core/sessions/eventLog.std';
import { replaySessions } from '../../core/sessions/replay.std';
import { UserError } from '../../core/shared/errors.std';
import { CONSENT_QUESTIONS, type ConsentQuestionId, askThePlatform, consentQuestion } from '../../core/terms/consent.std';
import { costRefusal } from '../../core/terms/costs.std';
import { type Offer, priceOffer } from '../../core/terms/offer.std';
import { pageAt, replayPlatforms, type TermsDocument } from '../../core/terms/platformRecord.std';
import { type RedFlagId } from '../../core/terms/redFlags.std';
import { reportCard } from '../../core/terms/reportCard.std';
import { type TermsFlag, scanTerms } from '../../core/terms/scanTerms.std';
import type { SessionsService } from '../sessions/sessions.node';
import { sha256File } from '../media/hash.node';
import { copyEvidence } from '../sessions/sessionFiles.node';
import { readDocumentText } from './documentText.node';
import { t } from '../../core/i18n/i18n.std';

/** A document and its red flags, each with its page when the document is a PDF. */
export type DocumentWithFlags = TermsDocument & { flags: Array<TermsFlag & { page?: number }> };

export class DealService {
  constructor(
    private readonly dataDir: string,
    private readonly sessions: SessionsService,
  ) {}

  private async records() {
    const entries = await this.sessions.entries();
    return { sessions: replaySessions(entries), platforms: replayPlatforms(entries) };
  }

  /** Every platform the worker has a session, a document, an answer or a cost for. */
  async platforms(): Promise<string[]> {
    const { sessions, platforms } = await this.records();
    const named = [...sessions.map((session) => session.platform), ...platforms.documents.keys(), ...platforms.answers.keys(), ...platforms.costs.flatMap((cost) => (cost.platform ? [cost.platform] : []))];
    return [...new Set(named)].sort((a, b) => a.localeCompare(b));
  }

  /**
   * Reads a terms document and keeps it: the text first (a file that is no document is refused before anything
   * is copied), then the document itself with its fingerprint, then the log's record. The same document
   * attached twice for a platform is kept once.
   */
  async attachTerms(platform: string, file: string, signal?: AbortSignal): Promise<void> {
    // The same file again is refused before it is read: a screenshot's OCR takes seconds.
    const fingerprint = await sha256File(file).catch(() => undefined);
    const known = (await this.records()).platforms.documents.get(platform)?.find((document) => document.sha256 === fingerprint);
    if (known) throw new UserError(t('deal.error.duplicateTerms', { name: known.name, platform }));
    const { text, kind, pages } = await readDocumentText(file, signal);
    const documentId = randomUUID();
    const folder = path.join(this.dataDir, TERMS_FOLDER, documentId);
    try {
      const copy = await copyEvidence(file, folder);
      const textFile = path.join(folder, 'text.txt');
      await fs.writeFile(`${textFile}.partial`, text, 'utf8');
      await fs.rename(`${textFile}.partial`, textFile);
      await this.sessions.appendRecord({ type: 'terms.attached', platform, documentId, ...copy, textFile, kind, ...(pages ? { pages } : {}) });
    } catch (error) {
      // Nothing half-kept: a document the log does not name is not left in the data folder.
      await fs.rm(folder, { recursive: true, force: true });
      throw error;
    }
  }

  /**
   * Terms pasted as text (copied from the platform's page): kept as a text file named by the day, read and
   * recorded as any attached document (the same text pasted twice is refused as the same file is).
   */
  async attachPastedTerms(platform: string, text: string): Promise<void> {
    if (text.trim() === '') throw new UserError(t('deal.error.pasteEmpty'));
    const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'safetake-pasted-'));
    try {
      const file = path.join(folder, t('deal.terms.pastedName', { date: localTimestamp(new Date()).slice(0, 10) }));
      await fs.writeFile(file, text, 'utf8');
      await this.attachTerms(platform, file);
    } finally {
      await fs.rm(folder, { recursive: true, force: true });
    }
  }

  /** Sets a document aside (an outdated version): its copy and its record in the log stay, as evidence. */
  async removeTerms(platform: string, documentId: string): Promise<void> {
    if (!(await this.records()).platforms.documents.get(platform)?.some((document) => document.documentId === documentId)) {
      throw new UserError(t('deal.error.documentNotFound', { platform }));
    }
    await this.sessions.appendRecord({ type: 'terms.removed', platform, documentId });
  }

  /**
   * Records the worker's answer to a consent question, with the platform's words and, when `replyFile` is given,
   * its reply kept as a file (copied and fingerprinted like any evidence).
   */
  async answer(
    platform: string,
    question: ConsentQuestionId,
    answer: ConsentAnswer,
    platformWords: string | undefined,
    replyFile?: string,
    answeredOn: string = localTimestamp(new Date()).slice(0, 10),
  ): Promise<void> {
    const reply = replyFile ? await copyEvidence(replyFile, path.join(this.dataDir, TERMS_FOLDER, 'replies', randomUUID())) : undefined;
    await this.sessions.appendRecord({ type: 'consent.answered', platform, question, answer, ...(platformWords?.trim() ? { platformWords: platformWords.trim() } : {}), ...(reply ? { reply } : {}), answeredOn });
  }

  async addCost(cost: { platform?: string; label: string; basis: CostBasis; amount: number; currency?: string }): Promise<void> {
    const refusal = costRefusal(cost);
    if (refusal) throw new UserError(refusal);
    const { currency, platform, ...rest } = cost;
    await this.sessions.appendRecord({ type: 'cost.added', costId: randomUUID(), ...rest, ...(platform ? { platform } : {}), ...(cost.basis !== 'share-of-pay' && currency ? { currency } : {}) });
  }

  /** Removes a cost entered by mistake (`removed`), or stops one from now on (`ended`). */
  async endCost(costId: string, how: 'removed' | 'ended'): Promise<void> {
    const cost = (await this.records()).platforms.costs.find((candidate) => candidate.costId === costId);
    if (!cost) throw new UserError(t('deal.error.costNotFound'));
    if (how === 'ended' && cost.endedAt !== undefined) throw new UserError(t('deal.error.costStopped', { label: cost.label }));
    await this.sessions.appendRecord({ type: how === 'removed' ? 'cost.removed' : 'cost.ended', costId });
  }

  /** Everything SafeTake knows of the deal with `platform`, as the Platforms view and the evidence report show it; `until` in ms. */
  async deal(platform: string, minimum: Money | undefined, until?: number) {
    const entries = await this.sessions.entries();
    // As it stood at a moment (a session's end, for its evidence report): nothing recorded later.
    return dealFromLog(until === undefined ? entries : entries.filter((entry) => Date.parse(entry.at) <= until), platform, minimum);
  }

  async price(offer: Offer, minimum: Money | undefined) {
    const { sessions, platforms } = await this.records();
    return priceOffer(offer, sessions, platforms.costs, minimum, Date.now());
  }

}

/**
 * The deal with `platform` from the log's entries: each document's text scanned again, the consent questions
 * with their answers, the message asking the open ones, and the report card. The CLI reads the log itself and
 * calls this too.
 */
export async function dealFromLog(entries: readonly LogEntry[], platform: string, minimum: Money | undefined) {
  const sessions = replaySessions(entries);
  const platforms = replayPlatforms(entries);
  const documents = await Promise.all((platforms.documents.get(platform) ?? []).map(withFlags));
  const flags = new Set<RedFlagId>(documents.flatMap((document) => document.flags.map((flag) => flag.rule)));
  const answers = platforms.answers.get(platform) ?? {};
  return {
    platform,
    documents,
    questions: CONSENT_QUESTIONS.map((question) => ({ id: question.id, check: consentQuestion(question.id).check, raised: question.flags.some((flag) => flags.has(flag)), ...(answers[question.id] ? { record: answers[question.id]! } : {}) })),
    message: askThePlatform(platform, answers, flags),
    card: reportCard({ platform, sessions, costs: platforms.costs, flags, termsRead: documents.length > 0, answers, ...(minimum ? { minimum } : {}), now: Date.now() }),
    costs: platforms.costs.filter((cost) => cost.platform === undefined || cost.platform === platform),
  };
}

/**
 * Each document's flags, scanned once per run of the app: a document never changes, and a 300-page agreement
 * takes most of a second to scan (bench/terms-eval), too long to repeat on every view.
 */
const scanned = new Map<string, DocumentWithFlags['flags']>();

async function withFlags(document: TermsDocument): Promise<DocumentWithFlags> {
  const known = scanned.get(document.textFile);
  if (known) return { ...document, flags: known };
  const text = await fs.readFile(document.textFile, 'utf8').catch(() => undefined);
  // The text is SafeTake's own file; without it (deleted by hand) the document is listed with no flags.
  if (text === undefined) return { ...document, flags: [] };
  const flags = scanTerms(text).map((flag) => {
    const page = pageAt(document.pages, flag.start);
    return page === undefined ? flag : { ...flag, page };
  });
  scanned.set(document.textFile, flags);
  return { ...document, flags };
}
