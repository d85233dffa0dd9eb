#!/usr/bin/env node
// `npm run schedule -- <instance.json> [options]`: runs the built scheduler CLI
// (dist/src/modules/meetings/scheduler/cli.js). It compiles the project first only when that file
// is missing or older than a scheduler source, so a call starts in a fraction of a second.
'use strict';
const { existsSync, readdirSync, statSync, utimesSync } = require('node:fs');
const { join } = require('node:path');
const { spawnSync } = require('node:child_process');

const root = join(__dirname, '..');
const srcDir = join(root, 'src', 'modules', 'meetings', 'scheduler');
const outDir = join(root, 'dist', 'src', 'modules', 'meetings', 'scheduler');
const cli = join(outDir, 'cli.js');

/** The scheduler sources without their compiled file, or newer than it. */
function staleFiles() {
  return readdirSync(srcDir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts') && f !== 'testing.ts')
    .map((f) => ({ ts: join(srcDir, f), js: join(outDir, f.replace(/\.ts$/, '.js')) }))
    .filter(({ ts, js }) => !existsSync(js) || statSync(ts).mtimeMs > statSync(js).mtimeMs);
}

const stale = staleFiles();
if (stale.length > 0) {
  process.stderr.write('schedule: building (dist is missing or older than the scheduler sources)...\n');
  const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  if (tsc.status !== 0) process.exit(tsc.status ?? 1);
  // An incremental build does not re-emit a file whose content it has already compiled (a source
  // touched by git checkout): mark the outputs current, or every call would build again.
  const now = new Date();
  for (const { js } of stale) if (existsSync(js)) utimesSync(js, now, now);
}
require(cli);
