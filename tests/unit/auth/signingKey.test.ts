import { createHmac } from 'node:crypto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { API } from '../../../src/shared/apiPaths.ts';
import { canonicalJson, macOf } from '../../../src/shared/recordSignature.ts';
import type { SessionResponse } from '../../../src/shared/schemas/auth.ts';
import type { PushRequest } from '../../../src/shared/schemas/sync.ts';
import { MAX_PIN_FAILURES } from '../../../src/client/auth/lockout.ts';
import { signIn, signOut } from '../../../src/client/auth/session.ts';
import { PIN_WRAP_ITERATIONS, unwrapSigningKey, wrapSigningKey } from '../../../src/client/auth/signingKeyStore.ts';
import { INITIAL_SYNC_STATE, readMeta, TalktrackDb } from '../../../src/client/db/db.ts';
import { closeVisit, openVisit } from '../../../src/client/db/fieldWrites.ts';
import { syncOnce } from '../../../src/client/sync/engine.ts';
import { NetworkFailure } from '../../../src/client/api/http.ts';
import { enrolledDevice, freshDb } from '../../helpers/clientFixtures.ts';
import { fakeApi, makeSigningKey } from '../../helpers/uiFixtures.tsx';

let db: TalktrackDb;
afterEach(async () => {
  db?.close();
  await db?.delete();
});

/** The MAC the server computes, with Node's own HMAC: the tablet's signature must equal it. */
const serverMac = (secret: string, record: unknown): string =>
  createHmac('sha256', Buffer.from(secret, 'base64url')).update(canonicalJson(record)).digest('base64url');

/** A server that accepts any PIN and issues `key`; `online` false makes it unreachable. */
function server(key: { id: string; secret: string }, state: { online: boolean; pushes: PushRequest[] }, staffId: string, hallId: string) {
  return fakeApi((path, options) => {
    if (!state.online) return Promise.reject(new NetworkFailure('offline (test)'));
    if (path === API.sessions) {
      const session: SessionResponse = {
        sessionToken: 'session-token',
        expiresAt: '2099-01-01T00:00:00.000Z',
        staff: { id: staffId, name: '王芳', role: 'consultant', hallId },
        signingKey: key,
      };
      return session;
    }
    if (path === API.push) {
      const body = options.body as PushRequest;
      state.pushes.push(body);
      return { ackedThrough: Math.max(...body.entries.map((e) => e.seq)), rejected: [] };
    }
    return Promise.reject(new NetworkFailure(`no such path in this test: ${path}`));
  });
}

describe('the signing key wrapped under the PIN', () => {
  it('opens with the PIN it was wrapped under, and the key it gives signs as the server checks', async () => {
    const key = makeSigningKey();
    const wrapped = await wrapSigningKey('staff-1', '482915', key, new Date(), 1_000);
    expect(wrapped).toMatchObject({ staffId: 'staff-1', keyId: key.id, iterations: 1_000 });
    // Neither the secret nor anything to check a PIN by is kept in the clear.
    expect(JSON.stringify(wrapped)).not.toContain(key.secret);
    const opened = await unwrapSigningKey('482915', wrapped);
    expect(opened?.id).toBe(key.id);
    expect(opened?.key.extractable).toBe(false);
    const record = { kind: 'visit', id: 'r1', b: [1, 2], a: 'x' };
    expect(await macOf(opened!.key, record)).toBe(serverMac(key.secret, record));
  });

  it('does not open with a wrong PIN, nor when moved onto another person', async () => {
    const wrapped = await wrapSigningKey('staff-1', '482915', makeSigningKey(), new Date(), 1_000);
    expect(await unwrapSigningKey('482916', wrapped)).toBeNull();
    expect(await unwrapSigningKey('', wrapped)).toBeNull();
    expect(await unwrapSigningKey('482915', { ...wrapped, staffId: 'staff-2' })).toBeNull();
  });

  it('uses a fresh salt and IV each time, and the chosen iterations by default', async () => {
    const key = makeSigningKey();
    const [a, b] = await Promise.all([wrapSigningKey('s', '1357', key), wrapSigningKey('s', '1357', key)]);
    expect(a.iterations).toBe(PIN_WRAP_ITERATIONS);
    expect(a.salt).not.toBe(b.salt);
    expect(a.iv).not.toBe(b.iv);
    expect(a.wrapped).not.toBe(b.wrapped);
  });
});

