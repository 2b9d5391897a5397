import { CampaignDraft, MAX_OBJECTIONS } from '../../shared/schemas/manage.ts';

/** Why a draft cannot be saved yet (publishing asks for more: see publishReadiness.ts). */
export type DraftIssue =
  | { kind: 'no_hall' }
  | { kind: 'bad_date'; field: 'startDate' | 'endDate' }
  | { kind: 'end_before_start' }
  | { kind: 'offer_code_long' }
  | { kind: 'too_many_objections' }
  | { kind: 'other'; path: string; message: string };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Checked before a save, so the person is told in their language rather than by a 400. */
export function draftIssues(draft: CampaignDraft): DraftIssue[] {
  const issues: DraftIssue[] = [];
  if (draft.hallIds.length === 0) issues.push({ kind: 'no_hall' });
  const { startDate, endDate } = draft.campaign;
  if (!DATE.test(startDate)) issues.push({ kind: 'bad_date', field: 'startDate' });
  if (!DATE.test(endDate)) issues.push({ kind: 'bad_date', field: 'endDate' });
  if (DATE.test(startDate) && DATE.test(endDate) && endDate < startDate) issues.push({ kind: 'end_before_start' });
  if (draft.campaign.offerCode.trim().length > 40) issues.push({ kind: 'offer_code_long' });
  if (draft.talkTrack.objections.length > MAX_OBJECTIONS) issues.push({ kind: 'too_many_objections' });
  if (issues.length > 0) return issues;
  // Whatever else the shared schema refuses (too long a text, …), in its own words.
  const parsed = CampaignDraft.safeParse(draft);
  if (parsed.success) return [];
  return parsed.error.issues.map((i) => ({ kind: 'other', path: i.path.map(String).join('.'), message: i.message }));
}
