/**
 * What the worker has recorded about each platform, replayed from the log: its terms documents, their answers to
 * the consent questions, and the costs of the work. Pure.
 */
import type { CostBasis, LogEntry } from '../sessions/eventLog.std';
import type { ConsentQuestionId, ConsentRecord } from './consent.std';

export type TermsDocument = {
  documentId: string;
  name: string;
  file: string;
  textFile: string;
  sha256: string;
  bytes: number;
  kind: 'text' | 'html' | 'pdf' | 'image';
  pages?: number[];
  attachedAtLocal: string;
};

/** The page (from 1) a character of a PDF's text is on, given where each page starts; undefined for other kinds. */
export function pageAt(pages: readonly number[] | undefined, offset: number): number | undefined {
  if (!pages?.length) return undefined;
  let page = 0;
  while (page + 1 < pages.length && pages[page + 1]! <= offset) page++;
  return page + 1;
}
export type Cost = {
  costId: string;
  platform?: string;
  label: string;
  basis: CostBasis;
  amount: number;
  currency?: string;
  addedAtLocal: string;
  /** When it stopped (ms): sessions started after it do not bear it. */
  endedAt?: number;
  endedAtLocal?: string;
};

export type PlatformRecords = {
  documents: Map<string, TermsDocument[]>;
  answers: Map<string, Partial<Record<ConsentQuestionId, ConsentRecord>>>;
  /** Costs entered and not removed (some ended), for one platform or (no `platform`) for all. */
  costs: Cost[];
};

export function replayPlatforms(entries: readonly LogEntry[]): PlatformRecords {
  const records: PlatformRecords = { documents: new Map(), answers: new Map(), costs: [] };
  for (const { at, event } of entries) {
    switch (event.type) {
      case 'terms.attached': {
        const { type: _type, platform, ...document } = event;
        records.documents.set(platform, [...(records.documents.get(platform) ?? []), { ...document, attachedAtLocal: at }]);
        break;
      }
      case 'terms.removed':
        records.documents.set(event.platform, (records.documents.get(event.platform) ?? []).filter((document) => document.documentId !== event.documentId));
        break;
      case 'consent.answered': {
        const { platform, question, answer, platformWords, reply, answeredOn } = event;
        const kept = { answer, answeredOn, ...(platformWords ? { platformWords } : {}), ...(reply ? { reply: { name: reply.name, sha256: reply.sha256 } } : {}) };
        records.answers.set(platform, { ...records.answers.get(platform), [question]: kept });
        break;
      }
      case 'cost.added': {
        const { type: _type, ...cost } = event;
        records.costs.push({ ...cost, addedAtLocal: at });
        break;
      }
      case 'cost.ended':
        records.costs = records.costs.map((cost) => (cost.costId === event.costId && cost.endedAt === undefined ? { ...cost, endedAt: Date.parse(at), endedAtLocal: at } : cost));
        break;
      case 'cost.removed':
        records.costs = records.costs.filter((cost) => cost.costId !== event.costId);
        break;
    }
  }
  return records;
}
