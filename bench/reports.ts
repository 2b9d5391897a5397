import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompiledQuery, type Kysely } from 'kysely';
import { API, SESSION_HEADER } from '../src/shared/apiPaths.ts';
import { type TallyCounts, type TallyRecommendation, tally } from '../src/shared/measures.ts';
import type { CampaignCategory } from '../src/shared/schemas/reference.ts';
import type { Outcome } from '../src/shared/schemas/fieldRecords.ts';
import { buildApp } from '../src/server/app.ts';
import { createDatabase } from '../src/server/db/database.ts';
import type { Schema } from '../src/server/db/schema.ts';
import { campaignDayQuery, dailyReport, personDayQuery, personDays } from '../src/server/reports/dailyTally.ts';
import type { ReportFilter } from '../src/server/reports/scope.ts';
import { createStaffSession } from '../src/server/repos/sessions.ts';
import { target } from './report.ts';
import { seedReports, type SeedShape } from './reportsSeed.ts';
import { fmt, quantile, table } from './stats.ts';

/**
 * Reports on SQLite: 1,000,000 visits (≈2.5 M recommendations) in a temp file, then one hall's
 * daily tallies over 31 days, each timed over several runs (p50, max):
 * - the tally as the product computes it (dailyTally.ts: GROUP BY in SQL, both tables);
 * - the person table alone, and its baseline: the same hall's rows of the range loaded into Node
 *   and counted per person per day with the shared `tally()` (the figures are checked to agree);
 * - the endpoints over app.inject as a signed-in manager: the JSON report and the CSV and XLSX
 *   exports of the same range.
 * BENCH_REPORTS_VISITS, BENCH_REPORTS_RUNS change the size and the number of runs.
 */

const SHAPE: SeedShape = {
  visits: Number(process.env.BENCH_REPORTS_VISITS ?? 1_000_000),
  halls: 5,
  staffPerHall: 12,
  campaigns: 8,
  days: 200,
  firstDay: '2026-01-01',
};
const RUNS = Number(process.env.BENCH_REPORTS_RUNS ?? 7);
const RANGE_DAYS = 31;
const TALLY_TARGET_MS = 1000;

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

interface Timing {
  p50: number;
  max: number;
  runs: number;
}

/** One warm-up, then `runs` timed calls. */
async function timed<T>(runs: number, fn: () => Promise<T>): Promise<{ timing: Timing; last: T }> {
  let last = await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    last = await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { timing: { p50: quantile(samples, 0.5), max: samples.at(-1)!, runs }, last };
}

/** The baseline: every visit and recommendation of the hall's range in Node, counted with tally(). */
async function tallyInNode(db: Kysely<Schema>, f: ReportFilter): Promise<Map<string, TallyCounts>> {
  const hallIds = f.halls.map((h) => h.id);
  const visits = await db
    .selectFrom('visits')
    .select(['id', 'staff_id', 'local_day'])
    .where('hall_id', 'in', hallIds)
    .where('local_day', '>=', f.from)
    .where('local_day', '<=', f.to)
    .where('voided_at', 'is', null)
    .execute();
  const recs = await db
    .selectFrom('recommendations as r')
    .innerJoin('campaigns as c', 'c.id', 'r.campaign_id')
    .select(['r.visit_id', 'r.outcome', 'r.elements_said', 'c.category'])
    .where('r.hall_id', 'in', hallIds)
    .where('r.local_day', '>=', f.from)
    .where('r.local_day', '<=', f.to)
    .execute();
  const groups = new Map<string, { visits: Array<{ id: string }>; recs: TallyRecommendation[] }>();
  const groupOfVisit = new Map<string, string>();
  for (const v of visits) {
    const key = `${v.staff_id}|${v.local_day}`;
    let g = groups.get(key);
    if (g === undefined) groups.set(key, (g = { visits: [], recs: [] }));
    g.visits.push({ id: v.id });
    groupOfVisit.set(v.id, key);
  }
  for (const r of recs) {
    const key = groupOfVisit.get(r.visit_id);
    if (key === undefined) continue; // a voided visit's
    groups.get(key)!.recs.push({
      visitId: r.visit_id,
      outcome: r.outcome as Outcome,
      elementsSaid: JSON.parse(r.elements_said) as string[],
      category: r.category as CampaignCategory,
    });
  }
  return new Map([...groups].map(([key, g]) => [key, tally(g.visits, g.recs)]));
}

