import type { FastifyInstance } from 'fastify';
import { API } from '../../shared/apiPaths.ts';
import { DailyReport, ExportQuery, ReportQuery, VisitDetailQuery, type VisitDetailResponse } from '../../shared/schemas/reports.ts';
import { EVERY_ROLE } from '../access/roles.ts';
import { attachment } from '../attachment.ts';
import { deviceAuth } from '../auth/deviceAuth.ts';
import type { Database } from '../db/database.ts';
import { manageAuth, requireActor } from '../manage/actor.ts';
import { csvExport } from '../reports/csvExport.ts';
import { dailyReport } from '../reports/dailyTally.ts';
import { campaignTable, personTable } from '../reports/exportRows.ts';
import { reportFileNames } from '../reports/fileName.ts';
import { REPORT_FILE_TYPES } from '../reports/fileTypes.ts';
import { reportFilter, reportScope } from '../reports/scope.ts';
import { visitDetail } from '../reports/visitDetail.ts';
import { xlsxExport } from '../reports/xlsxExport.ts';
import { parseInput } from '../validate.ts';

/**
 * Reports, for every signed-in role: reports/scope.ts narrows a consultant or floor marketer to
 * their own rows and a manager to their own hall. Identity (device token, then staff session) is
 * checked in onRequest hooks, before anything else: 401 without it.
 */
export async function reportRoutes(app: FastifyInstance, opts: { database: Database }): Promise<void> {
  const { db } = opts.database;
  const onRequest = [deviceAuth(db), manageAuth(db, EVERY_ROLE)];

  app.get(API.reportDaily, { onRequest }, async (request): Promise<DailyReport> => {
    const actor = requireActor(request);
    const query = parseInput(ReportQuery, request.query, 'query');
    return DailyReport.parse(await dailyReport(db, await reportFilter(db, actor, query)));
  });

  app.get(API.reportVisits, { onRequest }, async (request): Promise<VisitDetailResponse> => {
    const actor = requireActor(request);
    const query = parseInput(VisitDetailQuery, request.query, 'query');
    const scope = await reportScope(db, actor, query);
    return visitDetail(db, { ...scope, day: query.day, campaignId: query.campaignId ?? null, category: query.category ?? null });
  });

  app.get(API.reportExport, { onRequest }, async (request, reply) => {
    const actor = requireActor(request);
    const query = parseInput(ExportQuery, request.query, 'query');
    const filter = await reportFilter(db, actor, query);
    const now = new Date();
    const report = await dailyReport(db, filter, { now, ...(query.format === 'csv' ? { only: query.table } : {}) });
    const names = reportFileNames(filter, filter, query.format, query.table, query.lang);
    const body =
      query.format === 'csv'
        ? csvExport(query.table === 'person' ? personTable(report, query.lang) : campaignTable(report, query.lang))
        : await xlsxExport([personTable(report, query.lang), campaignTable(report, query.lang)], now);
    return reply
      .header('content-type', REPORT_FILE_TYPES[query.format])
      .header('content-disposition', attachment(names))
      .header('cache-control', 'no-store')
      .send(body);
  });
}
