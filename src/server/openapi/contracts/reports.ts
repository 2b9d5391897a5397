import { API } from '../../../shared/apiPaths.ts';
import { DailyReport, ExportQuery, ReportQuery, VisitDetailQuery, VisitDetailResponse } from '../../../shared/schemas/reports.ts';
import { EVERY_ROLE } from '../../access/roles.ts';
import { REPORT_FILE_TYPES } from '../../reports/fileTypes.ts';
import { download, json, type RouteContract, signedIn } from '../contract.ts';

const everyone = signedIn(EVERY_ROLE);
const scope = 'A consultant or floor marketer sees their own rows only, a manager their own hall, an admin any hall (or every hall without hallId).';
const refused = {
  400: '`unknown_hall`: no such hall.',
  403: "`forbidden`: another hall than the caller's, or (for a consultant or floor marketer) another person.",
};

export const REPORTS: readonly RouteContract[] = [
  {
    method: 'GET',
    path: API.reportDaily,
    tag: 'Reports',
    summary: 'Daily counts per person and per campaign, for a range of days',
    description: `${scope} Days are the hall's local dates; ratios are derived from the counts.`,
    access: everyone,
    query: ReportQuery,
    ok: json(200, DailyReport, 'The counts, and when they were read.'),
    answers: refused,
  },
  {
    method: 'GET',
    path: API.reportVisits,
    tag: 'Reports',
    summary: 'The visits of one day, each with its recommendations',
    description: scope,
    access: everyone,
    query: VisitDetailQuery,
    ok: json(200, VisitDetailResponse, 'The visits, voided ones included and marked.'),
    answers: { ...refused, 400: `${refused[400]} \`too_many_visits\`: choose one hall or one person.` },
  },
  {
    method: 'GET',
    path: API.reportExport,
    tag: 'Reports',
    summary: 'The daily report as a file: CSV (one table) or XLSX (both, a sheet each)',
    description: scope,
    access: everyone,
    query: ExportQuery,
    ok: download(
      Object.fromEntries(Object.values(REPORT_FILE_TYPES).map((type) => [type, null])),
      'The file, named for the hall and the range; `format` chooses its type.',
    ),
    answers: refused,
  },
];
