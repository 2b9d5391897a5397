import type { FileContents } from '../src/server/backup/sqliteFile.ts';

/** What a backup holds, as the backup and restore commands print it. */
export function describeContents({ schemaVersion, counts }: FileContents): string[] {
  return [
    `schema version ${schemaVersion}`,
    `${counts.halls} halls, ${counts.staff} staff, ${counts.devices} devices, ${counts.campaigns} campaigns`,
    `${counts.field_records} field records (${counts.visits} visits, ${counts.recommendations} recommendations)`,
  ];
}
