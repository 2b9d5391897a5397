import { type RosterColumn, rosterColumnOf, REQUIRED_ROSTER_COLUMNS, rosterRoleOf } from '../../shared/rosterColumns.ts';
import { MAX_ROSTER_ROWS, type RosterIssue, type RosterProblem, type RosterRow, StaffNo } from '../../shared/schemas/people.ts';
import { readTable, UnreadableRoster } from './rosterTable.ts';

/**
 * A roster file read and every row checked, without the database: the rows that passed, and every
 * problem found (row as the spreadsheet numbers it, field, problem, the cell as read); the file is
 * good when there is none. Columns the hall keeps besides (phone, notes) are ignored; blank rows
 * are skipped but keep their numbers.
 */
export interface RosterReading {
  rows: RosterRow[];
  issues: RosterIssue[];
}

const NAME_MAX = 100;
const VALUE_MAX = 100;

const issue = (row: number, field: RosterIssue['field'], problem: RosterProblem, value: string | null): RosterIssue => ({
  row,
  field,
  problem,
  value: value === null ? null : value.slice(0, VALUE_MAX),
});

const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');
/** Control characters (a NUL, a stray escape) never belong in a name or number a person typed. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const hasControl = (text: string) => /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text);

export async function readRoster(bytes: Uint8Array): Promise<RosterReading> {
  let table: string[][];
  try {
    table = await readTable(bytes);
  } catch (error) {
    if (error instanceof UnreadableRoster) return { rows: [], issues: [issue(0, 'file', 'unreadable', error.why)] };
    throw error;
  }
  return checkTable(table);
}

/** How far down a title or notes above the header may reach. */
const HEADER_SEARCH_ROWS = 10;

/**
 * The header is the first row naming every required column (a sheet may have a title above it),
 * or else the first row that is not blank (its missing columns are then reported).
 */
function headerIndexOf(table: readonly string[][]): number {
  const complete = table.slice(0, HEADER_SEARCH_ROWS).findIndex((cells) => {
    const found = new Set(cells.map(rosterColumnOf));
    return REQUIRED_ROSTER_COLUMNS.every((c) => found.has(c));
  });
  return complete >= 0 ? complete : table.findIndex((cells) => !isBlank(cells));
}

/** The people are the rows below the header. */
export function checkTable(table: readonly string[][]): RosterReading {
  const headerIndex = headerIndexOf(table);
  if (headerIndex < 0) return { rows: [], issues: [issue(0, 'file', 'no_rows', null)] };
  const headerRow = headerIndex + 1;
  const { columns, issues } = readHeader(table[headerIndex] ?? [], headerRow);
  if (issues.length > 0) return { rows: [], issues };

  const body = table
    .map((cells, index) => ({ cells, row: index + 1 }))
    .slice(headerIndex + 1)
    .filter(({ cells }) => !isBlank(cells));
  if (body.length === 0) return { rows: [], issues: [issue(0, 'file', 'no_rows', null)] };
  if (body.length > MAX_ROSTER_ROWS) return { rows: [], issues: [issue(0, 'file', 'too_many_rows', String(body.length))] };

  const rows: RosterRow[] = [];
  const rowIssues: RosterIssue[] = [];
  const seenStaffNo = new Map<string, number>();
  for (const { cells, row } of body) {
    const cell = (column: RosterColumn) => {
      const at = columns.get(column);
      return at === undefined ? '' : (cells[at] ?? '').trim();
    };
    const checked = checkRow(row, { name: cell('name'), nameEn: cell('nameEn'), staffNo: cell('staffNo'), role: cell('role') });
    rowIssues.push(...checked.issues);
    const { staffNo } = checked;
    if (staffNo !== null) {
      if (seenStaffNo.has(staffNo)) rowIssues.push(issue(row, 'staffNo', 'duplicate_in_file', staffNo));
      else seenStaffNo.set(staffNo, row);
    }
    if (checked.row !== null) rows.push(checked.row);
  }
  return { rows, issues: rowIssues };
}

function readHeader(cells: readonly string[], row: number): { columns: Map<RosterColumn, number>; issues: RosterIssue[] } {
  const columns = new Map<RosterColumn, number>();
  const issues: RosterIssue[] = [];
  cells.forEach((text, index) => {
    const column = rosterColumnOf(text);
    if (column === null) return;
    if (columns.has(column)) issues.push(issue(row, column, 'duplicate_column', text.trim()));
    else columns.set(column, index);
  });
  for (const column of REQUIRED_ROSTER_COLUMNS) if (!columns.has(column)) issues.push(issue(row, column, 'missing_column', null));
  return { columns, issues };
}

function checkRow(
  row: number,
  cell: Record<RosterColumn, string>,
): { row: RosterRow | null; staffNo: string | null; issues: RosterIssue[] } {
  const issues: RosterIssue[] = [];
  const text = (field: 'name' | 'nameEn', required: boolean): string | null => {
    const value = cell[field];
    if (value === '') {
      if (required) issues.push(issue(row, field, 'required', null));
      return null;
    }
    if (value.length > NAME_MAX) issues.push(issue(row, field, 'too_long', value));
    else if (hasControl(value)) issues.push(issue(row, field, 'bad_format', value));
    return value;
  };
  const name = text('name', true);
  const nameEn = text('nameEn', false);

  let staffNo: string | null = null;
  if (cell.staffNo !== '') {
    const parsed = StaffNo.safeParse(cell.staffNo);
    if (parsed.success) staffNo = parsed.data;
    else issues.push(issue(row, 'staffNo', cell.staffNo.length > 32 ? 'too_long' : 'bad_format', cell.staffNo));
  }

  const role = cell.role === '' ? null : rosterRoleOf(cell.role);
  if (cell.role === '') issues.push(issue(row, 'role', 'required', null));
  else if (role === null) issues.push(issue(row, 'role', 'unknown_role', cell.role));

  if (issues.length > 0 || name === null || role === null) return { row: null, staffNo, issues };
  return { row: { row, name, nameEn, staffNo, role }, staffNo, issues };
}
