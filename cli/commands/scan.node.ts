/** `safetake scan`: the corner check on photos and videos, with the app's own detector and rules. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { scanJson } from '../../core/corner/scanResult.std';
import { formatClock } from '../../core/shared/clock.std';
import { NodeDetector, type ScanProgress, type ScanReport, scanFile } from '../../services/corner/detector.node';
import { expandMediaPaths } from '../../services/media/files.node';
import { UsageError } from '../usage.std';
import { mediaKindForExtension } from '../../core/media/probe.std';
import type { RedactedTrack } from '../../core/sanitize/selfCheck.std';
import { tracksOfVideo } from '../../services/sanitize/redact.node';
import { t } from '../../core/i18n/i18n.std';
import { describeTrack } from '../describe.node';

export async function scanCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false }, every: { type: 'string' } },
  });
  if (positionals.length === 0) throw new UsageError(t('cli.scan.needsInput'));
  const everySeconds = values.every === undefined ? undefined : Number(values.every);
  if (everySeconds !== undefined && !(everySeconds >= 1 && everySeconds <= 3600)) throw new UsageError(t('cli.scan.every'));
  const files = expandMediaPaths(positionals);
  // Nothing to look at is not "nothing found": a script would read an empty answer as a clean room.
  if (files.length === 0) throw new UsageError(t('cli.sanitize.noMedia'));
  const detector = await NodeDetector.open();
  const results: Array<ReturnType<typeof scanJson> | { file: string; error: string }> = [];
  let exitCode = 0;
  try {
    for (const file of files) {
      const shown = path.relative(process.cwd(), file) || file;
      try {
        const report = await scanFile(file, detector, { ...(everySeconds ? { everySeconds } : {}), onProgress: progressLine(shown) });
        clearProgress();
        // A video also gets the tracks `sanitize --redact` would hide: every object, from when to when.
        const tracks = mediaKindForExtension(path.extname(file)) === 'video' ? await tracksOfVideo(file, detector) : undefined;
        if (report.risks.length > 0) exitCode = 1;
        results.push({ ...scanJson({ ...report, file: shown }), ...(tracks ? { tracks } : {}) });
        if (!values.json) process.stdout.write(describeReport(shown, report) + (tracks ? describeTracks(tracks) : ''));
      } catch (error) {
        clearProgress();
        // One unreadable file must not stop the others: report it and go on.
        exitCode = 1;
        const message = error instanceof Error ? error.message : String(error);
        results.push({ file: shown, error: message });
        if (!values.json) process.stdout.write(`✗ ${shown}: ${message}\n`);
      }
    }
  } finally {
    await detector.close();
  }
  if (values.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  return exitCode;
}

/**
 * A video takes seconds a frame: say on stderr how far a scan is, and about how long is left, measured from
 * the frames so far. On a terminal the line is redrawn; elsewhere (a log, a pipe) a line at the start and then
 * one every ten frames.
 */
function progressLine(file: string): (progress: ScanProgress) => void {
  const started = Date.now();
  const live = process.stderr.isTTY;
  return ({ frames, expectedFrames, intervalSeconds }) => {
    if (expectedFrames === 1) return;
    const perFrame = frames > 0 ? (Date.now() - started) / frames : undefined;
    const line = [
      expectedFrames ? t('cli.scan.frameOf', { file, frames, expectedFrames }) : t('cli.scan.frame', { file, frames }),
      ...(intervalSeconds ? [t('cli.scan.interval', { seconds: intervalSeconds })] : []),
      ...(perFrame && expectedFrames ? [t('cli.scan.left', { left: formatClock((Math.max(0, expectedFrames - frames) * perFrame) / 1000) })] : []),
    ].join(', ');
    if (live) process.stderr.write(`\r\x1b[K${line}`);
    else if (frames % 10 === 0) process.stderr.write(`${line}\n`);
  };
}

function clearProgress(): void {
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
}

function describeTracks(tracks: readonly RedactedTrack[]): string {
  if (tracks.length === 0) return '';
  return `  ${t('cli.scan.tracks')}\n${tracks.map((track) => `    ${describeTrack(track)}\n`).join('')}`;
}

function describeReport(file: string, report: ScanReport): string {
  const verdict = report.risks.length === 0 ? `✓ ${t('cli.scan.nothingFound')}` : `✗ ${t('cli.scan.risks', { count: report.risks.length })}`;
  const head = `${verdict}  ${file} (${report.width}×${report.height})\n`;
  const lines = report.risks.map((risk) => {
    const found = 't' in risk ? t('cli.scan.riskAt', { label: risk.label, where: risk.where, seconds: risk.t }) : t('cli.scan.risk', { label: risk.label, where: risk.where });
    const quote = risk.text ? `: “${risk.text}”` : '';
    return `  ${risk.severity === 'high' ? '!!' : ' !'} ${found}${quote}\n     ${risk.guidance}\n`;
  });
  return head + lines.join('');
}
