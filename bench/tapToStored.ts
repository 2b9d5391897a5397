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
  await page.addScriptTag({ path: require.resolve('dexie/dist/dexie.min.js') });
  await page.evaluate(async () => {
    const DexieCtor = (window as unknown as { Dexie: new (name: string) => BareDexie }).Dexie;
    const db = new DexieCtor('bench-bare-dexie');
    db.version(1).stores({ recommendations: 'id' });
    await db.open();
    (window as unknown as { benchBare: BareDexie }).benchBare = db;
  });
  const app: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < taps; i++) {
    await page.getByTestId('element-name').click();
    await page.getByTestId('element-price').click();
    await page.getByTestId('outcome-accepted').click();
    // The bare add runs in the same page a moment after the tap, once the counter has settled, so
    // the baseline sees the same idle-then-write conditions as the tap does.
    const sample = await page.evaluate(
      () =>
        new Promise<{ app: number; bare: number }>((resolve) => {
          const button = document.querySelector<HTMLButtonElement>('[data-testid="record-recommendation"]')!;
          const t0 = performance.now();
          window.addEventListener(
            'talktrack:stored',
            (e) => {
              const appMs = performance.now() - t0;
              const record = (e as CustomEvent<{ record: object }>).detail.record;
              const table = (window as unknown as { benchBare: BareDexie }).benchBare.table('recommendations');
              setTimeout(() => {
                const t1 = performance.now();
                void table.add({ ...record, id: crypto.randomUUID() }).then(() => resolve({ app: appMs, bare: performance.now() - t1 }));
              }, 150);
            },
            { once: true },
          );
          button.click();
        }),
    );
    app.push(sample.app);
    bare.push(sample.bare);
  }
  return { app: summarise(app), bareDexie: summarise(bare) };
}
