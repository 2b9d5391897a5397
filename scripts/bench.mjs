#!/usr/bin/env node
// `npm run bench [-- SECTION…]`: builds the PWA when a browser section needs it, installs the peer
// (bench/peer: PouchDB + pouchdb-server, never part of the product) on first use, then runs the
// benchmarks in bench/ and prints their figures next to the baselines measured in the same run.
// Sections: peer, tap, push, startup, server, reports, halls, pin, lighthouse (default: all). A missed target is a finding printed
// by the run, not a failure of it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const ALL = ['peer', 'tap', 'push', 'startup', 'server', 'reports', 'halls', 'pin', 'lighthouse'];
/** Sections that run without the built PWA. */
const SERVER_ONLY = ['server', 'reports', 'halls', 'pin'];
const asked = process.argv.slice(2);
const unknown = asked.filter((s) => !ALL.includes(s));
if (unknown.length > 0) {
  console.error(`unknown bench section(s): ${unknown.join(', ')}; choose from ${ALL.join(', ')}`);
  process.exit(2);
}
const sections = asked.length === 0 ? ALL : asked;

const step = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

const started = Date.now();
// Every other section runs the built PWA (the server serves dist/client).
if (sections.some((s) => !SERVER_ONLY.includes(s))) step('npm', ['run', 'build', '--silent']);
if (sections.includes('peer') && !existsSync('bench/peer/node_modules/pouchdb-server')) {
  // Pinned by bench/peer/package-lock.json. No install scripts: leveldown ships prebuilt binaries.
  console.log('installing the sync peer (PouchDB, pouchdb-server) into bench/peer/node_modules …');
  step('npm', ['ci', '--prefix', 'bench/peer', '--ignore-scripts', '--no-audit', '--no-fund']);
}
step('npx', ['tsx', 'bench/run.ts', ...sections]);
console.log(`npm run bench: ${((Date.now() - started) / 1000).toFixed(0)} s in all`);
