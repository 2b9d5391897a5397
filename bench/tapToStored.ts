import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { type Summary, summarise } from './stats.ts';

const require = createRequire(import.meta.url);

/** The little of Dexie's API the page-side baseline uses (Dexie is loaded there as a plain script). */
export interface BareDexie {
  version(n: number): { stores(schema: Record<string, string>): void };
  open(): Promise<unknown>;
  close(): void;
  table(name: string): { add(row: unknown): Promise<unknown>; put(row: unknown): Promise<unknown>; bulkAdd(rows: unknown[]): Promise<unknown>; get(key: unknown): Promise<unknown>; count(): Promise<number>; toArray(): Promise<unknown[]> };
}

/**
 * Tap-to-stored: from the tap on "record recommendation" in the real counter UI to the moment the
 * record and its outbox entry are committed in IndexedDB (the app announces each stored record
 * with a `talktrack:stored` event). Baseline: a bare Dexie `add` of the same record, same page.
 */
export async function measureTapToStored(page: Page, taps: number): Promise<{ app: Summary; bareDexie: Summary }> {
  const app: number[] = [];
  let lastRecord: unknown = null;
  for (let i = 0; i < taps; i++) {
    await page.getByTestId('element-name').click();
    await page.getByTestId('element-price').click();
    await page.getByTestId('outcome-accepted').click();
    const { ms, record } = await page.evaluate(
      () =>
        new Promise<{ ms: number; record: unknown }>((resolve) => {
          const button = document.querySelector<HTMLButtonElement>('[data-testid="record-recommendation"]')!;
          const t0 = performance.now();
          window.addEventListener(
            'talktrack:stored',
            (e) => resolve({ ms: performance.now() - t0, record: (e as CustomEvent<{ record: unknown }>).detail.record }),
            { once: true },
          );
          button.click();
        }),
    );
    app.push(ms);
    lastRecord = record;
  }

  await page.addScriptTag({ path: require.resolve('dexie/dist/dexie.min.js') });
  const bare = await page.evaluate(
    async ({ record, taps }) => {
      const DexieCtor = (window as unknown as { Dexie: new (name: string) => BareDexie }).Dexie;
      const db = new DexieCtor('bench-bare-dexie');
      db.version(1).stores({ recommendations: 'id' });
      await db.open();
      const table = db.table('recommendations');
      const samples: number[] = [];
      for (let i = 0; i < taps; i++) {
        const copy = { ...(record as object), id: crypto.randomUUID() };
        const t0 = performance.now();
        await table.add(copy);
        samples.push(performance.now() - t0);
      }
      db.close();
      return samples;
    },
    { record: lastRecord, taps },
  );
  return { app: summarise(app), bareDexie: summarise(bare) };
}
