/** Runs the built `safetake` CLI as a user would, on plain Node. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const BIN = path.resolve(__dirname, '../../bin/safetake.cjs');

export function runCli(args: string[], env: NodeJS.ProcessEnv = {}) {
  // English unless a test asks for another language: the machine's own locale must not change what is checked.
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C.UTF-8', ...env }, timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
