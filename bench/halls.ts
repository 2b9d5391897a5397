import type { Engine } from '../src/server/db/database.ts';
import { demoCampaigns, DEMO_HALL, DEMO_STAFF } from '../src/server/seed/demo.ts';
import { API } from '../src/shared/apiPaths.ts';
import { issueSigningKey } from '../src/server/repos/signingKeys.ts';
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
 *
 * Each tablet's first push is measured apart: all of them connect at once, and the server sees
 * each device for the first time. That burst is what a hall coming online after an outage looks
 * like; the rounds after it are the steady load the throughput is taken from.
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
  campaignId: demoCampaigns()[0]!.campaign.id,
  talkTrackId: demoCampaigns()[0]!.versionId,
});

async function measure(setup: Setup): Promise<{ first: RunFigures; steady: RunFigures }> {
  const store = await createServerStore(setup.engine);
  let servers: RunningServer[] = [];
  try {
    // Started at once, as a deployment does: the startup lock has one migrate and seed.
    servers = await startServers(setup.processes, store.serverOptions);
    // Tablets are inserted, not enrolled: enrolment is rate-limited per address, and not measured here.
    const database = store.open();
    const devices = [];
    try {
      for (let i = 0; i < TABLETS + servers.length; i++) {
        const device = await insertTestDevice(database, DEMO_HALL.id);
        // The consultant signed in on it once online: the key its records are signed with.
        devices.push({ ...device, signingKey: await issueSigningKey(database.db, { staffId: consultant.id, deviceId: device.id, now: new Date() }) });
      }
    } finally {
      await database.destroy();
    }
    const urls = servers.map((s) => new URL(API.push, s.url));
    for (const [i, url] of urls.entries()) {
      const warm = devices[TABLETS + i]!;
      await sequential(url, warm.token, batches(outbox(actorOf(warm.id), WARM_UP_RECORDS), BATCH, warm.signingKey), true);
    }
    const outboxes = devices.slice(0, TABLETS).map((d) => ({ token: d.token, batches: batches(outbox(actorOf(d.id), (ROUNDS + 1) * BATCH), BATCH, d.signingKey) }));
    let turn = 0;
    const next = () => urls[turn++ % urls.length]!;
    const first = await concurrent(next, outboxes.map((t) => ({ token: t.token, batches: t.batches.slice(0, 1) })), true);
    const steady = await concurrent(next, outboxes.map((t) => ({ token: t.token, batches: t.batches.slice(1) })), true);
    return { first, steady };
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await store.cleanup();
  }
}

export async function hallsSection(): Promise<void> {
  console.log(`\n## Halls: ${TABLETS} tablets pushing batches of ${BATCH} at once (${ROUNDS} each after a first push), SQLite vs PostgreSQL, one and two server processes\n`);
  const results: Array<{ setup: Setup; run: RunFigures; first: RunFigures }> = [];
  for (const setup of SETUPS) {
    const { first, steady } = await measure(setup);
    results.push({ setup, run: steady, first });
  }

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
  console.log(`\nEach tablet's first push, all ${TABLETS} connecting at once (not in the figures above):\n`);
  console.log(
    table(
      results.map(({ setup, first }) => ({
        setup: setup.name,
        'all done in ms': fmt(first.ms, 0),
        'p50 ms': fmt(pct(first.latencies, 0.5), 1),
        'p99 ms': fmt(pct(first.latencies, 0.99), 1),
        'max ms': fmt(Math.max(...first.latencies), 1),
      })),
    ),
  );
  console.log(
    `summary: ${TABLETS} tablets, batches of ${BATCH}: ${results
      .map(
        ({ setup, run, first }) =>
          `${setup.name} ${Math.round(rate(run))} rec/s, p50 ${fmt(pct(run.latencies, 0.5), 1)} ms, p99 ${fmt(pct(run.latencies, 0.99), 1)} ms (first push p99 ${fmt(pct(first.latencies, 0.99), 1)} ms)`,
      )
      .join('; ')}`,
  );
}
