/**
 * On PostgreSQL the database's own tools do backups: pg_dump reads one consistent snapshot while
 * the servers run. The commands name "$DATABASE_URL" rather than its value, so no password is printed.
 */

export const PG_BACKUP_ADVICE = [
  'DATABASE_URL selects PostgreSQL: back it up with pg_dump, which copies one consistent snapshot while the servers run:',
  '  pg_dump --format=custom --file=/var/backups/talktrack/talktrack-$(date +%F).dump "$DATABASE_URL"',
  'and restore with pg_restore (see: npm run restore).',
].join('\n');

export const PG_RESTORE_ADVICE = [
  'DATABASE_URL selects PostgreSQL: restore a pg_dump file with pg_restore, with every talktrack server stopped:',
  '  pg_restore --clean --if-exists --no-owner --single-transaction --dbname="$DATABASE_URL" /var/backups/talktrack/talktrack-2026-01-14.dump',
  'then start the servers; the tablets send again what they sent after the dump was taken.',
].join('\n');
