#!/usr/bin/env node
// Thin launcher: the CLI is built with the app (npm install runs the build in `prepare`).
const path = require('node:path');
const fs = require('node:fs');

const built = path.join(__dirname, '..', 'out', 'main', 'cli.js');
if (!fs.existsSync(built)) {
  process.stderr.write('safetake: the CLI is not built yet. Run "npm install" (or "npm run build") in the SafeTake folder.\n');
  process.exit(1);
}
require(built);
