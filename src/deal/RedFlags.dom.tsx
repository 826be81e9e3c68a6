/** The red flags found in a platform's documents, grouped by rule: what it means, what to ask, and each clause quoted. */
import type { ReactNode } from 'react';
import { richMessage, formatDay } from '../../core/i18n/i18n.std';
import type { DealView } from '../../core/ipc/contract.std';
import { RED_FLAG_IDS, redFlagRule } from '../../core/terms/redFlags.std';
import { useT } from '../app/language.dom';
import { b, hidden } from '../shared/messageTags.dom';

/** Quotes shown at once per rule; the rest are a click away. */
const SHOWN_QUOTES = 2;

/** `onSetAside`: an outdated document is no longer read into the deal (its copy and record stay). */
export function RedFlags({ documents, onSetAside }: { documents: DealView['documents']; onSetAside: (documentId: string) => void }) {
  const t = useT();
  if (documents.length === 0) return <p className="note">{t('deal.flags.noTerms')}</p>;
  const found = RED_FLAG_IDS.map((id) => ({
    rule: redFlagRule(id),
    quotes: documents.flatMap((document) => document.flags.filter((flag) => flag.rule === id).map((flag) => ({ ...flag, document: document.name }))),
  })).filter((entry) => entry.quotes.length > 0);
  return (
    <>
      <ul className="documents" aria-label={t('deal.flags.documents')}>
        {documents.map((document) => (
          <li key={document.documentId}>
            {document.name}{' '}
            <span className="hint">{t('deal.flags.document', { kind: document.kind, date: formatDay(document.attachedAtLocal), hash: document.sha256.slice(0, 12) })}</span>{' '}
            <button type="button" className="link" onClick={() => onSetAside(document.documentId)}>
              {richMessage<ReactNode>('deal.flags.setAside', { name: document.name, hidden })}
            </button>
          </li>
        ))}
      </ul>
      <p role="status">
        {found.length === 0
          ? t('deal.flags.none')
          : t('deal.flags.found', { kinds: found.length, clauses: found.reduce((sum, entry) => sum + entry.quotes.length, 0) })}
      </p>
      {found.map(({ rule, quotes }) => (
        <article key={rule.id} className="red-flag" aria-labelledby={`flag-${rule.id}`}>
          <h5 id={`flag-${rule.id}`}>
            <span aria-hidden="true">⚠ </span>
            {rule.title} <span className="badge badge-warn">{t('deal.flags.clauses', { count: quotes.length })}</span>
          </h5>
          <p>{rule.explanation}</p>
          <p>{richMessage<ReactNode>('deal.flags.ask', { question: rule.question, b })}</p>
          {quotes.slice(0, SHOWN_QUOTES).map((quote) => (
            <Quote key={`${quote.document}-${quote.start}`} quote={quote} />
          ))}
          {quotes.length > SHOWN_QUOTES && (
            <details>
              <summary>{t('deal.flags.moreClauses', { count: quotes.length - SHOWN_QUOTES })}</summary>
              {quotes.slice(SHOWN_QUOTES).map((quote) => (
                <Quote key={`${quote.document}-${quote.start}`} quote={quote} />
              ))}
            </details>
          )}
        </article>
      ))}
    </>
  );
}

function Quote({ quote }: { quote: { quote: string; document: string; start: number; end: number; page?: number } }) {
  const t = useT();
  // Character positions, not quantities: never grouped ("12345", not "12,345").
  const where = { document: quote.document, start: String(quote.start), end: String(quote.end) };
  return (
    <figure className="quote">
      <blockquote>{quote.quote}</blockquote>
      <figcaption>
        {quote.page !== undefined ? t('deal.flags.quoteOnPage', { ...where, page: quote.page }) : t('deal.flags.quote', where)}
      </figcaption>
    </figure>
  );
}