async function explain(db: Kysely<Schema>, query: { compile(): CompiledQuery }): Promise<string[]> {
  const compiled = query.compile();
  const { rows } = await db.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${compiled.sql}`, [...compiled.parameters]));
  return rows.map((r) => r.detail);
}

export async function reportsSection(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'talktrack-bench-reports-'));
  const file = join(dir, 'reports.sqlite');
  try {
    console.log(`\n## Reports: daily tallies and exports on SQLite, ${SHAPE.visits.toLocaleString('en')} visits\n`);
    const t0 = performance.now();
    const seeded = await seedReports(file, SHAPE);
    const seedMs = performance.now() - t0;
    const perHallDay = Math.round(SHAPE.visits / (SHAPE.halls * SHAPE.days));
    console.log(
      `seeded ${SHAPE.visits.toLocaleString('en')} visits, ${seeded.recommendations.toLocaleString('en')} recommendations, every visit closed, ` +
        `${SHAPE.halls} halls × ${SHAPE.days} days (${perHallDay} visits per hall per day), ${SHAPE.halls * SHAPE.staffPerHall} staff, ${SHAPE.campaigns} campaigns: ` +
        `${fmt(seedMs / 1000, 1)} s (${Math.round(statSync(file).size / 1024 / 1024)} MB file)`,
    );

    const database = createDatabase({ sqliteFile: file });
    const { db } = database;
    const hall = seeded.halls[0]!;
    const from = addDays(SHAPE.firstDay, 100);
    const filter: ReportFilter = { halls: [hall], allHalls: false, staffId: null, from, to: addDays(from, RANGE_DAYS - 1), campaignId: null, category: null };
    console.log(`\nquery plans (EXPLAIN QUERY PLAN), hall ${hall.name.en}, ${filter.from} … ${filter.to}:`);
    for (const [name, q] of [['person', personDayQuery(db, filter)], ['campaign', campaignDayQuery(db, filter)]] as const) {
      for (const line of await explain(db, q)) console.log(`  ${name.padEnd(8)} ${line}`);
    }

    const report = await timed(RUNS, () => dailyReport(db, filter));
    const person = await timed(RUNS, () => personDays(db, filter));
    const baseline = await timed(RUNS, () => tallyInNode(db, filter));
    const mismatches = person.last.filter((r) => {
      const b = baseline.last.get(`${r.staffId}|${r.day}`);
      const keys = ['visits', 'visitsWithRecommendation', 'recommendations', 'accepted', 'vasVisits', 'elementsSaid', 'fullCoverage'] as const;
      return b === undefined || keys.some((k) => b[k] !== r[k]);
    });
    if (mismatches.length > 0 || baseline.last.size !== person.last.length) {
      throw new Error(`the SQL tally and the Node baseline disagree on ${mismatches.length} of ${person.last.length} person-days`);
    }

    const app = buildApp({ db: database });
    await app.ready();
    const session = await createStaffSession(db, { staffId: seeded.managerOfFirstHall, deviceId: seeded.deviceOfFirstHall.id, now: new Date() });
    const headers = { authorization: `Bearer ${seeded.deviceOfFirstHall.token}`, [SESSION_HEADER]: session.token };
    const get = (path: string, extra: Record<string, string> = {}) => async () => {
      const res = await app.inject({ method: 'GET', url: `${path}?${new URLSearchParams({ from: filter.from, to: filter.to, ...extra }).toString()}`, headers });
      if (res.statusCode !== 200) throw new Error(`${path} answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
      return res.rawPayload.length;
    };
    const json = await timed(RUNS, get(API.reportDaily));
    const csv = await timed(RUNS, get(API.reportExport, { format: 'csv', table: 'person' }));
    const xlsx = await timed(RUNS, get(API.reportExport, { format: 'xlsx' }));
    await app.close();
    await database.destroy();

    const visitsInRange = [...baseline.last.values()].reduce((n, t) => n + t.visits, 0);
    const recsInRange = [...baseline.last.values()].reduce((n, t) => n + t.recommendations, 0);
    console.log(`\none hall, ${RANGE_DAYS} days: ${visitsInRange.toLocaleString('en')} visits, ${recsInRange.toLocaleString('en')} recommendations (voided left out); ${RUNS} runs each after a warm-up\n`);
    const row = (what: string, t: Timing, out: string) => ({ what, runs: t.runs, 'p50 ms': fmt(t.p50, 1), 'max ms': fmt(t.max, 1), out });
    console.log(
      table([
        row('daily tally, both tables (SQL GROUP BY)', report.timing, `${report.last.byPerson.length} person-days, ${report.last.byCampaign.length} campaign-days`),
        row('person table alone (SQL GROUP BY)', person.timing, `${person.last.length} rows`),
        row('baseline: rows loaded into Node + tally()', baseline.timing, `${baseline.last.size} rows (same figures)`),
        row('GET reports/daily (JSON, over inject)', json.timing, `${Math.round(json.last / 1024)} KB`),
        row('GET reports/export CSV, person table', csv.timing, `${Math.round(csv.last / 1024)} KB`),
        row('GET reports/export XLSX, both sheets', xlsx.timing, `${Math.round(xlsx.last / 1024)} KB`),
      ]),
    );
    const speedup = baseline.timing.p50 / person.timing.p50;
    console.log(
      `summary: seeding ${fmt(seedMs / 1000, 1)} s; 31-day tally p50 ${fmt(report.timing.p50, 1)} ms (max ${fmt(report.timing.max, 1)}); ` +
        `person table ${fmt(person.timing.p50, 1)} ms vs ${fmt(baseline.timing.p50, 1)} ms loading rows into Node (${fmt(speedup, 1)}×); CSV export p50 ${fmt(csv.timing.p50, 1)} ms`,
    );
    target('reports', report.timing.p50 <= TALLY_TARGET_MS, `31-day daily tally of one hall p50 ≤ ${TALLY_TARGET_MS} ms: ${fmt(report.timing.p50, 1)} ms`);
    target('reports', speedup >= 1, `SQL person tally no slower than the Node baseline: ${fmt(speedup, 2)}× (${fmt(person.timing.p50, 1)} ms vs ${fmt(baseline.timing.p50, 1)} ms)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
