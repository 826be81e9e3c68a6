#!/usr/bin/env node
// Launcher: runs the CLI (built with the app: `npm install` runs the build in `prepare`) as a worker in a
// process group of its own, so that nothing it starts (ffmpeg, ExifTool's perl) outlives it:
// - SIGINT, SIGTERM and SIGHUP are passed on to the worker, which cancels its work and cleans up; then this
//   launcher ends by the same signal, so a shell loop or script stops as it would for any command;
// - when the worker ends, however it ends, whatever is left of its group is killed;
// - if this launcher is killed, the worker sees its IPC channel close and kills its group itself.
const { spawn } = require('node:child_process');
const path = require('node:path');
const fs = require('node:fs');

const built = path.join(__dirname, '..', 'out', 'main', 'cli.js');
if (!fs.existsSync(built)) {
  process.stderr.write('safetake: the CLI is not built yet. Run "npm install" (or "npm run build") in the SafeTake folder.\n');
  process.exit(1);
}

// Windows has no process groups, and its console sends Ctrl-C to the worker (and ffmpeg) itself.
const groups = process.platform !== 'win32';
const worker = spawn(process.execPath, [built, ...process.argv.slice(2)], {
  stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  detached: groups,
  env: { ...process.env, SAFETAKE_SUPERVISED: '1' },
});

let received;
const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const onSignal = (signal) => {
  received ??= signal;
  if (groups && worker.exitCode === null && worker.signalCode === null) worker.kill(signal);
};
for (const signal of signals) process.on(signal, onSignal);

worker.on('error', (error) => {
  process.stderr.write(`safetake: the command could not start: ${error.message}\n`);
  process.exitCode = 1;
});
worker.on('exit', (code, signal) => {
  if (groups) {
    try {
      process.kill(-worker.pid, 'SIGKILL');
    } catch {
      // Nothing of the group is left.
    }
  }
  const endedBy = received ?? signal;
  if (endedBy && groups) {
    for (const name of signals) process.off(name, onSignal);
    process.kill(process.pid, endedBy);
    return;
  }
  process.exitCode = code ?? 1;
});
