/** `safetake log verify | summary | export --csv <file>`: the session log from a terminal. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type Money } from '../../core/sessions/eventLog.std';
import { formatMoney } from '../../core/sessions/pay.std';
import { formatNumber, t } from '../../core/i18n/i18n.std';
import { replaySessions } from '../../core/sessions/replay.std';
import { sessionsCsv } from '../../core/sessions/csv.std';
import { summariseByPlatform } from '../../core/sessions/summaries.std';
import { resolveDataDir } from '../../services/app/dataDir.node';
import { readLog } from '../../services/sessions/eventLog.node';
import { repairLog } from '../../services/sessions/logRepair.node';
import { ExportExistsError, writeExport } from '../../services/sessions/sessionFiles.node';
import { UserError } from '../../core/shared/errors.std';
import { SettingsStore } from '../../services/app/settings.node';
import { dealFromLog } from '../../services/terms/deal.node';
import { UsageError } from '../usage.std';
import { describeFactor } from '../describe.node';

const money = (list: Money[]) => formatMoney(list) || '—';

export async function logCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const dataDir = resolveDataDir();
  const log = await readLog(dataDir);
  switch (sub) {
    case 'verify': {
      if (log.torn) process.stdout.write(`! ${t('cli.log.torn', { line: String(log.torn.lineNumber) })}\n`);
      if (log.broken) {
        process.stdout.write(`✗ ${t('cli.log.broken', { file: log.file, line: String(log.broken.lineNumber), reason: log.broken.reason, count: log.entries.length })}\n`);
        if (!log.broken.repairable) process.stdout.write(`  ${t('cli.log.repairHint')}\n`);
        return 1;
      }
      if (log.missingFinalNewline) process.stdout.write(`! ${t('cli.log.missingNewline')}\n`);
      process.stdout.write(`✓ ${t('cli.log.verified', { file: log.file, count: log.entries.length })}\n`);
      // Each line is protected by the next one's link; the newest line only by this head, kept elsewhere.
      process.stdout.write(`  ${t('cli.log.head', { hash: log.lastHash })}\n  ${t('cli.log.noteHead')}\n`);
      return 0;
    }
    case 'summary': {
      const now = Date.now();
      const rows = summariseByPlatform(replaySessions(log.entries), now);
      if (rows.length === 0) process.stdout.write(`${t('cli.log.noSessions')}\n`);
      const minimum = (await new SettingsStore(dataDir).read()).minimumHourlyRate;
      for (const row of rows) {
        const { card } = await dealFromLog(log.entries, row.platform, minimum);
        const against = card.againstMinimum;
        const summary = t('cli.log.platformSummary', {
          platform: row.platform,
          sessions: row.sessions,
          hours: formatNumber(row.hours, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
          received: money(row.received),
          before: money(row.rates),
          after: money(card.ratesAfterCosts),
          costs: money(card.costs),
          against: against ? (against.below ? 'below' : 'above') : 'none',
          shortfall: against ? formatMoney({ amount: against.shortfall, currency: against.rate.currency }) : '',
        });
        process.stdout.write(`${summary}\n` + card.factors.map((factor) => `  ${describeFactor(factor)}\n`).join(''));
      }
      if (log.broken) process.stdout.write(`${t('cli.log.countedBeforeBreak', { count: log.entries.length, line: String(log.broken.lineNumber) })}\n`);
      return log.broken ? 1 : 0;
    }
    case 'export': {
      const { values } = parseArgs({ args: rest, options: { csv: { type: 'string' }, force: { type: 'boolean', default: false } } });
      if (!values.csv) throw new UsageError(t('cli.log.exportNeedsFile', { usage: '--csv <file> [--force]' }));
      const target = path.resolve(values.csv);
      try {
        await writeExport(target, sessionsCsv(replaySessions(log.entries), Date.now()), { replace: values.force, dataDir });
      } catch (error) {
        if (error instanceof ExportExistsError) throw new UserError(t('cli.log.addForce', { reason: error.message }));
        throw error;
      }
      process.stdout.write(`${t('cli.log.wrote', { file: target })}\n`);
      if (log.broken) process.stdout.write(`${t('cli.log.exportedBeforeBreak', { count: log.entries.length, line: String(log.broken.lineNumber) })}\n`);
      return log.broken ? 1 : 0;
    }
    case 'repair': {
      const outcome = await repairLog(dataDir);
      if (!outcome.repaired) {
        process.stdout.write(`✓ ${t('cli.log.nothingToRepair', { file: log.file })}\n`);
        return 0;
      }
      process.stdout.write(
        `✓ ${t('cli.log.repaired', { file: log.file, reason: outcome.reason })}\n` +
          `  ${t('cli.log.repairKept', { kept: outcome.keptEvents, dropped: outcome.droppedLines })}\n` +
          `  ${t('cli.log.damagedKept', { file: outcome.damagedFile })}\n  ${t('cli.log.head', { hash: outcome.head })}\n`,
      );
      return 0;
    }
    default:
      throw new UsageError(t('cli.log.needsSubcommand', { subcommands: 'verify, summary, export --csv <file> [--force], repair' }));
  }
}
