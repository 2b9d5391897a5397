import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { CampaignFile } from '../../src/shared/campaignFile.ts';
import {
  type CampaignDraft,
  CampaignDetailResponse,
  ImportResponse,
  InvalidFileError,
  VersionResponse,
} from '../../src/shared/schemas/manage.ts';
import { useApiApp } from '../helpers/apiApp.ts';
import { forEachEngine } from '../helpers/apiEngines.ts';
import {
  completeDraft,
  countCampaigns,
  type ManageApi,
  manageApi,
  publishedCampaign,
  pull,
  seedManageHall,
  writtenCampaign,
} from '../helpers/manageFixtures.ts';

const HOSTILE = [
  '<script>alert("xss")</script>',
  '<img src=x onerror="alert(1)">',
  '<a href="javascript:alert(document.cookie)">点这里</a>',
  '=HYPERLINK("http://evil")',
  '第一行\n第二行 **强调** & < > " \' \\ \u2028',
].join('\n');

function hostileDraft(hallId: string): CampaignDraft {
  const draft = completeDraft([hallId]);
  draft.campaign.title = { zh: `<b>标题</b>${HOSTILE}`, en: '<svg onload=alert(1)>' };
  draft.talkTrack.pitch = { zh: HOSTILE, en: HOSTILE };
  draft.talkTrack.objections = [{ question: { zh: '<iframe src="javascript:alert(1)">' }, answer: { zh: HOSTILE } }];
  return draft;
}

async function draftOf(api: ManageApi, id: string): Promise<CampaignDraft> {
  const res = await api.detail(id);
  expect(res.statusCode, res.body).toBe(200);
  return CampaignDetailResponse.parse(res.json()).draft;
}

