import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';
import { addPageSigner, type PageSign } from '../tests/helpers/pageSigner.ts';
import type { BareDexie } from './tapToStored.ts';

const require = createRequire(import.meta.url);

export interface PushFigures {
  records: number;
  ms: number;
  perSecond: number;
}

/**
 * Fills the counter's outbox with `count` recommendation records while offline (written straight
 * into the app's IndexedDB, shaped and signed as the app writes them), then brings the network back, taps
 * "sync now" and times until the outbox is empty: the real sync engine against the real server.
 */
export async function measurePush(context: BrowserContext, page: Page, count: number): Promise<PushFigures> {
  await context.setOffline(true);
  await page.addScriptTag({ path: require.resolve('dexie/dist/dexie.min.js') });
  await addPageSigner(page);
  await page.evaluate(async (count) => {
    const sign = (window as unknown as { talktrackSign: PageSign }).talktrackSign;
    const DexieCtor = (window as unknown as { Dexie: new (name: string) => BareDexie }).Dexie;
    const db = new DexieCtor('talktrack');
    await db.open();
    const recs = (await db.table('recommendations').toArray()) as Array<Record<string, unknown>>;
    const template = recs.at(-1)!;
    const sync = (await db.table('meta').get('sync')) as { key: string; value: { nextSeq: number } };
    const first = sync.value.nextSeq;
    const rows: unknown[] = [];
    const outbox: unknown[] = [];
    for (let i = 0; i < count; i++) {
      const record = { ...template, id: crypto.randomUUID(), recordedAt: new Date().toISOString() };
      rows.push(record);
      // Signed as the app signs, with the signed-in person's key: the server stores only signed records.
      outbox.push({ seq: first + i, record, status: 'pending', error: null, message: null, createdAt: record.recordedAt, sig: await sign(record) });
    }
    await db.table('recommendations').bulkAdd(rows);
    await db.table('outbox').bulkAdd(outbox);
    await db.table('meta').put({ key: 'sync', value: { ...sync.value, nextSeq: first + count } });
    db.close();
  }, count);
  // Coming online starts the sync by itself; "sync now" only makes sure.
  const t0 = Date.now();
  await context.setOffline(false);
  await page.getByTestId('sync-now').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="status-waiting"]')?.getAttribute('data-count') === '0', undefined, {
    timeout: 600_000,
    polling: 20,
  });
  const ms = Date.now() - t0;
  return { records: count, ms, perSecond: (count / ms) * 1000 };
}

/**
 * Baseline: the same number of records, in batches of the same size and JSON shape, POSTed from
 * the same page to a bare Node HTTP server that only parses the JSON and answers: the floor of
 * browser → loopback → JSON with no storage at all.
 */
export async function measureLoopbackFloor(page: Page, count: number, batchSize: number): Promise<PushFigures> {
  const server = createServer((req, res) => {
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('access-control-allow-headers', 'content-type, authorization');
    if (req.method === 'OPTIONS') return res.end();
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString()) as { entries: Array<{ seq: number }> };
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ ackedThrough: body.entries.at(-1)?.seq ?? 0, rejected: [] }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/push`;
  try {
    const ms = await page.evaluate(
      async ({ url, count, batchSize }) => {
        const record = { kind: 'recommendation', v: 1, id: '', hallId: crypto.randomUUID(), deviceId: crypto.randomUUID(), staffId: crypto.randomUUID(), visitId: crypto.randomUUID(), campaignId: crypto.randomUUID(), talkTrackVersionId: crypto.randomUUID(), elementsSaid: ['name', 'price'], demoDeviceUsed: false, outcome: 'accepted', declineReason: null, recordedAt: new Date().toISOString() };
        const t0 = performance.now();
        for (let start = 0; start < count; start += batchSize) {
          const entries = [];
          for (let i = start; i < Math.min(count, start + batchSize); i++) entries.push({ seq: i + 1, record: { ...record, id: crypto.randomUUID() } });
          const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ entries }) });
          await res.json();
        }
        return performance.now() - t0;
      },
      { url, count, batchSize },
    );
    return { records: count, ms, perSecond: (count / ms) * 1000 };
  } finally {
    server.close();
  }
}
