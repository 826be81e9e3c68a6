/** `safetake terms`: a platform's terms, privacy policy or contributor agreement read for red flags, on-device. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { rateTerms, termsVerdict } from '../../core/terms/rating.std';
import { redFlagRule } from '../../core/terms/redFlags.std';
import { pageAt } from '../../core/terms/platformRecord.std';
import { type TermsFlag, scanTerms } from '../../core/terms/scanTerms.std';
import { readDocumentText } from '../../services/terms/documentText.node';
import { UsageError } from '../usage.std';
import { t } from '../../core/i18n/i18n.std';
import { describeFactor } from '../describe.node';

/** Long clauses are cut in the printed report (the JSON has them whole). */
const SHOWN_QUOTE = 320;

export async function termsCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean', default: false } } });
  if (positionals.length === 0) throw new UsageError(t('cli.terms.needsInput'));
  const results: unknown[] = [];
  let exitCode = 0;
  for (const file of positionals) {
    const shown = path.relative(process.cwd(), path.resolve(file)) || file;
    try {
      const { text, kind, pages } = await readDocumentText(path.resolve(file));
      const flags = scanTerms(text);
      const verdict = termsVerdict(flags);
      if (flags.length > 0) exitCode = 1;
      results.push({
        file: shown,
        kind,
        rating: verdict.rating,
        factors: rateTerms(flags),
        flags: flags.map((flag) => ({
          rule: flag.rule,
          quote: flag.quote,
          explanation: redFlagRule(flag.rule).explanation,
          question: redFlagRule(flag.rule).question,
          start: flag.start,
          end: flag.end,
          ...(pages ? { page: pageAt(pages, flag.start) } : {}),
        })),
      });
      if (!values.json) process.stdout.write(describe(shown, flags, pages));
    } catch (error) {
      // One unreadable document must not stop the others: report it and go on.
      exitCode = 1;
      const message = error instanceof Error ? error.message : String(error);
      results.push({ file: shown, error: message });
      if (!values.json) process.stdout.write(`✗ ${shown}: ${message}\n`);
    }
  }
  if (values.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  return exitCode;
}

function describe(file: string, flags: readonly TermsFlag[], pages: number[] | undefined): string {
  const { kinds } = termsVerdict(flags);
  if (kinds === 0) return `✓ ${t('cli.terms.noFlag', { file })}\n`;
  const lines = [`✗ ${t('cli.terms.flags', { file, kinds, clauses: flags.length })}`];
  for (const rule of new Set(flags.map((flag) => flag.rule))) {
    const { title, explanation, question } = redFlagRule(rule);
    lines.push('', `  ${title} (${rule})`, `    ${t('cli.terms.means', { explanation })}`, `    ${t('cli.terms.ask', { question })}`);
    for (const flag of flags.filter((one) => one.rule === rule)) {
      const quote = flag.quote.length > SHOWN_QUOTE ? `${flag.quote.slice(0, SHOWN_QUOTE - 1)}…` : flag.quote;
      const page = pageAt(pages, flag.start);
      const at = page !== undefined ? t('cli.terms.atPage', { page, start: String(flag.start), end: String(flag.end) }) : t('cli.terms.at', { start: String(flag.start), end: String(flag.end) });
      lines.push(`    ${at}: “${quote}”`);
    }
  }
  lines.push('', `  ${t('cli.terms.factors')}`, ...rateTerms(flags).map((one) => `    ${describeFactor(one)}`));
  return `${lines.join('\n')}\n`;
}
