import { z } from 'zod';
import { HELD_REASONS } from '../errorCodes.ts';
import { Id, Instant } from './common.ts';
import { PersonRef } from './manage.ts';

/**
 * Records a tablet sent that the server could not store, kept with the reason so that none is
 * dropped in silence. A manager (own hall) or admin sees them on the devices page and accepts one
 * whose only fault is its clock (or a visit accepted since), or discards it; both are audited.
 */

/**
 * Why a record was held back. `unsigned` / `bad_signature`: no proof that the person it names made
 * it on this tablet. `conflict`: a sequence number or record id already stored with other content.
 * `clock_out_of_range`: a time outside the window before receipt (CLOCK_WINDOW_DAYS) or more than
 * five minutes ahead of it. The rest are the push rules' refusals (recordRules.ts). The list is in
 * errorCodes.ts, with every other code the server answers.
 */
export const HeldReason = z.enum(HELD_REASONS);
export type HeldReason = z.infer<typeof HeldReason>;

/** Reasons a manager may overrule: the record is the person's own, only its clock (or order) was off. */
export const ACCEPTABLE_HELD_REASONS: readonly HeldReason[] = ['clock_out_of_range', 'unknown_visit'];

export const HeldStatus = z.enum(['held', 'accepted', 'discarded']);
export type HeldStatus = z.infer<typeof HeldStatus>;

export const HeldRecord = z.object({
  id: Id,
  hallId: Id,
  deviceId: Id,
  deviceLabel: z.string().nullable(),
  seq: z.number().int().positive(),
  recordId: z.string().nullable(),
  kind: z.string().nullable(),
  staff: PersonRef.nullable(),
  /** When the record says it happened, as the tablet sent it. */
  recordTime: z.string().nullable(),
  reason: HeldReason,
  message: z.string(),
  receivedAt: Instant,
  status: HeldStatus,
  /** Whether a manager may accept it now (its reason is acceptable and it is still held). */
  acceptable: z.boolean(),
  decidedBy: PersonRef.nullable(),
  decidedAt: Instant.nullable(),
  decisionNote: z.string().nullable(),
});
export type HeldRecord = z.infer<typeof HeldRecord>;

/** Leave hallId out for one's own hall (a manager) or every hall (an admin); status defaults to `held`. */
export const HeldRecordsQuery = z.object({
  hallId: Id.optional(),
  status: z.enum(['held', 'accepted', 'discarded', 'all']).optional(),
});
export type HeldRecordsQuery = z.infer<typeof HeldRecordsQuery>;

export const HeldRecordListResponse = z.object({ records: z.array(HeldRecord) });
export type HeldRecordListResponse = z.infer<typeof HeldRecordListResponse>;

/** Accepting or discarding says why, for the audit. */
export const HeldDecisionRequest = z.object({
  note: z.string().trim().min(1, 'say why (it is kept in the audit)').max(200),
});
export type HeldDecisionRequest = z.infer<typeof HeldDecisionRequest>;

export const HeldDecisionResponse = z.object({ record: HeldRecord });
export type HeldDecisionResponse = z.infer<typeof HeldDecisionResponse>;
