import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';

/**
 * A running server leaves a small file beside its SQLite database (`talktrack.sqlite.server-<pid>`)
 * and removes it when it exits, so that `npm run restore` can refuse to replace a database a
 * server still has open. A process killed outright (SIGKILL, power cut) leaves its file behind:
 * a file whose process is gone is stale and counts as absent. One file per process, so a second
 * process on the same file (not a supported set-up) never removes the first one's mark.
 */

export interface ServerMark {
  pid: number;
  host: string;
  startedAt: string;
  /** The mark's own file. */
  file: string;
}

const PREFIX = '.server-';

function markFile(sqliteFile: string, pid: number): string {
  return `${sqliteFile}${PREFIX}${pid}`;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Still running? On another host (a container, a shared disk) the process cannot be asked, so it
 * counts as running: a restore refused wrongly is a message, one let through is a broken database.
 */
function isLive(mark: ServerMark): boolean {
  if (mark.host !== hostname()) return true;
  if (mark.pid === process.pid) return false;
  return processAlive(mark.pid);
}

function readMarks(sqliteFile: string): ServerMark[] {
  const dir = dirname(sqliteFile);
  const prefix = basename(sqliteFile) + PREFIX;
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.startsWith(prefix) && /^\d+$/.test(n.slice(prefix.length)));
  } catch {
    return [];
  }
  return names.map((name) => {
    const file = join(dir, name);
    const pid = Number(name.slice(prefix.length));
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<ServerMark>;
      return { pid, host: String(parsed.host ?? ''), startedAt: String(parsed.startedAt ?? ''), file };
    } catch {
      // Unreadable (written by hand?): unknown host, so it counts as running.
      return { pid, host: '', startedAt: '', file };
    }
  });
}

/** The server processes that have this SQLite file open; stale marks are removed on the way. */
export function serversUsing(sqliteFile: string): ServerMark[] {
  const live: ServerMark[] = [];
  for (const mark of readMarks(sqliteFile)) {
    if (isLive(mark)) live.push(mark);
    else rmSync(mark.file, { force: true });
  }
  return live;
}

/** Marks this process as the server of `sqliteFile` until it exits (any exit but SIGKILL removes the mark). */
export function markServerRunning(sqliteFile: string): void {
  serversUsing(sqliteFile);
  const file = markFile(sqliteFile, process.pid);
  const partial = `${file}.partial`;
  writeFileSync(partial, JSON.stringify({ pid: process.pid, host: hostname(), startedAt: new Date().toISOString() }));
  renameSync(partial, file);
  process.once('exit', () => rmSync(file, { force: true }));
}
