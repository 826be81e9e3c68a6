/** The path policy on this machine, and the check main runs on every path the renderer sends. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UserError } from '../../core/shared/errors.std';
import { type PathPolicy, refusePath } from '../../core/app/pathPolicy.std';
import { TAKES_FOLDER } from '../../core/app/dataFolder.std';

/** Roots compare as real paths, so a symbolic link cannot lead around them. */
const real = (dir: string) => (fs.existsSync(dir) ? fs.realpathSync(dir) : dir);

export function pathPolicyFor(dataDir: string): PathPolicy {
  const home = os.homedir();
  const removable = ['/media', '/mnt', '/run/media', '/Volumes'].filter((dir) => fs.existsSync(dir));
  return {
    // Takes recorded in the app are the worker's own footage: they must be sanitizable.
    allowedRoots: [home, os.tmpdir(), ...removable, path.join(dataDir, TAKES_FOLDER)].map(real),
    deniedRoots: [dataDir, path.join(home, '.ssh'), path.join(home, '.gnupg'), path.join(home, '.aws')].map(real),
    separator: path.sep as '/' | '\\',
  };
}

/**
 * Throws a not-allowed UserError unless `candidate` passes the policy, both as written and after symbolic
 * links are followed (a link in the home folder must not lead to /etc).
 */
export function assertAllowedPath(candidate: unknown, policy: PathPolicy): string {
  const reason = refusePath(candidate, policy);
  if (reason) throw new UserError(reason, 'not-allowed');
  const resolved = fs.existsSync(candidate as string) ? fs.realpathSync(candidate as string) : (candidate as string);
  const resolvedReason = refusePath(resolved, policy);
  if (resolvedReason) throw new UserError(resolvedReason, 'not-allowed');
  return candidate as string;
}
