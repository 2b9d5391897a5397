import { screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { readMeta } from '../../../src/client/db/db.ts';
import { openVisit } from '../../../src/client/db/fieldWrites.ts';
import { syncOnce } from '../../../src/client/sync/engine.ts';
import { useApiApp } from '../../helpers/apiApp.ts';
import { seedManageHall } from '../../helpers/manageFixtures.ts';
import { manageUi } from '../../helpers/manageUi.tsx';
import { hallOf, peopleApi, personOf } from '../../helpers/peopleFixtures.ts';
import { resetUiState } from '../../helpers/uiFixtures.tsx';

beforeEach(resetUiState);

describe('a person who leaves the hall', () => {
  const ctx = useApiApp('sqlite');

  it('is signed out and gone from the tablet after its next pull; what they recorded stays and is sent', async () => {
    const { app, database } = ctx();
    const hall = await seedManageHall(app, database);
    const { db, services } = await manageUi(ctx(), { hall, who: 'consultant', path: '/' });
    expect(await screen.findByTestId('next-customer')).toBeTruthy();
    const visit = await openVisit(db, { hallId: hall.fx.hall.id, deviceId: hall.fx.device.id, staffId: hall.fx.consultantId }, { source: 'walk_in', business: 'inquiry' });

    personOf(await peopleApi(app, hall.manager).deactivate(hall.fx.consultantId));
    expect(await syncOnce({ db, api: services.api })).toMatchObject({ kind: 'done', pushed: 1 });

    expect(await screen.findByTestId(`staff-tile-${hall.fx.marketerId}`)).toBeTruthy();
    expect(screen.queryByTestId(`staff-tile-${hall.fx.consultantId}`)).toBeNull();
    expect(await readMeta(db, 'signedIn')).toBeUndefined();
    expect(await db.staff.get(hall.fx.consultantId)).toBeUndefined();
    expect(await db.visits.get(visit.id)).toBeDefined();
    const stored = await database.db.selectFrom('visits').select('id').where('id', '=', visit.id).executeTakeFirst();
    expect(stored?.id).toBe(visit.id);
  });

  it('moved to another hall, leaves this hall’s tablet and no one else does', async () => {
    const { app, database } = ctx();
    const hall = await seedManageHall(app, database);
    const other = hallOf(await peopleApi(app, hall.admin).createHall({ name: { zh: '北门营业厅' }, timeZone: 'Asia/Shanghai' }), 201);
    const { db, services } = await manageUi(ctx(), { hall, signedIn: false, path: '/' });
    expect(await screen.findByTestId(`staff-tile-${hall.fx.marketerId}`)).toBeTruthy();
    personOf(await peopleApi(app, hall.admin).move(hall.fx.marketerId, other.id));
    await syncOnce({ db, api: services.api });
    await waitFor(() => expect(screen.queryByTestId(`staff-tile-${hall.fx.marketerId}`)).toBeNull());
    expect(screen.getByTestId(`staff-tile-${hall.fx.consultantId}`)).toBeTruthy();
  });
});
