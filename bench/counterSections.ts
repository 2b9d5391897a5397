import { launchChromium } from '../tests/helpers/e2eBrowser.ts';
import { waitUntilSynced } from '../tests/helpers/e2eCounter.ts';
import { startServer } from '../tests/helpers/e2eServer.ts';
import { openVisitWithCampaign, recordOneRecommendation, signedInTablet } from './counterSetup.ts';
import { measureLoopbackFloor, measurePush } from './pushThroughput.ts';
import { target } from './report.ts';
import { fmt, table } from './stats.ts';
import { measureTapToStored } from './tapToStored.ts';

/** Tap-to-stored: the counter UI's write path against a bare Dexie add in the same page. */
export async function tapSection(): Promise<void> {
  const taps = Number(process.env.BENCH_TAPS ?? 250);
  const server = await startServer();
  const browser = await launchChromium();
  try {
    const { context, page } = await signedInTablet(browser, server);
    await openVisitWithCampaign(page);
    console.log(`\n## Tap-to-stored: logging a recommendation in Chromium (${taps} taps)\n`);
    const tap = await measureTapToStored(page, taps);
    console.log(
      table([
        { what: 'counter UI: tap → record + outbox committed', n: tap.app.n, 'median ms': fmt(tap.app.median), 'p95 ms': fmt(tap.app.p95), 'max ms': fmt(tap.app.max) },
        { what: 'baseline: bare Dexie add, same page', n: tap.bareDexie.n, 'median ms': fmt(tap.bareDexie.median), 'p95 ms': fmt(tap.bareDexie.p95), 'max ms': fmt(tap.bareDexie.max) },
      ]),
    );
    const ratio = tap.app.p95 / tap.bareDexie.p95;
    console.log(`summary: tap-to-stored p95 ${fmt(tap.app.p95)} ms = ${fmt(ratio)}× bare Dexie p95 (median ${fmt(tap.app.median / tap.bareDexie.median)}×)`);
    target('tap', ratio <= 1.5, `tap-to-stored p95 ≤ 1.5× bare Dexie p95: ${fmt(ratio)}× (${fmt(tap.app.p95)} ms vs ${fmt(tap.bareDexie.p95)} ms)`);
    await context.close();
  } finally {
    await browser.close();
    await server.stop();
  }
}

/** Push: N waiting records through the real sync engine and server, against the bare loopback floor. */
export async function pushSection(): Promise<void> {
  const records = Number(process.env.BENCH_PUSH_RECORDS ?? 10_000);
  const server = await startServer();
  const browser = await launchChromium();
  try {
    const { context, page } = await signedInTablet(browser, server);
    await openVisitWithCampaign(page);
    await recordOneRecommendation(page);
    await waitUntilSynced(page, 60_000);
    console.log(`\n## Push: ${records.toLocaleString('en')} waiting records, Chromium → server on loopback (SQLite)\n`);
    const push = await measurePush(context, page, records);
    const floor = await measureLoopbackFloor(page, records, 500);
    console.log(
      table([
        { what: 'talktrack sync (outbox → server, stored, acknowledged)', records: push.records, ms: push.ms, 'records/s': Math.round(push.perSecond) },
        { what: 'baseline: same batches to a bare JSON echo server', records: floor.records, ms: Math.round(floor.ms), 'records/s': Math.round(floor.perSecond) },
      ]),
    );
    console.log(`summary: pushed ${records} records in ${fmt(push.ms / 1000)} s (${Math.round(push.perSecond)} records/s), ${fmt(push.ms / floor.ms)}× the bare loopback floor`);
    await context.close();
  } finally {
    await browser.close();
    await server.stop();
  }
}
