import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { RefusedError } from './refused.ts';
import { type FileContents, integrityProblems, makeSelfContained, openFile, readContents } from './sqliteFile.ts';

export interface BackupReport extends FileContents {
  target: string;
  bytes: number;
}

/**
 * Copies the live SQLite database to `target` with SQLite's online backup, while the server runs
 * and takes pushes: the copy is the database as it stood at one moment (a file copy could catch a
 * push half-written, or miss what is still in the write-ahead log). It is written beside the
 * target under a temporary name, checked (integrity, schema version), and only then renamed into
 * place, so `target` is either a whole checked copy or untouched.
 */
export async function backupSqlite({ source, target, force }: { source: string; target: string; force: boolean }): Promise<BackupReport> {
  const from = resolve(source);
  const to = resolve(target);
  if (!existsSync(from)) throw new RefusedError(`there is no database at ${from}; set DATA_DIR to the directory the server uses`);
  if (to === from) throw new RefusedError(`${to} is the live database itself; give another file with --to`);
  if (!existsSync(dirname(to))) throw new RefusedError(`the directory ${dirname(to)} does not exist; create it first`);
  if (existsSync(to) && !force) throw new RefusedError(`${to} already exists; give another file, or add --force to replace it`);

  const partial = `${to}.partial-${process.pid}`;
  const removePartial = () => {
    for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(partial + suffix, { force: true });
  };
  removePartial();
  try {
    const live = openFile(from);
    try {
      // The first step copies a few pages; the next copies the rest in one go, reading one
      // snapshot (a write by the server between steps makes SQLite start over, once at most).
      await live.backup(partial, { progress: ({ remainingPages }) => Math.max(remainingPages, 1) });
    } finally {
      live.close();
    }
    const copy = openFile(partial);
    let contents: FileContents;
    try {
      makeSelfContained(copy);
      const problems = integrityProblems(copy);
      if (problems.length > 0) throw new Error(`the copy fails SQLite's integrity check: ${problems.join('; ')}`);
      contents = readContents(copy);
      if (contents.schemaVersion === 0) throw new RefusedError(`${from} is no talktrack database (no schema version)`);
    } finally {
      copy.close();
    }
    renameSync(partial, to);
    return { target: to, bytes: statSync(to).size, ...contents };
  } finally {
    removePartial();
  }
}
