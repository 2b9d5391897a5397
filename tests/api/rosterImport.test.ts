import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { PeopleListResponse, RosterImportResponse, RosterRefusal } from '../../src/shared/schemas/people.ts';
import { setStaffActive } from '../../src/server/repos/staffChanges.ts';
import { updateHall } from '../../src/server/repos/halls.ts';
import { useApiApp } from '../helpers/apiApp.ts';
import { forEachEngine } from '../helpers/apiEngines.ts';
import { pull, seedManageHall } from '../helpers/manageFixtures.ts';
import { expectRefused, peopleApi, peopleTables, personOf, uniqueStaffNo } from '../helpers/peopleFixtures.ts';

forEachEngine((engine) => {
  const ctx = useApiApp(engine);

  const base64 = (text: string) => Buffer.from(`\ufeff${text}`, 'utf8').toString('base64');
  /** A roster of the hall's eight people, with staff numbers no other test has. */
  function roster(): { text: string; numbers: string[] } {
    const numbers = Array.from({ length: 8 }, () => uniqueStaffNo('R'));
    const roles = ['营业员', '营业员', '营业员', '柜员', '流动营销', '咨询台', '值班经理', '客户经理'];
    const names = ['李一', '李二', '李三', '李四', '李五', '李六', '李七', '李八'];
    const lines = ['姓名,英文名,工号,岗位,电话', ...names.map((n, i) => `${n},Li ${i + 1},${numbers[i]},${roles[i]},1390000000${i}`)];
    return { text: lines.join('\r\n'), numbers };
  }
  const refusal = (res: Awaited<ReturnType<ReturnType<typeof peopleApi>['importRoster']>>) => {
    expect(res.statusCode, res.body).toBe(400);
    return RosterRefusal.parse(res.json());
  };

  describe('importing a roster', () => {
    it('adds every person of the file at once, each with a one-time PIN or set-password code, audited; the tablets get them', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      const { text, numbers } = roster();
      const res = await peopleApi(app, h.manager).importRoster({ hallId: h.fx.hall.id, fileName: '花名册.csv', contentBase64: base64(text) });
      expect(res.statusCode, res.body).toBe(201);
      const body = RosterImportResponse.parse(res.json());
      expect(body.dryRun).toBe(false);
      expect(body.rows.map((r) => [r.row, r.staffNo])).toEqual(numbers.map((n, i) => [i + 2, n]));
      expect(body.added).toHaveLength(8);
      const manager = body.added.find((a) => a.person.role === 'manager')!;
      expect(manager).toMatchObject({ pin: null, passwordCode: { code: expect.any(String) }, person: { name: '李七', hallId: h.fx.hall.id } });
      const counter = body.added.filter((a) => a.person.role !== 'manager');
      expect(counter.every((a) => /^\d{6}$/.test(a.pin ?? '') && a.person.mustChangePin)).toBe(true);
      expect(counter.map((a) => a.person.role)).toEqual(['consultant', 'consultant', 'consultant', 'consultant', 'floor_marketer', 'floor_marketer', 'consultant']);

      const listed = PeopleListResponse.parse((await peopleApi(app, h.manager).people()).json()).people;
      expect(listed.filter((p) => p.staffNo !== null && numbers.includes(p.staffNo))).toHaveLength(8);
      const audit = await database.db.selectFrom('access_audit').selectAll().where('hall_id', '=', h.fx.hall.id).execute();
      expect(audit.filter((a) => a.action === 'import_roster')).toMatchObject([{ actor_id: h.manager.staffId }]);
      expect(audit.filter((a) => a.action === 'create_person').map((a) => JSON.parse(a.details!).via)).toEqual(Array(8).fill('roster_import'));
      const stored = JSON.stringify(await peopleTables(database));
      for (const a of body.added) if (a.pin !== null) expect(stored).not.toContain(`"${a.pin}"`);

      const pulled = await pull(app, h.fx.device.token);
      expect(pulled.staff.filter((s) => s.staffNo != null && numbers.includes(s.staffNo))).toHaveLength(8);
    });

    it('answers a dry run with the rows and adds nothing; the same file imported twice is refused', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      const api = peopleApi(app, h.manager);
      const { text } = roster();
      const file = { hallId: h.fx.hall.id, fileName: 'roster.csv', contentBase64: base64(text) };
      const before = await peopleTables(database);
      const dry = await api.importRoster({ ...file, dryRun: true });
      expect(dry.statusCode, dry.body).toBe(200);
      expect(RosterImportResponse.parse(dry.json())).toMatchObject({ dryRun: true, added: [] });
      expect(RosterImportResponse.parse(dry.json()).rows).toHaveLength(8);
      expect(await peopleTables(database)).toEqual(before);

      expect((await api.importRoster(file)).statusCode).toBe(201);
      const again = refusal(await api.importRoster({ ...file, fileName: 'roster (1).csv' }));
      expect(again.issues[0]).toEqual({ row: 0, field: 'file', problem: 'same_file', value: 'roster (1).csv' });
      expect(again.issues.filter((i) => i.problem === 'staff_no_taken')).toHaveLength(8);
    });

    it('refuses a file with bad rows or numbers taken, whole, naming each row and field', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      const other = await seedManageHall(app, database);
      const taken = uniqueStaffNo();
      personOf(await peopleApi(app, other.manager).create({ hallId: other.fx.hall.id, name: '已有', staffNo: taken, role: 'consultant' }), 201);
      const fresh = uniqueStaffNo();
      const text = ['工号,姓名,角色', `${fresh},好人,营业员`, `${taken},重号,营业员`, `${uniqueStaffNo()},,营业员`].join('\n');
      const before = await peopleTables(database);
      const res = refusal(await peopleApi(app, h.manager).importRoster({ hallId: h.fx.hall.id, fileName: 'x.csv', contentBase64: base64(text) }));
      expect(res.message).toMatch(/nothing was imported/);
      expect(res.issues).toEqual([
        { row: 3, field: 'staffNo', problem: 'staff_no_taken', value: taken },
        { row: 4, field: 'name', problem: 'required', value: null },
      ]);
      const junk = refusal(await peopleApi(app, h.manager).importRoster({ hallId: h.fx.hall.id, fileName: 'x.csv', contentBase64: 'not base64 at all!' }));
      expect(junk.issues).toMatchObject([{ row: 0, field: 'file', problem: 'unreadable' }]);
      expect(await peopleTables(database)).toEqual(before);
    });

    it('takes an XLSX; a manager imports into their own active hall only', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      const other = await seedManageHall(app, database);
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Roster');
      sheet.addRow(['Name', 'English name', 'Staff No', 'Role']);
      sheet.addRow(['韩梅', 'Han Mei', uniqueStaffNo('X'), 'consultant']);
      const contentBase64 = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
      const manager = peopleApi(app, h.manager);

      const before = await peopleTables(database);
      expectRefused(await manager.importRoster({ hallId: other.fx.hall.id, fileName: 'r.xlsx', contentBase64 }), 403, 'forbidden');
      expectRefused(await peopleApi(app, h.consultant).importRoster({ hallId: h.fx.hall.id, fileName: 'r.xlsx', contentBase64 }), 403, 'forbidden');
      expect(await peopleTables(database)).toEqual(before);

      const res = await manager.importRoster({ hallId: h.fx.hall.id, fileName: 'r.xlsx', contentBase64 });
      expect(res.statusCode, res.body).toBe(201);
      expect(RosterImportResponse.parse(res.json()).added.map((a) => [a.person.name, a.person.nameEn])).toEqual([['韩梅', 'Han Mei']]);

      // A hall emptied and deactivated takes no roster, even from an admin.
      for (const id of [other.fx.consultantId, other.fx.marketerId, other.manager.staffId, other.admin.staffId]) await setStaffActive(database.db, id, false);
      await updateHall(database.db, other.fx.hall.id, { active: false });
      expectRefused(await peopleApi(app, h.admin).importRoster({ hallId: other.fx.hall.id, fileName: 'r.xlsx', contentBase64 }), 409, 'hall_inactive');
    });
  });
});
