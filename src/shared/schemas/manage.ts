import { z } from 'zod';
import { FILE_PROBLEMS } from '../fileProblems.ts';
import { ErrorParams, Id, Instant, LocalDate, LocalizedText } from './common.ts';
import { CampaignCategory, CampaignStatus, Hall, MustSayTexts, Objection, StaffRole, TalkTrackVersion } from './reference.ts';

/**
 * What managers author on the manager pages. A draft may be incomplete (publishing checks it,
 * see publishReadiness.ts); everything in it is plain text, never HTML.
 */

export const MAX_OBJECTIONS = 30;

/** The text of a talk-track: the same fields a published version carries. */
export const TalkTrackContent = z.object({
  elements: MustSayTexts,
  opening: LocalizedText,
  pitch: LocalizedText,
  objections: z.array(Objection).max(MAX_OBJECTIONS, `at most ${MAX_OBJECTIONS} objection answers`),
  closing: LocalizedText,
});
export type TalkTrackContent = z.infer<typeof TalkTrackContent>;

/** A campaign's own fields, without the halls it applies to (those differ between servers). */
export const CampaignSpec = z
  .object({
    title: LocalizedText,
    offerCode: z.string().trim().max(40, 'offer code: at most 40 characters'),
    category: CampaignCategory,
    startDate: LocalDate,
    endDate: LocalDate,
    focus: z.boolean(),
    segmentNote: LocalizedText.nullable(),
  })
  .refine((c) => c.startDate <= c.endDate, { message: 'the end date must not be before the start date', path: ['endDate'] });
export type CampaignSpec = z.infer<typeof CampaignSpec>;

/** Everything a manager edits on one campaign: what the next publish makes live. */
export const CampaignDraft = z.object({
  campaign: CampaignSpec,
  hallIds: z.array(Id).min(1, 'choose at least one hall'),
  talkTrack: TalkTrackContent,
});
export type CampaignDraft = z.infer<typeof CampaignDraft>;

export const PersonRef = z.object({ id: Id, name: z.string() });
export type PersonRef = z.infer<typeof PersonRef>;

/** More than FOCUS_LIMIT focus campaigns running or upcoming in a hall is a warning, not an error. */
export const FOCUS_LIMIT = 3;
export const FocusWarning = z.object({ hallId: Id, count: z.number().int() });
export type FocusWarning = z.infer<typeof FocusWarning>;

export const ManagedCampaign = z.object({
  id: Id,
  status: CampaignStatus,
  /** The live fields when published, the draft's while it was never published. */
  campaign: CampaignSpec,
  hallIds: z.array(Id),
  /** Number of the version tablets show; null until first published. */
  currentVersion: z.number().int().positive().nullable(),
  currentVersionId: Id.nullable(),
  /** Unpublished changes exist (always true for a campaign never published). */
  hasDraft: z.boolean(),
  /** Bumped by every write; a write must name the one it started from (optimistic check). */
  editVersion: z.number().int().nonnegative(),
  editedAt: Instant.nullable(),
  editedBy: PersonRef.nullable(),
  /** Whether the signed-in person may change it (a manager only when it is for their hall alone). */
  canEdit: z.boolean(),
});
export type ManagedCampaign = z.infer<typeof ManagedCampaign>;

export const CampaignListResponse = z.object({
  campaigns: z.array(ManagedCampaign),
  /** The halls the signed-in person may choose: their own for a manager, every hall for an admin. */
  halls: z.array(Hall),
  focusWarnings: z.array(FocusWarning),
});
export type CampaignListResponse = z.infer<typeof CampaignListResponse>;

export const VersionSummary = z.object({
  id: Id,
  version: z.number().int().positive(),
  publishedAt: Instant.nullable(),
  publishedBy: PersonRef.nullable(),
});
export type VersionSummary = z.infer<typeof VersionSummary>;

export const CampaignDetailResponse = z.object({
  campaign: ManagedCampaign,
  /** The draft when there is one, else the published state: what the editor starts from. */
  draft: CampaignDraft,
  /** Published versions, newest first. */
  versions: z.array(VersionSummary),
});
export type CampaignDetailResponse = z.infer<typeof CampaignDetailResponse>;

export const VersionResponse = z.object({ version: TalkTrackVersion, publishedBy: PersonRef.nullable() });
export type VersionResponse = z.infer<typeof VersionResponse>;

