/** `safetake sanitize` and `safetake audit`: the Sanitize job from a terminal, on the app's own services. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isAuditClean } from '../../core/media/audit.std';
import type { BatchItemState } from '../../core/ipc/contract.std';
import { nameTemplateSchema, parseRedactGroups, parseRegion, sanitizeOptionsSchema } from '../../core/sanitize/options.std';
import type { RedactionReport } from '../../core/sanitize/selfCheck.std';
import { closeRedactionLooks } from '../../services/sanitize/redact.node';
import { auditMediaFile } from '../../services/media/audit.node';
import { expandMediaPaths } from '../../services/media/files.node';
import { replaySessions } from '../../core/sessions/replay.std';
import { isUserError } from '../../core/shared/errors.std';
import { resolveDataDir } from '../../services/app/dataDir.node';
import { type Batch, startSanitizeBatch } from '../../services/sanitize/batch.node';
import { readLog } from '../../services/sessions/eventLog.node';
import { LogBusyError } from '../../services/sessions/logLock.node';
import { SanitizingInSession } from '../../services/sessions/sanitizing.node';
import { SessionsService } from '../../services/sessions/sessions.node';
import { UsageError, optionProblem } from '../usage.std';
import { formatNumber, t } from '../../core/i18n/i18n.std';
import { describeTrack } from '../describe.node';

export async function sanitizeCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      output: { type: 'string', short: 'o' },
      format: { type: 'string', default: 'mp4' },
      'max-height': { type: 'string' },
      audio: { type: 'string', default: 'keep' },
      blur: { type: 'string', multiple: true, default: [] },
      name: { type: 'string' },
      redact: { type: 'string' },
      'keep-face': { type: 'string' },
      'redact-style': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if ((values['keep-face'] !== undefined || values['redact-style'] !== undefined) && values.redact === undefined) {
    throw new UsageError(t('cli.sanitize.redactOptionsAlone'));
  }
  if (!values.output) throw new UsageError(t('cli.sanitize.needsOutput', { flag: '-o <dir>' }));
  if (positionals.length === 0) throw new UsageError(t('cli.sanitize.needsInput'));
  let blur;
  let groups;
  try {
    blur = values.blur.map(parseRegion);
    groups = values.redact === undefined ? undefined : parseRedactGroups(values.redact);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const parsed = sanitizeOptionsSchema.safeParse({
    format: values.format,
    maxHeight: values['max-height'] === undefined ? undefined : Number(values['max-height']),
    audio: values.audio,
    blur,
    ...(groups ? { redact: { groups, keepFace: values['keep-face'] ?? 'none', style: values['redact-style'] ?? 'blur' } } : {}),
  });
  const typed: Record<string, string | undefined> = { '--format': values.format, '--max-height': values['max-height'], '--audio': values.audio, '--keep-face': values['keep-face'], '--redact-style': values['redact-style'] };
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((issue) => optionProblem(issue, (flag) => typed[flag])).join('; '));
  const nameTemplate = nameTemplateSchema.safeParse(values.name);
  if (!nameTemplate.success) throw new UsageError(`--name: ${nameTemplate.error.issues.map((issue) => issue.message).join('; ')}`);
  const inputs = expandMediaPaths(positionals);
  if (inputs.length === 0) throw new UsageError(t('cli.sanitize.noMedia'));

  const showProgress = process.stderr.isTTY;
  const batch = startSanitizeBatch(
    { inputs: inputs.map((input) => ({ path: input, blur: [] })), outputDir: values.output, options: parsed.data, nameTemplate: nameTemplate.data },
    (update) => {
      if (!showProgress) return;
      const working = update.items.find((item) => !['queued', 'done', 'failed', 'cancelled'].includes(item.status));
      if (working) process.stderr.write(`\r${path.basename(working.input)}: ${t(`sanitize.status.${working.status}`)} ${formatNumber(working.fraction, { style: 'percent' })}   `);
    },
  );
  // Ctrl-C, a terminal closed, a service manager stopping it: the first cancels, and the cancel removes any
  // partial copy. A second only says so (people press Ctrl-C twice); a third ends the command at once, should
  // the cancel itself be stuck (the next run in that folder removes a partial copy left behind).
  const stopSignals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  let stops = 0;
  const onStop = (signal: NodeJS.Signals) => {
    stops += 1;
    if (stops === 1) batch.cancel();
    else if (stops === 2) process.stderr.write(`\n${t('cli.sanitize.cancelling')}\n`);
    else {
      for (const name of stopSignals) process.off(name, onStop);
      process.kill(process.pid, signal);
    }
  };
  for (const signal of stopSignals) process.on(signal, onStop);
  const inSession = await followInSession(batch);
  const items = await batch.done.finally(() => closeRedactionLooks());
  if (showProgress) process.stderr.write('\r\x1b[K');
  if (values.json) {
    process.stdout.write(`${JSON.stringify(items.map(sanitizeJson), null, 2)}\n`);
    await inSession.note.then((note) => note && process.stderr.write(`${note}\n`));
    return items.every((item) => item.outcome) ? 0 : 1;
  }
  for (const item of items) {
    const name = path.basename(item.input);
    if (item.outcome) {
      const removed = item.outcome.before.identifyingCount;
      process.stdout.write(`✓ ${name} → ${item.outcome.output}\n  ${t('cli.sanitize.done', { removed, sha256: item.outcome.outputSha256 })}\n`);
      for (const note of item.outcome.notes) process.stdout.write(`  ${t('cli.sanitize.note', { note })}\n`);
      if (item.outcome.redaction) process.stdout.write(describeRedaction(item.outcome.redaction));
    } else {
      process.stdout.write(`✗ ${name}: ${item.error}\n`);
    }
  }
  await inSession.note.then((note) => note && process.stdout.write(`${note}\n`));
  return items.every((item) => item.outcome) ? 0 : 1;
}

/** One input of `sanitize --json`: its clean copy, what was hidden and the self-check, or why it failed. */
function sanitizeJson(item: BatchItemState) {
  if (!item.outcome) return { input: item.input, error: item.error ?? 'cancelled' };
  const { redaction } = item.outcome;
  return {
    input: item.input,
    output: item.outcome.output,
    sha256: item.outcome.outputSha256,
    identifyingTagsRemoved: item.outcome.before.identifyingCount,
    // What the text output says under the copy (a source cut short, damaged picture data skipped).
    ...(item.outcome.notes.length > 0 ? { notes: item.outcome.notes } : {}),
    ...(redaction ? { hidden: redaction.tracks.filter((track) => track.hidden), keptVisible: redaction.tracks.filter((track) => !track.hidden), selfCheck: redaction.selfCheck } : {}),
    // A photo's tracks span its one frame: their seconds mean nothing.
    ...(redaction?.photo ? { photo: true } : {}),
  };
}

