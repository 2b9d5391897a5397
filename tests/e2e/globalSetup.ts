import { execFileSync } from 'node:child_process';

/** The browser tests run against the built PWA, as `npm start` serves it: build it once per run. */
export default function setup(): void {
  // vitest sets NODE_ENV=test, which would make vite build a development bundle (no service worker).
  execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}
