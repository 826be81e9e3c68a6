/**
 * Files that belong to a session: clips joined to it (fingerprinted where they are), evidence copied into
 * its folder, and exports written where the worker chose. Every copy or export goes to a temp file first
 * and takes its name only once it is complete and verified.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { SESSIONS_FOLDER } from '../../core/app/dataFolder.std';
import { isEvidenceFile, notEvidenceReason } from '../../core/sessions/evidence.std';
import { UserError } from '../../core/shared/errors.std';
import { pictureEndSeconds } from '../../core/media/probe.std';
import { sha256File } from '../media/hash.node';
import { readPicture } from '../media/picture.node';
import { t } from '../../core/i18n/i18n.std';

/** Evidence is screenshots and documents: a file larger than this is not what the feature is for. */
const MAX_EVIDENCE_BYTES = 200 * 1024 * 1024;

export function sessionFolder(dataDir: string, sessionId: string): string {
  // Session ids are the UUIDs SafeTake makes; anything else must not become part of a path.
  if (!/^[0-9a-f-]{36}$/.test(sessionId)) throw new UserError(t('sessionsService.sessionNotInLog'));
  return path.join(dataDir, SESSIONS_FOLDER, sessionId);
}

/** A photo or video as a clip record: its fingerprint and, for a video, its length. */
export async function describeClip(file: string): Promise<{ file: string; sha256: string; durationSeconds?: number }> {
  const { kind, probe } = await readPicture(file);
  const durationSeconds = kind === 'video' ? pictureEndSeconds(probe) : undefined;
  return { file, sha256: await sha256File(file), ...(durationSeconds !== undefined ? { durationSeconds } : {}) };
}

/**
 * Copies `source` into `folder` under its own name (with " (2)" and so on when taken), verifies the copy
 * by its SHA-256, and returns what the log records.
 */
export async function copyEvidence(source: string, folder: string): Promise<{ name: string; file: string; sha256: string; bytes: number }> {
  const stat = await fs.stat(source).catch(() => undefined);
  if (!stat) throw new UserError(t('evidence.notFound', { name: path.basename(source) }));
  if (!stat.isFile()) throw new UserError(t('evidence.isFolder', { name: path.basename(source) }));
  if (!isEvidenceFile(path.basename(source))) throw new UserError(notEvidenceReason(path.basename(source)));
  if (stat.size > MAX_EVIDENCE_BYTES) throw new UserError(t('evidence.tooLarge', { name: path.basename(source) }));
  await fs.mkdir(folder, { recursive: true });
  const sha256 = await sha256File(source);
  const target = await freeName(folder, path.basename(source));
  const temp = `${target}.partial`;
  try {
    await fs.copyFile(source, temp);
    if ((await sha256File(temp)) !== sha256) throw new UserError(t('evidence.changedWhileCopying', { name: path.basename(source) }));
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
  return { name: path.basename(target), file: target, sha256, bytes: stat.size };
}

async function freeName(folder: string, name: string): Promise<string> {
  const { name: stem, ext } = path.parse(name);
  for (let n = 1; ; n += 1) {
    const candidate = path.join(folder, n === 1 ? name : `${stem} (${n})${ext}`);
    if (!(await fs.stat(candidate).catch(() => undefined))) return candidate;
  }
}

/** An export's target exists and the user did not ask to replace it. */
export class ExportExistsError extends UserError {}

const realOrSelf = (file: string) => fs.realpath(file).catch(() => path.resolve(file));

/**
 * Writes `data` to `target` through a temp file, flushed before it takes the name. Never into the data folder
 * (the session log lives there), never onto a folder, and onto an existing file only when `replace` says the
 * user chose to (the app's save dialog asks; the CLI takes --force).
 */
export async function writeExport(target: string, data: Buffer | string, options: { replace: boolean; dataDir: string }): Promise<void> {
  const existing = await fs.stat(target).catch(() => undefined);
  if (existing?.isDirectory()) throw new UserError(t('export.isFolder', { target, example: path.join(target, 'sessions.csv') }));
  const [folder, dataDir] = await Promise.all([realOrSelf(path.dirname(target)), realOrSelf(options.dataDir)]);
  if (folder === dataDir || folder.startsWith(dataDir + path.sep)) {
    throw new UserError(t('export.intoDataFolder', { dataDir: options.dataDir }));
  }
  if (existing && !options.replace) throw new ExportExistsError(t('export.exists', { target }));
  const temp = `${target}.partial-${process.pid}`;
  try {
    await fs.writeFile(temp, data, { flush: true });
    if (options.replace) await fs.rename(temp, target);
    else await fs.link(temp, target).then(() => fs.unlink(temp)); // fails if the file appeared meanwhile: never clobbers
  } catch (error) {
    await fs.rm(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new ExportExistsError(t('export.exists', { target }));
    if (code === 'ENOSPC') throw new UserError(t('export.diskFull'));
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new UserError(t('export.notWritable', { folder: path.dirname(target) }));
    if (code === 'ENOENT') throw new UserError(t('export.noFolder', { folder: path.dirname(target) }));
    throw error;
  }
}
