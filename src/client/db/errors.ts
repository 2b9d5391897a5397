/** Why a write to the device's storage failed, in words the counter can act on. */
export type StoreFailureReason = 'quota' | 'unavailable' | 'unknown';

export class StoreWriteError extends Error {
  constructor(
    readonly reason: StoreFailureReason,
    cause: unknown,
  ) {
    super(`could not save on this device (${reason}): ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'StoreWriteError';
  }
}

export function classifyStoreFailure(cause: unknown): StoreFailureReason {
  const name = cause instanceof Error ? cause.name : '';
  const inner = (cause as { inner?: { name?: string } } | null)?.inner?.name ?? '';
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') return 'quota';
  if (['InvalidStateError', 'MissingAPIError', 'OpenFailedError', 'DatabaseClosedError'].includes(name)) return 'unavailable';
  return 'unknown';
}
