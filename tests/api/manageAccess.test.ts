import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { API } from '../../src/shared/apiPaths.ts';
import { CampaignFile } from '../../src/shared/campaignFile.ts';
import { CampaignListResponse } from '../../src/shared/schemas/manage.ts';
import { useApiApp } from '../helpers/apiApp.ts';
import { forEachEngine } from '../helpers/apiEngines.ts';
import {
  completeDraft,
  countCampaigns,
  type ManageApi,
  manageApi,
  publishedCampaign,
  seedManageHall,
  writtenCampaign,
} from '../helpers/manageFixtures.ts';

/** Every manager-page route, called with plausible arguments. */
function everyRoute(api: ManageApi, campaignId: string, versionId: string, hallId: string) {
  const draft = completeDraft([hallId]);
  return [
    ['list', () => api.list()],
    ['create', () => api.create(draft)],
    ['detail', () => api.detail(campaignId)],
    ['save', () => api.save(campaignId, 1, draft)],
    ['publish', () => api.publish(campaignId, 1)],
    ['retire', () => api.retire(campaignId, 1)],
    ['duplicate', () => api.duplicate(campaignId)],
    ['version', () => api.version(campaignId, versionId)],
    ['export', () => api.exportFile([campaignId])],
    ['import', () => api.importFile('{}', [hallId])],
    ['audit', () => api.audit()],
  ] as const;
}

