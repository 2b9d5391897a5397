import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { HallListResponse } from '../../../../src/shared/schemas/people.ts';
import { useApiApp } from '../../../helpers/apiApp.ts';
import { seedManageHall } from '../../../helpers/manageFixtures.ts';
import { manageUi } from '../../../helpers/manageUi.tsx';
import { peopleApi } from '../../../helpers/peopleFixtures.ts';
import { resetUiState } from '../../../helpers/uiFixtures.tsx';

beforeEach(resetUiState);

describe('halls page', () => {
  const ctx = useApiApp('sqlite');

  const hallsOnServer = async (hall: Awaited<ReturnType<typeof seedManageHall>>) =>
    HallListResponse.parse((await peopleApi(ctx().app, hall.admin).halls()).json()).halls;

  it('lets an admin create a hall in a time zone chosen from the browser’s list, Asia/Shanghai first', async () => {
    const { app, database } = ctx();
    const hall = await seedManageHall(app, database);
    await manageUi(ctx(), { hall, who: 'admin', path: '/manage' });
    fireEvent.click(await screen.findByTestId('manage-nav-halls'));
    const row = await screen.findByTestId(`hall-row-${hall.fx.hall.id}`);
    // Four active people (manager, admin, two counter staff) and the one tablet.
    expect(within(row).getByTestId('hall-people').textContent).toBe('4');
    expect(within(row).getByTestId('hall-devices').textContent).toBe('1');

    fireEvent.click(screen.getByTestId('halls-new'));
    const zone = screen.getByTestId('new-hall-time-zone') as HTMLSelectElement;
    expect(zone.value).toBe('Asia/Shanghai');
    expect(zone.options.length).toBe(Intl.supportedValuesOf('timeZone').length);
    fireEvent.click(screen.getByTestId('new-hall-submit'));
    expect(screen.getByTestId('new-hall-form').textContent).toContain('请填写中文名称。');
    fireEvent.input(screen.getByTestId('new-hall-name-zh'), { target: { value: '西湖营业厅' } });
    fireEvent.input(screen.getByTestId('new-hall-name-en'), { target: { value: 'West Lake Hall' } });
    fireEvent.input(screen.getByTestId('new-hall-address'), { target: { value: '杭州市西湖区 1 号' } });
    fireEvent.change(zone, { target: { value: 'Asia/Urumqi' } });
    fireEvent.click(screen.getByTestId('new-hall-submit'));
    await waitFor(() => expect(screen.getByTestId('halls-notice').textContent).toBe('已新建西湖营业厅。'));
    // The notice follows a language switch, the hall's name with it.
    fireEvent.click(screen.getByTestId('lang-en'));
    expect(screen.getByTestId('halls-notice').textContent).toBe('Created West Lake Hall.');
    fireEvent.click(screen.getByTestId('lang-zh'));
    expect(screen.getByTestId('halls-notice').textContent).toBe('已新建西湖营业厅。');
    const created = (await hallsOnServer(hall)).find((h) => h.name.zh === '西湖营业厅')!;
    expect(created).toMatchObject({ name: { zh: '西湖营业厅', en: 'West Lake Hall' }, timeZone: 'Asia/Urumqi', address: '杭州市西湖区 1 号', active: true });

    // Renamed; its time zone is shown, not offered.
    fireEvent.click(await screen.findByTestId(`hall-edit-${created.id}`));
    expect(screen.getByTestId('edit-hall-time-zone-fixed').textContent).toBe('Asia/Urumqi');
    fireEvent.input(screen.getByTestId('edit-hall-name-zh'), { target: { value: '西湖旗舰厅' } });
    fireEvent.click(screen.getByTestId('edit-hall-submit'));
    await waitFor(() => expect(screen.getByTestId(`hall-row-${created.id}`).textContent).toContain('西湖旗舰厅'));
  });

  it('explains why a hall still in use cannot be deactivated, and deactivates an empty one after asking', async () => {
    const { app, database } = ctx();
    const hall = await seedManageHall(app, database);
    const empty = await peopleApi(app, hall.admin).createHall({ name: { zh: '空厅' }, timeZone: 'Asia/Shanghai' });
    const emptyId = (empty.json() as { hall: { id: string } }).hall.id;
    await manageUi(ctx(), { hall, who: 'admin', path: '/manage/halls' });

    fireEvent.click(await screen.findByTestId(`hall-deactivate-${hall.fx.hall.id}`));
    fireEvent.click(screen.getByTestId('hall-deactivate-confirm-yes'));
    const problem = await screen.findByTestId('halls-problem');
    expect(problem.getAttribute('data-kind')).toBe('hall_in_use');
    const hallName = hall.fx.hall.name.zh;
    expect(problem.textContent).toBe(`营业厅“${hallName}”还有 4 位在职人员和 1 台在用设备：请先调走或停用这些人员，并停用这些设备，再停用营业厅。`);
    fireEvent.click(screen.getByTestId('lang-en'));
    expect(screen.getByTestId('halls-problem').textContent).toBe(
      `The hall ${hallName} is still in use (4 active people, 1 active device): move or deactivate the people and revoke the devices first, then deactivate the hall.`,
    );
    expect(screen.getByTestId(`hall-row-${hall.fx.hall.id}`).getAttribute('data-active')).toBe('true');

    fireEvent.click(screen.getByTestId(`hall-deactivate-${emptyId}`));
    expect(screen.getByTestId('hall-deactivate-confirm').textContent).toContain('Deactivate 空厅?');
    fireEvent.click(screen.getByTestId('hall-deactivate-confirm-yes'));
    await waitFor(() => expect(screen.getByTestId(`hall-row-${emptyId}`).getAttribute('data-active')).toBe('false'));
    expect(screen.getByTestId('halls-notice').textContent).toBe('Deactivated 空厅.');
    fireEvent.click(screen.getByTestId(`hall-reactivate-${emptyId}`));
    await waitFor(() => expect(screen.getByTestId(`hall-row-${emptyId}`).getAttribute('data-active')).toBe('true'));
  });

  it('is for admins only', async () => {
    await manageUi(ctx(), { who: 'manager', path: '/manage/halls' });
    expect((await screen.findByTestId('halls-admins-only')).textContent).toBe('只有管理员可以管理营业厅。');
    expect(screen.queryByTestId('manage-nav-halls')).toBeNull();
    expect(screen.getByTestId('manage-nav-people')).toBeTruthy();
  });
});
