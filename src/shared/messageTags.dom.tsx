/**
 * The tags SafeTake's messages use for parts that are not plain text (richMessage): `<hidden>` for words only
 * screen readers read (which file a button acts on), `<code>` for a file name or path, `<b>` for a name to stand
 * out. Each element carries a key: richMessage hands React an array.
 */
import type { ReactNode } from 'react';

export const hidden = (chunks: ReactNode[]) => (
  <span key="hidden" className="visually-hidden">
    {chunks}
  </span>
);

export const code = (chunks: ReactNode[]) => <code key="code">{chunks}</code>;

export const b = (chunks: ReactNode[]) => <strong key="b">{chunks}</strong>;
