/** The red flags found in a platform's documents, grouped by rule: what it means, what to ask, and each clause quoted. */
import type { DealView } from '../../core/ipc/contract.std';
import { RED_FLAG_RULES } from '../../core/terms/redFlags.std';

/** Quotes shown at once per rule; the rest are a click away. */
const SHOWN_QUOTES = 2;

/** `onSetAside`: an outdated document is no longer read into the deal (its copy and record stay). */
export function RedFlags({ documents, onSetAside }: { documents: DealView['documents']; onSetAside: (documentId: string) => void }) {
  if (documents.length === 0) return <p className="note">No terms attached yet.</p>;
  const found = RED_FLAG_RULES.map((rule) => ({
    rule,
    quotes: documents.flatMap((document) => document.flags.filter((flag) => flag.rule === rule.id).map((flag) => ({ ...flag, document: document.name }))),
  })).filter((entry) => entry.quotes.length > 0);
  return (
    <>
      <ul className="documents" aria-label="Documents read">
        {documents.map((document) => (
          <li key={document.documentId}>
            {document.name} <span className="hint">({document.kind === 'image' ? 'screenshot, read by OCR' : document.kind.toUpperCase()}, attached {document.attachedAtLocal.slice(0, 10)}, SHA-256 {document.sha256.slice(0, 12)}…)</span>{' '}
            <button type="button" className="link" onClick={() => onSetAside(document.documentId)}>
              Set aside (an old version)<span className="visually-hidden">: {document.name}</span>
            </button>
          </li>
        ))}
      </ul>
      <p role="status">
        {found.length === 0
          ? 'No red flag found. Still read the parts on pay, ownership and deletion yourself.'
          : `${found.length} kind${found.length === 1 ? '' : 's'} of red flag found, in ${found.reduce((sum, entry) => sum + entry.quotes.length, 0)} clauses.`}
      </p>
      {found.map(({ rule, quotes }) => (
        <article key={rule.id} className="red-flag" aria-labelledby={`flag-${rule.id}`}>
          <h5 id={`flag-${rule.id}`}>
            <span aria-hidden="true">⚠ </span>
            {rule.title} <span className="badge badge-warn">{quotes.length === 1 ? '1 clause' : `${quotes.length} clauses`}</span>
          </h5>
          <p>{rule.explanation}</p>
          <p>
            <strong>Ask:</strong> {rule.question}
          </p>
          {quotes.slice(0, SHOWN_QUOTES).map((quote) => (
            <Quote key={`${quote.document}-${quote.start}`} quote={quote} />
          ))}
          {quotes.length > SHOWN_QUOTES && (
            <details>
              <summary>{quotes.length - SHOWN_QUOTES} more clause{quotes.length - SHOWN_QUOTES === 1 ? '' : 's'}</summary>
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
  return (
    <figure className="quote">
      <blockquote>{quote.quote}</blockquote>
      <figcaption>
        {quote.document}, {quote.page !== undefined ? `page ${quote.page}, ` : ''}characters {quote.start}–{quote.end}
      </figcaption>
    </figure>
  );
}
