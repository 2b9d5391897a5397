import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';

/** What a removal marker can take off a tablet (PullResponse.removed). */
export type RemovalKind = 'staff';

/**
 * A reference row left a hall (a person moved or deactivated): the hall's tablets delete it at
 * their next pull. One marker per row and hall; leaving again moves it to the newer rev.
 */
export async function insertRemoval(
  trx: Kysely<Schema>,
  marker: { kind: RemovalKind; rowId: string; hallId: string; rev: number; now: Date },
): Promise<void> {
  const values = { rev: marker.rev, removed_at: marker.now.toISOString() };
  await trx
    .insertInto('reference_removals')
    .values({ kind: marker.kind, row_id: marker.rowId, hall_id: marker.hallId, ...values })
    .onConflict((oc) => oc.columns(['kind', 'row_id', 'hall_id']).doUpdateSet(values))
    .execute();
}

/** Markers of the hall newer than the cursor. */
export async function listRemovals(
  db: Kysely<Schema>,
  hallId: string,
  sinceRev: number,
): Promise<Array<{ kind: RemovalKind; id: string }>> {
  const rows = await db
    .selectFrom('reference_removals')
    .select(['kind', 'row_id'])
    .where('hall_id', '=', hallId)
    .where('rev', '>', sinceRev)
    .orderBy('rev')
    .execute();
  return rows.map((r) => ({ kind: r.kind as RemovalKind, id: r.row_id }));
}

/** Whether the row was once of this hall (a person who moved away): their old records still belong there. */
export async function wasRemovedFrom(db: Kysely<Schema>, kind: RemovalKind, rowId: string, hallId: string): Promise<boolean> {
  const row = await db
    .selectFrom('reference_removals')
    .select('row_id')
    .where('kind', '=', kind)
    .where('row_id', '=', rowId)
    .where('hall_id', '=', hallId)
    .executeTakeFirst();
  return row !== undefined;
}
