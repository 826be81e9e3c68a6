import { compareAudits } from '../../core/media/audit.std';
import type { AuditReport } from '../../core/media/audit.std';

/** Every tag before and after, identifying ones first and marked (by text and icon, not colour alone). */
export function AuditTable({ before, after }: { before: AuditReport; after?: AuditReport }) {
  const rows = compareAudits(before, after);
  return (
    <table className="audit-table">
      <caption>
        {after ? 'Every tag in the original and in the clean copy' : 'Every tag in the original'} (ExifTool, embedded data included)
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
        {rows.map((row) => {
          const identifying = row.before?.identifying || row.after?.identifying;
          return (
            <tr key={row.key} className={identifying ? 'identifying' : undefined}>
              <th scope="row">
                {identifying && <span aria-label="identifying">⚠ </span>}
                {row.key}
              </th>
              <td>{row.before?.value ?? '—'}</td>
              {after && <td>{row.after ? row.after.value : <span className="removed">removed</span>}</td>}
              <td>{(row.after?.identifying ? row.after : row.before ?? row.after)?.reason}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
