import { ApiFailure, NetworkFailure } from '../api/http.ts';
import type { Refusal } from '../i18n/errors/index.ts';

/** What went wrong with a reports request, as data: the words are chosen where it is shown. */
export type ReportProblem =
  | { kind: 'network' }
  | { kind: 'expired' }
  | ({ kind: 'forbidden' } & Refusal)
  | ({ kind: 'invalid' } & Refusal)
  | ({ kind: 'server' } & Refusal)
  | { kind: 'unexpected'; message: string };

export function reportProblemOf(cause: unknown): ReportProblem {
  if (cause instanceof NetworkFailure) return { kind: 'network' };
  if (!(cause instanceof ApiFailure)) return { kind: 'unexpected', message: cause instanceof Error ? cause.message : String(cause) };
  if (cause.status === 401 && cause.error === 'session_expired') return { kind: 'expired' };
  const refusal = { error: cause.error, message: cause.message, params: cause.params };
  if (cause.status === 401 || cause.status === 403) return { kind: 'forbidden', ...refusal };
  if (cause.status >= 400 && cause.status < 500) return { kind: 'invalid', ...refusal };
  return { kind: 'server', ...refusal };
}

/** A 401 that means the staff session is gone: the pages fall back to this tablet's records. */
export function isSessionExpired(cause: unknown): boolean {
  return cause instanceof ApiFailure && cause.status === 401 && cause.error === 'session_expired';
}
