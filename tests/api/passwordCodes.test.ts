import type { LightMyRequestResponse } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { API } from '../../src/shared/apiPaths.ts';
import { PasswordCodeRedeemResponse } from '../../src/shared/schemas/auth.ts';
import { issuePasswordCode } from '../../src/server/repos/passwordCodes.ts';
import { getStaffRow, insertStaff } from '../../src/server/repos/staff.ts';
import { setStaffActive } from '../../src/server/repos/staffChanges.ts';
import { revokeDevice } from '../../src/server/repos/devices.ts';
import { useApiApp } from '../helpers/apiApp.ts';
import { forEachEngine } from '../helpers/apiEngines.ts';
import { accessAudit } from '../helpers/deviceFixtures.ts';
import { type ManageHall, seedManageHall, signIn } from '../helpers/manageFixtures.ts';
import { expectRefused, peopleApi, peopleTables, personOf } from '../helpers/peopleFixtures.ts';

const PASSWORD = 'my-own-password-42';

forEachEngine((engine) => {
  const ctx = useApiApp(engine);

  const redeem = (payload: object, deviceToken?: string): Promise<LightMyRequestResponse> =>
    ctx().app.inject({
      method: 'POST',
      url: API.passwordCodeRedeem,
      ...(deviceToken === undefined ? {} : { headers: { authorization: `Bearer ${deviceToken}` } }),
      payload,
    });
  const redeemed = (res: LightMyRequestResponse) => {
    expect(res.statusCode, res.body).toBe(200);
    return PasswordCodeRedeemResponse.parse(res.json());
  };

  /** A new manager of the hall, added by its admin: their set-password code in hand. */
  async function newManager(h: ManageHall) {
    const created = personOf(await peopleApi(ctx().app, h.admin).create({ hallId: h.fx.hall.id, name: '孙经理', role: 'manager' }), 201);
    return { staffId: created.person.id, code: created.passwordCode!.code };
  }

  describe('setting one’s password with a code', () => {
    it('from a browser not yet enrolled: sets the password and enrols it as a device of the person’s hall, named after them', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      const { staffId, code } = await newManager(h);
      const body = redeemed(await redeem({ code: code.toLowerCase().replace(/(.{4})/g, '$1-'), password: PASSWORD }));
      expect(body.staff).toMatchObject({ id: staffId, name: '孙经理', role: 'manager', hallId: h.fx.hall.id });
      expect(body.enrolment).toMatchObject({ hall: { id: h.fx.hall.id } });
      const device = await database.db.selectFrom('devices').selectAll().where('id', '=', body.enrolment!.deviceId).executeTakeFirstOrThrow();
      expect(device).toMatchObject({ hall_id: h.fx.hall.id, label: '孙经理', revoked_at: null });
      // They sign in at once on the new device, with the new password.
      await signIn(app, body.enrolment!.deviceToken, staffId, PASSWORD);

      const row = await database.db.selectFrom('password_codes').selectAll().where('staff_id', '=', staffId).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ used_by_device: body.enrolment!.deviceId });
      expect(row.used_at).not.toBeNull();
      const audit = await accessAudit(database, staffId);
      expect(audit.map((a) => [a.action, a.actor_id])).toEqual([['create_person', h.admin.staffId], ['redeem_password_code', staffId]]);
      expect(JSON.parse(audit[1]!.details!)).toMatchObject({ enrolled: true, deviceName: '孙经理', deviceId: body.enrolment!.deviceId });
      expect(JSON.stringify(await peopleTables(database))).not.toContain(PASSWORD);

      expectRefused(await redeem({ code, password: 'another-password-1' }), 409, 'code_used');
    });

    it('from a device of the person’s hall: no new enrolment; from another hall’s or a revoked one: a new one, with the name given', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      const other = await seedManageHall(app, database);
      const first = await newManager(h);
      expect(redeemed(await redeem({ code: first.code, password: PASSWORD }, h.fx.device.token)).enrolment).toBeNull();
      const used = await database.db.selectFrom('password_codes').select('used_by_device').where('staff_id', '=', first.staffId).executeTakeFirstOrThrow();
      expect(used.used_by_device).toBe(h.fx.device.id);

      const second = await newManager(h);
      const elsewhere = redeemed(await redeem({ code: second.code, password: PASSWORD, deviceName: '经理室电脑' }, other.fx.device.token));
      expect(elsewhere.enrolment?.hall.id).toBe(h.fx.hall.id);
      const named = await database.db.selectFrom('devices').select('label').where('id', '=', elsewhere.enrolment!.deviceId).executeTakeFirstOrThrow();
      expect(named.label).toBe('经理室电脑');

      const third = await newManager(h);
      const spare = await database.db.selectFrom('devices').select('id').where('id', '=', h.fx.device.id).executeTakeFirstOrThrow();
      await revokeDevice(database.db, spare.id);
      expect(redeemed(await redeem({ code: third.code, password: PASSWORD }, h.fx.device.token)).enrolment).not.toBeNull();
    });

    it('refuses unknown, cancelled and expired codes, an inactive person and a short password, writing nothing', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      const cancelled = await newManager(h);
      personOf(await peopleApi(app, h.admin).passwordCode(cancelled.staffId));
      const expired = await issuePasswordCode(database.db, { staffId: h.manager.staffId, createdBy: null, now: new Date(Date.now() - 25 * 3600_000) });
      const inactive = await newManager(h);
      await setStaffActive(database.db, inactive.staffId, false);
      const fresh = await newManager(h);

      const before = await peopleTables(database);
      expectRefused(await redeem({ code: 'NOPE-NOPE-NOPE', password: PASSWORD }), 401, 'unknown_code');
      expectRefused(await redeem({ code: cancelled.code, password: PASSWORD }), 401, 'unknown_code');
      expectRefused(await redeem({ code: expired.code, password: PASSWORD }), 401, 'code_expired');
      expectRefused(await redeem({ code: inactive.code, password: PASSWORD }), 403, 'staff_inactive');
      expectRefused(await redeem({ code: fresh.code, password: 'too-short' }), 400, 'invalid_request');
      expectRefused(await redeem({ code: fresh.code }), 400, 'invalid_request');
      expect(await peopleTables(database)).toEqual(before);
    });

    it('lifts the lock of a person who forgot their password (the first admin’s code comes from setup)', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      const staffId = uuidv7();
      await insertStaff(database.db, { id: staffId, hallId: h.fx.hall.id, name: '首位管理员', role: 'admin', active: true, secret: 'old-password-99' });
      const signInAs = (password: string) =>
        app.inject({ method: 'POST', url: API.sessions, headers: { authorization: `Bearer ${h.fx.device.token}` }, payload: { staffId, password } });
      for (let i = 0; i < 5; i++) await signInAs('wrong-password-0');
      expectRefused(await signInAs('old-password-99'), 423, 'locked');
      const { code } = await issuePasswordCode(database.db, { staffId, createdBy: null });
      redeemed(await redeem({ code, password: PASSWORD }, h.fx.device.token));
      expect(await getStaffRow(database.db, staffId)).toMatchObject({ failed_pin_count: 0, locked_until: null, demo_secret: 0 });
      expect((await signInAs(PASSWORD)).statusCode).toBe(200);
    });
  });
});