forEachEngine((engine) => {
  const ctx = useApiApp(engine);

  describe('who may use the manager pages', () => {
    it('refuses consultants and floor marketers on every route (403), and requests without a session (401)', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      const live = await publishedCampaign(manageApi(app, h.manager), completeDraft([h.fx.hall.id]));
      const count = await countCampaigns(database);
      for (const who of [h.consultant, h.marketer]) {
        for (const [name, call] of everyRoute(manageApi(app, who), live.id, live.currentVersionId!, h.fx.hall.id)) {
          const res = await call();
          expect([name, res.statusCode]).toEqual([name, 403]);
          expect(res.json().message).toMatch(/manager|admin/);
        }
      }
      const noSession = { ...h.manager, headers: { authorization: h.manager.headers.authorization! } };
      for (const [name, call] of everyRoute(manageApi(app, noSession), live.id, live.currentVersionId!, h.fx.hall.id)) {
        expect([name, (await call()).statusCode]).toEqual([name, 401]);
      }
      const noDevice = { ...h.manager, headers: {} };
      expect((await manageApi(app, noDevice).list()).statusCode).toBe(401);
      expect(await countCampaigns(database)).toBe(count);
    });

    it('keeps a manager to their own hall: another hall’s campaigns are 403 to read and to write', async () => {
      const { app, database } = ctx();
      const a = await seedManageHall(app, database);
      const b = await seedManageHall(app, database);
      const ofB = await publishedCampaign(manageApi(app, b.manager), completeDraft([b.fx.hall.id]));
      const managerA = manageApi(app, a.manager);
      const count = await countCampaigns(database);

      const list = CampaignListResponse.parse((await managerA.list()).json());
      expect(list.campaigns.map((c) => c.id)).not.toContain(ofB.id);
      expect(list.campaigns.map((c) => c.id)).toContain(a.fx.campaign.id);
      expect(list.halls.map((hall) => hall.id)).toEqual([a.fx.hall.id]);

      for (const res of [
        await managerA.detail(ofB.id),
        await managerA.version(ofB.id, ofB.currentVersionId!),
        await managerA.save(ofB.id, ofB.editVersion, completeDraft([a.fx.hall.id])),
        await managerA.publish(ofB.id, ofB.editVersion),
        await managerA.retire(ofB.id, ofB.editVersion),
        await managerA.duplicate(ofB.id),
        await managerA.exportFile([ofB.id]),
        // Naming another hall, in a new campaign or an import.
        await managerA.create(completeDraft([b.fx.hall.id])),
        await managerA.create(completeDraft([a.fx.hall.id, b.fx.hall.id])),
        await managerA.importFile('{}', [b.fx.hall.id]),
      ]) {
        expect(res.statusCode, res.body).toBe(403);
      }
      expect(await countCampaigns(database)).toBe(count);
      expect((await managerA.detail(uuidv7())).statusCode).toBe(404);
    });

    it('lets an admin see and write every hall, and refuses a hall that does not exist (400)', async () => {
      const { app, database } = ctx();
      const a = await seedManageHall(app, database);
      const b = await seedManageHall(app, database);
      const admin = manageApi(app, a.admin);
      const ofB = await publishedCampaign(manageApi(app, b.manager), completeDraft([b.fx.hall.id]));

      const list = CampaignListResponse.parse((await admin.list()).json());
      expect(list.campaigns.find((c) => c.id === ofB.id)?.canEdit).toBe(true);
      expect(list.halls.map((hall) => hall.id)).toEqual(expect.arrayContaining([a.fx.hall.id, b.fx.hall.id]));

      const both = writtenCampaign(await admin.create(completeDraft([a.fx.hall.id, b.fx.hall.id, a.fx.hall.id])), 201);
      expect(both.hallIds.sort()).toEqual([a.fx.hall.id, b.fx.hall.id].sort());
      const saved = writtenCampaign(await admin.save(ofB.id, ofB.editVersion, completeDraft([b.fx.hall.id], '管理员改')));
      expect(saved.editedBy).toEqual({ id: a.admin.staffId, name: a.admin.name });

      const count = await countCampaigns(database);
      const unknown = await admin.create(completeDraft([a.fx.hall.id, uuidv7()]));
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json()).toMatchObject({ error: 'unknown_hall' });
      expect(await countCampaigns(database)).toBe(count);

      // A manager sees a several-hall campaign of their hall but may not change it.
      const managerB = manageApi(app, b.manager);
      const seen = CampaignListResponse.parse((await managerB.list()).json()).campaigns.find((c) => c.id === both.id);
      expect(seen?.canEdit).toBe(false);
      expect((await managerB.save(both.id, both.editVersion, completeDraft([b.fx.hall.id]))).statusCode).toBe(403);
      // …but may duplicate it, for their own hall alone.
      expect(writtenCampaign(await managerB.duplicate(both.id), 201).hallIds).toEqual([b.fx.hall.id]);
    });

    it('exports across halls for an admin as all-halls, and a manager’s file carries the hall name', async () => {
      const { app, database } = ctx();
      const a = await seedManageHall(app, database);
      const b = await seedManageHall(app, database);
      await publishedCampaign(manageApi(app, b.manager), completeDraft([b.fx.hall.id]));
      const all = await manageApi(app, a.admin).exportFile();
      expect(all.statusCode, all.body).toBe(200);
      expect(all.headers['content-disposition']).toMatch(/^attachment; filename="talktrack-campaigns-all-halls-\d{4}-\d{2}-\d{2}\.json"/);
      expect(CampaignFile.parse(all.json()).campaigns.length).toBeGreaterThanOrEqual(3);

      const own = await manageApi(app, a.manager).exportFile();
      const disposition = String(own.headers['content-disposition']);
      const encoded = /filename\*=UTF-8''(\S+)/.exec(disposition)?.[1] ?? '';
      expect(decodeURIComponent(encoded)).toContain(a.fx.hall.name.zh.replace(/\s+/g, '-'));
      // The plain filename is ASCII only, for clients that ignore filename*.
      expect(/filename="([^"]*)"/.exec(disposition)?.[1]).toMatch(/^[\x20-\x7e]+$/);
      expect(CampaignFile.parse(own.json()).campaigns).toHaveLength(1);
      expect(own.headers['content-type']).toMatch(/^application\/json/);
    });

    it('answers 400 naming the field for a malformed request', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      const api = manageApi(app, h.manager);
      const res = await api.create({ ...completeDraft([h.fx.hall.id]), hallIds: [] });
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toMatch(/hallIds/);
      const badId = await app.inject({ method: 'GET', url: `${API.manageCampaigns}/not-a-uuid`, headers: h.manager.headers });
      expect(badId.statusCode).toBe(400);
      expect(badId.json().message).toMatch(/campaignId/);
    });
  });
});
