import { describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { API, fillPath } from '../../src/shared/apiPaths.ts';
import { canonicalJson, importSigningKey, macOf } from '../../src/shared/recordSignature.ts';
import { HeldDecisionResponse, HeldRecordListResponse } from '../../src/shared/schemas/heldRecords.ts';
import { CampaignDetailResponse } from '../../src/shared/schemas/manage.ts';
import { DailyReport } from '../../src/shared/schemas/reports.ts';
import { PushResponse } from '../../src/shared/schemas/sync.ts';
import { issueSigningKey, loadSigningKeys } from '../../src/server/repos/signingKeys.ts';
import { insertStaff } from '../../src/server/repos/staff.ts';
import { judge } from '../../src/server/sync/applyPush.ts';
import { checkSignature, clockWindowFromEnv } from '../../src/server/sync/recordTrust.ts';
import { useApiApp } from '../helpers/apiApp.ts';
import { forEachEngine } from '../helpers/apiEngines.ts';
import {
  countStored,
  enrolDevice,
  type HallFixture,
  makeRecommendation,
  makeVisit,
  makeVisitClose,
  push,
  seedHallFixture,
  signEntries,
  testSigningKey,
} from '../helpers/apiFixtures.ts';
import { accessAudit, adminApi, DAY_MS } from '../helpers/deviceFixtures.ts';
import { manageApi, type ManageHall, seedManageHall, type SignedIn, writtenCampaign } from '../helpers/manageFixtures.ts';
import { peopleApi } from '../helpers/peopleFixtures.ts';
import { makeVoid, reportApi } from '../helpers/reportFixtures.ts';

/** Records the server can trust: signed by the person they name on the tablet that sends them, within clock bounds, conflicts reported, nothing dropped. */

const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

async function answer(res: Awaited<ReturnType<typeof push>>) {
  expect(res.statusCode, res.body).toBe(200);
  return PushResponse.parse(res.json());
}

const errors = (a: PushResponse) => a.rejected.map((r) => [r.seq, r.error]);

function heldApi(ctx: () => { app: Parameters<typeof push>[0] }, who: SignedIn) {
  const req = (method: 'GET' | 'POST', url: string, payload?: object) =>
    ctx().app.inject({ method, url, headers: who.headers, ...(payload === undefined ? {} : { payload }) });
  return {
    list: (query = '') => req('GET', `${API.adminHeldRecords}${query}`),
    accept: (heldId: string, note: string) => req('POST', fillPath(API.adminHeldRecordAccept, { heldId }), { note }),
    discard: (heldId: string, note: string) => req('POST', fillPath(API.adminHeldRecordDiscard, { heldId }), { note }),
  };
}

forEachEngine((engine) => {
  const ctx = useApiApp(engine);

  async function heldRows(deviceId: string) {
    return ctx().database.db.selectFrom('held_records').selectAll().where('device_id', '=', deviceId).orderBy('seq').orderBy('received_at').execute();
  }

  describe('a record in a person’s name needs that person', () => {
    it('the shared tablet MAC and the server’s check agree, and one changed field breaks it', async () => {
      const { app, database } = ctx();
      const fx = await seedHallFixture(app, database);
      const issued = await issueSigningKey(database.db, { staffId: fx.consultantId, deviceId: fx.device.id, now: new Date() });
      const record = makeVisit(fx);
      const sig = { keyId: issued.id, mac: await macOf(await importSigningKey(issued.secret), record) };
      const keys = await loadSigningKeys(database.db, [issued.id]);
      expect(checkSignature({ seq: 1, record, sig }, record, canonicalJson(record), keys, fx.device.id)).toBeNull();
      // Key order does not matter (canonical JSON); content does.
      const reordered = Object.fromEntries(Object.entries(record).reverse()) as typeof record;
      expect(checkSignature({ seq: 1, record: reordered, sig }, reordered, canonicalJson(reordered), keys, fx.device.id)).toBeNull();
      const changed = { ...record, business: 'other' as const };
      expect(checkSignature({ seq: 1, record: changed, sig }, changed, canonicalJson(changed), keys, fx.device.id)?.error).toBe('bad_signature');
    });

    it('refuses a visit, a close and a void in P’s name from a tablet P never signed in on, and counts none of them', async () => {
      const { app, database } = ctx();
      const fx = await seedHallFixture(app, database);
      // P's visit, stored from P's own tablet.
      const own = makeVisit(fx);
      expect(errors(await answer(await push(app, fx.device.token, { entries: [{ seq: 1, record: own }] })))).toEqual([]);

      const other = await enrolDevice(app, database, fx.hall.id);
      const onOther = { ...fx, device: other };
      const visit = makeVisit(onOther);
      const close = makeVisitClose(onOther, own.id);
      const voiding = makeVoid(onOther, own.id);
      // The marketer signed in on the other tablet; P did not. P's key from P's own tablet is no proof either.
      const marketersKey = (await testSigningKey(database, other.id, fx.marketerId))!;
      const psKeyElsewhere = (await testSigningKey(database, fx.device.id, fx.consultantId))!;
      const res = await push(app, other.token, {
        entries: [
          { seq: 1, record: visit, sig: undefined },
          { seq: 2, record: close, sig: { keyId: marketersKey.keyId, mac: await macOf(marketersKey.key, close) } },
          { seq: 3, record: voiding, sig: { keyId: psKeyElsewhere.keyId, mac: await macOf(psKeyElsewhere.key, voiding) } },
          { seq: 4, record: makeVisit(onOther), sig: { keyId: uuidv7(), mac: 'A'.repeat(43) } },
        ],
      });
      const a = await answer(res);
      expect(a.ackedThrough).toBe(4);
      expect(errors(a)).toEqual([
        [1, 'unsigned'],
        [2, 'bad_signature'],
        [3, 'bad_signature'],
        [4, 'bad_signature'],
      ]);
      expect(a.rejected[0]!.message).toMatch(/must sign in on this tablet/);
      expect(await countStored(database, other.id)).toMatchObject({ visits: 0, visitCloses: 0, fieldRecords: 0 });
      const voided = await database.db.selectFrom('visits').select('voided_at').where('id', '=', own.id).executeTakeFirstOrThrow();
      expect(voided.voided_at).toBeNull();
      const held = await heldRows(other.id);
      expect(held.map((h) => [h.seq, h.reason, h.status, h.staff_id])).toEqual([
        [1, 'unsigned', 'held', fx.consultantId],
        [2, 'bad_signature', 'held', fx.consultantId],
        [3, 'bad_signature', 'held', fx.consultantId],
        [4, 'bad_signature', 'held', fx.consultantId],
      ]);
      expect(JSON.parse(held[0]!.record)).toEqual(visit);
    });

    it('refuses a replayed signed record with one field changed, under its own seq and under a new one', async () => {
      const { app, database } = ctx();
      const fx = await seedHallFixture(app, database);
      const visit = makeVisit(fx);
      const [signed] = await signEntries(database, [{ seq: 1, record: visit }]);
      expect(errors(await answer(await push(app, fx.device.token, { entries: [signed!] })))).toEqual([]);
      const tampered = { ...visit, business: 'new_line' as const };
      const again = await answer(await push(app, fx.device.token, { entries: [{ ...signed!, record: tampered }, { seq: 2, record: tampered, sig: signed!.sig }] }));
      expect(errors(again)).toEqual([
        [1, 'conflict'],
        [2, 'bad_signature'],
      ]);
      expect(await countStored(database, fx.device.id)).toMatchObject({ visits: 1, fieldRecords: 1 });
      const stored = await database.db.selectFrom('visits').select('business').where('id', '=', visit.id).executeTakeFirstOrThrow();
      expect(stored.business).toBe(visit.business);
    });
  });

  describe('clocks within bounds', () => {
    it('holds back a void dated 30 days back, and visits dated 2099 or in year 1, and lists them for the manager', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      const fx = h.fx;
      const visit = makeVisit(fx);
      const records = [
        visit,
        makeVoid(fx, visit.id, { voidedAt: ago(30 * DAY_MS) }),
        makeVisit(fx, { openedAt: '2099-06-01T02:00:00Z' }),
        makeVisit(fx, { openedAt: '0001-06-01T02:00:00Z' }),
        makeVisit(fx, { openedAt: new Date(Date.now() + 10 * 60_000).toISOString() }),
        makeRecommendation(fx, visit.id, { recordedAt: ago(8 * DAY_MS) }),
        makeVisitClose(fx, visit.id, { closedAt: ago(6 * DAY_MS) }),
      ];
      const a = await answer(await push(app, fx.device.token, { entries: records.map((record, i) => ({ seq: i + 1, record })) }));
      expect(errors(a)).toEqual([
        [2, 'clock_out_of_range'],
        [3, 'clock_out_of_range'],
        [4, 'clock_out_of_range'],
        [5, 'clock_out_of_range'],
        [6, 'clock_out_of_range'],
      ]);
      expect(a.rejected[0]!.message).toMatch(/more than 7 days before/);
      expect(a.rejected[1]!.message).toMatch(/minutes after the server received it/);
      expect(a.rejected[2]!.message).toMatch(/year is outside 2000–2100/);
      expect(a.rejected[3]!.message).toMatch(/minutes after the server received it/);
      expect(await countStored(database, fx.device.id)).toMatchObject({ visits: 1, recommendations: 0, visitCloses: 1 });
      const voided = await database.db.selectFrom('visits').select('voided_at').where('id', '=', visit.id).executeTakeFirstOrThrow();
      expect(voided.voided_at).toBeNull();

      const list = HeldRecordListResponse.parse((await heldApi(ctx, h.manager).list()).json()).records;
      const mine = list.filter((r) => r.deviceId === fx.device.id).sort((x, y) => x.seq - y.seq);
      expect(mine.map((r) => [r.seq, r.kind, r.reason, r.acceptable])).toEqual([
        [2, 'visit_void', 'clock_out_of_range', true],
        [3, 'visit', 'clock_out_of_range', true],
        [4, 'visit', 'clock_out_of_range', true],
        [5, 'visit', 'clock_out_of_range', true],
        [6, 'recommendation', 'clock_out_of_range', true],
      ]);
      expect(mine[1]).toMatchObject({ deviceLabel: 'test tablet', staff: { id: fx.consultantId, name: '测试员甲' }, recordTime: '2099-06-01T02:00:00Z', status: 'held' });
    });

    it('refuses a recommendation against a campaign that was not live when it was recorded, and retiring records when', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      const fx = h.fx;
      const visit = makeVisit(fx);
      const before = makeRecommendation(fx, visit.id);
      const api = manageApi(app, h.manager);
      const detail = CampaignDetailResponse.parse((await api.detail(fx.campaign.id)).json());
      writtenCampaign(await api.retire(fx.campaign.id, detail.campaign.editVersion));
      const row = await database.db.selectFrom('campaigns').select('retired_at').where('id', '=', fx.campaign.id).executeTakeFirstOrThrow();
      expect(Date.now() - Date.parse(row.retired_at!)).toBeLessThan(60_000);
      await new Promise((resolve) => setTimeout(resolve, 5));
      const after = makeRecommendation(fx, visit.id);
      // Before its first publication (2026-01-01 09:00 +08:00).
      const early = makeRecommendation(fx, visit.id, { recordedAt: '2026-01-01T00:59:00Z' });
      const a = await answer(await push(app, fx.device.token, { entries: [visit, before, after].map((record, i) => ({ seq: i + 1, record })) }));
      expect(errors(a)).toEqual([[3, 'campaign_not_live']]);
      expect(a.rejected[0]!.message).toMatch(/was not live/);
      // `early` would be out of the clock window too; with the window passed by, the campaign rule alone refuses it.
      const [signedEarly] = await signEntries(database, [{ seq: 4, record: early }]);
      const judged = await database.db.transaction().execute((trx) =>
        judge(trx, engine, { id: fx.device.id, hallId: fx.hall.id }, [signedEarly!], { receivedAt: new Date(), clockWindowMs: null }),
      );
      expect(judged.all.map((r) => r.error)).toEqual(['campaign_not_live']);
    });
  });

  describe('conflicts are reported', () => {
    it('ten parallel pushes of one seq with different records: one stored, nine conflicts, all kept once', async () => {
      const { app, database } = ctx();
      const fx = await seedHallFixture(app, database);
      const records = Array.from({ length: 10 }, () => makeVisit(fx));
      const bodies = await Promise.all(records.map(async (record) => ({ entries: await signEntries(database, [{ seq: 1, record }]) })));
      const answers = await Promise.all(bodies.map(async (body) => answer(await push(app, fx.device.token, body))));
      expect(answers.every((a) => a.ackedThrough === 1)).toBe(true);
      const conflicts = answers.filter((a) => a.rejected.some((r) => r.error === 'conflict'));
      expect(conflicts).toHaveLength(9);
      expect(answers.filter((a) => a.rejected.length === 0)).toHaveLength(1);
      expect(await countStored(database, fx.device.id)).toMatchObject({ visits: 1, fieldRecords: 1, receipts: 1 });
      const held = await heldRows(fx.device.id);
      expect(held).toHaveLength(9);
      expect(held.every((r) => r.reason === 'conflict' && r.seq === 1)).toBe(true);
      const storedId = (await database.db.selectFrom('visits').select('id').where('device_id', '=', fx.device.id).executeTakeFirstOrThrow()).id;
      expect(new Set([storedId, ...held.map((r) => r.record_id)])).toEqual(new Set(records.map((r) => r.id)));

      // Repeating every push adds nothing.
      await Promise.all(bodies.map(async (body) => answer(await push(app, fx.device.token, body))));
      expect(await heldRows(fx.device.id)).toHaveLength(9);
    });

    it('a known record id with other content is a conflict, the same content a duplicate', async () => {
      const { app, database } = ctx();
      const fx = await seedHallFixture(app, database);
      const visit = makeVisit(fx);
      await answer(await push(app, fx.device.token, { entries: [{ seq: 1, record: visit }] }));
      const a = await answer(
        await push(app, fx.device.token, {
          entries: [
            { seq: 2, record: visit },
            { seq: 3, record: { ...visit, segment: '另一个' } },
          ],
        }),
      );
      expect(errors(a)).toEqual([[3, 'conflict']]);
      expect(a.rejected[0]!.message).toMatch(/already stored with other content/);
      const receipts = await database.db.selectFrom('push_receipts').select(['seq', 'status', 'record_hash']).where('device_id', '=', fx.device.id).orderBy('seq').execute();
      expect(receipts.map((r) => r.status)).toEqual(['accepted', 'duplicate', 'rejected']);
      expect(receipts[0]!.record_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(receipts[1]!.record_hash).toBe(receipts[0]!.record_hash);
      const stored = await database.db.selectFrom('field_records').select('content_hash').where('id', '=', visit.id).executeTakeFirstOrThrow();
      expect(stored.content_hash).toBe(receipts[0]!.record_hash);
      expect((await heldRows(fx.device.id)).map((r) => [r.seq, r.reason])).toEqual([[3, 'conflict']]);
    });

    it('a record stored before hashes were kept counts as the same content', async () => {
      const { app, database } = ctx();
      const fx = await seedHallFixture(app, database);
      const visit = makeVisit(fx);
      await answer(await push(app, fx.device.token, { entries: [{ seq: 1, record: visit }] }));
      await database.db.updateTable('field_records').set({ content_hash: null }).where('id', '=', visit.id).execute();
      await database.db.updateTable('push_receipts').set({ record_hash: null }).where('device_id', '=', fx.device.id).execute();
      const a = await answer(await push(app, fx.device.token, { entries: [{ seq: 1, record: { ...visit, segment: 'x' } }, { seq: 2, record: { ...visit, segment: 'y' } }] }));
      expect(errors(a)).toEqual([]);
      expect(await heldRows(fx.device.id)).toHaveLength(0);
    });
  });

  describe('signing keys end with the access they came with', () => {
    async function keysOf(staffId: string) {
      return ctx().database.db.selectFrom('signing_keys').select(['device_id', 'revoked_at']).where('staff_id', '=', staffId).execute();
    }

    async function signedBeforeAndAfter(h: ManageHall, change: () => Promise<{ statusCode: number; body: string }>, staffId = h.fx.consultantId) {
      const { database } = ctx();
      const fx = h.fx;
      const visit = makeVisit(fx, { staffId });
      const [before] = await signEntries(database, [{ seq: 1, record: visit }]);
      const res = await change();
      expect(res.statusCode, res.body).toBe(200);
      const keys = await keysOf(staffId);
      expect(keys.length).toBeGreaterThan(0);
      expect(keys.every((k) => k.revoked_at !== null)).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 5));
      const [after] = await signEntries(database, [{ seq: 2, record: makeVisit(fx, { staffId }) }]);
      return { visit, entries: [before!, after!], device: fx.device };
    }

    it('on deactivation: a record made before still counts, one made after does not', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      const { entries, device } = await signedBeforeAndAfter(h, () => peopleApi(app, h.manager).deactivate(h.fx.consultantId));
      const a = await answer(await push(app, device.token, { entries }));
      expect(errors(a)).toEqual([[2, 'bad_signature']]);
      expect(a.rejected[0]!.message).toMatch(/was ended at/);
      expect(await countStored(database, device.id)).toMatchObject({ visits: 1 });
    });

    it('on a move to another hall, a PIN reset and signing out everywhere', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      const elsewhere = await seedHallFixture(app, database);
      // A person of their own for each change, so each one is shown to end the keys by itself.
      const person = async () => {
        const id = uuidv7();
        await insertStaff(database.db, { id, hallId: h.fx.hall.id, name: '签名测试', role: 'consultant', active: true, secret: '975310' });
        return id;
      };
      const [reset, signedOut, moved] = [await person(), await person(), await person()];
      await signedBeforeAndAfter(h, () => peopleApi(app, h.manager).resetPin(reset), reset);
      await signedBeforeAndAfter(h, () => adminApi(app, h.manager).revokeSessions(signedOut), signedOut);
      await signedBeforeAndAfter(h, () => peopleApi(app, h.admin).move(moved, elsewhere.hall.id), moved);
      expect((await keysOf(h.fx.consultantId)).every((k) => k.revoked_at === null)).toBe(true);
    });

    it('on revoking the tablet, for everyone who signed in on it', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      const spare = await enrolDevice(app, database, h.fx.hall.id);
      await testSigningKey(database, spare.id, h.fx.consultantId);
      await testSigningKey(database, spare.id, h.fx.marketerId);
      await testSigningKey(database, h.fx.device.id, h.fx.consultantId);
      expect((await adminApi(app, h.manager).revoke(spare.id)).statusCode).toBe(200);
      const keys = await database.db.selectFrom('signing_keys').select(['device_id', 'revoked_at']).where('device_id', 'in', [spare.id, h.fx.device.id]).execute();
      for (const k of keys) expect(k.revoked_at === null, k.device_id).toBe(k.device_id !== spare.id);
    });
  });

  describe('held records: accepting and discarding', () => {
    async function holdTwo(h: ManageHall) {
      const { app } = ctx();
      const fx: HallFixture = h.fx;
      const old = makeVisit(fx, { openedAt: ago(9 * DAY_MS) });
      const unsigned = makeVisit(fx);
      const a = await answer(await push(app, fx.device.token, { entries: [{ seq: 1, record: old }, { seq: 2, record: unsigned, sig: undefined }] }));
      expect(errors(a)).toEqual([
        [1, 'clock_out_of_range'],
        [2, 'unsigned'],
      ]);
      const list = HeldRecordListResponse.parse((await heldApi(ctx, h.manager).list()).json()).records.filter((r) => r.deviceId === fx.device.id);
      return { old, unsigned, heldOld: list.find((r) => r.seq === 1)!, heldUnsigned: list.find((r) => r.seq === 2)! };
    }

    it('accepts an out-of-bounds record once, audited, counted once in the reports; refuses to accept what is not acceptable', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      const { old, heldOld, heldUnsigned } = await holdTwo(h);
      const api = heldApi(ctx, h.manager);
      expect((await api.accept(heldOld.id, '  ')).statusCode).toBe(400);
      const accepted = await api.accept(heldOld.id, 'tablet was offline on leave; checked with the consultant');
      expect(accepted.statusCode, accepted.body).toBe(200);
      expect(HeldDecisionResponse.parse(accepted.json()).record).toMatchObject({
        status: 'accepted',
        acceptable: false,
        decidedBy: { id: h.manager.staffId },
        decisionNote: 'tablet was offline on leave; checked with the consultant',
      });
      const again = await api.accept(heldOld.id, 'twice');
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({ error: 'already_decided' });
      const notAcceptable = await api.accept(heldUnsigned.id, 'trust me');
      expect(notAcceptable.statusCode).toBe(409);
      expect(notAcceptable.json()).toMatchObject({ error: 'not_acceptable' });

      const audit = await accessAudit(database, heldOld.id);
      expect(audit.map((r) => [r.action, r.actor_id])).toEqual([['accept_held_record', h.manager.staffId]]);
      expect(await countStored(database, h.fx.device.id)).toMatchObject({ visits: 1, fieldRecords: 1 });
      const stored = await database.db.selectFrom('field_records').select(['seq', 'content_hash']).where('id', '=', old.id).executeTakeFirstOrThrow();
      expect(stored.seq).toBe(1);
      const day = new Date(old.openedAt).toLocaleDateString('en-CA', { timeZone: h.fx.hall.timeZone });
      const report = DailyReport.parse((await reportApi(app, h.manager).daily({ from: day, to: day })).json());
      const row = report.byPerson.find((p) => p.staffId === h.fx.consultantId && p.day === day);
      expect(row?.visits).toBe(1);

      // Pushed again by the tablet: a duplicate now, never a second visit.
      await answer(await push(app, h.fx.device.token, { entries: [{ seq: 3, record: old }] }));
      expect(await countStored(database, h.fx.device.id)).toMatchObject({ visits: 1, fieldRecords: 1 });
    });

    it('accepts a recommendation held for its unknown visit once the visit has arrived, and not before', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      const visit = makeVisit(h.fx);
      const rec = makeRecommendation(h.fx, visit.id);
      // The visit is sent after its recommendation (an outbox restored out of order): a gap-free seq, an unknown visit.
      const first = await answer(await push(app, h.fx.device.token, { entries: [{ seq: 1, record: rec }] }));
      expect(errors(first)).toEqual([[1, 'unknown_visit']]);
      const held = HeldRecordListResponse.parse((await heldApi(ctx, h.manager).list()).json()).records.find((r) => r.recordId === rec.id)!;
      expect(held).toMatchObject({ reason: 'unknown_visit', acceptable: true });
      const early = await heldApi(ctx, h.manager).accept(held.id, 'the visit is on its way');
      expect(early.statusCode).toBe(409);
      expect(early.json()).toMatchObject({ error: 'unknown_visit' });
      await answer(await push(app, h.fx.device.token, { entries: [{ seq: 2, record: visit }] }));
      const accepted = await heldApi(ctx, h.manager).accept(held.id, 'the visit has arrived');
      expect(accepted.statusCode, accepted.body).toBe(200);
      expect(await countStored(database, h.fx.device.id)).toMatchObject({ visits: 1, recommendations: 1, fieldRecords: 2 });
    });

    it('discards a held record, audited, and a manager of another hall can neither see nor decide it', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      const other = await seedManageHall(app, database);
      const { heldUnsigned } = await holdTwo(h);
      const stranger = heldApi(ctx, other.manager);
      expect(HeldRecordListResponse.parse((await stranger.list()).json()).records.some((r) => r.id === heldUnsigned.id)).toBe(false);
      expect((await stranger.list(`?hallId=${h.fx.hall.id}`)).statusCode).toBe(403);
      expect((await stranger.discard(heldUnsigned.id, 'not mine')).statusCode).toBe(403);
      const admin = HeldRecordListResponse.parse((await heldApi(ctx, other.admin).list()).json()).records;
      expect(admin.some((r) => r.id === heldUnsigned.id)).toBe(true);

      const discarded = await heldApi(ctx, h.manager).discard(heldUnsigned.id, 'not made by the consultant');
      expect(discarded.statusCode, discarded.body).toBe(200);
      expect(HeldDecisionResponse.parse(discarded.json()).record.status).toBe('discarded');
      expect((await accessAudit(database, heldUnsigned.id)).map((r) => r.action)).toEqual(['discard_held_record']);
      const still = HeldRecordListResponse.parse((await heldApi(ctx, h.manager).list()).json()).records;
      expect(still.some((r) => r.id === heldUnsigned.id)).toBe(false);
      const all = HeldRecordListResponse.parse((await heldApi(ctx, h.manager).list('?status=discarded')).json()).records;
      expect(all.map((r) => r.id)).toContain(heldUnsigned.id);
      expect(await countStored(database, h.fx.device.id)).toMatchObject({ visits: 0 });
    });
  });

  describe('CLOCK_WINDOW_DAYS', () => {
    it('reads the window in days, 7 by default, and refuses what is not a positive number', () => {
      expect(clockWindowFromEnv({})).toBe(7 * DAY_MS);
      expect(clockWindowFromEnv({ CLOCK_WINDOW_DAYS: '' })).toBe(7 * DAY_MS);
      expect(clockWindowFromEnv({ CLOCK_WINDOW_DAYS: '30' })).toBe(30 * DAY_MS);
      for (const bad of ['0', '-1', 'week']) expect(() => clockWindowFromEnv({ CLOCK_WINDOW_DAYS: bad })).toThrow(/CLOCK_WINDOW_DAYS must be a positive number of days/);
    });
  });

  describe('reports', () => {
    it('answer 400, never 500, for a date outside 2000–2100', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      const api = reportApi(app, h.manager);
      for (const [from, to] of [
        ['0001-01-01', '0001-01-02'],
        ['2101-01-01', '2101-01-01'],
        ['1999-12-31', '2000-01-01'],
      ] as const) {
        const res = await api.daily({ from, to });
        expect(res.statusCode, res.body).toBe(400);
      }
      expect((await api.visits({ day: '9999-12-31' })).statusCode).toBe(400);
      expect((await api.exportFile({ from: '0001-01-01', to: '0001-01-01', format: 'csv' })).statusCode).toBe(400);
      expect((await api.daily({ from: '2100-12-31', to: '2100-12-31' })).statusCode).toBe(200);
    });
  });
});
