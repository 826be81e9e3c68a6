/** The path policy on this machine, and the check main runs on every path the renderer sends. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UserError } from '../core/errors.std';
import { type PathPolicy, refusePath } from '../core/paths.std';

export function pathPolicyFor(dataDir: string, extraRoots: string[] = []): PathPolicy {
  const home = os.homedir();
  const real = (dir: string) => fs.realpathSync(dir);
  const existing = (dirs: string[]) => dirs.filter((dir) => fs.existsSync(dir)).map((dir) => real(dir));
  return {
    allowedRoots: existing([home, os.tmpdir(), '/media', '/mnt', '/run/media', '/Volumes', ...extraRoots]),
    deniedRoots: [dataDir, path.join(home, '.ssh'), path.join(home, '.gnupg'), path.join(home, '.aws')].map((dir) =>
      fs.existsSync(dir) ? real(dir) : dir,
    ),
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
