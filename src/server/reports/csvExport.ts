import { stringify } from 'csv-stringify/sync';
import type { Cell, CellKind } from './columns.ts';
import type { ExportSheet } from './exportRows.ts';

/**
 * One table as CSV that Excel on Chinese Windows opens as UTF-8: a byte-order mark, CRLF line
 * ends, quotes where a cell needs them. Ratios are fractions rounded to 4 places (0.6667).
 */

const round = (x: number) => Math.round(x * 10_000) / 10_000;

function shown(cell: Cell, kind: CellKind): Cell {
  return kind === 'ratio' && typeof cell === 'number' ? round(cell) : cell;
}

export function csvExport(sheet: ExportSheet): Buffer {
  const kinds = sheet.columns.map((c) => c.kind);
  const records = [sheet.columns.map((c) => c.header), ...sheet.rows.map((row) => row.map((cell, i) => shown(cell, kinds[i] ?? 'text')))];
  // csv-stringify quotes a cell holding the CRLF record delimiter, but not a lone CR or LF, which
  // spreadsheets read as a line break all the same: quote those too.
  return Buffer.from(stringify(records, { bom: true, record_delimiter: 'windows', quoted_match: /[\r\n]/ }), 'utf8');
}
