import type { AddressInfo } from 'node:net';
import { buildApp } from '../src/server/app.ts';
import { PUSH_BODY_LIMIT } from '../src/server/routes/sync.ts';
import { migrate } from '../src/server/db/migrate.ts';
import { issueSigningKey } from '../src/server/repos/signingKeys.ts';
import { openTestDatabase } from '../tests/helpers/apiEngines.ts';
import { enrolDevice, seedHallFixture } from '../tests/helpers/apiFixtures.ts';
import { ECHO_PATH, type IngestServerInfo } from './ingestProtocol.ts';

/**
 * The server of the ingest benchmark, in a process of its own (so the load generator does not
 * share its event loop): the product's app (buildApp) on a fresh SQLite file in a temp dir,
 * listening on 127.0.0.1 on a free port, with one hall and DEVICES enrolled tablets. One extra
 * route is the baseline: POST /bench/echo parses the same JSON body and answers, nothing else.
 * Prints one JSON line (IngestServerInfo) when ready; exits on SIGTERM or when stdin closes.
 */

const deviceCount = Number(process.argv[2] ?? 1);
const testDb = await openTestDatabase('sqlite');
await migrate(testDb.database);
// Limits lifted: this measures ingest, and its tablets push back to back, far faster than a hall.
const app = buildApp({ db: testDb.database, rateLimits: false });
app.post(ECHO_PATH, { bodyLimit: PUSH_BODY_LIMIT }, async (request) => {
  const body = request.body as { entries?: Array<{ seq: number }> };
  return { ackedThrough: body.entries?.at(-1)?.seq ?? 0, rejected: [] };
});
await app.ready();
const fx = await seedHallFixture(app, testDb.database);
const enrolled = [fx.device];
while (enrolled.length < deviceCount) enrolled.push(await enrolDevice(app, testDb.database, fx.hall.id));
const devices = [];
for (const d of enrolled) {
  devices.push({ ...d, signingKey: await issueSigningKey(testDb.database.db, { staffId: fx.consultantId, deviceId: d.id, now: new Date() }) });
}
await app.listen({ port: 0, host: '127.0.0.1' });

let closing = false;
const close = () => {
  if (closing) return;
  closing = true;
  void app
    .close()
    .then(() => testDb.cleanup())
    .then(() => process.exit(0));
};
process.on('SIGTERM', close);
process.stdin.on('end', close);
process.stdin.resume();

const info: IngestServerInfo = {
  url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`,
  sqliteFile: testDb.location,
  hallId: fx.hall.id,
  consultantId: fx.consultantId,
  campaignId: fx.campaign.id,
  talkTrackId: fx.talkTrack.id,
  devices,
};
process.stdout.write(`${JSON.stringify(info)}\n`);
