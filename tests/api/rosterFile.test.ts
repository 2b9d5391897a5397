import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { MAX_ROSTER_ROWS, type RosterIssue } from '../../src/shared/schemas/people.ts';
import { readRoster } from '../../src/server/people/rosterFile.ts';

/** Reading a roster file needs no database: these tables run once, not per engine. */

const utf8 = (text: string) => new TextEncoder().encode(text);
const withBom = (text: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);

/** GB18030 bytes of the text, as Excel on Chinese Windows saves a CSV (Node encodes UTF-8 only, so by table). */
const GB: Record<string, number[]> = {
  姓: [0xd0, 0xd5],
  名: [0xc3, 0xfb],
  工: [0xb9, 0xa4],
  号: [0xba, 0xc5],
  角: [0xbd, 0xc7],
  色: [0xc9, 0xab],
  李: [0xc0, 0xee],
  娜: [0xc4, 0xc8],
  营: [0xd3, 0xaa],
  业: [0xd2, 0xb5],
  员: [0xd4, 0xb1],
};
function gb18030(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const ch of text) {
    const code = GB[ch] ?? (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : undefined);
    if (code === undefined) throw new Error(`no GB18030 bytes for ${ch} in the test's table`);
    bytes.push(...code);
  }
  return new Uint8Array(bytes);
}

async function xlsx(rows: Array<Array<string | number | null>>, options: { emptyFirstSheet?: boolean } = {}): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  if (options.emptyFirstSheet) workbook.addWorksheet('说明').addRow(['请在第二页填写']);
  const sheet = workbook.addWorksheet('花名册');
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const people = (rows: Awaited<ReturnType<typeof readRoster>>['rows']) => rows.map((r) => [r.row, r.name, r.nameEn, r.staffNo, r.role]);

