import type { DailyReport, ReportLang } from '../../shared/schemas/reports.ts';
import { CAMPAIGN_COLUMNS, CAMPAIGN_SHEET } from './campaignColumns.ts';
import { type Cell, type CellKind, type Column, type ExportContext, pickText } from './columns.ts';
import { neutralise } from './neutralise.ts';
import { PERSON_COLUMNS, PERSON_SHEET } from './personColumns.ts';

/**
 * A report table as an export writes it: headers in the chosen language and one row of cells per
 * person (or campaign) per day, every text cell already neutralised. The columns of each table,
 * with their header texts, live in personColumns.ts and campaignColumns.ts.
 */

export interface ExportSheet {
  sheetName: string;
  columns: Array<{ header: string; kind: CellKind; width: number }>;
  rows: Cell[][];
}

function build<Row>(
  columns: ReadonlyArray<Column<Row>>,
  sheetName: Record<ReportLang, string>,
  rows: readonly Row[],
  ctx: ExportContext,
): ExportSheet {
  return {
    sheetName: sheetName[ctx.lang],
    columns: columns.map((c) => ({ header: neutralise(c.header[ctx.lang]), kind: c.kind, width: c.width })),
    rows: rows.map((row) => columns.map((c) => neutralise(c.value(row, ctx)))),
  };
}

function context(report: DailyReport, lang: ReportLang): ExportContext {
  const names = new Map(report.halls.map((h) => [h.id, pickText(h.name, lang)]));
  return { lang, hallName: (id) => names.get(id) ?? id };
}

export function personTable(report: DailyReport, lang: ReportLang): ExportSheet {
  return build(PERSON_COLUMNS, PERSON_SHEET, report.byPerson, context(report, lang));
}

export function campaignTable(report: DailyReport, lang: ReportLang): ExportSheet {
  return build(CAMPAIGN_COLUMNS, CAMPAIGN_SHEET, report.byCampaign, context(report, lang));
}
