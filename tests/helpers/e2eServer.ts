import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningServer {
  url: string;
  /** The demo hall's code printed at start (with TALKTRACK_DEMO=off nothing secret is printed: reading it throws). */
  readonly enrolmentCode: string;
  dataDir: string;
  sqliteFile: string;
  output: () => string;
  /** The exit code once the process has exited (null when a signal killed it). */
  exited: Promise<number | null>;
  /** Sends a signal and returns at once (stop waits for the exit). */
  kill(signal: NodeJS.Signals): void;
  /** Another one-time enrolment code, from the command a hall's administrator runs on the server. */
  issueEnrolmentCode(): Promise<string>;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Starts the real server the way `npm start` does after building (`npm run serve`), on a free
 * port and a fresh data directory, and waits for it to print its URL and (with the demo on, the
 * default) the demo hall's enrolment code.
 */
export async function startServer(options: { dataDir?: string; env?: Record<string, string> } = {}): Promise<RunningServer> {
  const demo = options.env?.TALKTRACK_DEMO !== 'off';
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'talktrack-e2e-'));
  const child: ChildProcess = spawn('node', ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const ready = new Promise<{ url: string; code: string | null }>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
      const code = /enrolment code: (\S+)/.exec(out)?.[1] ?? null;
      // Without the demo the last line is the hint on what to do next.
      if (url && (demo ? code !== null : /npm run setup|devices page/.test(out))) resolve({ url: url.replace(/\/$/, ''), code });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    child.once('exit', (code) => reject(new Error(`server exited with ${code} before it was ready:\n${out}`)));
    setTimeout(() => reject(new Error(`server not ready after 60 s:\n${out}`)), 60_000).unref();
  });
  const { url, code } = await ready;
  return {
    url,
    get enrolmentCode(): string {
      if (code === null) throw new Error('this server runs without the demo: it printed no enrolment code');
      return code;
    },
    dataDir,
    sqliteFile: join(dataDir, 'talktrack.sqlite'),
    output: () => out,
    exited,
    kill: (signal) => void child.kill(signal),
    async issueEnrolmentCode() {
      const { stdout } = await promisify(execFile)('node', ['--import', 'tsx', 'scripts/enrolmentCode.ts'], {
        env: { ...process.env, DATA_DIR: dataDir, ...options.env },
      });
      const issued = /enrolment code: (\S+)/.exec(stdout)?.[1];
      if (issued === undefined) throw new Error(`scripts/enrolmentCode.ts printed no code:\n${stdout}`);
      return issued;
    },
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      // Killed by a signal, a process has no exit code but a signal code: it has exited all the same.
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill(signal);
        await exited;
      }
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
      // A browser test runs at a person's pace: a rate limit it hit would be a limit set too low.
      if (out.includes('"msg":"rate limited"')) throw new Error(`the server throttled this test (429 rate_limited):\n${out}`);
    },
  };
}

/**
 * Several servers started at the same moment on one database (options as startServer's). Should
 * one fail to start, the others are stopped before the failure is thrown: no process is left behind.
 */
export async function startServers(count: number, options: Parameters<typeof startServer>[0]): Promise<RunningServer[]> {
  const started = await Promise.allSettled(Array.from({ length: count }, () => startServer(options)));
  const servers = started.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const failed = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed !== undefined) {
    await Promise.all(servers.map((s) => s.stop('SIGKILL')));
    throw failed.reason;
  }
  return servers;
}
