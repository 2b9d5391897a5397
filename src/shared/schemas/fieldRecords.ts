import { z } from 'zod';
import { MUST_SAY_KEYS } from '../mustSay.ts';
import { Id, Instant } from './common.ts';

/** Field records flow up from devices; each is written once, then only closed by a later record. */

export const VisitSource = z.enum(['walk_in', 'referral', 'queue_ticket']);
export type VisitSource = z.infer<typeof VisitSource>;

export const VisitBusiness = z.enum([
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
export type VisitBusiness = z.infer<typeof VisitBusiness>;

export const Outcome = z.enum(['accepted', 'declined', 'considering', 'ineligible']);
export type Outcome = z.infer<typeof Outcome>;

export const DeclineReason = z.enum(['price', 'no_need', 'has_similar', 'think_later', 'distrust', 'other']);
export type DeclineReason = z.infer<typeof DeclineReason>;

const recordBase = {
  v: z.literal(1),
  id: Id,
  hallId: Id,
  deviceId: Id,
  staffId: Id,
};

export const VisitRecord = z.object({
  kind: z.literal('visit'),
  ...recordBase,
  openedAt: Instant,
  source: VisitSource,
  business: VisitBusiness,
  segment: z.string().max(60).nullable(),
});
export type VisitRecord = z.infer<typeof VisitRecord>;

export const RecommendationRecord = z
  .object({
    kind: z.literal('recommendation'),
    ...recordBase,
    visitId: Id,
    campaignId: Id,
    talkTrackVersionId: Id,
    elementsSaid: z
      .array(z.enum(MUST_SAY_KEYS))
      .max(MUST_SAY_KEYS.length)
      .refine((keys) => new Set(keys).size === keys.length, 'elementsSaid must not repeat an element'),
    demoDeviceUsed: z.boolean(),
    outcome: Outcome,
    declineReason: DeclineReason.nullable(),
    recordedAt: Instant,
  })
  .refine((r) => (r.outcome === 'declined') === (r.declineReason !== null), {
    message: 'declineReason is required when the outcome is declined, and only then',
    path: ['declineReason'],
  });
export type RecommendationRecord = z.infer<typeof RecommendationRecord>;

export const VisitCloseRecord = z.object({
  kind: z.literal('visit_close'),
  ...recordBase,
  visitId: Id,
  closedAt: Instant,
  /** The consultant confirmed closing a visit with no recommendation (the hall's rule). */
  noRecommendationConfirmed: z.boolean(),
});
export type VisitCloseRecord = z.infer<typeof VisitCloseRecord>;

export const VOID_REASON_MAX = 200;

/**
 * A consultant takes back their own visit of today (a mistake at the counter). The visit and its
 * recommendations stay stored and shown with the reason; every measure leaves them out.
 */
export const VisitVoidRecord = z.object({
  kind: z.literal('visit_void'),
  ...recordBase,
  visitId: Id,
  voidedAt: Instant,
  reason: z.string().trim().min(1, 'give the reason for voiding the visit').max(VOID_REASON_MAX),
});
export type VisitVoidRecord = z.infer<typeof VisitVoidRecord>;

export const FieldRecord = z.discriminatedUnion('kind', [VisitRecord, RecommendationRecord, VisitCloseRecord, VisitVoidRecord]);
export type FieldRecord = z.infer<typeof FieldRecord>;
export type FieldRecordKind = FieldRecord['kind'];
