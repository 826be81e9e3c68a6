import { useId, useState } from 'react';
import type { AuditReport } from '../../core/media/audit.std';
import { auditRows, auditSummary } from '../../core/media/auditView.std';

/**
 * What a file gives away, then every tag before and after: three summary lines (where; who and what device;
 * when), then the tags, identifying ones first and marked by text and icon (⚠ still there, ✓ removed), not
 * colour alone. At first only the identifying tags are listed.
 */
export function AuditTable({ before, after }: { before: AuditReport; after?: AuditReport }) {
  const rows = auditRows(before, after);
  const identifying = rows.filter((row) => row.identifying);
  const [onlyIdentifying, setOnlyIdentifying] = useState(identifying.length > 0);
  const filterId = useId();
  const shown = onlyIdentifying ? identifying : rows;
  return (
    <div className="audit">
      <ul className="audit-summary" aria-label={after ? 'What the original gave away, and the copy' : 'What this file gives away'}>
        {auditSummary(before, after).map((line) => (
          <li key={line.id}>
            <strong>{line.label}:</strong>{' '}
            {line.count === 0
              ? 'nothing found'
              : `${line.values.join('; ')}${line.count > line.values.length ? ` (${line.count} tags)` : ''}`}
            {line.left !== undefined && line.count > 0 && (line.left === 0 ? ' — ✓ removed from the copy' : ` — ⚠ ${line.left} left in the copy`)}
          </li>
        ))}
      </ul>
      <label htmlFor={filterId}>
        <input id={filterId} type="checkbox" checked={onlyIdentifying} onChange={(e) => setOnlyIdentifying(e.target.checked)} /> Identifying tags only ({identifying.length}{' '}
        of {rows.length})
      </label>
      <table className="audit-table">
        <caption>
          {after ? 'Tags in the original and in the clean copy' : 'Tags in the original'} (ExifTool, embedded data included)
        </caption>
        <thead>
          <tr>
            <th scope="col">Tag</th>
            <th scope="col">Original</th>
            {after && <th scope="col">Clean copy</th>}
            <th scope="col">Why it matters</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <tr key={row.key} className={row.left || (row.identifying && !after) ? 'identifying' : row.removed ? 'removed-row' : undefined}>
              <th scope="row">
                {row.left || (row.identifying && !after) ? (
                  <>
                    <span aria-hidden="true">⚠ </span>
                    <span className="visually-hidden">Identifying: </span>
                  </>
                ) : row.removed ? (
                  <>
                    <span aria-hidden="true">✓ </span>
                    <span className="visually-hidden">Removed: </span>
                  </>
                ) : null}
                {row.name}
                <span className="hint"> ({row.groups.join(', ')})</span>
              </th>
              <td>{row.before ?? '—'}</td>
              {after && <td>{row.after ?? <span className="removed">removed</span>}</td>}
              <td>{row.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
