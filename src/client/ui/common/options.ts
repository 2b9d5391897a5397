import type { DeclineReason, Outcome, VisitBusiness, VisitSource } from '../../../shared/schemas/fieldRecords.ts';

/**
 * The choices the counter offers, in the order it shows them. Plain arrays, so the first screen
 * does not load the schema library; the compiler checks each list against its schema's type in
 * both directions (nothing extra, nothing missing).
 */
type Exhaustive<T, L extends readonly T[]> = [Exclude<T, L[number]>] extends [never] ? L : never;

const all =
  <T>() =>
  <const L extends readonly T[]>(list: Exhaustive<T, L>): L =>
    list;

export const VISIT_BUSINESSES = all<VisitBusiness>()([
  'bill_payment',
  'plan_change',
  'new_line',
  'sim_service',
  'broadband',
  'handset',
  'complaint',
  'inquiry',
  'other',
]);
export const VISIT_SOURCES = all<VisitSource>()(['walk_in', 'referral', 'queue_ticket']);
export const OUTCOMES = all<Outcome>()(['accepted', 'declined', 'considering', 'ineligible']);
export const DECLINE_REASONS = all<DeclineReason>()(['price', 'no_need', 'has_similar', 'think_later', 'distrust', 'other']);
