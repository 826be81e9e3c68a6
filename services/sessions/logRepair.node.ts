/**
 * `safetake log repair`: a damaged log is kept exactly as it is, under a new name beside it, and a new log is
 * written with every event that still verifies, followed by a logged record of the repair (what was dropped,
 * the damaged file's name and hash). The evidence trail then says what happened instead of breaking off.
 * An editor's re-save (CRLF line endings, a byte-order mark, a lost final newline) is undone first: the lines
 * themselves are unchanged, so every event verifies again and nothing is dropped.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { LOG_FILE_NAME } from '../../core/app/dataFolder.std';
import { formatLine, localTimestamp, nextEntry, parseLog, undoEditorDamage } from '../../core/sessions/eventLog.std';
import { readLog, sha256Hex } from './eventLog.node';
import { LogLock } from './logLock.node';
import { t } from '../../core/i18n/i18n.std';

export type RepairOutcome =
  | { repaired: false }
  | { repaired: true; keptEvents: number; droppedLines: number; damagedFile: string; reason: string; head: string };

export async function repairLog(dataDir: string): Promise<RepairOutcome> {
  const file = path.join(dataDir, LOG_FILE_NAME);
  const lock = await LogLock.take(file);
  try {
    const damaged = await readLog(dataDir);
    if (!damaged.broken && !damaged.torn && !damaged.missingFinalNewline) return { repaired: false };
    const reason = damaged.broken?.reason ?? (damaged.torn ? t('eventLog.repair.torn', { line: String(damaged.torn.lineNumber) }) : t('eventLog.repair.newline'));
    const undone = undoEditorDamage(damaged.raw);
    const parsed = parseLog(undone, sha256Hex);
    const lines = Buffer.from(undone).toString('utf8').split('\n').slice(0, -1);
    const kept = lines.slice(0, parsed.entries.length);
    const damagedFile = `${file}.damaged-${localTimestamp(new Date()).replace(/[:.]/g, '-')}`;
    const droppedLines = lines.length - kept.length;
    const event = { type: 'log.repaired', damagedFile, damagedSha256: sha256Hex(damaged.raw), keptEvents: kept.length, droppedLines, reason } as const;
    const record = nextEntry(parsed, event, localTimestamp(new Date()));
    const recordLine = formatLine(record);
    const temp = `${file}.repair-${process.pid}`;
    await fs.writeFile(temp, [...kept, recordLine].map((line) => `${line}\n`).join(''), { flush: true });
    // The damaged log keeps its bytes under a new name before the new one takes its place.
    await fs.link(file, damagedFile).catch(() => fs.copyFile(file, damagedFile, fs.constants.COPYFILE_EXCL));
    await fs.rename(temp, file);
    return { repaired: true, keptEvents: kept.length, droppedLines, damagedFile, reason, head: sha256Hex(recordLine) };
  } finally {
    await lock.release();
  }
}
