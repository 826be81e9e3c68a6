/** The path policy on this machine, and the check main runs on every path the renderer sends. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UserError } from '../../core/shared/errors.std';
import { type PathPolicy, refusePath } from '../../core/app/pathPolicy.std';
import { TAKES_FOLDER } from '../../core/app/dataFolder.std';

/** Roots compare as real paths, so a symbolic link cannot lead around them. */
const real = (dir: string) => (fs.existsSync(dir) ? fs.realpathSync(dir) : dir);

/**
 * Folders in the home folder where programs keep settings, keys, tokens and browser profiles: never a worker's
 * media or evidence, and where a renderer that names a path could find secrets (a cloud SDK's credentials in
 * ~/.config, SSH and GPG keys, browser cookies).
 */
const SECRET_FOLDERS = [
  '.ssh', '.gnupg', '.aws', '.azure', '.kube', '.docker', '.password-store', '.pki', '.config', '.local', '.mozilla', '.var', 'snap',
  'Library', path.join('AppData', 'Roaming'), path.join('AppData', 'Local'),
];

export function pathPolicyFor(dataDir: string): PathPolicy {
  const home = os.homedir();
  const removable = ['/media', '/mnt', '/run/media', '/Volumes'].filter((dir) => fs.existsSync(dir));
  return {
    // Takes recorded in the app are the worker's own footage: they must be sanitizable.
    allowedRoots: [home, os.tmpdir(), ...removable, path.join(dataDir, TAKES_FOLDER)].map(real),
    deniedRoots: [dataDir, ...SECRET_FOLDERS.map((folder) => path.join(home, folder))].map(real),
    separator: path.sep as '/' | '\\',
    caseInsensitive: process.platform === 'win32' || process.platform === 'darwin',
  };
}

/**
 * Throws a not-allowed UserError unless `candidate` passes the policy, both as written and after symbolic
 * links are followed (a link in the home folder must not lead to /etc). Returns the path with every link
 * resolved: the services use that path, and check at use that it still leads nowhere else
 * (services/media/mediaFile.node.ts, assertUnchangedPath), so a file swapped for a link after this check is
 * not read through it.
 */
export function assertAllowedPath(candidate: unknown, policy: PathPolicy): string {
  const reason = refusePath(candidate, policy);
  if (reason) throw new UserError(reason, 'not-allowed');
  const resolved = fs.existsSync(candidate as string) ? fs.realpathSync(candidate as string) : (candidate as string);
  const resolvedReason = refusePath(resolved, policy);
  if (resolvedReason) throw new UserError(resolvedReason, 'not-allowed');
  return resolved;
}
