import type { Kysely } from 'kysely';
import type { Schema } from '../schema.ts';

/**
 * What a campaign audit entry did, as data (JSON: title, version, fields changed…), so the audit
 * page words it in the reader's language. Rows written before keep only their English summary.
 */
export async function up(db: Kysely<Schema>): Promise<void> {
  await db.schema.alterTable('audit_log').addColumn('details', 'text').execute();
}
