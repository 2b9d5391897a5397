import { describe, expect, it } from 'vitest';
import { summariseOffer } from '../../src/server/access/lostOffer.ts';

const STAFF_A = '01900000-0000-7000-8000-00000000000a';
const STAFF_B = '01900000-0000-7000-8000-00000000000b';
const entry = (seq: number, kind: unknown, staffId: unknown = STAFF_A) => ({ seq, record: { kind, staffId } });

/** What a refused push offered, summarised; the records themselves are never kept. */
describe('summariseOffer', () => {
  it.each([
    { name: 'not a push body', body: { hello: 1 }, acked: 0, want: null },
    { name: 'not even an object', body: 'x', acked: 0, want: null },
    { name: 'only entries the server holds', body: { entries: [entry(1, 'visit'), entry(2, 'visit')] }, acked: 2, want: null },
    {
      name: 'entries above what is held, counted by kind and person',
      body: { entries: [entry(2, 'visit'), entry(3, 'visit'), entry(4, 'recommendation', STAFF_B), entry(5, 'visit_close')] },
      acked: 2,
      want: { offered: 3, firstSeq: 3, lastSeq: 5, pending: null, pendingLastSeq: null, kinds: { visit: 1, recommendation: 1, visit_close: 1 }, staffIds: [STAFF_A, STAFF_B] },
    },
    {
      name: 'what the tablet says it still holds',
      body: { entries: [entry(7, 'visit')], outbox: { pending: 40, lastSeq: 46 } },
      acked: 6,
      want: { offered: 1, firstSeq: 7, lastSeq: 46, pending: 40, pendingLastSeq: 46, kinds: { visit: 1 }, staffIds: [STAFF_A] },
    },
    {
      // The answer to its last push was lost: it offers that batch again, all held, and holds two more.
      name: 'a batch already held, from a tablet that holds newer records',
      body: { entries: [entry(1, 'visit'), entry(2, 'visit'), entry(3, 'visit')], outbox: { pending: 5, lastSeq: 5 } },
      acked: 3,
      want: { offered: 0, firstSeq: 4, lastSeq: 5, pending: 2, pendingLastSeq: 5, kinds: {}, staffIds: [] },
    },
    {
      name: 'only what lies above the server’s acknowledgement counts as missing',
      body: { entries: [entry(201, 'visit')], outbox: { pending: 250, lastSeq: 250 } },
      acked: 200,
      want: { offered: 1, firstSeq: 201, lastSeq: 250, pending: 50 },
    },
    {
      name: 'a tablet whose outbox the server holds entirely',
      body: { entries: [entry(3, 'visit')], outbox: { pending: 3, lastSeq: 3 } },
      acked: 3,
      want: null,
    },
    {
      name: 'kinds it does not know and staff ids that are not ids, named as such or left out',
      body: { entries: [entry(1, 'spaceship', 'robert'), entry(2, 42, STAFF_B), entry(3, 'visit', '\u0000')] },
      acked: 0,
      want: { offered: 3, firstSeq: 1, lastSeq: 3, kinds: { unknown: 2, visit: 1 }, staffIds: [STAFF_B] },
    },
    {
      name: 'absurd: more pending than its seqs allow',
      body: { entries: [entry(11, 'visit')], outbox: { pending: 2_000_000_000, lastSeq: 12 } },
      acked: 10,
      want: { offered: 1, firstSeq: 11, lastSeq: 12, pending: 2, pendingLastSeq: 12 },
    },
    {
      name: 'absurd: a last seq below what it offers',
      body: { entries: [entry(5, 'visit'), entry(9, 'visit')], outbox: { pending: 1, lastSeq: 1 } },
      acked: 0,
      // It holds at least the two it offers, somewhere in 1..9.
      want: { offered: 2, firstSeq: 1, lastSeq: 9, pending: 2, pendingLastSeq: 9 },
    },
    {
      name: 'absurd: pending records claimed above a gap are placed right after the acknowledgement',
      body: { entries: [entry(100, 'visit')], outbox: { pending: 95, lastSeq: 100 } },
      acked: 5,
      want: { offered: 1, firstSeq: 6, lastSeq: 100, pending: 95 },
    },
    {
      name: 'absurd: seqs past MAX_SEQ are not a push at all',
      body: { entries: [entry(1, 'visit')], outbox: { pending: 5, lastSeq: 2 ** 31 } },
      acked: 0,
      want: null,
    },
  ])('$name', ({ body, acked, want }) => {
    const offer = summariseOffer(body, acked, 'revoked');
    if (want === null) expect(offer).toBeNull();
    else expect(offer).toMatchObject({ reason: 'revoked', ...want });
    // Whatever it claims, a report never names more missing records than its seq range holds.
    if (offer !== null) {
      expect(offer.lastSeq).toBeGreaterThanOrEqual(offer.firstSeq);
      expect(offer.offered).toBeLessThanOrEqual(offer.lastSeq - acked);
      expect(offer.pending ?? 0).toBeLessThanOrEqual(offer.lastSeq - offer.firstSeq + 1);
    }
  });
});
