import type { LocalizedText } from '../../shared/schemas/common.ts';
import type { ReportLang } from '../../shared/schemas/reports.ts';

/** What an export column is: its header in each language, how its cells are shown, and its value. */

export type Cell = string | number | null;
/** How a writer shows a cell: ratios are fractions (0.25), shown as percentages in XLSX. */
export type CellKind = 'text' | 'count' | 'ratio';

export interface ExportContext {
  lang: ReportLang;
  hallName(hallId: string): string;
}

export interface Column<Row> {
  header: Record<ReportLang, string>;
  kind: CellKind;
  /** Characters, for the XLSX column width. */
  width: number;
  value(row: Row, ctx: ExportContext): Cell;
}

export function pickText(text: LocalizedText, lang: ReportLang): string {
  return lang === 'en' && text.en !== undefined && text.en.trim() !== '' ? text.en : text.zh;
}
