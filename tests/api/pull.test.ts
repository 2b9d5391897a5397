import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { API } from '../../src/shared/apiPaths.ts';
import { ApiError } from '../../src/shared/schemas/auth.ts';
import { PullResponse } from '../../src/shared/schemas/sync.ts';
import { insertCampaign, setCampaignStatus, touchCampaign } from '../../src/server/repos/campaigns.ts';
import { setStaffActive } from '../../src/server/repos/staffChanges.ts';
import { useApiApp } from '../helpers/apiApp.ts';
import { forEachEngine } from '../helpers/apiEngines.ts';
import { entries, makeOutbox, push, seedHallFixture } from '../helpers/apiFixtures.ts';

forEachEngine((engine) => {
  const ctx = useApiApp(engine);

  const pull = async (token: string, since?: string) => {
    const res = await ctx().app.inject({
      method: 'GET',
      url: since === undefined ? API.pull : `${API.pull}?since=${since}`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.statusCode, res.body).toBe(200);
    return PullResponse.parse(res.json());
  };

  describe('pull', () => {
    it('sends everything first, nothing new with the cursor, and a changed campaign again', async () => {
      const { app, database } = ctx();
      const fx = await seedHallFixture(app, database);
      const other = await seedHallFixture(app, database);
      const first = await pull(fx.device.token);
      expect(first.hall).toEqual(fx.hall);
      // Active people only: the inactive one never reaches a tablet.
      expect(first.staff.map((s) => s.id).sort()).toEqual([fx.consultantId, fx.marketerId].sort());
      // No PIN or password material reaches a tablet: it signs in offline with a key it was given online.
      const raw = await ctx().app.inject({ method: 'GET', url: API.pull, headers: { authorization: `Bearer ${fx.device.token}` } });
      expect(raw.body).not.toMatch(/pinVerifier|pin_hash|"salt"|"hash"|pbkdf2/);
      expect(first.removed).toEqual([]);
      expect(first.demo).toBe(false);
      expect(first.campaigns).toEqual([fx.campaign]);
      expect(first.talkTracks).toEqual([fx.talkTrack]);
      expect(first.ackedThrough).toBe(0);
      // Nothing of the other hall.
      expect(JSON.stringify(first)).not.toContain(other.hall.id);

      const again = await pull(fx.device.token, first.cursor);
      expect(again).toMatchObject({ staff: [], campaigns: [], talkTracks: [], cursor: first.cursor });

      await touchCampaign(database.db, fx.campaign.id);
      const changed = await pull(fx.device.token, first.cursor);
      expect(changed.campaigns).toEqual([fx.campaign]);
      // A campaign that comes back brings its published versions along.
      expect(changed.talkTracks).toEqual([fx.talkTrack]);
      expect(changed.staff).toEqual([]);
      expect(Number(changed.cursor)).toBeGreaterThan(Number(first.cursor));
      expect(await pull(fx.device.token, changed.cursor)).toMatchObject({ campaigns: [], talkTracks: [] });
    });

    it('tells of retired campaigns and, as removals, of deactivated staff, never of drafts', async () => {
      const { app, database } = ctx();
      const fx = await seedHallFixture(app, database);
      const start = await pull(fx.device.token);
      await insertCampaign(database.db, { ...fx.campaign, id: uuidv7(), status: 'draft', currentVersionId: null });
      await setCampaignStatus(database.db, fx.campaign.id, 'retired');
      await setStaffActive(database.db, fx.consultantId, false);
      const next = await pull(fx.device.token, start.cursor);
      expect(next.campaigns).toEqual([{ ...fx.campaign, status: 'retired' }]);
      expect(next.staff).toEqual([]);
      expect(next.removed).toEqual([{ kind: 'staff', id: fx.consultantId }]);
      // Once pulled, the marker is not sent again; reactivated, the person comes back as a row.
      expect((await pull(fx.device.token, next.cursor)).removed).toEqual([]);
      await setStaffActive(database.db, fx.consultantId, true);
      const back = await pull(fx.device.token, start.cursor);
      expect(back.staff.map((s) => s.id)).toEqual([fx.consultantId]);
      expect(back.removed).toEqual([]);
    });

    it('reports the seq held for the device, and restarts from zero on a cursor it never issued', async () => {
      const { app, database } = ctx();
      const fx = await seedHallFixture(app, database);
      await push(app, fx.device.token, { entries: entries(makeOutbox(fx, 3), 1, 3) });
      const res = await pull(fx.device.token, '999999999');
      expect(res.ackedThrough).toBe(3);
      expect(res.campaigns).toHaveLength(1);
      const bad = await app.inject({ method: 'GET', url: `${API.pull}?since=abc`, headers: { authorization: `Bearer ${fx.device.token}` } });
      expect(bad.statusCode).toBe(400);
      expect(ApiError.parse(bad.json()).message).toMatch(/^since: /);
    });
  });
});