function describeRedaction(redaction: RedactionReport): string {
  const hidden = redaction.tracks.filter((track) => track.hidden);
  const lines = [`  ${hidden.length === 0 ? t('cli.sanitize.hiddenNothing') : t('cli.sanitize.hidden')}\n`];
  const photo = redaction.photo === true;
  for (const track of hidden) lines.push(`    ${describeTrack(track, photo)}\n`);
  for (const track of redaction.tracks.filter((candidate) => !candidate.hidden)) lines.push(`  ${t('cli.sanitize.keptVisible', { track: describeTrack(track, photo) })}\n`);
  if (redaction.selfCheck) {
    lines.push(`  ${redaction.selfCheck.summary}\n`);
    for (const item of redaction.selfCheck.stillVisible) {
      const at = formatNumber(item.atSeconds, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
      lines.push(`  ${t('cli.sanitize.stillVisible', { label: item.label, where: item.where, at, photo: photo ? 'yes' : 'no' })}\n`);
    }
  }
  return lines.join('');
}

/**
 * The CLI follows the app's session rules: in a running session, sanitizing is timed as its own phase and each
 * clean copy joins its clip. When the app has the log open, the copies are still made, and the user is told.
 */
async function followInSession(batch: Batch): Promise<{ note: Promise<string | undefined> }> {
  const dataDir = resolveDataDir();
  // Read first, without taking the log: with no session running, the CLI leaves the data folder alone.
  const { entries } = await readLog(dataDir);
  if (!replaySessions(entries).some((session) => session.end === undefined)) return { note: Promise.resolve(undefined) };
  const sessions = new SessionsService(dataDir);
  const notLogged = (error: unknown) => {
    if (!isUserError(error)) throw error;
    return t('cli.sanitize.notLogged', { why: error instanceof LogBusyError ? t('cli.sanitize.appHasLog') : error.message });
  };
  try {
    const { sessionId, logged } = await new SanitizingInSession(sessions).follow(batch);
    const note = logged.then(() => (sessionId ? t('cli.sanitize.logged') : undefined), notLogged);
    return { note: note.finally(() => sessions.close()) };
  } catch (error) {
    await sessions.close().catch(() => undefined);
    const note = notLogged(error);
    return { note: batch.done.then(() => note) };
  }
}

export async function auditCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean', default: false } } });
  if (positionals.length === 0) throw new UsageError(t('cli.audit.needsInput'));
  const reports = [];
  let allClean = true;
  let refused = false;
  for (const file of positionals) {
    try {
      const report = await auditMediaFile(path.resolve(file));
      allClean &&= isAuditClean(report);
      reports.push(report);
      if (!values.json) {
        const identifying = report.tags.filter((tag) => tag.identifying);
        const verdict = isAuditClean(report) ? `✓ ${t('cli.audit.clean')}` : `✗ ${t('cli.audit.identifying')}`;
        process.stdout.write(`${verdict}  ${file}${report.readable ? '' : ` ${t('cli.audit.unreadable')}`}\n`);
        for (const tag of identifying) process.stdout.write(`  ${tag.group}:${tag.name} = ${tag.value}\n    ${tag.reason}\n`);
        for (const fingerprint of report.streamFingerprints) process.stdout.write(`  ${t('cli.audit.inStream', { fingerprint })}\n`);
      }
    } catch (error) {
      if (!isUserError(error)) throw error;
      refused = true;
      const message = error.message;
      reports.push({ file, error: message });
      if (!values.json) process.stdout.write(`✗ ${file}: ${message}\n`);
    }
  }
  if (values.json) process.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
  // 2: a file was not a photo or video at all (nothing to say about it); 1: identifying data was found.
  return refused ? 2 : allClean ? 0 : 1;
}
