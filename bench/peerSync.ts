import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../tests/helpers/e2eBrowser.ts';
import { waitUntilSynced } from '../tests/helpers/e2eCounter.ts';
import { startServer } from '../tests/helpers/e2eServer.ts';
import { freePort } from '../tests/helpers/freePort.ts';
import { openVisitWithCampaign, recordOneRecommendation, signedInTablet } from './counterSetup.ts';
import { measurePush } from './pushThroughput.ts';
import { target } from './report.ts';
import { fmt, quantile, table } from './stats.ts';
import type { BareDexie } from './tapToStored.ts';

/**
 * Sync against the peer: the same N waiting recommendation records, pushed by talktrack (outbox →
 * its server, stored in SQLite, acknowledged) and replicated by PouchDB in the same Chromium to
 * pouchdb-server (LevelDOWN in a temp dir, or in memory with BENCH_PEER_STORE=memory).
 * The peer lives in bench/peer (its own package; `npm run bench` installs it on first use).
 */

export const PEER_DIR = join(import.meta.dirname, 'peer');
const POUCH_SERVER_BIN = join(PEER_DIR, 'node_modules/pouchdb-server/bin/pouchdb-server');
const POUCH_BROWSER_JS = join(PEER_DIR, 'node_modules/pouchdb/dist/pouchdb.min.js');

/** The little of PouchDB's browser API the page uses (pouchdb.min.js defines window.PouchDB). */
interface PouchDatabase {
  bulkDocs(docs: object[]): Promise<Array<{ ok?: boolean; error?: string }>>;
  info(): Promise<{ doc_count: number }>;
  close(): Promise<unknown>;
}
interface PouchReplicationResult {
  ok: boolean;
  status: string;
  docs_read: number;
  docs_written: number;
  doc_write_failures: number;
}
interface PouchStatic {
  new (name: string): PouchDatabase;
  replicate(source: PouchDatabase, target: PouchDatabase, options?: { batch_size?: number }): PromiseLike<PouchReplicationResult>;
}

export interface PouchServer {
  url: string;
  stop(): Promise<void>;
}

