import { describe, expect, it } from 'vitest';
import {
  AuditResponse,
  CampaignDetailResponse,
  CampaignListResponse,
  CampaignWriteResponse,
  EditConflictError,
} from '../../src/shared/schemas/manage.ts';
import { useApiApp } from '../helpers/apiApp.ts';
import { forEachEngine } from '../helpers/apiEngines.ts';
import { completeDraft, manageApi, seedManageHall, writtenCampaign } from '../helpers/manageFixtures.ts';

forEachEngine((engine) => {
  const ctx = useApiApp(engine);

  describe('concurrent edits', () => {
    it('refuses the second of two saves from the same edit version, naming who saved first and when', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      const manager = manageApi(app, h.manager);
      const admin = manageApi(app, h.admin);
      const created = writtenCampaign(await manager.create(completeDraft([h.fx.hall.id])), 201);

      const mine = completeDraft([h.fx.hall.id], '经理的');
      const first = writtenCampaign(await manager.save(created.id, created.editVersion, mine));
      const second = await admin.save(created.id, created.editVersion, completeDraft([h.fx.hall.id], '管理员的'));
      expect(second.statusCode).toBe(409);
      const conflict = EditConflictError.parse(second.json());
      expect(conflict).toMatchObject({ editVersion: first.editVersion, editedBy: { id: h.manager.staffId, name: h.manager.name } });
      expect(conflict.editedAt).toBe(first.editedAt);
      expect(conflict.message).toMatch(new RegExp(`^${h.manager.name} saved this campaign at \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} after you opened it; reload`));
      const detail = CampaignDetailResponse.parse((await admin.detail(created.id)).json());
      expect(detail.draft).toEqual(mine);
      // A stale publish or retire is refused the same way.
      expect((await admin.publish(created.id, created.editVersion)).statusCode).toBe(409);
      expect((await admin.retire(created.id, created.editVersion)).statusCode).toBe(409);
    });

    it('lets exactly one of several simultaneous writes from one edit version through', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      const manager = manageApi(app, h.manager);
      const admin = manageApi(app, h.admin);
      const created = writtenCampaign(await manager.create(completeDraft([h.fx.hall.id])), 201);
      const answers = await Promise.all([
        manager.save(created.id, 0, completeDraft([h.fx.hall.id], 'A')),
        admin.save(created.id, 0, completeDraft([h.fx.hall.id], 'B')),
        manager.publish(created.id, 0),
        admin.save(created.id, 0, completeDraft([h.fx.hall.id], 'C')),
      ]);
      expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409, 409, 409]);
      const winner = CampaignWriteResponse.parse(answers.find((a) => a.statusCode === 200)!.json()).campaign;
      expect(winner.editVersion).toBe(1);
      const versions = await database.db.selectFrom('talk_track_versions').select('id').where('campaign_id', '=', created.id).execute();
      expect(versions.length).toBe(winner.status === 'published' ? 1 : 0);
    });
  });

  describe('focus warnings', () => {
    it('warns when a hall has more than three focus campaigns running or to come, not counting ended or retired ones', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      const api = manageApi(app, h.manager);
      const focus = completeDraft([h.fx.hall.id]);
      focus.campaign.focus = true;
      // The hall fixture's own campaign is a focus campaign: with two more, three in all.
      writtenCampaign(await api.create(focus), 201);
      const third = CampaignWriteResponse.parse((await api.create(focus)).json());
      expect(third.focusWarnings).toEqual([]);
      const ended = { ...focus, campaign: { ...focus.campaign, startDate: '2020-01-01', endDate: '2020-12-31' } };
      expect(CampaignWriteResponse.parse((await api.create(ended)).json()).focusWarnings).toEqual([]);

      const fourth = CampaignWriteResponse.parse((await api.create(focus)).json());
      expect(fourth.focusWarnings).toEqual([{ hallId: h.fx.hall.id, count: 4 }]);
      expect(CampaignListResponse.parse((await api.list()).json()).focusWarnings).toEqual([{ hallId: h.fx.hall.id, count: 4 }]);

      const retired = writtenCampaign(await api.retire(fourth.campaign.id, fourth.campaign.editVersion));
      expect(retired.status).toBe('retired');
      expect(CampaignListResponse.parse((await api.list()).json()).focusWarnings).toEqual([]);
    });
  });

  describe('audit log', () => {
    it('records every write with who, when, what and the halls, readable by admins only', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      const manager = manageApi(app, h.manager);
      const draft = completeDraft([h.fx.hall.id]);
      const created = writtenCampaign(await manager.create(draft), 201);
      const edited = completeDraft([h.fx.hall.id], '改过');
      edited.campaign.endDate = '2098-01-01';
      const saved = writtenCampaign(await manager.save(created.id, created.editVersion, edited));
      const published = writtenCampaign(await manager.publish(created.id, saved.editVersion));
      const copy = writtenCampaign(await manager.duplicate(created.id), 201);
      writtenCampaign(await manager.retire(created.id, published.editVersion));
      const exported = await manager.exportFile([created.id]);
      const imported = await manager.importFile(exported.body, [h.fx.hall.id]);
      expect(imported.statusCode, imported.body).toBe(201);
      // A refused write leaves no entry.
      expect((await manager.publish(copy.id, 99)).statusCode).toBe(409);

      expect((await manager.audit()).statusCode).toBe(403);
      const res = await manageApi(app, h.admin).audit('?limit=500');
      expect(res.statusCode, res.body).toBe(200);
      const ours = AuditResponse.parse(res.json()).entries.filter((e) => e.actor.id === h.manager.staffId);
      expect(ours.map((e) => e.action)).toEqual(['import', 'retire', 'duplicate', 'publish', 'save_draft', 'create']);
      for (const e of ours) {
        expect(e.actor).toEqual({ id: h.manager.staffId, name: h.manager.name, role: 'manager' });
        expect(e.hallIds).toEqual([h.fx.hall.id]);
      }
      const by = (action: string) => ours.find((e) => e.action === action)!;
      expect(by('save_draft').summary).toMatch(/talkTrack\.opening\.zh/);
      expect(by('save_draft').summary).toMatch(/talkTrack\.pitch\.zh/);
      expect(by('save_draft').summary).toMatch(/campaign\.endDate/);
      expect(by('publish').summary).toBe('published version 1');
      expect(by('publish').campaignId).toBe(created.id);
      expect(by('duplicate').campaignId).toBe(copy.id);
      expect(by('duplicate').summary).toContain(created.id);
      const times = ours.map((e) => e.at);
      expect([...times].sort().reverse()).toEqual(times);
    });

    it('pages backwards with before and limit without skipping entries of the same instant', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      const manager = manageApi(app, h.manager);
      const file = (await manager.exportFile()).body;
      // One import of three campaigns: three entries of one instant.
      const twice = JSON.parse(file);
      twice.campaigns = [twice.campaigns[0], twice.campaigns[0], twice.campaigns[0]];
      expect((await manager.importFile(JSON.stringify(twice), [h.fx.hall.id])).statusCode).toBe(201);
      writtenCampaign(await manager.create(completeDraft([h.fx.hall.id])), 201);
      const admin = manageApi(app, h.admin);
      const all = AuditResponse.parse((await admin.audit('?limit=500')).json()).entries;
      const pages: string[] = [];
      let before: string | undefined;
      for (let i = 0; i < all.length + 1; i++) {
        const query = `?limit=2${before === undefined ? '' : `&before=${encodeURIComponent(before)}`}`;
        const page = AuditResponse.parse((await admin.audit(query)).json()).entries;
        if (page.length === 0) break;
        pages.push(...page.map((e) => e.id));
        before = page[page.length - 1]!.at;
      }
      expect(pages).toEqual(all.map((e) => e.id));
      expect((await admin.audit('?limit=0')).statusCode).toBe(400);
    });
  });
});
