import { type ChildProcess, spawn } from 'node:child_process';
import { mulberry32 } from '../tests/helpers/seededRandom.ts';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import BetterSqlite3 from 'better-sqlite3';
import { buildApp } from '../src/server/app.ts';
import { migrate } from '../src/server/db/migrate.ts';
import { API } from '../src/shared/apiPaths.ts';
import type { FieldRecord } from '../src/shared/schemas/fieldRecords.ts';
import { openTestDatabase } from '../tests/helpers/apiEngines.ts';
import { seedHallFixture } from '../tests/helpers/apiFixtures.ts';
import { ECHO_PATH, type IngestServerInfo } from './ingestProtocol.ts';
import { type Actor, type Batch, batches, concurrent, outbox, post, type RunFigures, sequential } from './pushLoad.ts';
import { target } from './report.ts';
import { fmt, quantile, table } from './stats.ts';

/**
 * Server ingest, over real HTTP on 127.0.0.1: the product's app (buildApp) on a SQLite file in a
 * temp dir runs in a child process (bench/ingestServer.ts, app.listen({ port: 0 })); this process
 * sends the pushes over node:http with keep-alive connections. Records are valid outboxes (a visit, then a
 * recommendation of it, …) of enrolled devices of the seeded hall.
 * - ingest: one tablet pushes N records in batches of 1, 20 and 500, one request after another;
 *   baselines: the same bodies to a bare JSON route of the same server (HTTP + JSON floor), and
 *   the same rows inserted with bare better-sqlite3 prepared statements, one transaction per batch
 *   (storage floor).
 * - latency: T tablets push at once, each its own batches of 20, R rounds each (closed loop);
 *   baseline: the same requests, same concurrency, to the bare JSON route. Then the same tablets
 *   paced (open loop): each pushes R more batches of 20, one per period, at its own random phase.
 * BENCH_SERVER_PROF=DIR writes a V8 CPU profile of the server process there (read it with
 * `npx tsx bench/profileSummary.ts DIR/FILE.cpuprofile`); the bare-route baselines are skipped
 * then, so the profile holds the push path alone.
 */

const BATCHES = [
  { size: 1, records: Number(process.env.BENCH_SERVER_RECORDS_1 ?? 2_000) },
  { size: 20, records: Number(process.env.BENCH_SERVER_RECORDS ?? 10_000) },
  { size: 500, records: Number(process.env.BENCH_SERVER_RECORDS ?? 10_000) },
] as const;
const TABLETS = Number(process.env.BENCH_SERVER_TABLETS ?? 200);
const ROUNDS = Number(process.env.BENCH_SERVER_ROUNDS ?? 10);
const TABLET_BATCH = 20;
/** The paced run: each tablet pushes once per period (200 tablets / 2 s = 100 pushes/s, 2,000 records/s offered). */
const PERIOD_MS = Number(process.env.BENCH_SERVER_PERIOD_MS ?? 2_000);
const P99_TARGET_MS = 50;

/**
 * Open loop: every tablet pushes once every `periodMs`, at its own fixed random phase, and never
 * two pushes of its own at once (its next waits for the answer, as the sync engine does).
 */
async function paced(url: URL, tablets: ReadonlyArray<{ token: string; batches: Batch[] }>, periodMs: number): Promise<RunFigures> {
  const latencies: number[] = [];
  const random = mulberry32(20_261_127);
  const t0 = performance.now();
  await Promise.all(
    tablets.map(async (t) => {
      const phase = random() * periodMs;
      for (const [round, b] of t.batches.entries()) {
        const due = t0 + phase + round * periodMs;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        latencies.push(await post(url, t.token, b, true));
      }
    }),
  );
  const records = tablets.reduce((n, t) => n + t.batches.reduce((m, b) => m + b.records.length, 0), 0);
  return { ms: performance.now() - t0, records, latencies };
}

