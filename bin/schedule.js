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
const cli = join(root, 'dist', 'src', 'modules', 'meetings', 'scheduler', 'cli.js');

function stale() {
  if (!existsSync(cli)) return true;
  const built = statSync(cli).mtimeMs;
  return readdirSync(srcDir).some((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts') && statSync(join(srcDir, f)).mtimeMs > built);
}

if (stale()) {
  process.stderr.write('schedule: building (dist is missing or older than the scheduler sources)...\n');
  const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  if (tsc.status !== 0) process.exit(tsc.status ?? 1);
}
require(cli);
