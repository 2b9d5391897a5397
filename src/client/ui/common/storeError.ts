import { StoreWriteError } from '../../db/errors.ts';
import { VisitStateError } from '../../db/fieldWrites.ts';
import type { StoreErrorState } from '../../state/uiStore.ts';

/** What a failed field write means for the counter; anything else is a bug and is rethrown. */
export function storeErrorOf(cause: unknown): StoreErrorState {
  if (cause instanceof StoreWriteError) return { reason: cause.reason, detail: cause.message };
  if (cause instanceof VisitStateError) return { reason: 'visit_state', detail: cause.message };
  return { reason: 'unknown', detail: cause instanceof Error ? cause.message : String(cause) };
}