async function startIngestServer(devices: number): Promise<{ info: IngestServerInfo; stop(): Promise<void> }> {
  const profDir = process.env.BENCH_SERVER_PROF;
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', ...(profDir ? ['--cpu-prof', '--cpu-prof-dir', profDir] : []), join(import.meta.dirname, 'ingestServer.ts'), String(devices)],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let err = '';
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const lines = createInterface({ input: child.stdout! });
  const info = await new Promise<IngestServerInfo>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`ingest server not ready after 120 s:\n${err}`)), 120_000);
    lines.once('line', (line) => {
      clearTimeout(timer);
      resolve(JSON.parse(line) as IngestServerInfo);
    });
    child.once('exit', (code) => reject(new Error(`ingest server exited with ${code}:\n${err}`)));
  });
  return {
    info,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.stdin!.end(); // it closes the app, removes its temp dir and exits
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * Storage floor: the rows one push writes (field_records, the kind's table, push_receipts, the
 * device's acked_seq), inserted with prepared better-sqlite3 statements into a migrated database
 * with the same pragmas, one transaction per batch: no HTTP, no JSON, no validation, no rule lookups.
 */
interface BareFigures {
  /** ms for each batch size's records, one transaction per batch */
  perBatch: Map<number, number>;
  oneTxn: { records: number; ms: number };
}

async function bareSqlite(runs: ReadonlyArray<{ size: number; records: number }>): Promise<BareFigures> {
  const testDb = await openTestDatabase('sqlite');
  const out: BareFigures = { perBatch: new Map(), oneTxn: { records: 0, ms: NaN } };
  try {
    await migrate(testDb.database);
    const app = buildApp({ db: testDb.database });
    await app.ready();
    const fx = await seedHallFixture(app, testDb.database);
    await app.close();
    await testDb.database.destroy();
    const sqlite = new BetterSqlite3(testDb.location);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('synchronous = NORMAL');
    const insField = sqlite.prepare('insert into field_records (id, kind, hall_id, device_id, seq, received_at) values (?, ?, ?, ?, ?, ?) on conflict (id) do nothing');
    const insVisit = sqlite.prepare('insert into visits (id, hall_id, device_id, staff_id, opened_at, source, business, segment) values (?, ?, ?, ?, ?, ?, ?, ?)');
    const insRec = sqlite.prepare(
      'insert into recommendations (id, hall_id, device_id, staff_id, visit_id, campaign_id, talk_track_version_id, elements_said, demo_device_used, outcome, decline_reason, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const insReceipt = sqlite.prepare('insert into push_receipts (device_id, seq, record_id, kind, status, error, message, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)');
    const setAcked = sqlite.prepare('update devices set acked_seq = ? where id = ?');
    const actor: Actor = { hallId: fx.hall.id, deviceId: fx.device.id, staffId: fx.consultantId, campaignId: fx.campaign.id, talkTrackId: fx.talkTrack.id };
    let seq = 0;
    const store = sqlite.transaction((list: readonly FieldRecord[]) => {
      const now = new Date().toISOString();
      for (const r of list) {
        seq++;
        insField.run(r.id, r.kind, r.hallId, r.deviceId, seq, now);
        if (r.kind === 'visit') insVisit.run(r.id, r.hallId, r.deviceId, r.staffId, r.openedAt, r.source, r.business, r.segment);
        else if (r.kind === 'recommendation') {
          insRec.run(r.id, r.hallId, r.deviceId, r.staffId, r.visitId, r.campaignId, r.talkTrackVersionId, JSON.stringify(r.elementsSaid), r.demoDeviceUsed ? 1 : 0, r.outcome, r.declineReason, r.recordedAt);
        }
        insReceipt.run(r.deviceId, seq, r.id, r.kind, 'accepted', null, null, now);
      }
      setAcked.run(seq, actor.deviceId);
    });
    for (const run of runs) {
      const list = batches(outbox(actor, run.records), run.size);
      const t0 = performance.now();
      for (const b of list) store(b.records);
      out.perBatch.set(run.size, performance.now() - t0);
    }
    const all = outbox(actor, 10_000);
    const t0 = performance.now();
    store(all);
    out.oneTxn = { records: all.length, ms: performance.now() - t0 };
    sqlite.close();
  } finally {
    await testDb.cleanup().catch(() => undefined);
  }
  return out;
}

export async function serverSection(): Promise<void> {
  console.log(`\n## Server: push ingest on SQLite over HTTP (127.0.0.1), and latency with ${TABLETS} tablets at once\n`);
  const warmupDevices = 1;
  const server = await startIngestServer(warmupDevices + BATCHES.length + TABLETS);
  const { info } = server;
  const actorOf = (deviceId: string): Actor => ({ hallId: info.hallId, deviceId, staffId: info.consultantId, campaignId: info.campaignId, talkTrackId: info.talkTrackId });
  const pushUrl = new URL(API.push, info.url);
  const echoUrl = new URL(ECHO_PATH, info.url);
  const profiling = process.env.BENCH_SERVER_PROF !== undefined;
  const none: RunFigures = { ms: NaN, records: 0, latencies: [NaN] };
  const ingest: Array<{ size: number; push: RunFigures; echo: RunFigures }> = [];
  let load: RunFigures;
  let loadEcho: RunFigures = none;
  let pacedLoad: RunFigures;
  try {
    // Warm-up (JIT, statement caches): one tablet, 1,000 records in batches of 20; not reported.
    const warm = info.devices[0]!;
    await sequential(pushUrl, warm.token, batches(outbox(actorOf(warm.id), 1_000), 20, warm.signingKey), true);

    for (const [i, run] of BATCHES.entries()) {
      const device = info.devices[warmupDevices + i]!;
      const list = batches(outbox(actorOf(device.id), run.records), run.size, device.signingKey);
      const echo = profiling ? none : await sequential(echoUrl, device.token, list, false);
      const push = await sequential(pushUrl, device.token, list, true);
      ingest.push({ size: run.size, push, echo });
    }

    // Each tablet's outbox: the first ROUNDS pushes for the burst, the next ROUNDS for the paced run.
    const outboxes = info.devices.slice(warmupDevices + BATCHES.length).map((d) => ({ token: d.token, all: batches(outbox(actorOf(d.id), 2 * ROUNDS * TABLET_BATCH), TABLET_BATCH, d.signingKey) }));
    const burst = outboxes.map((o) => ({ token: o.token, batches: o.all.slice(0, ROUNDS) }));
    if (!profiling) loadEcho = await concurrent(echoUrl, burst, false);
    load = await concurrent(pushUrl, burst, true);
    pacedLoad = await paced(pushUrl, outboxes.map((o) => ({ token: o.token, batches: o.all.slice(ROUNDS) })), PERIOD_MS);
  } finally {
    await server.stop();
  }
  const bare = await bareSqlite(BATCHES);

  const rate = (records: number, ms: number) => Math.round((records / ms) * 1000);
  const pct = (xs: number[], q: number) => quantile([...xs].sort((a, b) => a - b), q);
  console.log(
    table(
      ingest.map(({ size, push, echo }) => {
        const bareMs = bare.perBatch.get(size)!;
        return {
          batch: size,
          requests: push.latencies.length,
          records: push.records,
          'talktrack rec/s': rate(push.records, push.ms),
          'p50 ms': fmt(pct(push.latencies, 0.5)),
          'p99 ms': fmt(pct(push.latencies, 0.99)),
          'ms/record': fmt(push.ms / push.records, 3),
          'bare JSON route rec/s': rate(echo.records, echo.ms),
          'bare better-sqlite3 rec/s': rate(push.records, bareMs),
          'talktrack ÷ bare sqlite': `${fmt(bareMs / push.ms, 2)}×`,
        };
      }),
    ),
  );
  console.log(
    `(bare better-sqlite3, same rows, ${bare.oneTxn.records} records in one transaction: ${rate(bare.oneTxn.records, bare.oneTxn.ms)} rec/s; bare JSON route = the same bodies to a route of the same server that parses them and answers)`,
  );
  const big = ingest.find((r) => r.size === 500)!;
  const one = ingest.find((r) => r.size === 1)!;
  console.log(
    `summary: push ingest ${rate(one.push.records, one.push.ms)} / ${rate(ingest[1]!.push.records, ingest[1]!.push.ms)} / ${rate(big.push.records, big.push.ms)} rec/s in batches of 1 / 20 / 500; batch 500 is ${fmt(bare.perBatch.get(500)! / big.push.ms * 100, 0)} % of bare better-sqlite3 (${rate(big.push.records, bare.perBatch.get(500)!)} rec/s)`,
  );

  console.log(`\n${TABLETS} tablets at once, each pushing ${ROUNDS} batches of ${TABLET_BATCH} of its own records, back to back:\n`);
  const latRow = (what: string, r: RunFigures) => ({
    what,
    requests: r.latencies.length,
    'p50 ms': fmt(pct(r.latencies, 0.5), 1),
    'p95 ms': fmt(pct(r.latencies, 0.95), 1),
    'p99 ms': fmt(pct(r.latencies, 0.99), 1),
    'max ms': fmt(Math.max(...r.latencies), 1),
    'rec/s': rate(r.records, r.ms),
  });
  console.log(
    table([
      latRow('talktrack push (stored, acknowledged)', load),
      latRow('baseline: bare JSON route, same server', loadEcho),
      latRow(`paced: each tablet once per ${fmt(PERIOD_MS / 1000, 1)} s (${Math.round((TABLETS / PERIOD_MS) * 1000)} pushes/s offered)`, pacedLoad),
    ]),
  );
  const p99 = pct(load.latencies, 0.99);
  console.log(
    `summary: ${TABLETS} concurrent tablets: push p50 ${fmt(pct(load.latencies, 0.5), 1)} ms, p99 ${fmt(p99, 1)} ms (bare JSON route p99 ${fmt(pct(loadEcho.latencies, 0.99), 1)} ms), ${rate(load.records, load.ms)} rec/s overall; paced at ${Math.round((TABLETS / PERIOD_MS) * 1000)} pushes/s: p99 ${fmt(pct(pacedLoad.latencies, 0.99), 1)} ms`,
  );
  target('server', p99 <= P99_TARGET_MS, `push p99 ≤ ${P99_TARGET_MS} ms with ${TABLETS} concurrent tablets: ${fmt(p99, 1)} ms`);
}
