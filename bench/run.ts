import { join } from 'node:path';
import { launchChromium, tabletContext } from '../tests/helpers/e2eBrowser.ts';
import { demoPerson, enrol, signIn, waitUntilSynced } from '../tests/helpers/e2eCounter.ts';
import { startServer } from '../tests/helpers/e2eServer.ts';
import { firstLoadJs } from './firstLoadJs.ts';
import { measureLoopbackFloor, measurePush } from './pushThroughput.ts';
import { fmt, table } from './stats.ts';
import { measureTapToStored } from './tapToStored.ts';

/**
 * The counter's figures, each next to a baseline measured in the same run:
 * tap-to-stored vs a bare Dexie add; pushing 10,000 waiting records vs the bare loopback floor;
 * the first-load JS vs the 60 KB gzip budget.
 */
const TAPS = Number(process.env.BENCH_TAPS ?? 250);
const PUSH_RECORDS = Number(process.env.BENCH_PUSH_RECORDS ?? 10_000);
const FIRST_LOAD_BUDGET = 60 * 1024;

const server = await startServer();
const browser = await launchChromium();
try {
  const context = await tabletContext(browser);
  const page = await context.newPage();
  await page.goto(server.url);
  await enrol(page, server.enrolmentCode);
  await signIn(page, demoPerson('李娜'));
  await page.getByTestId('next-customer').click();
  await page.getByTestId('business-plan_change').click();
  await page.getByTestId('source-walk_in').click();
  await page.getByTestId('open-visit-confirm').click();
  await page.locator('[data-testid^="campaign-"]').first().click();

  console.log(`\n## Tap-to-stored: logging a recommendation in Chromium (${TAPS} taps)\n`);
  const tap = await measureTapToStored(page, TAPS);
  console.log(
    table([
      { what: 'counter UI: tap → record + outbox committed', n: tap.app.n, 'median ms': fmt(tap.app.median), 'p95 ms': fmt(tap.app.p95), 'max ms': fmt(tap.app.max) },
      { what: 'baseline: bare Dexie add, same page', n: tap.bareDexie.n, 'median ms': fmt(tap.bareDexie.median), 'p95 ms': fmt(tap.bareDexie.p95), 'max ms': fmt(tap.bareDexie.max) },
    ]),
  );
  console.log(`summary: tap-to-stored p95 ${fmt(tap.app.p95)} ms = ${fmt(tap.app.p95 / tap.bareDexie.p95)}× bare Dexie p95 (median ${fmt(tap.app.median / tap.bareDexie.median)}×)`);

  await waitUntilSynced(page, 120_000);
  console.log(`\n## Push: ${PUSH_RECORDS.toLocaleString('en')} waiting records, Chromium → server on loopback (SQLite)\n`);
  const push = await measurePush(context, page, PUSH_RECORDS);
  const floor = await measureLoopbackFloor(page, PUSH_RECORDS, 500);
  console.log(
    table([
      { what: 'talktrack sync (outbox → server, stored, acknowledged)', records: push.records, ms: push.ms, 'records/s': Math.round(push.perSecond) },
      { what: 'baseline: same batches to a bare JSON echo server', records: floor.records, ms: Math.round(floor.ms), 'records/s': Math.round(floor.perSecond) },
    ]),
  );
  console.log(`summary: pushed ${PUSH_RECORDS} records in ${fmt(push.ms / 1000)} s (${Math.round(push.perSecond)} records/s), ${fmt(push.ms / floor.ms)}× the bare loopback floor`);
  await context.close();
} finally {
  await browser.close();
  await server.stop();
}

console.log('\n## First-load JS of the counter view (gzip)\n');
const chunks = firstLoadJs(join(process.cwd(), 'dist/client'));
console.log(table(chunks.map((c) => ({ chunk: c.file, bytes: c.bytes, 'gzip bytes': c.gzip }))));
const total = chunks.reduce((n, c) => n + c.gzip, 0);
console.log(`summary: first-load JS ${fmt(total / 1024, 1)} KB gzip in ${chunks.length} chunk(s); budget ${FIRST_LOAD_BUDGET / 1024} KB (${fmt((total / FIRST_LOAD_BUDGET) * 100, 0)} % of it)`);
