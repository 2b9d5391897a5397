import { localDate } from '../../shared/localDate.ts';
import type { LocalVisit } from './db.ts';

/**
 * When a person may void a visit, as a pure function the list (to show the control) and the write
 * (to refuse it) both ask. The server checks the same (own visit, the day it was opened, once);
 * the tablet adds "between customers": nothing is voided while a customer is being served.
 */
export type VoidRefusal =
  /** Someone else served it. */
  | 'not_own'
  /** Opened on an earlier day (in the hall's time zone): it stays counted. */
  | 'other_day'
  | 'already_voided'
  /** A visit of this person is open (this one or another): finish the customer first. */
  | 'visit_open';

export interface VoidContext {
  staffId: string;
  /** The person's open visit on this device, if any. */
  openVisitId: string | null;
  timeZone: string;
  now: Date;
}

export function voidRefusal(visit: Pick<LocalVisit, 'staffId' | 'openedAt' | 'closedAt' | 'voided'>, ctx: VoidContext): VoidRefusal | null {
  if (visit.staffId !== ctx.staffId) return 'not_own';
  if (visit.voided) return 'already_voided';
  if (localDate(visit.openedAt, ctx.timeZone) !== localDate(ctx.now, ctx.timeZone)) return 'other_day';
  if (visit.closedAt === null || ctx.openVisitId !== null) return 'visit_open';
  return null;
}

/**
 * The record schema's VOID_REASON_MAX, restated so the counter's first load does not carry the
 * schema library; a test keeps the two equal.
 */
export const VOID_REASON_LIMIT = 200;

/** The reason as stored: trimmed; null when empty or longer than the record allows. */
export function voidReasonOf(text: string): string | null {
  const reason = text.trim();
  return reason.length === 0 || reason.length > VOID_REASON_LIMIT ? null : reason;
}
