import type { FieldRecord } from '../../../shared/schemas/fieldRecords.ts';

/**
 * Tell the page a field record and its outbox entry are committed (`talktrack:stored` on window).
 * The tap-to-stored benchmark listens for it; it costs one event dispatch per tap.
 */
export function announceStored(record: FieldRecord): void {
  window.dispatchEvent(new CustomEvent('talktrack:stored', { detail: { record } }));
}
