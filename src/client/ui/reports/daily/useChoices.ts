import { useEffect, useState } from 'preact/hooks';
import type { LocalizedText } from '../../../../shared/schemas/common.ts';
import type { Hall } from '../../../../shared/schemas/reference.ts';
import type { DailyReport } from '../../../../shared/schemas/reports.ts';
import { useServices } from '../../../app/ServicesContext.tsx';
import { useLiveQuery } from '../../../db/useLiveQuery.ts';
import { useReports } from '../ReportsContext.tsx';
import { campaignsOnTablet } from '../../../db/queries.ts';
import { activeStaffOf } from '../../../db/staffQueries.ts';

export interface Choices {
  halls: Hall[];
  people: { id: string; name: string }[];
  campaigns: { id: string; title: LocalizedText }[];
}

/**
 * What the filters offer: the people and campaigns this tablet knows (its hall's), plus any a
 * report has shown (another hall's, a retired campaign's), kept as the filters narrow the rows.
 * An admin's halls come from a report of every hall.
 */
export function useChoices(report: DailyReport | null, today: string): Choices {
  const { db } = useServices();
  const { api, scope, enrolment } = useReports();
  const local = useLiveQuery(async () => {
    const [staff, campaigns] = await Promise.all([activeStaffOf(db, enrolment.hall.id), campaignsOnTablet(db)]);
    return { staff, campaigns };
  }, [db, enrolment.hall.id]);
  const [seen, setSeen] = useState<{ people: Map<string, string>; campaigns: Map<string, LocalizedText>; halls: Map<string, Hall> }>(() => ({
    people: new Map(),
    campaigns: new Map(),
    halls: new Map([[enrolment.hall.id, enrolment.hall]]),
  }));

  useEffect(() => {
    if (!report) return;
    setSeen((s) => {
      const people = new Map(s.people);
      const campaigns = new Map(s.campaigns);
      const halls = new Map(s.halls);
      for (const r of report.byPerson) people.set(r.staffId, r.staffName);
      for (const r of report.byCampaign) campaigns.set(r.campaignId, r.title);
      for (const h of report.halls) halls.set(h.id, h);
      return { people, campaigns, halls };
    });
  }, [report]);

  useEffect(() => {
    if (scope !== 'admin' || !api) return;
    let current = true;
    // No hallId: every hall, and the report says which they are. One day keeps it small.
    api.daily([['from', today], ['to', today]]).then(
      (all) => current && setSeen((s) => ({ ...s, halls: new Map([...s.halls, ...all.halls.map((h) => [h.id, h] as const)]) })),
      () => undefined, // the hall list stays as it is; the page shows its own failures
    );
    return () => {
      current = false;
    };
  }, [api, scope, today]);

  const people = new Map(seen.people);
  for (const s of local?.staff ?? []) people.set(s.id, s.name);
  const campaigns = new Map(seen.campaigns);
  for (const c of local?.campaigns ?? []) campaigns.set(c.id, c.title);
  return {
    halls: [...seen.halls.values()],
    people: [...people].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
    campaigns: [...campaigns].map(([id, title]) => ({ id, title })),
  };
}
