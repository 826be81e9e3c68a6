/** `safetake scan`: the corner check on photos and videos, with the app's own detector and rules. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { scanJson } from '../../core/corner/scanResult.std';
import { NodeDetector, type ScanReport, scanFile } from '../../services/corner/detector.node';
import { expandMediaPaths } from '../../services/media/files.node';
import { UsageError } from '../usage.std';

export async function scanCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean', default: false } } });
  if (positionals.length === 0) throw new UsageError('scan needs at least one photo, video or folder');
  const files = expandMediaPaths(positionals);
  const detector = await NodeDetector.open();
  const results: Array<ReturnType<typeof scanJson> | { file: string; error: string }> = [];
  let exitCode = 0;
  try {
    for (const file of files) {
      const shown = path.relative(process.cwd(), file) || file;
      try {
        const report = await scanFile(file, detector);
        if (report.risks.length > 0) exitCode = 1;
        results.push(scanJson({ ...report, file: shown }));
        if (!values.json) process.stdout.write(describeReport(shown, report));
      } catch (error) {
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

function describeReport(file: string, report: ScanReport): string {
  const head = `${report.risks.length === 0 ? '✓ nothing found' : `✗ ${report.risks.length} risk${report.risks.length === 1 ? '' : 's'}`}  ${file} (${report.width}×${report.height})\n`;
  const lines = report.risks.map((risk) => {
    const when = 't' in risk ? ` at ${risk.t} s` : '';
    const quote = risk.text ? `: “${risk.text}”` : '';
    return `  ${risk.severity === 'high' ? '!!' : ' !'} ${risk.label}, ${risk.where}${when}${quote}\n     ${risk.guidance}\n`;
  });
  return head + lines.join('');
}
