/** The audit of one file, as the CLI prints it and the app shows it (before and after). */
import { z } from 'zod';
import { t } from '../i18n/i18n.std';

const auditedTag = z.object({
  group: z.string(),
  name: z.string(),
  value: z.string(),
  identifying: z.boolean(),
  reason: z.string(),
});

export const auditReport = z.object({
  file: z.string(),
  fileType: z.string().optional(),
  readable: z.boolean(),
  exiftoolError: z.string().optional(),
  /** What ExifTool warned of while reading ("Truncated 'mdat' data"): the tags may be only those it reached. */
  exiftoolWarning: z.string().optional(),
  tags: z.array(auditedTag),
  identifyingCount: z.number().int(),
  /** Ids from core/media/fingerprints.std.ts found in the file's bytes. */
  streamFingerprints: z.array(z.string()),
  /** SHA-256 of the file's bytes, from the same read as the fingerprint search. */
  sha256: z.string(),
});

export type AuditReport = z.output<typeof auditReport>;

/**
 * Why the audit says a file is no photo or video (a text file, a JSON of credentials named .mp4), or
 * undefined when it is one or ExifTool could not tell. ExifTool recognises far more file types than ffmpeg.
 */
export function notMediaReason(report: AuditReport, name: string): string | undefined {
  const mimeType = report.tags.find((tag) => tag.group === 'File' && tag.name === 'MIMEType')?.value ?? '';
  if (!report.fileType || /^(video|image|audio)\//.test(mimeType)) return undefined;
  return t('audit.notMedia', { name, fileType: report.fileType });
}

/** Clean means: ExifTool could read it, it found no identifying tag, and no encoder text hides in the stream. */
export function isAuditClean(report: AuditReport): boolean {
  return report.readable && report.identifyingCount === 0 && report.streamFingerprints.length === 0;
}
