import { z } from 'zod';
import { MUST_SAY_KEYS } from '../mustSay.ts';
import { Id, Instant, LocalDate, LocalizedText } from './common.ts';

export const StaffRole = z.enum(['consultant', 'floor_marketer', 'manager', 'admin']);
export type StaffRole = z.infer<typeof StaffRole>;

export const Hall = z.object({
  id: Id,
  name: LocalizedText,
  timeZone: z.string().min(1),
});
export type Hall = z.infer<typeof Hall>;

/**
 * How the server keeps a PIN or password: PBKDF2-SHA256 over it with this salt. It never leaves
 * the server: a tablet signs in offline by unwrapping its signing key with the PIN instead.
 */
export const PinVerifier = z.object({
  algorithm: z.literal('pbkdf2-sha256'),
  iterations: z.number().int().positive(),
  salt: z.string().min(1),
  hash: z.string().min(1),
});
export type PinVerifier = z.infer<typeof PinVerifier>;

export const StaffMember = z.object({
  id: Id,
  hallId: Id,
  /** The name as the hall writes it (Chinese); nameEn for the English UI when there is one. */
  name: z.string().min(1).max(100),
  nameEn: z.string().max(100).nullable().optional(),
  staffNo: z.string().max(32).nullable().optional(),
  role: StaffRole,
  active: z.boolean(),
  /** The PIN was set by a manager: the person signs in online once and chooses their own. */
  mustChangePin: z.boolean().optional(),
});
export type StaffMember = z.infer<typeof StaffMember>;

export const CampaignCategory = z.enum(['voice_data', 'vas', 'broadband', 'handset', 'other']);
export type CampaignCategory = z.infer<typeof CampaignCategory>;

export const CampaignStatus = z.enum(['draft', 'published', 'retired']);
export type CampaignStatus = z.infer<typeof CampaignStatus>;

export const Campaign = z.object({
  id: Id,
  hallIds: z.array(Id),
  title: LocalizedText,
  offerCode: z.string().min(1).max(40),
  category: CampaignCategory,
  startDate: LocalDate,
  endDate: LocalDate,
  focus: z.boolean(),
  segmentNote: LocalizedText.nullable(),
  status: CampaignStatus,
  /** The talk-track version the counter shows; null only while a draft. */
  currentVersionId: Id.nullable(),
});
export type Campaign = z.infer<typeof Campaign>;

export const Objection = z.object({ question: LocalizedText, answer: LocalizedText });
export type Objection = z.infer<typeof Objection>;

export const MustSayTexts = z.object(
  Object.fromEntries(MUST_SAY_KEYS.map((k) => [k, LocalizedText])) as Record<
    (typeof MUST_SAY_KEYS)[number],
    typeof LocalizedText
  >,
);
export type MustSayTexts = z.infer<typeof MustSayTexts>;

export const TalkTrackVersion = z.object({
  id: Id,
  campaignId: Id,
  version: z.number().int().positive(),
  elements: MustSayTexts,
  opening: LocalizedText,
  pitch: LocalizedText,
  objections: z.array(Objection),
  closing: LocalizedText,
  publishedAt: Instant.nullable(),
  publishedBy: Id.nullable(),
});
export type TalkTrackVersion = z.infer<typeof TalkTrackVersion>;
