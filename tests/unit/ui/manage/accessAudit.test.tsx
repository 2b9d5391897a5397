import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { AccessAuditResponse } from '../../../../src/shared/schemas/people.ts';
import { useApiApp } from '../../../helpers/apiApp.ts';
import { adminApi } from '../../../helpers/deviceFixtures.ts';
import { seedManageHall } from '../../../helpers/manageFixtures.ts';
import { manageUi } from '../../../helpers/manageUi.tsx';
import { peopleApi, personOf } from '../../../helpers/peopleFixtures.ts';
import { resetUiState } from '../../../helpers/uiFixtures.tsx';

beforeEach(resetUiState);

describe('access audit on the audit page', () => {
  const ctx = useApiApp('sqlite');

  it('shows who did what to people, devices and codes, newest first, the actions worded in both languages', async () => {
    const { app, database } = ctx();
    const hall = await seedManageHall(app, database);
    const people = peopleApi(app, hall.manager);
    const added = personOf(await people.create({ hallId: hall.fx.hall.id, name: '周杰', role: 'consultant' }), 201);
    personOf(await people.deactivate(added.person.id));
    await adminApi(app, hall.manager).issueCode({ deviceName: '柜台 9' });
    const entries = AccessAuditResponse.parse((await people.audit()).json()).entries;

    await manageUi(ctx(), { hall, who: 'manager', path: '/manage' });
    fireEvent.click(await screen.findByTestId('manage-nav-audit'));
    const table = await screen.findByTestId('access-audit-table');
    const rows = within(table).getAllByTestId(/^access-row-/);
    expect(rows.map((r) => r.getAttribute('data-action')).slice(0, 3)).toEqual(['issue_enrolment_code', 'deactivate_person', 'create_person']);
    expect(rows.map((r) => r.getAttribute('data-testid'))).toEqual(entries.map((e) => `access-row-${e.id}`));
    expect(rows[0]!.textContent).toContain('发放登记码');
    expect(rows[0]!.textContent).toContain('柜台 9');
    expect(rows[1]!.textContent).toContain('停用人员');
    expect(rows[1]!.textContent).toContain('周杰');
    expect(rows[2]!.textContent).toContain(`${hall.manager.name} (值班经理)`);
    // No PIN in the log.
    expect(table.textContent).not.toMatch(/\b\d{6}\b/);

    fireEvent.click(screen.getByTestId('lang-en'));
    await waitFor(() => expect(within(screen.getByTestId('access-audit-table')).getAllByTestId(/^access-row-/)[1]!.textContent).toContain('Deactivated a person'));
    expect(screen.getByRole('heading', { level: 2, name: 'People, halls and devices' })).toBeTruthy();
  });
});
