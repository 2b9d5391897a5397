import type { Kysely, Transaction } from 'kysely';
import type { Schema } from './schema.ts';

/**
 * Takes the next value of the global rev counter. The UPDATE locks the counter row until the
 * transaction ends, so revs become visible in order and a pull cursor never skips a change.
 */
export async function nextRev(trx: Transaction<Schema> | Kysely<Schema>): Promise<number> {
  const row = await trx
    .updateTable('rev_counter')
    .set((eb) => ({ value: eb('value', '+', 1) }))
    .where('id', '=', 1)
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value);
}

/** The highest rev handed out so far: the pull cursor. */
export async function currentRev(db: Kysely<Schema>): Promise<number> {
  const row = await db.selectFrom('rev_counter').select('value').where('id', '=', 1).executeTakeFirstOrThrow();
  return Number(row.value);
}

/**
 * Runs a reference-data change in a transaction together with the rev it is stamped with.
 * The two must commit together: a rev committed alone would let a pull cursor pass the row.
 */
export async function writeWithRev<T>(
  db: Kysely<Schema>,
  fn: (trx: Kysely<Schema>, rev: number) => Promise<T>,
): Promise<T> {
  if (db.isTransaction) return fn(db, await nextRev(db));
  return db.transaction().execute(async (trx) => fn(trx, await nextRev(trx)));
}
