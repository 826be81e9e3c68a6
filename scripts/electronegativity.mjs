// Runs Doyensec's Electronegativity over the project (sources and the built app) and fails on any finding.
// Exceptions are justified inline with `eng-disable` comments next to the code they concern.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const cli = path.join(path.dirname(require.resolve('@doyensec/electronegativity/package.json')), 'dist/index.js');
const electronVersion = require('electron/package.json').version;
const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'electronegativity-')), 'report.csv');

const run = spawnSync(process.execPath, [cli, '-i', '.', '-o', report, '-r', '-v', electronVersion], { encoding: 'utf8' });
if (!fs.existsSync(report)) {
  console.error(run.stdout, run.stderr);
  console.error('electronegativity: no report was written');
  process.exit(1);
}
const findings = fs.readFileSync(report, 'utf8').trim().split('\n').slice(1).filter(Boolean);
if (findings.length > 0) {
  console.error(`electronegativity: ${findings.length} finding(s):\n${findings.join('\n')}`);
  process.exit(1);
}
console.log('electronegativity: no findings');
