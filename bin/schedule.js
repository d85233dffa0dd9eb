#!/usr/bin/env node
// `npm run schedule -- <instance.json> [options]`: runs the built scheduler CLI
// (dist/src/modules/meetings/scheduler/cli.js). It compiles the project first only when that file
// is missing or older than a scheduler source, so a call starts in a fraction of a second.
'use strict';
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');
const { spawnSync } = require('node:child_process');

const root = join(__dirname, '..');
const srcDir = join(root, 'src', 'modules', 'meetings', 'scheduler');
const outDir = join(root, 'dist', 'src', 'modules', 'meetings', 'scheduler');
const cli = join(outDir, 'cli.js');

/** A scheduler source without its compiled file, or newer than it (tsc re-emits exactly the changed files). */
function stale() {
  return readdirSync(srcDir).some((f) => {
    if (!f.endsWith('.ts') || f.endsWith('.spec.ts') || f === 'testing.ts') return false;
    const js = join(outDir, f.replace(/\.ts$/, '.js'));
    return !existsSync(js) || statSync(join(srcDir, f)).mtimeMs > statSync(js).mtimeMs;
  });
}

if (stale()) {
  process.stderr.write('schedule: building (dist is missing or older than the scheduler sources)...\n');
  const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  if (tsc.status !== 0) process.exit(tsc.status ?? 1);
}
require(cli);