describe('sign-in with the wrapped key', () => {
  async function tablet() {
    db = freshDb();
    const device = await enrolledDevice(db);
    const key = makeSigningKey();
    const state = { online: true, pushes: [] as PushRequest[] };
    const api = server(key, state, device.staff.id, device.hall.id);
    return { ...device, key, state, api };
  }

  it('online keeps the key wrapped under the PIN; offline the PIN opens it and records are signed with it', async () => {
    const { staff, key, state, api, actor } = await tablet();
    const online = await signIn(db, api, staff.id, '482915');
    expect(online).toMatchObject({ ok: true, offline: false });
    const stored = await db.signingKeys.get(staff.id);
    expect(stored).toMatchObject({ staffId: staff.id, keyId: key.id, iterations: PIN_WRAP_ITERATIONS });
    expect((await readMeta(db, 'signedIn'))?.signingKey?.id).toBe(key.id);

    await signOut(db, api);
    state.online = false;
    const offline = await signIn(db, api, staff.id, '482915');
    expect(offline).toMatchObject({ ok: true, offline: true });
    const signedIn = await readMeta(db, 'signedIn');
    // The key came back out of IndexedDB as a CryptoKey nobody can read the secret from.
    expect(signedIn?.signingKey?.key).toBeInstanceOf(CryptoKey);
    expect(signedIn?.signingKey?.key.extractable).toBe(false);

    const visit = await openVisit(db, actor, { source: 'walk_in', business: 'bill_payment' });
    const close = await closeVisit(db, actor, visit.id, true);
    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox.map((e) => e.sig)).toEqual([
      { keyId: key.id, mac: serverMac(key.secret, outbox[0]!.record) },
      { keyId: key.id, mac: serverMac(key.secret, close) },
    ]);

    // The push carries each record's signature as stored.
    state.online = true;
    await syncOnce({ db, api }); // the pull after the push is not served here
    expect(state.pushes[0]!.entries.map((e) => e.sig)).toEqual(outbox.map((e) => e.sig));
  });

  it('a wrong PIN offline fails to open the key and counts toward the tablet’s lock', async () => {
    const { staff, state, api } = await tablet();
    expect(await signIn(db, api, staff.id, '482915')).toMatchObject({ ok: true });
    await signOut(db, api);
    state.online = false;
    for (let left = MAX_PIN_FAILURES - 1; left >= 1; left--) {
      expect(await signIn(db, api, staff.id, '111111')).toEqual({ ok: false, reason: 'wrong_secret', attemptsLeft: left });
    }
    expect(await signIn(db, api, staff.id, '111111')).toMatchObject({ ok: false, reason: 'locked' });
    // Locked: even the right PIN is not tried.
    expect(await signIn(db, api, staff.id, '482915')).toMatchObject({ ok: false, reason: 'locked' });
    expect(await readMeta(db, 'signedIn')).toBeUndefined();
  });

  it('with no key kept for this person, an offline sign-in is refused as needing the network, counting nothing', async () => {
    const { staff, state, api } = await tablet();
    state.online = false;
    expect(await signIn(db, api, staff.id, '482915')).toEqual({ ok: false, reason: 'first_signin_needs_network' });
    expect(await db.pinFailures.get(staff.id)).toBeUndefined();
  });

  it('a record made with no key at hand is still stored and queued, unsigned (the server holds it back visibly)', async () => {
    const { actor } = await tablet();
    const visit = await openVisit(db, actor, { source: 'walk_in', business: 'bill_payment' });
    const entry = await db.outbox.get(1);
    expect(entry?.record.id).toBe(visit.id);
    expect(entry?.status).toBe('pending');
    expect(entry?.sig).toBeUndefined();
  });

  it('records queued unsigned before the update are signed at their maker’s next sign-in, and only theirs', async () => {
    const { staff, key, state, api, actor } = await tablet();
    // Queued by the app before it signed records: one of this person's, one of a colleague's.
    const mine = await openVisit(db, actor, { source: 'walk_in', business: 'bill_payment' });
    const colleague = crypto.randomUUID();
    await openVisit(db, { ...actor, staffId: colleague }, { source: 'referral', business: 'inquiry' });
    expect((await db.outbox.toArray()).map((e) => e.sig)).toEqual([undefined, undefined]);

    expect(await signIn(db, api, staff.id, '482915')).toMatchObject({ ok: true });
    const [first, second] = await db.outbox.orderBy('seq').toArray();
    expect(first!.record.id).toBe(mine.id);
    expect(first!.sig).toEqual({ keyId: key.id, mac: serverMac(key.secret, first!.record) });
    // Nobody signs for a colleague: theirs waits for their own sign-in.
    expect(second!.sig).toBeUndefined();

    // Sent with the signature, once.
    await syncOnce({ db, api });
    expect(state.pushes[0]!.entries.map((e) => e.sig)).toEqual([first!.sig, undefined]);
  });

  it('a record the old app sent unsigned, which the server refused, is queued again signed at its maker’s sign-in, once', async () => {
    const { staff, key, api, actor } = await tablet();
    const visit = await openVisit(db, actor, { source: 'walk_in', business: 'bill_payment' });
    // What the server answered the app before it signed: refused, never stored.
    await db.outbox.update(1, { status: 'rejected', error: 'unsigned', message: 'no signature' });
    await db.meta.put({ key: 'sync', value: { ...INITIAL_SYNC_STATE, nextSeq: 2, ackedThrough: 1 } });

    expect(await signIn(db, api, staff.id, '482915')).toMatchObject({ ok: true });
    const outbox = await db.outbox.orderBy('seq').toArray();
    // The record is in the outbox once, under a new number, signed and waiting.
    expect(outbox.map((e) => [e.seq, e.status, e.record.id])).toEqual([[2, 'pending', visit.id]]);
    expect(outbox[0]!.sig).toEqual({ keyId: key.id, mac: serverMac(key.secret, outbox[0]!.record) });
    expect((await readMeta(db, 'sync'))?.nextSeq).toBe(3);
    // Signing in again finds nothing more to sign.
    await signOut(db, api);
    expect(await signIn(db, api, staff.id, '482915')).toMatchObject({ ok: true });
    expect(await db.outbox.count()).toBe(1);
  });
});