forEachEngine((engine) => {
  const ctx = useApiApp(engine);

  describe('export and import', () => {
    it('round-trips campaigns: the imported drafts equal what was exported', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      const api = manageApi(app, h.manager);
      const published = completeDraft([h.fx.hall.id], '已发布');
      published.campaign.segmentNote = { zh: '学生', en: 'Students' };
      const live = await publishedCampaign(api, published);
      // Published, then edited: the export carries the published state, not the draft.
      writtenCampaign(await api.save(live.id, live.editVersion, completeDraft([h.fx.hall.id], '未发布的修改')));
      const neverPublished = completeDraft([h.fx.hall.id], '草稿');
      neverPublished.campaign.offerCode = '';
      const draftOnly = writtenCampaign(await api.create(neverPublished), 201);

      const res = await api.exportFile([live.id, draftOnly.id]);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.body.split('\n').length).toBeGreaterThan(50);
      const file = CampaignFile.parse(res.json());
      expect(file).toMatchObject({ format: 'talktrack.campaigns', formatVersion: 1 });
      expect(file.campaigns).toEqual([
        { campaign: published.campaign, talkTrack: published.talkTrack },
        { campaign: neverPublished.campaign, talkTrack: neverPublished.talkTrack },
      ]);

      const count = await countCampaigns(database);
      const imported = await api.importFile(res.body, [h.fx.hall.id]);
      expect(imported.statusCode, imported.body).toBe(201);
      const created = ImportResponse.parse(imported.json()).created;
      expect(created.map((c) => c.status)).toEqual(['draft', 'draft']);
      expect(await countCampaigns(database)).toBe(count + 2);
      expect(await draftOf(api, created[0]!.id)).toEqual(published);
      expect(await draftOf(api, created[1]!.id)).toEqual(neverPublished);
      // Imported drafts are not on the tablets.
      expect((await pull(app, h.fx.device.token)).campaigns.map((c) => c.id)).not.toContain(created[0]!.id);
      expect((await api.exportFile([uuidv7()])).statusCode).toBe(404);
    });

    it('keeps script tags, event handlers and javascript: links as the characters they are', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      const api = manageApi(app, h.manager);
      const draft = hostileDraft(h.fx.hall.id);
      const live = await publishedCampaign(api, draft);
      expect(live.campaign.title).toEqual(draft.campaign.title);
      expect(await draftOf(api, live.id)).toEqual(draft);
      const version = VersionResponse.parse((await api.version(live.id, live.currentVersionId!)).json()).version;
      expect(version.pitch).toEqual(draft.talkTrack.pitch);
      expect(version.objections).toEqual(draft.talkTrack.objections);
      const pulled = await pull(app, h.fx.device.token);
      expect(pulled.talkTracks.find((t) => t.id === live.currentVersionId)?.pitch.zh).toBe(HOSTILE);

      const exported = await api.exportFile([live.id]);
      const imported = ImportResponse.parse((await api.importFile(exported.body, [h.fx.hall.id])).json()).created;
      expect(await draftOf(api, imported[0]!.id)).toEqual(draft);
    });

    it('refuses a broken file with its line and field, and imports nothing', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      const api = manageApi(app, h.manager);
      const a = await publishedCampaign(api, completeDraft([h.fx.hall.id], '甲'));
      const b = await publishedCampaign(api, completeDraft([h.fx.hall.id], '乙'));
      const good = (await api.exportFile([a.id, b.id])).body;
      const lines = good.split('\n');
      const lineOf = (needle: string) => lines.findIndex((l) => l.includes(needle)) + 1;
      const question = '"zh": "贵吗？"';
      const secondQuestion = good.indexOf(question, good.indexOf(question) + 1);
      const count = await countCampaigns(database);

      const cases: Array<{ name: string; text: string; line: number; field: string }> = [
        {
          name: 'a syntax error (a missing comma)',
          text: good.replace('"formatVersion": 1,', '"formatVersion": 1'),
          line: lineOf('"formatVersion"') + 1,
          field: '',
        },
        {
          name: 'a wrong type deep in the second campaign',
          text: `${good.slice(0, secondQuestion)}"zh": 42${good.slice(secondQuestion + question.length)}`,
          line: good.slice(0, secondQuestion).split('\n').length,
          field: 'campaigns.1.talkTrack.objections.0.question.zh',
        },
        {
          name: 'a missing field',
          text: good.replace(/\s*"offerCode": "DATA-10",/, ''),
          line: lineOf('"campaign": {'),
          field: 'campaigns.0.campaign.offerCode',
        },
        { name: 'not a campaign file', text: '{"format": "something else"}', line: 1, field: 'format' },
        { name: 'an empty file', text: '', line: 1, field: '' },
      ];
      for (const c of cases) {
        const res = await api.importFile(c.text, [h.fx.hall.id]);
        expect([c.name, res.statusCode]).toEqual([c.name, 400]);
        const body = InvalidFileError.parse(res.json());
        expect([c.name, body.line, body.field]).toEqual([c.name, c.line, c.field]);
        // The same as params, with what is wrong there as a code, for the page's own words.
        expect([c.name, body.params]).toEqual([c.name, { line: c.line, field: c.field, problem: body.problem }]);
        expect(body.message).toContain(`line ${c.line}`);
      }
      expect(await countCampaigns(database)).toBe(count);
    });

    it('refuses a file over 2 MB by name, and a body over the limit before reading it', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      const api = manageApi(app, h.manager);
      const big = await api.importFile(`{"x": "${'a'.repeat(2_000_100)}"}`, [h.fx.hall.id]);
      expect(big.statusCode).toBe(400);
      expect(big.json().message).toMatch(/larger than 2 MB/);
      const huge = await api.importFile('a'.repeat(3_200_000), [h.fx.hall.id]);
      expect(huge.statusCode).toBe(413);
      expect(huge.json()).toMatchObject({ error: 'payload_too_large', message: expect.stringMatching(/fewer campaigns/) });
      expect((await api.exportFile(['not-an-id'])).json().message).toMatch(/^ids\.0: must be a UUID/);
    });
  });
});
