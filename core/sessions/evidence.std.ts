/**
 * What a worker keeps as evidence of the deal: screenshots, documents, saved pages and mails (instructions,
 * rate cards, terms). Nothing else is copied into a session: a renderer that names any file could otherwise
 * have SafeTake copy a key or a token into its folder.
 */
import { t } from '../i18n/i18n.std';
import { fileExtension } from '../shared/fileName.std';

export const EVIDENCE_EXTENSIONS = ['.png', '.jpg', '.jpeg', '.webp', '.gif', '.pdf', '.txt', '.md', '.markdown', '.html', '.htm', '.eml'] as const;

export function isEvidenceFile(name: string): boolean {
  return (EVIDENCE_EXTENSIONS as readonly string[]).includes(fileExtension(name).toLowerCase());
}

/** Why `name` is not kept as evidence, in words. */
export function notEvidenceReason(name: string): string {
  return t('evidence.notEvidence', { name });
}
