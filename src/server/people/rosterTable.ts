import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

/**
 * A roster file's cells as text, row by row as the spreadsheet numbers them (index 0 is row 1):
 * XLSX (its first worksheet), or CSV as Excel saves it — UTF-8 with or without a BOM, GB18030
 * (Excel on Chinese Windows), or "Unicode text" (UTF-16, tab-separated).
 */

export class UnreadableRoster extends Error {
  constructor(readonly why: string) {
    super(why);
    this.name = 'UnreadableRoster';
  }
}

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16LE_BOM = [0xff, 0xfe];
const UTF16BE_BOM = [0xfe, 0xff];

export async function readTable(bytes: Uint8Array): Promise<string[][]> {
  if (bytes.length === 0) return [];
  if (startsWith(bytes, ZIP)) return readXlsx(bytes);
  if (startsWith(bytes, OLE)) throw new UnreadableRoster('an old Excel file (.xls); save it as .xlsx or as CSV and try again');
  return readCsv(decodeText(bytes));
}

/** The text of a CSV: by its BOM, else UTF-8 when it is valid UTF-8, else GB18030. */
export function decodeText(bytes: Uint8Array): string {
  let text: string;
  if (startsWith(bytes, UTF8_BOM)) text = new TextDecoder('utf-8').decode(bytes.subarray(3));
  else if (startsWith(bytes, UTF16LE_BOM)) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (startsWith(bytes, UTF16BE_BOM)) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      text = new TextDecoder('gb18030').decode(bytes);
    }
  }
  // No text file a person saves holds NUL: this is some other binary file.
  if (text.includes('\u0000')) throw new UnreadableRoster('not a CSV or XLSX file');
  return text;
}

/** Comma, or tab when the first line has more tabs than commas ("Unicode text" from Excel). */
function delimiterOf(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const count = (c: string) => firstLine.split(c).length - 1;
  return count('\t') > count(',') ? '\t' : count(';') > count(',') ? ';' : ',';
}

function readCsv(text: string): string[][] {
  try {
    // Blank lines are kept: they are rows of the sheet, and row numbers must match what Excel shows.
    return parse(text, { delimiter: delimiterOf(text), relax_column_count: true, skip_empty_lines: false, relax_quotes: true });
  } catch (error) {
    throw new UnreadableRoster(`the CSV cannot be read (${error instanceof Error ? error.message : String(error)})`);
  }
}

async function readXlsx(bytes: Uint8Array): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  } catch (error) {
    throw new UnreadableRoster(`the XLSX file cannot be read (${error instanceof Error ? error.message : String(error)})`);
  }
  const sheet = workbook.worksheets[0];
  if (sheet === undefined) return [];
  const rows: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c)));
    rows.push(cells);
  }
  return rows;
}

/** What the cell shows: a formula's result, a rich text's characters, a number as written. */
function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && ('formula' in value || 'sharedFormula' in value)) {
    const result: unknown = value.result;
    return typeof result === 'string' || typeof result === 'number' || typeof result === 'boolean' ? String(result) : '';
  }
  return cell.text;
}
