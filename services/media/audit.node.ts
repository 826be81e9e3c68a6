/**
 * The independent audit: what ExifTool (with embedded data, -ee) finds in a file, each tag classified by
 * core/media/identifyingTags.std.ts, plus a byte search for text hidden inside the media stream.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../../core/shared/errors.std';
import { FINGERPRINT_OVERLAP, findFingerprints } from '../../core/media/fingerprints.std';
import { classifyTag, splitTagKey, tagValueToString } from '../../core/media/identifyingTags.std';
import { type AuditReport, notMediaReason } from '../../core/media/audit.std';
import { exiftool } from './exiftool.node';
import { checkMediaFile } from './mediaFile.node';
import { t } from '../../core/i18n/i18n.std';

/** One read of the file's bytes: the encoder and camera text hidden in them, and their SHA-256. */
async function readBytes(file: string): Promise<{ fingerprints: string[]; sha256: string }> {
  const found = new Set<string>();
  const hash = createHash('sha256');
  let carry = '';
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 4 * 1024 * 1024 })) {
    hash.update(chunk as Buffer);
    const text = carry + (chunk as Buffer).toString('latin1');
    for (const id of findFingerprints(text)) found.add(id);
    carry = text.slice(-FINGERPRINT_OVERLAP);
  }
  return { fingerprints: [...found], sha256: hash.digest('hex') };
}

/**
 * The audit of a file the user names as a photo or video (the app's before/after table, `safetake audit`):
 * anything else is refused before its tags leave here, since ExifTool reads many kinds of file, and a
 * credentials JSON audited would hand its secrets to whoever asked.
 */
export async function auditMediaFile(file: string): Promise<AuditReport> {
  await checkMediaFile(file);
  const report = await auditFile(file);
  const notMedia = notMediaReason(report, path.basename(file));
  if (notMedia) throw new UserError(t('mediaFile.auditsOnlyMedia', { reason: notMedia }));
  return report;
}

export async function auditFile(file: string): Promise<AuditReport> {
  const stat = await fs.promises.stat(file).catch(() => undefined);
  if (!stat?.isFile()) throw new UserError(t('mediaFile.cannotRead', { name: path.basename(file) }));
  // -ee: embedded data (GoPro GPMF GPS, timed metadata tracks) is where a video's location often hides.
  const raw = await exiftool().readRaw(file, { readArgs: ['-G1', '-a', '-s', '-ee', '-json'] });
  // SourceFile, errors and warnings are exiftool-vendored's own fields, not tags of the file.
  const tags = Object.entries(raw)
    .filter(([key]) => !['SourceFile', 'errors', 'warnings'].includes(key))
    .map(([key, value]) => {
      const tag = { ...splitTagKey(key), value: tagValueToString(value) };
      return { ...tag, ...classifyTag(tag) };
    });
  const exiftoolError = tags.find((tag) => tag.group === 'ExifTool' && tag.name === 'Error')?.value;
  const exiftoolWarning = tags.find((tag) => tag.group === 'ExifTool' && tag.name === 'Warning')?.value;
  const fileType = tags.find((tag) => tag.group === 'File' && tag.name === 'FileType')?.value;
  const bytes = await readBytes(file);
  return {
    file,
    fileType,
    // ExifTool reports nothing at all for a file it cannot parse: that is "unknown", never "clean".
    readable: fileType !== undefined && exiftoolError === undefined,
    exiftoolError,
    ...(exiftoolWarning ? { exiftoolWarning } : {}),
    tags,
    identifyingCount: tags.filter((tag) => tag.identifying).length,
    streamFingerprints: bytes.fingerprints,
    sha256: bytes.sha256,
  };
}
