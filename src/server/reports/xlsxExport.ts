import ExcelJS from 'exceljs';
import type { ExportSheet } from './exportRows.ts';

/** Both tables as one workbook, a sheet each: header row bold and frozen, ratios shown as percentages. */

const PERCENT = '0.0%';

export async function xlsxExport(sheets: readonly ExportSheet[], createdAt: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'talktrack';
  workbook.created = createdAt;
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = sheet.columns.map((c) => ({
      header: c.header,
      width: c.width,
      ...(c.kind === 'ratio' ? { style: { numFmt: PERCENT } } : {}),
    }));
    ws.getRow(1).font = { bold: true };
    // Text cells are plain strings (never formulas), numbers are numbers; nulls stay empty.
    ws.addRows(sheet.rows);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
