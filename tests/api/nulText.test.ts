import { describe, expect, it } from 'vitest';
import { API } from '../../src/shared/apiPaths.ts';
import { ApiError } from '../../src/shared/schemas/auth.ts';
import { PushResponse } from '../../src/shared/schemas/sync.ts';
import { useApiApp } from '../helpers/apiApp.ts';
import { forEachEngine } from '../helpers/apiEngines.ts';
import { countStored, makeVisit, push } from '../helpers/apiFixtures.ts';
import { completeDraft, countCampaigns, manageApi, seedManageHall } from '../helpers/manageFixtures.ts';

/**
 * A NUL character (U+0000) is text PostgreSQL cannot store (SQLite would): both engines refuse it
 * the same way, as input, never with a 500. A pushed record holding one is set aside alone.
 */
forEachEngine((engine) => {
  const ctx = useApiApp(engine);

  describe('text with a NUL character', () => {
    it('is refused with 400 invalid_text naming the field, and nothing is written', async () => {
      const { app, database } = ctx();
      const { fx, manager } = await seedManageHall(app, database);
      const campaigns = await countCampaigns(database);
      const draft = completeDraft([fx.hall.id]);
      draft.talkTrack.pitch = { zh: '推荐\u0000流量包' };
      const created = await manageApi(app, manager).create(draft);
      expect(created.statusCode).toBe(400);
      expect(ApiError.parse(created.json())).toEqual({
        error: 'invalid_text',
        message: 'draft.talkTrack.pitch.zh: text must not contain the NUL character (U+0000); remove it and send again',
        params: { field: 'draft.talkTrack.pitch.zh' },
      });
      expect(await countCampaigns(database)).toBe(campaigns);

      const enrol = await app.inject({ method: 'POST', url: API.enrol, payload: { code: 'ABCDEF\u0000', label: 'tablet' } });
      expect(enrol.statusCode).toBe(400);
      expect(ApiError.parse(enrol.json()).message).toMatch(/^code: text must not contain the NUL/);
    });

    it('in a pushed record sets that record aside, and the rest of the batch is stored', async () => {
      const { app, database } = ctx();
      const { fx } = await seedManageHall(app, database);
      const res = await push(app, fx.device.token, {
        entries: [
          { seq: 1, record: makeVisit(fx, { segment: 'VIP\u0000' }) },
          { seq: 2, record: { ...makeVisit(fx), id: 'not\u0000an-id' } },
          { seq: 3, record: makeVisit(fx) },
        ],
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(PushResponse.parse(res.json())).toEqual({
        ackedThrough: 3,
        rejected: [
          { seq: 1, error: 'invalid_record', message: 'segment: text must not contain the NUL character (U+0000)' },
          { seq: 2, error: 'invalid_record', message: 'id: must be a UUID' },
        ],
      });
      expect(await countStored(database, fx.device.id)).toMatchObject({ visits: 1, receipts: 3 });
    });
  });
});