describe('the database upgrade to signed records', () => {
  it('strips the PIN verifiers pulled before and signs out a sign-in that has no signing key', async () => {
    const name = `talktrack-upgrade-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(1).stores({
      meta: 'key',
      staff: 'id, hallId',
      campaigns: 'id, status',
      talkTracks: 'id, campaignId',
      visits: 'id, staffId, openedAt, [staffId+openedAt]',
      recommendations: 'id, visitId, staffId, recordedAt',
      outbox: 'seq, status',
      pinFailures: 'staffId',
    });
    old.version(2).stores({ outbox: 'seq, status, ackedAt' });
    const verifier = { algorithm: 'pbkdf2-sha256', iterations: 100_000, salt: 'c2FsdA==', hash: 'aGFzaA==' };
    await old.table('staff').bulkPut([
      { id: 's1', hallId: 'h', name: '王芳', role: 'consultant', active: true, pinVerifier: verifier },
      { id: 's2', hallId: 'h', name: '李强', role: 'floor_marketer', active: true, pinVerifier: null },
    ]);
    await old.table('meta').bulkPut([
      { key: 'signedIn', value: { staffId: 's1', signedInAt: '2026-01-01T00:00:00.000Z', sessionToken: null } },
      { key: 'sync', value: { ...INITIAL_SYNC_STATE, nextSeq: 7 } },
    ]);
    old.close();

    db = new TalktrackDb(name);
    const staff = await db.staff.toArray();
    expect(staff.map((s) => s.name).sort()).toEqual(['李强', '王芳']);
    for (const row of staff) expect(row).not.toHaveProperty('pinVerifier');
    expect(await readMeta(db, 'signedIn')).toBeUndefined();
    expect((await readMeta(db, 'sync'))?.nextSeq).toBe(7);
    expect(await db.signingKeys.count()).toBe(0);
  });
});
