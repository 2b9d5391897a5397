import type { Engine } from '../src/server/db/database.ts';
import { DEMO_CAMPAIGNS, DEMO_HALL, DEMO_STAFF } from '../src/server/seed/demo.ts';
import { API } from '../src/shared/apiPaths.ts';
import { insertTestDevice } from '../tests/helpers/apiFixtures.ts';
import { type RunningServer, startServers } from '../tests/helpers/e2eServer.ts';
import { createServerStore } from '../tests/helpers/serverStore.ts';
import { type Actor, batches, concurrent, outbox, type RunFigures, sequential } from './pushLoad.ts';
import { fmt, quantile, table } from './stats.ts';

/**
 * Many halls on one database: push throughput and latency with TABLETS tablets pushing batches
 * of 20 at once (closed loop, ROUNDS each), against the real server (`npm run serve`, main.ts, one
 * process per port) on SQLite with one process (the baseline: what one hall runs today), on
 * PostgreSQL with one process, and on PostgreSQL with two processes that take the requests in
 * turn (a round-robin balancer). Every answer is checked: each push acknowledged in full.
 */

const TABLETS = Number(process.env.BENCH_HALLS_TABLETS ?? 200);
const ROUNDS = Number(process.env.BENCH_HALLS_ROUNDS ?? 10);
const BATCH = 20;
/** Per process, before the measured run (JIT, statement caches, pool connections): not reported. */
const WARM_UP_RECORDS = 500;

interface Setup {
  name: string;
  engine: Engine;
  processes: number;
}

const SETUPS: readonly Setup[] = [
  { name: 'SQLite, 1 process (baseline)', engine: 'sqlite', processes: 1 },
  { name: 'PostgreSQL, 1 process', engine: 'postgres', processes: 1 },
  { name: 'PostgreSQL, 2 processes, round-robin', engine: 'postgres', processes: 2 },
];

const consultant = DEMO_STAFF.find((s) => s.role === 'consultant')!;
const actorOf = (deviceId: string): Actor => ({
  hallId: DEMO_HALL.id,
  deviceId,
  staffId: consultant.id,
  campaignId: DEMO_CAMPAIGNS[0]!.campaign.id,
  talkTrackId: DEMO_CAMPAIGNS[0]!.versionId,
});

async function measure(setup: Setup): Promise<RunFigures> {
  const store = await createServerStore(setup.engine);
  let servers: RunningServer[] = [];
  try {
    // Started at once, as a deployment does: the startup lock has one migrate and seed.
    servers = await startServers(setup.processes, store.serverOptions);
    // Tablets are inserted, not enrolled: enrolment is rate-limited per address, and not measured here.
    const database = store.open();
    const devices = [];
    try {
      for (let i = 0; i < TABLETS + servers.length; i++) devices.push(await insertTestDevice(database, DEMO_HALL.id));
    } finally {
      await database.destroy();
    }
    const urls = servers.map((s) => new URL(API.push, s.url));
    for (const [i, url] of urls.entries()) {
      const warm = devices[TABLETS + i]!;
      await sequential(url, warm.token, batches(outbox(actorOf(warm.id), WARM_UP_RECORDS), BATCH), true);
    }
    const tablets = devices.slice(0, TABLETS).map((d) => ({ token: d.token, batches: batches(outbox(actorOf(d.id), ROUNDS * BATCH), BATCH) }));
    let turn = 0;
    return await concurrent(() => urls[turn++ % urls.length]!, tablets, true);
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await store.cleanup();
  }
}

export async function hallsSection(): Promise<void> {
  console.log(`\n## Halls: ${TABLETS} tablets pushing batches of ${BATCH} at once (${ROUNDS} each), SQLite vs PostgreSQL, one and two server processes\n`);
  const results: Array<{ setup: Setup; run: RunFigures }> = [];
  for (const setup of SETUPS) results.push({ setup, run: await measure(setup) });

  const rate = (r: RunFigures) => (r.records / r.ms) * 1000;
  const pct = (xs: number[], q: number) => quantile([...xs].sort((a, b) => a - b), q);
  const baseline = rate(results[0]!.run);
  console.log(
    table(
      results.map(({ setup, run }) => ({
        setup: setup.name,
        requests: run.latencies.length,
        records: run.records,
        'rec/s': Math.round(rate(run)),
        '÷ baseline': `${fmt(rate(run) / baseline, 2)}×`,
        'p50 ms': fmt(pct(run.latencies, 0.5), 1),
        'p95 ms': fmt(pct(run.latencies, 0.95), 1),
        'p99 ms': fmt(pct(run.latencies, 0.99), 1),
        'max ms': fmt(Math.max(...run.latencies), 1),
      })),
    ),
  );
  console.log(
    `summary: ${TABLETS} tablets, batches of ${BATCH}: ${results
      .map(({ setup, run }) => `${setup.name} ${Math.round(rate(run))} rec/s, p50 ${fmt(pct(run.latencies, 0.5), 1)} ms, p99 ${fmt(pct(run.latencies, 0.99), 1)} ms`)
      .join('; ')}`,
  );
}
