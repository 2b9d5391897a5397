import { describe, expect, it } from 'vitest';
import { HallListResponse } from '../../src/shared/schemas/people.ts';
import { revokeDevice } from '../../src/server/repos/devices.ts';
import { setStaffActive } from '../../src/server/repos/staffChanges.ts';
import { useApiApp } from '../helpers/apiApp.ts';
import { forEachEngine } from '../helpers/apiEngines.ts';
import { enrolDevice } from '../helpers/apiFixtures.ts';
import { accessAudit, DAY_MS, lastUsed } from '../helpers/deviceFixtures.ts';
import { pull, seedManageHall } from '../helpers/manageFixtures.ts';
import { expectRefused, hallOf, peopleApi, peopleTables, personOf } from '../helpers/peopleFixtures.ts';

forEachEngine((engine) => {
  const ctx = useApiApp(engine);

  describe('halls', () => {
    it('an admin creates a hall with its time zone and address, and every hall lists with its counts', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      const admin = peopleApi(app, h.admin);
      const hall = hallOf(
        await admin.createHall({ name: { zh: '人民路营业厅', en: 'Renmin Road Hall' }, timeZone: 'Asia/Urumqi', address: '人民路 1 号' }),
        201,
      );
      expect(hall).toMatchObject({
        name: { zh: '人民路营业厅', en: 'Renmin Road Hall' },
        timeZone: 'Asia/Urumqi',
        address: '人民路 1 号',
        active: true,
        people: 0,
        devices: 0,
      });
      const audit = await accessAudit(database, hall.id);
      expect(audit).toMatchObject([{ action: 'create_hall', actor_id: h.admin.staffId, hall_id: hall.id }]);
      expect(JSON.parse(audit[0]!.details!)).toMatchObject({ name: '人民路营业厅', timeZone: 'Asia/Urumqi' });

      const list = HallListResponse.parse((await admin.halls()).json()).halls;
      expect(list.map((x) => x.id)).toEqual(expect.arrayContaining([hall.id, h.fx.hall.id]));
      // The fixture hall: consultant, marketer, manager, admin active (the inactive one not counted), one tablet.
      expect(list.find((x) => x.id === h.fx.hall.id)).toMatchObject({ people: 4, devices: 1, active: true });
    });

    it('a manager reads their own hall only, and never creates or changes one', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      const other = await seedManageHall(app, database);
      const manager = peopleApi(app, h.manager);
      const own = HallListResponse.parse((await manager.halls()).json()).halls;
      expect(own.map((x) => x.id)).toEqual([h.fx.hall.id]);
      expectRefused(await manager.halls(`?hallId=${other.fx.hall.id}`), 403, 'forbidden');
      const before = await peopleTables(database);
      expectRefused(await manager.createHall({ name: { zh: '新厅' }, timeZone: 'Asia/Shanghai' }), 403, 'forbidden');
      expectRefused(await manager.updateHall(h.fx.hall.id, { name: { zh: '改名' } }), 403, 'forbidden');
      expectRefused(await peopleApi(app, h.consultant).halls(), 403, 'forbidden');
      expect(await peopleTables(database)).toEqual(before);
    });

    it('refuses a time zone that is not an IANA zone, an empty name, and a time zone change', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      const admin = peopleApi(app, h.admin);
      const before = await peopleTables(database);
      expectRefused(await admin.createHall({ name: { zh: '厅' }, timeZone: 'Mars/Olympus' }), 400, 'invalid_request');
      expectRefused(await admin.createHall({ name: { zh: '厅' }, timeZone: 'CST' }), 400, 'invalid_request');
      expectRefused(await admin.createHall({ name: { zh: '  ' }, timeZone: 'Asia/Shanghai' }), 400, 'invalid_request');
      // The time zone is fixed: a change naming it is refused whole.
      expectRefused(await admin.updateHall(h.fx.hall.id, { timeZone: 'Europe/Berlin' }), 400, 'time_zone_fixed');
      expectRefused(await admin.updateHall(h.fx.hall.id, { name: { zh: '新名' }, timeZone: 'Europe/Berlin' }), 400, 'time_zone_fixed');
      expectRefused(await admin.updateHall(h.fx.hall.id, {}), 400, 'invalid_request');
      expect(await peopleTables(database)).toEqual(before);
      expectRefused(await admin.updateHall('01a21b6b-0000-7000-8000-000000000000', { name: { zh: '无' } }), 404, 'not_found');
    });

    it('a rename reaches the tablets at their next pull, audited with the old and new name', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      const first = await pull(app, h.fx.device.token);
      const renamed = hallOf(await peopleApi(app, h.admin).updateHall(h.fx.hall.id, { name: { zh: '新名字营业厅', en: 'New Name Hall' }, address: '新地址' }));
      expect(renamed).toMatchObject({ name: { zh: '新名字营业厅', en: 'New Name Hall' }, address: '新地址', timeZone: h.fx.hall.timeZone });
      const next = await pull(app, h.fx.device.token, first.cursor);
      expect(Number(next.cursor)).toBeGreaterThan(Number(first.cursor));
      expect(next.hall.name).toEqual({ zh: '新名字营业厅', en: 'New Name Hall' });
      const audit = await accessAudit(database, h.fx.hall.id);
      expect(audit.map((a) => a.action)).toEqual(['update_hall']);
      expect(JSON.parse(audit[0]!.details!)).toMatchObject({ name: '新名字营业厅', previousName: h.fx.hall.name.zh, address: '新地址' });
    });

    it('deactivates only an empty hall (409 hall_in_use with the counts), and an inactive hall takes no one new', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      const target = await seedManageHall(app, database);
      const admin = peopleApi(app, h.admin);
      const hallId = target.fx.hall.id;

      const before = await peopleTables(database);
      const busy = expectRefused(await admin.updateHall(hallId, { active: false }), 409, 'hall_in_use');
      expect(busy).toMatchObject({ people: 4, devices: 1 });
      expect(await peopleTables(database)).toEqual(before);

      // Emptied: people deactivated, the tablet revoked (an expired one would not count either).
      for (const id of [target.fx.consultantId, target.fx.marketerId, target.manager.staffId, target.admin.staffId]) {
        await setStaffActive(database.db, id, false);
      }
      expectRefused(await admin.updateHall(hallId, { active: false }), 409, 'hall_in_use');
      const stale = await enrolDevice(app, database, hallId);
      await lastUsed(database, stale.id, 400 * DAY_MS);
      await revokeDevice(database.db, target.fx.device.id);
      const closed = hallOf(await admin.updateHall(hallId, { active: false }));
      expect(closed).toMatchObject({ active: false, people: 0, devices: 0 });
      expect((await accessAudit(database, hallId)).map((a) => a.action)).toEqual(['deactivate_hall']);

      const inactive = 'hall_inactive';
      expectRefused(await admin.create({ hallId, name: '新人', role: 'consultant' }), 409, inactive);
      expectRefused(await admin.move(h.fx.consultantId, hallId), 409, inactive);
      expectRefused(await admin.reactivate(target.fx.consultantId), 409, inactive);

      const reopened = hallOf(await admin.updateHall(hallId, { active: true }));
      expect(reopened.active).toBe(true);
      personOf(await admin.create({ hallId, name: '新人', role: 'consultant' }), 201);
      expect((await accessAudit(database, hallId)).map((a) => a.action)).toEqual(['deactivate_hall', 'reactivate_hall']);
    });
  });
});
