import { useId, useState } from 'react';
import type { AuditReport } from '../../core/media/audit.std';
import { auditRows, auditSummary } from '../../core/media/auditView.std';
import { useT } from '../app/language.dom';

/**
 * What a file gives away, then every tag before and after: three summary lines (where; who and what device;
 * when), then the tags, identifying ones first and marked by text and icon (⚠ still there, ✓ removed), not
 * colour alone. At first only the identifying tags are listed.
 */
export function AuditTable({ before, after }: { before: AuditReport; after?: AuditReport }) {
  const t = useT();
  const rows = auditRows(before, after);
  const identifying = rows.filter((row) => row.identifying);
  const [onlyIdentifying, setOnlyIdentifying] = useState(identifying.length > 0);
  const filterId = useId();
  const shown = onlyIdentifying ? identifying : rows;
  return (
    <div className="audit">
      <ul className="audit-summary" aria-label={after ? t('sanitize.audit.summaryLabelWithCopy') : t('sanitize.audit.summaryLabel')}>
        {auditSummary(before, after).map((line) => (
          <li key={line.id}>
            <strong>{t('sanitize.audit.lineLabel', { label: line.label })}</strong>{' '}
            {line.count === 0
              ? t('sanitize.audit.nothingFound')
              : line.count > line.values.length
                ? t('sanitize.audit.moreTags', { values: line.values.join('; '), count: line.count })
                : line.values.join('; ')}
            {line.left !== undefined && line.count > 0 && ` ${line.left === 0 ? t('sanitize.audit.removedFromCopy') : t('sanitize.audit.leftInCopy', { left: line.left })}`}
          </li>
        ))}
      </ul>
      <label htmlFor={filterId}>
        <input id={filterId} type="checkbox" checked={onlyIdentifying} onChange={(e) => setOnlyIdentifying(e.target.checked)} />{' '}
        {t('sanitize.audit.identifyingOnly', { count: identifying.length, total: rows.length })}
      </label>
      <table className="audit-table">
        <caption>{after ? t('sanitize.audit.captionWithCopy') : t('sanitize.audit.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('sanitize.audit.column.tag')}</th>
            <th scope="col">{t('sanitize.audit.column.original')}</th>
            {after && <th scope="col">{t('sanitize.audit.column.copy')}</th>}
            <th scope="col">{t('sanitize.audit.column.why')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <tr key={row.key} className={row.left || (row.identifying && !after) ? 'identifying' : row.removed ? 'removed-row' : undefined}>
              <th scope="row">
                {row.left || (row.identifying && !after) ? (
                  <>
                    <span aria-hidden="true">⚠ </span>
                    <span className="visually-hidden">{t('sanitize.audit.identifying')} </span>
                  </>
                ) : row.removed ? (
                  <>
                    <span aria-hidden="true">✓ </span>
                    <span className="visually-hidden">{t('sanitize.audit.removed')} </span>
                  </>
                ) : null}
                {row.name}
                <span className="hint"> ({row.groups.join(', ')})</span>
              </th>
              <td>{row.before ?? '—'}</td>
              {after && <td>{row.after ?? <span className="removed">{t('sanitize.audit.removedValue')}</span>}</td>}
              <td>{row.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
