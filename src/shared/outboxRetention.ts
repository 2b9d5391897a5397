/**
 * How long a tablet keeps a record after the server acknowledged it. Should the server be restored
 * from a backup made before it, the tablet sends it again: a backup older than this loses records.
 */
export const SENT_RETENTION_DAYS = 14;
