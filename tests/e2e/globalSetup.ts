import { execFileSync } from 'node:child_process';

/** The browser tests run against the built PWA, as `npm start` serves it: build it once per run. */
export default function setup(): void {
  execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
}
