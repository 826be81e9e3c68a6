#!/usr/bin/env node
// Launcher: runs the CLI (built with the app: `npm install` runs the build in `prepare`) as a worker in a
// process group of its own, so that nothing it starts (ffmpeg, ExifTool's perl) outlives it:
// - SIGINT, SIGTERM and SIGHUP are passed on to the worker, which cancels its work and cleans up;
// - if the worker dies without cleaning up (SIGKILL), its whole group is killed here;
// - if this launcher is killed, the worker sees its IPC channel close and does the same to itself.
const { spawn } = require('node:child_process');
const path = require('node:path');
const fs = require('node:fs');

const built = path.join(__dirname, '..', 'out', 'main', 'cli.js');
if (!fs.existsSync(built)) {
  process.stderr.write('safetake: the CLI is not built yet. Run "npm install" (or "npm run build") in the SafeTake folder.\n');
  process.exit(1);
}

const worker = spawn(process.execPath, [built, ...process.argv.slice(2)], {
  stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  // Windows has no process groups: there the worker's own handlers are all there is.
  detached: process.platform !== 'win32',
  env: { ...process.env, SAFETAKE_SUPERVISED: '1' },
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (worker.exitCode === null) worker.kill(signal);
  });
}
worker.on('exit', (code, signal) => {
  if (signal && process.platform !== 'win32') {
    try {
      process.kill(-worker.pid, 'SIGKILL');
    } catch {
      // The group is already gone.
    }
  }
  process.exitCode = code ?? 1;
});