/** pouchdb-server on 127.0.0.1, a free port, its files (config, log, LevelDOWN databases) in a temp dir. */
export async function startPouchServer(inMemory: boolean): Promise<PouchServer> {
  if (!existsSync(POUCH_SERVER_BIN)) {
    throw new Error(`pouchdb-server is not installed in ${PEER_DIR}; run npm ci --prefix bench/peer --ignore-scripts (npm run bench does)`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'talktrack-bench-pouch-'));
  const port = await freePort();
  const args = ['--host', '127.0.0.1', '--port', String(port), '--dir', dir, '--config', join(dir, 'config.json'), '--no-stdout-logs'];
  const child: ChildProcess = spawn(process.execPath, [POUCH_SERVER_BIN, ...args, ...(inMemory ? ['--in-memory'] : [])], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`pouchdb-server exited with ${child.exitCode}:\n${out}`);
    const up = await fetch(`${url}/`).then((r) => r.ok, () => false);
    if (up) return { url, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`pouchdb-server not answering on ${url} after 30 s:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A blank page on its own loopback origin: PouchDB runs there, so it talks to pouchdb-server cross-origin (CORS). */
async function startBlankPageServer(): Promise<{ url: string; close(): void }> {
  const server = createServer((req, res) => {
    if (req.url !== '/') {
      res.statusCode = 404;
      return res.end();
    }
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end('<!doctype html><meta charset="utf-8"><title>peer</title>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => server.close() };
}

export interface ReplicateFigures {
  ms: number;
  written: number;
}

/**
 * Puts `count` copies of `template` (new ids) into a fresh local PouchDB (IndexedDB) in a new
 * context (not timed), then times PouchDB.replicate(local, remote) to completion.
 */
export async function measurePouchReplicate(
  browser: Browser,
  pageUrl: string,
  remoteUrl: string,
  template: Record<string, unknown>,
  count: number,
  batchSize: number | undefined,
): Promise<ReplicateFigures> {
  const created = await fetch(remoteUrl, { method: 'PUT' });
  if (!created.ok) throw new Error(`could not create ${remoteUrl}: ${created.status} ${await created.text()}`);
  const context = await browser.newContext();
  try {
    const page: Page = await context.newPage();
    await page.goto(pageUrl);
    await page.addScriptTag({ path: POUCH_BROWSER_JS });
    const result = await page.evaluate(
      async ({ remoteUrl, template, count, batchSize }) => {
        const Pouch = (window as unknown as { PouchDB: PouchStatic }).PouchDB;
        const local = new Pouch('bench-local');
        const docs: object[] = [];
        for (let i = 0; i < count; i++) {
          const id = crypto.randomUUID();
          docs.push({ ...template, _id: id, id, recordedAt: new Date().toISOString() });
        }
        const stored = await local.bulkDocs(docs);
        const failed = stored.filter((r) => r.ok !== true);
        if (failed.length > 0) throw new Error(`local bulkDocs failed for ${failed.length} docs: ${failed[0]?.error}`);
        const remote = new Pouch(remoteUrl);
        await remote.info(); // the remote database's setup is not part of the timed replication
        const t0 = performance.now();
        const replication = Pouch.replicate(local, remote, batchSize === null ? {} : { batch_size: batchSize });
        const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('PouchDB replication still running after 300 s')), 300_000));
        const r = await Promise.race([replication, timeout]);
        const ms = performance.now() - t0;
        await local.close();
        await remote.close();
        if (!r.ok || r.status !== 'complete' || r.doc_write_failures > 0) throw new Error(`replication ended ${r.status}, ${r.doc_write_failures} write failures`);
        return { ms, written: r.docs_written };
      },
      { remoteUrl, template, count, batchSize: batchSize ?? null },
    );
    const info = (await (await fetch(remoteUrl)).json()) as { doc_count: number };
    if (info.doc_count !== count) throw new Error(`pouchdb-server holds ${info.doc_count} docs after replication, expected ${count}`);
    return result;
  } finally {
    await context.close();
  }
}

/** The last recommendation in the counter's IndexedDB (what measurePush copied): the peer gets the same content. */
async function recommendationTemplate(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(async () => {
    const DexieCtor = (window as unknown as { Dexie: new (name: string) => BareDexie }).Dexie;
    const db = new DexieCtor('talktrack');
    await db.open();
    const recs = (await db.table('recommendations').toArray()) as Array<Record<string, unknown>>;
    db.close();
    const last = recs.at(-1);
    if (last === undefined) throw new Error('no recommendation in the counter database');
    return last;
  });
}

export async function peerSection(): Promise<void> {
  const records = Number(process.env.BENCH_PEER_RECORDS ?? 10_000);
  const repetitions = Number(process.env.BENCH_PEER_REPS ?? 5);
  const inMemory = process.env.BENCH_PEER_STORE === 'memory';
  const peerBatch = process.env.BENCH_PEER_BATCH === undefined ? undefined : Number(process.env.BENCH_PEER_BATCH);
  console.log(
    `\n## Sync against the peer: ${records.toLocaleString('en')} waiting recommendation records, Chromium → loopback, ${repetitions} repetitions\n`,
  );
  console.log(
    `talktrack: outbox in IndexedDB → POST /api/v1/sync/push in batches of 500 → SQLite (fresh server, enrolled and signed-in tablet per repetition).`,
  );
  console.log(
    `peer: PouchDB 9.0.0 (pouchdb.min.js, IndexedDB) → PouchDB.replicate(local, remote${peerBatch === undefined ? '' : `, { batch_size: ${peerBatch} }`}) → pouchdb-server 4.2.0 (${inMemory ? 'in memory' : 'LevelDOWN in a temp dir'}), cross-origin with CORS.\n`,
  );
  const pouch = await startPouchServer(inMemory);
  const blank = await startBlankPageServer();
  const browser = await launchChromium();
  const rows: Array<{ talktrack: number; peer: number }> = [];
  try {
    for (let rep = 1; rep <= repetitions; rep++) {
      const server = await startServer();
      let template: Record<string, unknown>;
      let talktrackMs: number;
      try {
        const { context, page } = await signedInTablet(browser, server);
        await openVisitWithCampaign(page);
        await recordOneRecommendation(page);
        await waitUntilSynced(page, 60_000);
        talktrackMs = (await measurePush(context, page, records)).ms;
        template = await recommendationTemplate(page);
        await context.close();
      } finally {
        await server.stop();
      }
      const peer = await measurePouchReplicate(browser, blank.url, `${pouch.url}/bench-${rep}`, template, records, peerBatch);
      if (peer.written !== records) throw new Error(`PouchDB wrote ${peer.written} docs, expected ${records}`);
      rows.push({ talktrack: talktrackMs, peer: peer.ms });
      console.log(`  repetition ${rep}/${repetitions}: talktrack ${fmt(talktrackMs / 1000)} s, PouchDB ${fmt(peer.ms / 1000)} s`);
    }
  } finally {
    await browser.close();
    blank.close();
    await pouch.stop();
  }

  const perSecond = (ms: number) => (records / ms) * 1000;
  const ratios = rows.map((r) => r.peer / r.talktrack);
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  const mid = (xs: number[]) => quantile(sorted(xs), 0.5);
  const tt = rows.map((r) => r.talktrack);
  const pp = rows.map((r) => r.peer);
  console.log('');
  console.log(
    table([
      ...rows.map((r, i) => ({
        run: String(i + 1),
        'talktrack s': fmt(r.talktrack / 1000),
        'talktrack rec/s': Math.round(perSecond(r.talktrack)),
        'PouchDB s': fmt(r.peer / 1000),
        'PouchDB rec/s': Math.round(perSecond(r.peer)),
        ratio: `${fmt(ratios[i]!)}×`,
      })),
      {
        run: 'median',
        'talktrack s': fmt(mid(tt) / 1000),
        'talktrack rec/s': Math.round(perSecond(mid(tt))),
        'PouchDB s': fmt(mid(pp) / 1000),
        'PouchDB rec/s': Math.round(perSecond(mid(pp))),
        ratio: `${fmt(mid(ratios))}×`,
      },
      {
        run: 'min–max',
        'talktrack s': `${fmt(Math.min(...tt) / 1000)}–${fmt(Math.max(...tt) / 1000)}`,
        'talktrack rec/s': `${Math.round(perSecond(Math.max(...tt)))}–${Math.round(perSecond(Math.min(...tt)))}`,
        'PouchDB s': `${fmt(Math.min(...pp) / 1000)}–${fmt(Math.max(...pp) / 1000)}`,
        'PouchDB rec/s': `${Math.round(perSecond(Math.max(...pp)))}–${Math.round(perSecond(Math.min(...pp)))}`,
        ratio: `${fmt(Math.min(...ratios))}–${fmt(Math.max(...ratios))}×`,
      },
    ]),
  );
  const ratio = mid(ratios);
  console.log(
    `summary: sync ${records} records: talktrack ${Math.round(perSecond(mid(tt)))} rec/s vs PouchDB ${Math.round(perSecond(mid(pp)))} rec/s, ratio ${fmt(ratio)}× (median of ${rows.length}, ${fmt(Math.min(...ratios))}–${fmt(Math.max(...ratios))}×)`,
  );
  target('peer', ratio >= 10, `talktrack sync ≥ 10× the peer's records/s: median ratio ${fmt(ratio)}×`);
}
