import { z } from 'zod';
import { Id, Instant, LocalDate, LocalizedText } from './common.ts';
import { DeclineReason, Outcome, VisitBusiness, VisitSource } from './fieldRecords.ts';
import { CampaignCategory, Hall } from './reference.ts';
import { MUST_SAY_KEYS } from '../mustSay.ts';

/**
 * Manager reports. The server returns counts (TallyCounts of measures.ts) computed in SQL; the
 * ratios are derived with `withRatios` on whichever side shows them. Days are the hall's local dates.
 */

export const MAX_REPORT_DAYS = 366;

const Count = z.number().int().nonnegative();

export const TallyCountsSchema = z.object({
  visits: Count,
  visitsWithRecommendation: Count,
  recommendations: Count,
  accepted: Count,
  vasVisits: Count,
  elementsSaid: Count,
  fullCoverage: Count,
});

/** Filters of every report; a consultant or floor marketer is always narrowed to themself. */
/** A report's day: records exist only for 2000–2100 (the push refuses other years), so others are a mistake. */
const ReportDay = LocalDate.refine((day) => {
  const year = Number(day.slice(0, 4));
  return year >= 2000 && year <= 2100;
}, 'must be a date in the years 2000 to 2100');

export const ReportQuery = z
  .object({
    /** Required for an admin reading one hall; omitted by an admin = every hall. A manager's own hall by default. */
    hallId: Id.optional(),
    from: ReportDay,
    to: ReportDay,
    staffId: Id.optional(),
    campaignId: Id.optional(),
    category: CampaignCategory.optional(),
  })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['to'] })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 < MAX_REPORT_DAYS, {
    message: `a report covers at most ${MAX_REPORT_DAYS} days; choose a shorter range`,
    path: ['to'],
  });
export type ReportQuery = z.infer<typeof ReportQuery>;

/** One person on one day. Campaign and category filters narrow the recommendations, not the visits. */
export const PersonDayRow = TallyCountsSchema.extend({
  day: LocalDate,
  hallId: Id,
  staffId: Id,
  staffName: z.string(),
  /** Visits closed with no recommendation: below the hall's rule. */
  visitsWithoutRecommendation: Count,
});
export type PersonDayRow = z.infer<typeof PersonDayRow>;

/** One campaign on one day: its outcomes and must-say coverage. */
export const CampaignDayRow = z.object({
  day: LocalDate,
  hallId: Id,
  campaignId: Id,
  title: LocalizedText,
  category: CampaignCategory,
  recommendations: Count,
  outcomes: z.object(Object.fromEntries(Outcome.options.map((o) => [o, Count])) as Record<Outcome, typeof Count>),
  elementsSaid: Count,
  fullCoverage: Count,
});
export type CampaignDayRow = z.infer<typeof CampaignDayRow>;

export const DailyReport = z.object({
  /** The halls covered (one, or every hall for an admin across halls). */
  halls: z.array(Hall),
  from: LocalDate,
  to: LocalDate,
  byPerson: z.array(PersonDayRow),
  byCampaign: z.array(CampaignDayRow),
  /** When the numbers were read: records synced later are not in them. */
  generatedAt: Instant,
});
export type DailyReport = z.infer<typeof DailyReport>;

export const ExportFormat = z.enum(['csv', 'xlsx']);
export type ExportFormat = z.infer<typeof ExportFormat>;
export const ExportTable = z.enum(['person', 'campaign']);
export type ExportTable = z.infer<typeof ExportTable>;
export const ReportLang = z.enum(['zh-CN', 'en']);
export type ReportLang = z.infer<typeof ReportLang>;

/** The export repeats the report's filters (and their checks); CSV holds one table, XLSX both (a sheet each). */
export const ExportQuery = ReportQuery.safeExtend({
  format: ExportFormat,
  table: ExportTable.default('person'),
  lang: ReportLang.default('zh-CN'),
});
export type ExportQuery = z.infer<typeof ExportQuery>;

export const VisitDetailQuery = z.object({
  hallId: Id.optional(),
  day: ReportDay,
  staffId: Id.optional(),
  campaignId: Id.optional(),
  category: CampaignCategory.optional(),
});
export type VisitDetailQuery = z.infer<typeof VisitDetailQuery>;

export const RecommendationDetail = z.object({
  id: Id,
  campaignId: Id,
  campaignTitle: LocalizedText,
  category: CampaignCategory,
  talkTrackVersionId: Id,
  talkTrackVersion: z.number().int().positive(),
  elementsSaid: z.array(z.enum(MUST_SAY_KEYS)),
  demoDeviceUsed: z.boolean(),
  outcome: Outcome,
  declineReason: DeclineReason.nullable(),
  recordedAt: Instant,
});
export type RecommendationDetail = z.infer<typeof RecommendationDetail>;

export const VisitDetail = z.object({
  id: Id,
  hallId: Id,
  day: LocalDate,
  staffId: Id,
  staffName: z.string(),
  deviceId: Id,
  deviceLabel: z.string().nullable(),
  openedAt: Instant,
  closedAt: Instant.nullable(),
  source: VisitSource,
  business: VisitBusiness,
  /** Set when the visit was voided: it stays listed, and no measure counts it. */
  void: z.object({ at: Instant, reason: z.string() }).nullable(),
  recommendations: z.array(RecommendationDetail),
});
export type VisitDetail = z.infer<typeof VisitDetail>;

export const VisitDetailResponse = z.object({ visits: z.array(VisitDetail) });
export type VisitDetailResponse = z.infer<typeof VisitDetailResponse>;
