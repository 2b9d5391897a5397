#!/usr/bin/env node
// The README's test command: makes sure the browser the end-to-end tests drive is present,
// then runs every suite (unit, API on SQLite and PostgreSQL, end-to-end) and fails if any fails.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';

function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(
      `The end-to-end tests need Debian's Chromium at ${CHROMIUM}, and it is missing.\n` +
        'Install it as root, then run npm test again:\n  sudo apt-get update && sudo apt-get install -y chromium',
    );
    process.exit(1);
  }
  console.log(`${CHROMIUM} is missing: installing Debian's chromium package…`);
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (!existsSync(CHROMIUM)) {
    console.error(`apt-get finished but ${CHROMIUM} is still missing; install the chromium package by hand.`);
    process.exit(1);
  }
}

ensureChromium();
const extra = process.argv.slice(2);
const run = spawnSync('npx', ['vitest', 'run', ...extra], { stdio: 'inherit' });
process.exit(run.status ?? 1);
