import { describe, expect, it } from 'vitest';
import { isEvidenceFile } from './evidence.std';

describe('isEvidenceFile', () => {
  it('takes screenshots, documents, pages and mails, whatever the case of their extension', () => {
    for (const name of ['rate card.PNG', 'terms.pdf', 'instructions.txt', 'page.html', 'mail.eml', 'shot.jpeg']) expect(isEvidenceFile(name)).toBe(true);
  });

  it('refuses keys, tokens, configuration and files without an extension', () => {
    for (const name of ['application_default_credentials.json', 'id_ed25519', 'credentials', 'cookies.sqlite', '.pdf', 'notes.pdf.exe']) expect(isEvidenceFile(name)).toBe(false);
  });
});
