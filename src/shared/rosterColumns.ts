import type { StaffRole } from './schemas/reference.ts';

/**
 * How a hall's roster spreadsheet names its columns and roles, in Chinese or English. Kept free
 * of zod: the server reads files with it and the office page shows the accepted headers.
 * Header cells are matched after trimming, ignoring case, spaces and `_`/`-`.
 */
export type RosterColumn = 'name' | 'nameEn' | 'staffNo' | 'role';

export const ROSTER_HEADERS: Readonly<Record<RosterColumn, readonly string[]>> = {
  name: ['姓名', '中文名', '名字', 'name', 'chinese name', 'name zh'],
  nameEn: ['英文名', '英文姓名', '拼音', 'english name', 'name en', 'name (en)'],
  staffNo: ['工号', '员工编号', '员工号', 'staff number', 'staff no', 'staff no.', 'employee number', 'employee id'],
  role: ['角色', '岗位', '职务', 'role', 'position'],
};

/** Columns a roster must have; the others may be left out. */
export const REQUIRED_ROSTER_COLUMNS: readonly RosterColumn[] = ['name', 'role'];

/** Roles a roster may give; an admin is never made by a file. */
export const ROSTER_ROLES: Readonly<Record<string, Exclude<StaffRole, 'admin'>>> = {
  营业员: 'consultant',
  柜员: 'consultant',
  客户经理: 'consultant',
  consultant: 'consultant',
  流动营销: 'floor_marketer',
  流动营销员: 'floor_marketer',
  咨询台: 'floor_marketer',
  'floor marketer': 'floor_marketer',
  floor_marketer: 'floor_marketer',
  值班经理: 'manager',
  厅经理: 'manager',
  营业厅经理: 'manager',
  manager: 'manager',
};

export function normalizeRosterCell(text: string): string {
  return text.trim().toLowerCase().replace(/[\s_-]+/g, ' ');
}

export function rosterColumnOf(header: string): RosterColumn | null {
  const cell = normalizeRosterCell(header);
  for (const [column, names] of Object.entries(ROSTER_HEADERS) as Array<[RosterColumn, readonly string[]]>) {
    if (names.some((n) => normalizeRosterCell(n) === cell)) return column;
  }
  return null;
}

export function rosterRoleOf(cell: string): Exclude<StaffRole, 'admin'> | null {
  const key = normalizeRosterCell(cell);
  for (const [name, role] of Object.entries(ROSTER_ROLES)) if (normalizeRosterCell(name) === key) return role;
  return null;
}