describe('reading a roster file', () => {
  it.each([
    ['Chinese headers, UTF-8', utf8('姓名,英文名,工号,岗位\n李娜,Li Na,A001,营业员\n陈静,,A002,流动营销\n')],
    ['Chinese headers, UTF-8 with BOM, CRLF', withBom('姓名,英文名,工号,岗位\r\n李娜,Li Na,A001,营业员\r\n陈静,,A002,流动营销\r\n')],
    ['English headers in any case, extra columns ignored', utf8('Name,Phone,English Name,STAFF_NO,Role\n李娜,13900000000,Li Na,A001,consultant\n陈静,,,A002,Floor Marketer\n')],
    ['quoted cells with commas and blank lines kept in the numbering', utf8('"姓名","英文名","工号","角色"\n"李娜","Li Na","A001","营业员"\n\n')],
  ])('%s', async (_name, bytes) => {
    const { rows, issues } = await readRoster(bytes);
    expect(issues).toEqual([]);
    expect(people(rows).slice(0, 2)).toEqual(
      [
        [2, '李娜', 'Li Na', 'A001', 'consultant'],
        [3, '陈静', null, 'A002', 'floor_marketer'],
      ].slice(0, rows.length),
    );
  });

  it('reads GB18030, as Excel on Chinese Windows saves a CSV', async () => {
    const { rows, issues } = await readRoster(gb18030('姓名,工号,角色\r\n李娜,B7,营业员\r\n'));
    expect(issues).toEqual([]);
    expect(people(rows)).toEqual([[2, '李娜', null, 'B7', 'consultant']]);
  });

  it('reads "Unicode text" (UTF-16 with tabs) as Excel saves it', async () => {
    const text = '姓名\t角色\r\n李娜\t营业员\r\n';
    const bytes = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, 'utf16le'))]);
    expect(people((await readRoster(bytes)).rows)).toEqual([[2, '李娜', null, null, 'consultant']]);
  });

  it('reads the first worksheet of an XLSX, numbers as written, a title row above the header', async () => {
    const bytes = await xlsx([
      ['中关村营业厅 花名册', null, null],
      ['姓名', '工号', '职务'],
      ['李娜', 10023, '营业员'],
      [null, null, null],
      ['王敏', 'M-01', '值班经理'],
    ]);
    const { rows, issues } = await readRoster(bytes);
    expect(issues).toEqual([]);
    expect(people(rows)).toEqual([
      [3, '李娜', null, '10023', 'consultant'],
      [5, '王敏', null, 'M-01', 'manager'],
    ]);
  });

  it('reads what a formula shows and what rich text says', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('花名册');
    sheet.addRow(['姓名', '工号', '角色']);
    sheet.addRow([{ richText: [{ text: '李' }, { text: '娜', font: { bold: true } }] }, { formula: '"A"&"7"', result: 'A7' }, '营业员']);
    const { rows, issues } = await readRoster(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(issues).toEqual([]);
    expect(people(rows)).toEqual([[2, '李娜', null, 'A7', 'consultant']]);
  });

  it('reads only the first worksheet', async () => {
    const { issues } = await readRoster(await xlsx([['姓名', '角色'], ['李娜', '营业员']], { emptyFirstSheet: true }));
    expect(issues).toEqual([{ row: 1, field: 'name', problem: 'missing_column', value: null }, { row: 1, field: 'role', problem: 'missing_column', value: null }]);
  });

  const refusals: Array<[string, Uint8Array, RosterIssue[]]> = [
    ['an empty file', utf8(''), [{ row: 0, field: 'file', problem: 'no_rows', value: null }]],
    ['headers only', utf8('姓名,角色\n\n'), [{ row: 0, field: 'file', problem: 'no_rows', value: null }]],
    ['an old .xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), [{ row: 0, field: 'file', problem: 'unreadable', value: expect.stringContaining('.xls') as unknown as string }]],
    ['a broken XLSX', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), [{ row: 0, field: 'file', problem: 'unreadable', value: expect.stringContaining('XLSX') as unknown as string }]],
    ['no name column', utf8('工号,角色\nA1,营业员\n'), [{ row: 1, field: 'name', problem: 'missing_column', value: null }]],
    ['two name columns', utf8('姓名,名字,角色\n李娜,娜,营业员\n'), [{ row: 1, field: 'name', problem: 'duplicate_column', value: '名字' }]],
    [
      'bad rows, each named with its row and field',
      utf8(
        [
          '姓名,英文名,工号,角色',
          '李娜,Li Na,A001,营业员',
          ',,A002,营业员',
          `${'长'.repeat(101)},,A003,营业员`,
          '张伟,,A 004,营业员',
          '刘洋,,A005,厨师',
          '陈静,,A006,',
          '赵强,,A001,admin',
          '王敏,,0123456789012345678901234567890123,值班经理',
        ].join('\n'),
      ),
      [
        { row: 3, field: 'name', problem: 'required', value: null },
        { row: 4, field: 'name', problem: 'too_long', value: '长'.repeat(100) },
        { row: 5, field: 'staffNo', problem: 'bad_format', value: 'A 004' },
        { row: 6, field: 'role', problem: 'unknown_role', value: '厨师' },
        { row: 7, field: 'role', problem: 'required', value: null },
        { row: 8, field: 'role', problem: 'unknown_role', value: 'admin' },
        { row: 8, field: 'staffNo', problem: 'duplicate_in_file', value: 'A001' },
        { row: 9, field: 'staffNo', problem: 'too_long', value: '0123456789012345678901234567890123' },
      ],
    ],
    ['binary junk', new Uint8Array([0x00, 0x01, 0x02, 0xff, 0x00]), [{ row: 0, field: 'file', problem: 'unreadable', value: 'not a CSV or XLSX file' }]],
  ];

  it.each(refusals)('refuses %s, naming what is wrong', async (_name, bytes, expected) => {
    expect((await readRoster(bytes)).issues).toEqual(expected);
  });

  it('still answers the rows that passed, for the checks against the people already there', async () => {
    const { rows, issues } = await readRoster(utf8('姓名,工号,角色\n李娜,A1,营业员\n,A2,营业员\n'));
    expect(issues).toEqual([{ row: 3, field: 'name', problem: 'required', value: null }]);
    expect(people(rows)).toEqual([[2, '李娜', null, 'A1', 'consultant']]);
  });

  it(`refuses more than ${MAX_ROSTER_ROWS} people`, async () => {
    const lines = ['姓名,角色', ...Array.from({ length: MAX_ROSTER_ROWS + 1 }, (_, i) => `员工${i},营业员`)];
    expect((await readRoster(utf8(lines.join('\n')))).issues).toEqual([{ row: 0, field: 'file', problem: 'too_many_rows', value: String(MAX_ROSTER_ROWS + 1) }]);
    expect((await readRoster(utf8(lines.slice(0, -1).join('\n')))).rows).toHaveLength(MAX_ROSTER_ROWS);
  });
});
