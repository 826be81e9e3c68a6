/** Runs the built `safetake` CLI as a user would, on plain Node. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const BIN = path.resolve(__dirname, '../../bin/safetake.cjs');

/** `asUser`: the CLI runs as this user id (and group id), through setpriv: root only. */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}, asUser?: number) {
  // English unless a test asks for another language: the machine's own locale must not change what is checked.
  const [command, ...argv] = [...(asUser === undefined ? [] : [SETPRIV, `--reuid=${asUser}`, `--regid=${asUser}`, '--clear-groups']), process.execPath, BIN, ...args];
  const result = spawnSync(command!, argv, { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C.UTF-8', ...env }, timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const SETPRIV = '/usr/bin/setpriv';
/** Whether runCli can run the CLI as another user (root, with util-linux's setpriv). */
export const canRunAsOtherUser = process.getuid?.() === 0 && fs.existsSync(SETPRIV);
