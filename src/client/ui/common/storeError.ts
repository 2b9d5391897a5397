import { StoreWriteError } from '../../db/errors.ts';
import { VisitStateError } from '../../db/fieldWrites.ts';
import type { Translate } from '../../i18n/index.ts';
import type { StoreErrorState } from '../../state/uiStore.ts';

/** What a failed field write means for the counter; anything else is a bug and is rethrown. */
export function storeErrorOf(cause: unknown): StoreErrorState {
  if (cause instanceof StoreWriteError) return { reason: cause.reason, detail: cause.message };
  if (cause instanceof VisitStateError) return { reason: 'visit_state', detail: cause.message };
  return { reason: 'unknown', detail: cause instanceof Error ? cause.message : String(cause) };
}

/** A failed write in words, in the language shown when it is read. */
export function storeErrorText(error: StoreErrorState, t: Translate): string {
  switch (error.reason) {
    case 'quota':
      return t('error.quota');
    case 'unavailable':
      return t('error.unavailable');
    case 'visit_state':
      return t('error.visitState');
    default:
      return t('error.unknown', { message: error.detail });
  }
}
