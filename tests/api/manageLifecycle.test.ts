import { describe, expect, it } from 'vitest';
import { CampaignDetailResponse, IncompleteError, VersionResponse } from '../../src/shared/schemas/manage.ts';
import { PushResponse } from '../../src/shared/schemas/sync.ts';
import { useApiApp } from '../helpers/apiApp.ts';
import { forEachEngine } from '../helpers/apiEngines.ts';
import { entries, makeRecommendation, makeVisit, push } from '../helpers/apiFixtures.ts';
import {
  completeDraft,
  countCampaigns,
  manageApi,
  publishedCampaign,
  pull,
  seedManageHall,
  writtenCampaign,
} from '../helpers/manageFixtures.ts';

forEachEngine((engine) => {
  const ctx = useApiApp(engine);

  describe('campaign lifecycle: draft, publish, new version, retire', () => {
    it('keeps a new campaign a draft that no tablet pulls', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      const before = await pull(app, h.fx.device.token);
      const created = writtenCampaign(await manageApi(app, h.manager).create(completeDraft([h.fx.hall.id])), 201);
      expect(created).toMatchObject({ status: 'draft', currentVersion: null, currentVersionId: null, hasDraft: true, editVersion: 0, canEdit: true });
      expect(created.editedBy).toEqual({ id: h.manager.staffId, name: h.manager.name });
      const after = await pull(app, h.fx.device.token, before.cursor);
      expect(after.campaigns).toEqual([]);
      expect(JSON.stringify(await pull(app, h.fx.device.token))).not.toContain(created.id);
    });

    it('refuses to publish an incomplete draft, naming what is missing, and changes nothing', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      const api = manageApi(app, h.manager);
      const draft = completeDraft([h.fx.hall.id]);
      draft.talkTrack.elements.price = { zh: '  ' };
      draft.talkTrack.elements.cancel = { zh: '', en: 'Text TD to 10086' };
      draft.talkTrack.objections.push({ question: { zh: '能退吗？' }, answer: { zh: '' } });
      const created = writtenCampaign(await api.create(draft), 201);
      const cursor = (await pull(app, h.fx.device.token)).cursor;

      const res = await api.publish(created.id, created.editVersion);
      expect(res.statusCode).toBe(422);
      const body = IncompleteError.parse(res.json());
      expect(body.missing).toEqual(['talkTrack.elements.price.zh', 'talkTrack.elements.cancel.zh', 'talkTrack.objections.1.answer.zh']);
      expect(body.message).toContain('price and how it is charged');
      expect(body.message).toContain('how to cancel');
      expect(body.message).toContain('the answer of objection 2');

      const detail = CampaignDetailResponse.parse((await api.detail(created.id)).json());
      expect(detail.campaign).toMatchObject({ status: 'draft', editVersion: 0, currentVersion: null });
      expect(detail.versions).toEqual([]);
      expect((await pull(app, h.fx.device.token, cursor)).campaigns).toEqual([]);
    });

    it('publishes to every tablet of the hall with the exact version, and a new version only on the next publish', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      const api = manageApi(app, h.manager);
      const draft = completeDraft([h.fx.hall.id], '第一版');
      const start = await pull(app, h.fx.device.token);

      const v1 = await publishedCampaign(api, draft);
      expect(v1).toMatchObject({ status: 'published', currentVersion: 1, hasDraft: false, editVersion: 1 });
      const first = await pull(app, h.fx.device.token, start.cursor);
      expect(first.campaigns).toEqual([
        { id: v1.id, hallIds: [h.fx.hall.id], ...draft.campaign, status: 'published', currentVersionId: v1.currentVersionId },
      ]);
      expect(first.talkTracks).toHaveLength(1);
      expect(first.talkTracks[0]).toMatchObject({ id: v1.currentVersionId, campaignId: v1.id, version: 1, publishedBy: h.manager.staffId, ...draft.talkTrack });

      // A saved change stays on the manager page until it is published.
      const edited = completeDraft([h.fx.hall.id], '第二版');
      edited.campaign.endDate = '2098-06-30';
      const saved = writtenCampaign(await api.save(v1.id, v1.editVersion, edited));
      expect(saved).toMatchObject({ status: 'published', currentVersion: 1, hasDraft: true, editVersion: 2 });
      expect(saved.campaign.endDate).toBe(draft.campaign.endDate);
      expect(await pull(app, h.fx.device.token, first.cursor)).toMatchObject({ campaigns: [], talkTracks: [] });
      const detail = CampaignDetailResponse.parse((await api.detail(v1.id)).json());
      expect(detail.draft).toEqual(edited);

      const v2 = writtenCampaign(await api.publish(v1.id, saved.editVersion));
      expect(v2).toMatchObject({ currentVersion: 2, hasDraft: false });
      expect(v2.currentVersionId).not.toBe(v1.currentVersionId);
      const second = await pull(app, h.fx.device.token, first.cursor);
      expect(second.campaigns).toMatchObject([{ id: v1.id, endDate: '2098-06-30', currentVersionId: v2.currentVersionId }]);
      expect(second.talkTracks.map((t) => [t.version, t.pitch.zh])).toEqual([
        [1, '推荐流量包（第一版）'],
        [2, '推荐流量包（第二版）'],
      ]);

      const history = CampaignDetailResponse.parse((await api.detail(v1.id)).json());
      expect(history.versions.map((v) => [v.version, v.publishedBy])).toEqual([
        [2, { id: h.manager.staffId, name: h.manager.name }],
        [1, { id: h.manager.staffId, name: h.manager.name }],
      ]);
      const old = await api.version(v1.id, v1.currentVersionId!);
      expect(old.statusCode, old.body).toBe(200);
      const oldVersion = VersionResponse.parse(old.json());
      expect(oldVersion.version).toMatchObject({ version: 1, pitch: { zh: '推荐流量包（第一版）' } });
      expect(oldVersion.publishedBy).toEqual({ id: h.manager.staffId, name: h.manager.name });
    });

    it('publishes a change of dates only without a new talk-track version', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      const api = manageApi(app, h.manager);
      const v1 = await publishedCampaign(api, completeDraft([h.fx.hall.id]));
      const moved = completeDraft([h.fx.hall.id]);
      moved.campaign.endDate = '2097-01-31';
      const saved = writtenCampaign(await api.save(v1.id, v1.editVersion, moved));
      const published = writtenCampaign(await api.publish(v1.id, saved.editVersion));
      expect(published).toMatchObject({ currentVersion: 1, currentVersionId: v1.currentVersionId, campaign: { endDate: '2097-01-31' } });
    });

    it('accepts a recommendation made with version 1 after version 2 is published, and keeps its version', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      const api = manageApi(app, h.manager);
      const v1 = await publishedCampaign(api, completeDraft([h.fx.hall.id], '第一版'));
      const saved = writtenCampaign(await api.save(v1.id, v1.editVersion, completeDraft([h.fx.hall.id], '第二版')));
      const v2 = writtenCampaign(await api.publish(v1.id, saved.editVersion));
      expect(v2.currentVersion).toBe(2);

      // The tablet was offline: its visit and recommendation still name version 1.
      const visit = makeVisit(h.fx);
      const rec = makeRecommendation(h.fx, visit.id, { campaignId: v1.id, talkTrackVersionId: v1.currentVersionId! });
      const res = await push(app, h.fx.device.token, { entries: entries([visit, rec], 1, 2) });
      expect(PushResponse.parse(res.json())).toEqual({ ackedThrough: 2, rejected: [] });
      const stored = await database.db.selectFrom('recommendations').selectAll().where('id', '=', rec.id).executeTakeFirstOrThrow();
      expect(stored.talk_track_version_id).toBe(v1.currentVersionId);
    });

    it('retires: tablets are told, versions stay readable, and further changes are refused', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      const api = manageApi(app, h.manager);
      const live = await publishedCampaign(api, completeDraft([h.fx.hall.id]));
      const cursor = (await pull(app, h.fx.device.token)).cursor;
      const retired = writtenCampaign(await api.retire(live.id, live.editVersion));
      expect(retired).toMatchObject({ status: 'retired', canEdit: false, currentVersion: 1 });
      const told = await pull(app, h.fx.device.token, cursor);
      expect(told.campaigns).toMatchObject([{ id: live.id, status: 'retired' }]);
      expect((await api.version(live.id, live.currentVersionId!)).statusCode).toBe(200);

      for (const res of [
        await api.save(live.id, retired.editVersion, completeDraft([h.fx.hall.id])),
        await api.publish(live.id, retired.editVersion),
        await api.retire(live.id, retired.editVersion),
      ]) {
        expect(res.statusCode).toBe(409);
        expect(res.json()).toMatchObject({ error: 'retired', message: expect.stringContaining('duplicate it') });
      }
    });

    it('retires a draft that was never published without telling tablets of it', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      const api = manageApi(app, h.manager);
      const draft = completeDraft([h.fx.hall.id]);
      draft.campaign.offerCode = '';
      const created = writtenCampaign(await api.create(draft), 201);
      const cursor = (await pull(app, h.fx.device.token)).cursor;
      expect(writtenCampaign(await api.retire(created.id, created.editVersion)).status).toBe('retired');
      expect((await pull(app, h.fx.device.token, cursor)).campaigns).toEqual([]);
      expect((await pull(app, h.fx.device.token)).campaigns.map((c) => c.id)).not.toContain(created.id);
    });

    it('duplicates a retired campaign into a new draft for the manager’s hall', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      const api = manageApi(app, h.manager);
      const draft = completeDraft([h.fx.hall.id]);
      draft.campaign.focus = true;
      const live = await publishedCampaign(api, draft);
      writtenCampaign(await api.retire(live.id, live.editVersion));
      const count = await countCampaigns(database);

      const copy = writtenCampaign(await api.duplicate(live.id), 201);
      expect(copy.id).not.toBe(live.id);
      expect(copy).toMatchObject({ status: 'draft', hallIds: [h.fx.hall.id], currentVersion: null, editVersion: 0, canEdit: true });
      expect(copy.campaign.title).toEqual({ zh: '流量加油包（副本）', en: 'Data top-up (copy)' });
      expect(copy.campaign.focus).toBe(false);
      const detail = CampaignDetailResponse.parse((await api.detail(copy.id)).json());
      expect(detail.draft.talkTrack).toEqual(draft.talkTrack);
      expect(detail.versions).toEqual([]);
      expect(await countCampaigns(database)).toBe(count + 1);
      // The copy is complete, so it publishes as version 1 of its own.
      expect(writtenCampaign(await api.publish(copy.id, copy.editVersion)).currentVersion).toBe(1);
    });

    it('refuses to take a hall off a published campaign, and allows adding one', async () => {
      const { app, database } = ctx();
      const a = await seedManageHall(app, database);
      const b = await seedManageHall(app, database);
      const admin = manageApi(app, a.admin);
      const both = await publishedCampaign(admin, completeDraft([a.fx.hall.id, b.fx.hall.id]));
      const res = await admin.save(both.id, both.editVersion, completeDraft([a.fx.hall.id]));
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ error: 'hall_removed', message: expect.stringMatching(/[Rr]etire .* duplicate/) });
      expect(res.json().message).toContain(b.fx.hall.name.zh);

      const one = await publishedCampaign(admin, completeDraft([a.fx.hall.id]));
      const cursorB = (await pull(app, b.fx.device.token)).cursor;
      const saved = writtenCampaign(await admin.save(one.id, one.editVersion, completeDraft([a.fx.hall.id, b.fx.hall.id])));
      expect(writtenCampaign(await admin.publish(one.id, saved.editVersion)).hallIds.sort()).toEqual([a.fx.hall.id, b.fx.hall.id].sort());
      const atB = await pull(app, b.fx.device.token, cursorB);
      expect(atB.campaigns.map((c) => c.id)).toEqual([one.id]);
      expect(atB.talkTracks.map((t) => t.id)).toEqual([one.currentVersionId]);
    });
  });
});
