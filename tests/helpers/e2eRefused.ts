import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { addPageSigner, type PageSign } from './pageSigner.ts';

const require = createRequire(import.meta.url);

/**
 * Adds, straight into the app's IndexedDB, a recommendation for the open visit naming a campaign
 * the server does not know, with its outbox entry at the next sequence number, the way the app
 * writes one (one transaction), signed with the signed-in person's key as the app signs (HMAC of
 * the canonical JSON), so the server refuses it for its campaign, not for a missing signature.
 * The open visit must already hold a recommendation (the template), and the page must bypass the
 * app's content policy (the test's copy of Dexie is a script tag). Returns its seq and id.
 */
export async function queueRecommendationForUnknownCampaign(page: Page): Promise<{ seq: number; id: string }> {
  await page.addScriptTag({ path: require.resolve('dexie/dist/dexie.min.js') });
  await addPageSigner(page);
  return page.evaluate(async () => {
    type Row = Record<string, unknown>;
    type Table = { toArray(): Promise<Row[]>; get(key: string): Promise<Row | undefined>; add(row: Row): Promise<unknown>; put(row: Row): Promise<unknown> };
    type BareDexie = { open(): Promise<unknown>; close(): void; table(name: string): Table; transaction<T>(mode: 'rw', tables: string[], work: () => Promise<T>): Promise<T> };
    const DexieCtor = (window as unknown as { Dexie: new (name: string) => BareDexie }).Dexie;
    const db = new DexieCtor('talktrack');
    await db.open();
    try {
      const open = (await db.table('visits').toArray()).find((v) => v.closedAt === null)!;
      const template = (await db.table('recommendations').toArray()).find((r) => r.visitId === open.id)!;
      const now = new Date().toISOString();
      const record = { ...template, id: crypto.randomUUID(), campaignId: crypto.randomUUID(), recordedAt: now };
      // Signed before the transaction, as the app does (WebCrypto would end an IndexedDB transaction).
      const sig = await (window as unknown as { talktrackSign: PageSign }).talktrackSign(record);
      return await db.transaction('rw', ['meta', 'outbox', 'visits', 'recommendations'], async () => {
        const sync = (await db.table('meta').get('sync')) as { key: string; value: { nextSeq: number } };
        const seq = sync.value.nextSeq;
        await db.table('recommendations').add(record);
        await db.table('outbox').add({ seq, record, status: 'pending', error: null, message: null, createdAt: now, sig });
        await db.table('meta').put({ key: 'sync', value: { ...sync.value, nextSeq: seq + 1 } });
        return { seq, id: record.id as string };
      });
    } finally {
      db.close();
    }
  });
}
