import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ROSTER_HEADERS } from '../../../../src/shared/rosterColumns.ts';
import { PeopleListResponse, RosterImportResponse } from '../../../../src/shared/schemas/people.ts';
import { fileBase64 } from '../../../../src/client/manage/fileBase64.ts';
import { useApiApp } from '../../../helpers/apiApp.ts';
import { seedManageHall } from '../../../helpers/manageFixtures.ts';
import { manageUi } from '../../../helpers/manageUi.tsx';
import { peopleApi, uniqueStaffNo } from '../../../helpers/peopleFixtures.ts';
import { resetUiState } from '../../../helpers/uiFixtures.tsx';

beforeEach(resetUiState);
afterEach(() => vi.restoreAllMocks());

/** A file the way the file input hands it over. */
function chooseFile(name: string, content: BlobPart) {
  const input = screen.getByTestId('roster-file');
  Object.defineProperty(input, 'files', { value: [new File([content], name)], configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

async function openImport() {
  fireEvent.click(await screen.findByTestId('staff-import'));
  return screen.getByTestId('roster-import');
}

describe('roster import', () => {
  const ctx = useApiApp('sqlite');

  it('checks the file first, then imports it once and lists the new people with their one-time PINs and codes', async () => {
    const { app, database } = ctx();
    const hall = await seedManageHall(app, database);
    const [a, b, c] = [uniqueStaffNo('R'), uniqueStaffNo('R'), uniqueStaffNo('R')];
    const csv = `姓名,英文名,工号,岗位,手机\n黄蓉,Huang Rong,${a},营业员,13800000000\n郭靖,,${b},咨询台,\n杨过,Yang Guo,${c},值班经理,\n`;
    await manageUi(ctx(), { hall, path: '/manage/people' });
    const panel = await openImport();
    // The headers it reads, from the reader's own list.
    expect(within(panel).getByTestId('roster-header-staffNo').textContent).toContain(ROSTER_HEADERS.staffNo.join('、'));
    expect(within(panel).getByTestId('roster-header-name').textContent).toContain('（必填）');

    // The picker is a button of its own; no file is named until one is chosen.
    const picker = screen.getByTestId('roster-file').closest('label')!;
    expect(picker.textContent).toBe('选择花名册文件');
    expect(screen.getByTestId('roster-file-name').textContent).toBe('还没有选择文件（CSV 或 XLSX）');
    chooseFile('花名册.csv', csv);
    const preview = await screen.findByTestId('roster-preview');
    expect(screen.getByTestId('roster-file-name').textContent).toBe('花名册.csv');
    expect(picker.textContent).toBe('换一个文件');
    expect(preview.textContent).toContain('已检查“花名册.csv”：可以导入 3 人。');
    expect(within(preview).getByTestId('roster-row-2').textContent).toContain('黄蓉');
    expect(within(preview).getByTestId('roster-row-3').textContent).toContain('流动营销');
    // Nothing is added by the check.
    const before = PeopleListResponse.parse((await peopleApi(app, hall.manager).people(`?hallId=${hall.fx.hall.id}`)).json()).people;
    expect(before.some((p) => p.staffNo === a)).toBe(false);

    const submit = screen.getByTestId('roster-submit') as HTMLButtonElement;
    expect(submit.textContent).toBe('导入 3 人');
    fireEvent.click(submit);
    const added = await screen.findByTestId('roster-added');
    expect(added.textContent).toContain('新增 3 人');
    const pins = within(added).getAllByTestId('roster-added-pin').map((e) => e.textContent);
    expect(pins).toHaveLength(2);
    for (const pin of pins) expect(pin).toMatch(/^PIN 码 \d{6}$/);
    expect(within(added).getByTestId('roster-added-code').textContent).toMatch(/^设置密码码 [A-Z2-9]{12}$/);
    expect(within(added).getByTestId('roster-print')).toBeTruthy();
    // No second import of the same file.
    expect((screen.getByTestId('roster-submit') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('roster-submit').textContent).toBe('已导入 3 人');
    await waitFor(() => expect(screen.getAllByTestId(/^staff-row-/).some((r) => r.textContent?.includes('黄蓉'))).toBe(true));

    // The same file again is refused, worded.
    chooseFile('花名册.csv', csv);
    const issues = await screen.findByTestId('roster-issues');
    expect(within(issues).getByTestId('roster-issue-0').getAttribute('data-problem')).toBe('same_file');
    expect(issues.textContent).toContain('这个文件已经导入过这个营业厅。');
    expect(screen.queryByTestId('roster-added')).toBeNull();
  });

  it('refuses a bad file row by row, with the column and the problem in the page’s language, and adds nobody', async () => {
    const { app, database } = ctx();
    const hall = await seedManageHall(app, database);
    const taken = uniqueStaffNo('X');
    await peopleApi(app, hall.manager).update(hall.fx.consultantId, { staffNo: taken });
    const csv = `Name,Staff number,Role\n,${uniqueStaffNo('X')},consultant\nMa Chao,${uniqueStaffNo('X')},consultant\nZhao Yun,${uniqueStaffNo('X')},cashier\n`;
    await manageUi(ctx(), { hall, path: '/manage/people' });
    await openImport();
    chooseFile('roster.csv', csv);
    const issues = await screen.findByTestId('roster-issues');
    const rows = within(issues).getAllByTestId(/^roster-issue-/);
    expect(rows.map((r) => [r.getAttribute('data-row'), r.getAttribute('data-field'), r.getAttribute('data-problem')])).toEqual([
      ['2', 'name', 'required'],
      ['4', 'role', 'unknown_role'],
    ]);
    expect(rows[0]!.textContent).toBe('第 2 行姓名不能为空。');
    expect(rows[1]!.textContent).toBe('第 4 行角色不认识的角色。cashier');
    expect(issues.textContent).toContain('文件没有导入，有 2 处问题');
    expect(screen.queryByTestId('roster-submit')).toBeNull();
    fireEvent.click(screen.getByTestId('lang-en'));
    expect(within(screen.getByTestId('roster-issues')).getByTestId('roster-issue-1').textContent).toBe('Row 4RoleNot a role it knows.cashier');
    expect(screen.getByTestId('roster-issues').textContent).toContain('The file was not imported: 2 problems.');

    // A staff number someone has already.
    chooseFile('roster.csv', `Name,Staff number,Role\nMa Chao,${taken},consultant\n`);
    await waitFor(() => expect(screen.getByTestId('roster-issue-0').getAttribute('data-problem')).toBe('staff_no_taken'));
    expect(screen.getByTestId('roster-issue-0').textContent).toBe(`Row 2Staff numberSomeone already has this staff number.${taken}`);

    // A file it cannot read at all.
    chooseFile('roster.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    await waitFor(() => expect(screen.getByTestId('roster-issue-0').getAttribute('data-problem')).toBe('unreadable'));
    expect(screen.getByTestId('roster-issue-0').textContent).toBe('The whole fileFileIt cannot be read: upload a CSV or XLSX file.');
    const people = PeopleListResponse.parse((await peopleApi(app, hall.manager).people(`?hallId=${hall.fx.hall.id}`)).json()).people;
    expect(people.map((p) => p.name)).not.toContain('Ma Chao');
  });

  it('offers a template the import reads as it is', async () => {
    const { app, database } = ctx();
    const hall = await seedManageHall(app, database);
    let template: Blob | null = null;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      template = blob as Blob;
      return 'blob:template';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    await manageUi(ctx(), { hall, path: '/manage/people' });
    await openImport();
    fireEvent.click(screen.getByTestId('roster-template'));
    expect(template).not.toBeNull();
    const res = await peopleApi(app, hall.manager).importRoster({
      hallId: hall.fx.hall.id,
      fileName: 'template.csv',
      contentBase64: await fileBase64(template!),
      dryRun: true,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(RosterImportResponse.parse(res.json()).rows.map((r) => r.role)).toEqual(['consultant', 'floor_marketer', 'manager']);
  });
});