export const CreateCampaignRequest = z.object({ draft: CampaignDraft });
export type CreateCampaignRequest = z.infer<typeof CreateCampaignRequest>;

export const SaveDraftRequest = z.object({
  expectedEditVersion: z.number().int().nonnegative(),
  draft: CampaignDraft,
});
export type SaveDraftRequest = z.infer<typeof SaveDraftRequest>;

/** Publish and retire act on what is stored, as of the edit version the person looked at. */
export const CampaignActionRequest = z.object({ expectedEditVersion: z.number().int().nonnegative() });
export type CampaignActionRequest = z.infer<typeof CampaignActionRequest>;

/** Duplicating reads the source only, so the edit version the client may send is not needed. */
export const DuplicateCampaignRequest = CampaignActionRequest.partial();

/** Answer to create, save, publish, retire and duplicate. */
export const CampaignWriteResponse = z.object({
  campaign: ManagedCampaign,
  focusWarnings: z.array(FocusWarning),
});
export type CampaignWriteResponse = z.infer<typeof CampaignWriteResponse>;

/** 422 `incomplete` on publish: the fields still empty, as paths like `talkTrack.elements.price.zh`. */
export const IncompleteError = z.object({
  error: z.literal('incomplete'),
  message: z.string(),
  params: ErrorParams.optional(),
  missing: z.array(z.string()),
});

/** 409 `edit_conflict`: someone saved after the person loaded; who and when. */
export const EditConflictError = z.object({
  error: z.literal('edit_conflict'),
  message: z.string(),
  editVersion: z.number().int(),
  editedBy: PersonRef.nullable(),
  editedAt: Instant.nullable(),
});

/** `ids=a,b`: the campaigns to export, in that order; left out, every campaign the person sees. */
export const CampaignExportQuery = z.object({ ids: z.string().optional() });

export const ImportRequest = z.object({
  /** The file's text as it was chosen, so a refusal can name the line. */
  fileText: z.string().max(2_000_000, 'the file is larger than 2 MB; export fewer campaigns per file'),
  hallIds: z.array(Id).min(1, 'choose at least one hall to import into'),
});
export type ImportRequest = z.infer<typeof ImportRequest>;

export const ImportResponse = z.object({ created: z.array(ManagedCampaign) });
export type ImportResponse = z.infer<typeof ImportResponse>;

/** 400 `invalid_file` on import: the first problem, with its line (1-based) and field path. */
export const InvalidFileError = z.object({
  error: z.literal('invalid_file'),
  message: z.string(),
  line: z.number().int().positive(),
  field: z.string(),
  /** What is wrong there, as a code (campaignFile.ts). */
  problem: z.enum(FILE_PROBLEMS),
  params: ErrorParams.optional(),
});

export const AuditAction = z.enum(['create', 'save_draft', 'publish', 'retire', 'duplicate', 'import']);
export type AuditAction = z.infer<typeof AuditAction>;

/**
 * What an audit entry did, as data the page words in its own language: the campaign's title when
 * it was created, duplicated or imported; the version published, retired at or duplicated from
 * (null: never published, or the draft); the fields changed, as paths like `campaign.endDate`.
 */
export const CampaignAuditDetails = z.object({
  title: LocalizedText.optional(),
  version: z.number().int().positive().nullable().optional(),
  /** Publish: whether it made a new talk-track version. */
  newVersion: z.boolean().optional(),
  changed: z.array(z.string()).optional(),
  /** Import: the campaign's place in the file, and when the file was exported. */
  index: z.number().int().positive().optional(),
  total: z.number().int().positive().optional(),
  exportedAt: z.string().optional(),
});
export type CampaignAuditDetails = z.infer<typeof CampaignAuditDetails>;

export const AuditEntry = z.object({
  id: Id,
  at: Instant,
  actor: PersonRef.extend({ role: StaffRole }),
  action: AuditAction,
  campaignId: Id,
  hallIds: z.array(Id),
  /** What changed, in English (for API users), e.g. "published version 3" or "changed talkTrack.pitch, campaign.endDate". */
  summary: z.string(),
  /** The same as data, for the reader's language; null on entries written before it was kept. */
  details: CampaignAuditDetails.nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = z.object({
  before: Instant.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const AuditResponse = z.object({ entries: z.array(AuditEntry) });
export type AuditResponse = z.infer<typeof AuditResponse>;
