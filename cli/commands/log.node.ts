/** `safetake log verify | summary | export --csv <file>`: the session log from a terminal. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type Money } from '../../core/sessions/eventLog.std';
import { formatMoney } from '../../core/sessions/pay.std';
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

const money = (list: Money[]) => formatMoney(list) || '—';

export async function logCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const dataDir = resolveDataDir();
  const log = await readLog(dataDir);
  switch (sub) {
    case 'verify': {
      if (log.torn) process.stdout.write(`! line ${log.torn.lineNumber} is incomplete (a crash while writing); SafeTake sets it aside the next time it opens the log.\n`);
      if (log.broken) {
        process.stdout.write(`✗ ${log.file}: the chain breaks at line ${log.broken.lineNumber}: ${log.broken.reason}. The ${log.entries.length} events before it are intact.\n`);
        if (!log.broken.repairable) process.stdout.write('  "safetake log repair" keeps them in a new log, with a record of what was dropped; the damaged file is kept as it is.\n');
        return 1;
      }
      if (log.missingFinalNewline) process.stdout.write('! the last line has lost its line break (an editor saved the file again); SafeTake puts it back the next time it writes.\n');
      process.stdout.write(`✓ ${log.file}: ${log.entries.length} events, every link in the chain intact.\n`);
      // Each line is protected by the next one's link; the newest line only by this head, kept elsewhere.
      process.stdout.write(`  head ${log.lastHash}\n  Note the head (or keep an export): if it matches later, not a single line was changed.\n`);
      return 0;
    }
    case 'summary': {
      const now = Date.now();
      const rows = summariseByPlatform(replaySessions(log.entries), now);
      if (rows.length === 0) process.stdout.write('No sessions logged yet.\n');
      const minimum = (await new SettingsStore(dataDir).read()).minimumHourlyRate;
      for (const row of rows) {
        const { card } = await dealFromLog(log.entries, row.platform, minimum);
        const against = card.againstMinimum ? (card.againstMinimum.below ? `, ${card.againstMinimum.shortfall.toFixed(2)} ${card.againstMinimum.rate.currency} below your minimum` : ', at or above your minimum') : '';
        process.stdout.write(
          `${row.platform}: ${row.sessions} session(s), ${row.hours.toFixed(2)} h, received ${money(row.received)}, ` +
            `${money(row.rates)} per hour before costs, ${money(card.ratesAfterCosts)} per hour after costs (costs ${money(card.costs)})${against}\n` +
            card.factors.map((factor) => `  ${factor.factor}: ${factor.rating}. ${factor.reason}\n`).join(''),
        );
      }
      if (log.broken) process.stdout.write(`(only the ${log.entries.length} events before the break at line ${log.broken.lineNumber} are counted)\n`);
      return log.broken ? 1 : 0;
    }
    case 'export': {
      const { values } = parseArgs({ args: rest, options: { csv: { type: 'string' }, force: { type: 'boolean', default: false } } });
      if (!values.csv) throw new UsageError('log export needs a file: --csv <file> [--force to replace an existing file]');
      const target = path.resolve(values.csv);
      try {
        await writeExport(target, sessionsCsv(replaySessions(log.entries), Date.now()), { replace: values.force, dataDir });
      } catch (error) {
        if (error instanceof ExportExistsError) throw new UserError(`${error.message} Add --force to replace it.`);
        throw error;
      }
      process.stdout.write(`Wrote ${target}\n`);
      if (log.broken) process.stdout.write(`(only the ${log.entries.length} events before the break at line ${log.broken.lineNumber} are in it)\n`);
      return log.broken ? 1 : 0;
    }
    case 'repair': {
      const outcome = await repairLog(dataDir);
      if (!outcome.repaired) {
        process.stdout.write(`✓ ${log.file}: nothing to repair; every line verifies.\n`);
        return 0;
      }
      process.stdout.write(
        `✓ Repaired ${log.file} (${outcome.reason}).\n` +
          `  ${outcome.keptEvents} events kept, ${outcome.droppedLines} line(s) dropped, and the repair itself logged.\n` +
          `  The damaged log is kept, unchanged, as ${outcome.damagedFile}.\n  head ${outcome.head}\n`,
      );
      return 0;
    }
    default:
      throw new UsageError('log needs one of: verify, summary, export --csv <file> [--force], repair');
  }
}
