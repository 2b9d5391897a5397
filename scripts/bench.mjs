#!/usr/bin/env node
// `npm run bench`: builds the PWA, then runs the benchmarks in bench/ and prints their figures
// next to the baselines measured in the same run.
import { spawnSync } from 'node:child_process';

const step = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
step('npm', ['run', 'build', '--silent']);
step('npx', ['tsx', 'bench/run.ts', ...process.argv.slice(2)]);
