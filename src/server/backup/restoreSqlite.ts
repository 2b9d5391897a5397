import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { LATEST_SCHEMA_VERSION } from '../db/migrations/index.ts';
import { serversUsing } from '../db/serverMarks.ts';
import { RefusedError } from './refused.ts';
import { type FileContents, highestRev, integrityProblems, makeSelfContained, openFile, readContents, restampReferenceRows } from './sqliteFile.ts';

export interface RestoreReport extends FileContents {
  from: string;
  target: string;
  /** Where the database that was in place now is; null when there was none. */
  kept: string | null;
}

/** 2026-01-14T09:30:05.123Z → 20260114T093005Z: sorts by time, and is a plain file name everywhere. */
export const fileStamp = (at: Date): string => at.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');

function describeServers(target: string): string | null {
  const running = serversUsing(target);
  if (running.length === 0) return null;
  const who = running.map((m) => `pid ${m.pid}${m.host ? ` on ${m.host}` : ''}${m.startedAt ? `, started ${m.startedAt}` : ''}`).join('; ');
  const files = running.map((m) => m.file).join(', ');
  return (
    `a talktrack server is using ${target} (${who}); stop it first (SIGTERM, systemctl stop …) and run the restore again. ` +
    `If no server runs there any more, delete ${files}`
  );
}

/** `name`, or `name-2`, `name-3`, … when taken (two restores within a second keep both databases). */
function freeName(name: string): string {
  let candidate = name;
  for (let n = 2; existsSync(candidate); n++) candidate = `${name}-${n}`;
  return candidate;
}

/** Moves a file and its SQLite side files (-wal, -journal) to `to`; a -shm is only an index and goes. */
function moveDatabase(from: string, to: string): void {
  renameSync(from, to);
  for (const suffix of ['-wal', '-journal']) if (existsSync(from + suffix)) renameSync(from + suffix, to + suffix);
  rmSync(`${from}-shm`, { force: true });
}

/**
 * Puts a backup in place of the database of a stopped server. Refuses, changing nothing, while a
 * server has the database open, and a file that is not a sound talktrack database or is from a
 * newer schema than this release. The database in place is kept beside it as
 * `<file>.before-restore-<time>`, its write-ahead log folded in, so that no -wal or -shm of it is
 * left beside the restored file (SQLite would apply it to the wrong database).
 */
export function restoreSqlite({ from, target, now = new Date() }: { from: string; target: string; now?: Date }): RestoreReport {
  const backup = resolve(from);
  const live = resolve(target);
  if (!existsSync(backup)) throw new RefusedError(`there is no file ${backup}`);
  if (backup === live) throw new RefusedError(`${backup} is the database itself; give the backup file with --from`);
  const busy = describeServers(live);
  if (busy !== null) throw new RefusedError(busy);
  mkdirSync(dirname(live), { recursive: true });

  // Checked and prepared under a temporary name: the backup file itself is only read.
  const incoming = `${live}.restoring-${process.pid}`;
  const removeIncoming = () => {
    for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(incoming + suffix, { force: true });
  };
  removeIncoming();
  try {
    copyFileSync(backup, incoming);
    if (existsSync(`${backup}-wal`)) copyFileSync(`${backup}-wal`, `${incoming}-wal`);
    const contents = checkIncoming(backup, incoming, existsSync(live) ? live : null);

    let kept: string | null = null;
    if (existsSync(live)) {
      foldLog(live);
      kept = freeName(`${live}.before-restore-${fileStamp(now)}`);
      moveDatabase(live, kept);
    }
    try {
      renameSync(incoming, live);
    } catch (error) {
      // Put the database that was in place back: a failed restore changes nothing.
      if (kept !== null) moveDatabase(kept, live);
      throw error;
    }
    return { from: backup, target: live, kept, ...contents };
  } finally {
    removeIncoming();
  }
}

/** Refuses an unsound or too new file; stamps the pull cursors past the current database's. */
function checkIncoming(backup: string, incoming: string, current: string | null): FileContents {
  const copy = openFile(incoming);
  try {
    let contents: FileContents;
    try {
      makeSelfContained(copy);
      const problems = integrityProblems(copy);
      if (problems.length > 0) throw new RefusedError(`${backup} fails SQLite's integrity check (${problems.join('; ')}); take another backup`);
      contents = readContents(copy);
    } catch (error) {
      if (error instanceof RefusedError) throw error;
      const message = error instanceof Error ? error.message : String(error);
      // SQLITE_CORRUPT: a database, damaged; anything else (SQLITE_NOTADB): not a database at all.
      if (String((error as { code?: unknown }).code).startsWith('SQLITE_CORRUPT')) {
        throw new RefusedError(`${backup} fails SQLite's integrity check (${message}); take another backup`);
      }
      throw new RefusedError(`${backup} is not a readable SQLite database (${message})`);
    }
    if (contents.schemaVersion === 0) throw new RefusedError(`${backup} is no talktrack database (it has no schema version)`);
    if (contents.schemaVersion > LATEST_SCHEMA_VERSION) {
      throw new RefusedError(
        `${backup} is at schema version ${contents.schemaVersion}, made by a newer talktrack release; this release knows up to ${LATEST_SCHEMA_VERSION}. Restore it with that release or newer`,
      );
    }
    restampReferenceRows(copy, Math.max(highestRev(copy), current === null ? 0 : currentRev(current)) + 1);
    return contents;
  } finally {
    copy.close();
  }
}

/** The cursor the current database has reached; 0 when it cannot be read (a damaged file being replaced). */
function currentRev(file: string): number {
  try {
    const sqlite = openFile(file);
    try {
      return highestRev(sqlite);
    } finally {
      sqlite.close();
    }
  } catch {
    return 0;
  }
}

/** Folds a stopped server's write-ahead log into its file; left as it is when the file cannot be opened. */
function foldLog(file: string): void {
  try {
    const sqlite = openFile(file);
    try {
      makeSelfContained(sqlite);
    } finally {
      sqlite.close();
    }
  } catch {
    // Damaged: moveDatabase keeps its -wal beside it.
  }
}
