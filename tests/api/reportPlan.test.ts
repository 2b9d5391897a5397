import { CompiledQuery } from 'kysely';
import { describe, expect, it } from 'vitest';
import { campaignDayQuery, personDayQuery } from '../../src/server/reports/dailyTally.ts';
import type { ReportFilter } from '../../src/server/reports/scope.ts';
import { useApiApp } from '../helpers/apiApp.ts';
import { makeOutbox } from '../helpers/apiFixtures.ts';
import { seedManageHall } from '../helpers/manageFixtures.ts';
import { outbox } from '../helpers/reportFixtures.ts';

/**
 * The tallies read visits and recommendations through their (hall_id, local_day) indexes, not a
 * scan of the hall or of the table: checked on SQLite's plan (PostgreSQL picks by its statistics,
 * and on test-sized tables rightly scans).
 */
describe('sqlite', () => {
  const ctx = useApiApp('sqlite');

  it('plans the daily tallies as range scans of the (hall_id, local_day) indexes', async () => {
    const { app, database } = ctx();
    const h = await seedManageHall(app, database);
    const box = outbox(app, h.fx);
    box.add(...makeOutbox(h.fx, 20));
    await box.sendAll();
    const filter: ReportFilter = {
      halls: [h.fx.hall],
      allHalls: false,
      staffId: h.fx.consultantId,
      from: '2026-03-01',
      to: '2026-03-31',
      campaignId: h.fx.campaign.id,
      category: 'vas',
    };
    const plan = async (query: { compile(): CompiledQuery }) => {
      const compiled = query.compile();
      const { rows } = await database.db.executeQuery<{ detail: string }>(
        CompiledQuery.raw(`explain query plan ${compiled.sql}`, [...compiled.parameters]),
      );
      return rows.map((r) => r.detail);
    };
    for (const f of [filter, { ...filter, staffId: null, campaignId: null, category: null }]) {
      const person = await plan(personDayQuery(database.db, f));
      expect(person).toContainEqual(expect.stringMatching(/^SEARCH v USING INDEX visits_hall_day \(hall_id=\? AND local_day>\? AND local_day<\?\)/));
      expect(person).toContainEqual(expect.stringMatching(/^SEARCH r USING INDEX recommendations_hall_day \(hall_id=\? AND local_day>\? AND local_day<\?\)/));
      expect(person.filter((d) => d.startsWith('SCAN'))).toEqual([]);
      const campaign = await plan(campaignDayQuery(database.db, f));
      expect(campaign).toContainEqual(expect.stringMatching(/^SEARCH r USING INDEX recommendations_hall_day \(hall_id=\? AND local_day>\? AND local_day<\?\)/));
      expect(campaign.filter((d) => d.startsWith('SCAN'))).toEqual([]);
    }
  });
});
