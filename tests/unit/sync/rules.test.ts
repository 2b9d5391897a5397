import { describe, expect, it } from 'vitest';
import { applyAck, backoffDelay, consecutiveRuns, nextBatch, retentionCutoff, retryDelay, serverWentBack } from '../../../src/client/sync/rules.ts';
import { SENT_RETENTION_DAYS } from '../../../src/shared/outboxRetention.ts';
import type { OutboxEntry } from '../../../src/client/db/db.ts';
import type { FieldRecord } from '../../../src/shared/schemas/fieldRecords.ts';

const entry = (seq: number, status: OutboxEntry['status'] = 'pending'): OutboxEntry => ({
  seq,
  record: { kind: 'visit', id: `id-${seq}` } as unknown as FieldRecord,
  status,
  error: null,
  message: null,
  createdAt: '2026-11-27T00:00:00Z',
});

describe('nextBatch', () => {
  it.each([
    { name: 'sends pending entries in sequence order', entries: [3, 1, 2], max: 10, want: [1, 2, 3] },
    { name: 'caps the batch', entries: [1, 2, 3, 4, 5], max: 2, want: [1, 2] },
    { name: 'nothing waiting', entries: [], max: 10, want: [] },
  ])('$name', ({ entries, max, want }) => {
    expect(nextBatch(entries.map((s) => entry(s)), max).map((e) => e.seq)).toEqual(want);
  });

  it('resends entries the server acknowledged outside an earlier batch, to learn whether they were refused', () => {
    // Batch 1–5 was stored but its answer lost; a smaller batch 1–3 came back with "held through 5".
    expect(nextBatch([entry(4), entry(5), entry(6)], 2).map((e) => e.seq)).toEqual([4, 5]);
  });

  it('never resends a record the server refused, nor one it acknowledged', () => {
    expect(nextBatch([entry(1, 'rejected'), entry(2), entry(3, 'sent')]).map((e) => e.seq)).toEqual([2]);
  });
});

describe('applyAck', () => {
  const batch = [1, 2, 3, 4].map((s) => entry(s));
  it.each([
    { name: 'all held', ack: 4, rejected: [], held: [1, 2, 3, 4], reject: [], progressed: true },
    { name: 'held up to a gap', ack: 2, rejected: [], held: [1, 2], reject: [], progressed: true },
    { name: 'one refused, the rest go on', ack: 4, rejected: [3], held: [1, 2, 4], reject: [3], progressed: true },
    { name: 'server holds less than the batch needs', ack: 0, rejected: [], held: [], reject: [], progressed: false },
    { name: 'all refused still settles the batch', ack: 4, rejected: [1, 2, 3, 4], held: [], reject: [1, 2, 3, 4], progressed: true },
  ])('$name', ({ ack, rejected, held, reject, progressed }) => {
    const effect = applyAck(batch, 0, {
      ackedThrough: ack,
      rejected: rejected.map((seq) => ({ seq, error: 'invalid_record', message: 'bad' })),
    });
    expect(effect.held).toEqual(held);
    expect(effect.reject.map((r) => r.seq)).toEqual(reject);
    expect(effect.progressed).toBe(progressed);
    expect(effect.resend).toBeNull();
  });

  it('ignores refusals above the acknowledged sequence', () => {
    const effect = applyAck(batch, 0, { ackedThrough: 2, rejected: [{ seq: 3, error: 'x', message: 'y' }] });
    expect(effect.reject).toEqual([]);
    expect(effect.held).toEqual([1, 2]);
  });

  it.each([
    { name: 'the server holds more than the device knew (an answer was lost)', own: 5, ack: 9, ackedThrough: 9, resend: null },
    { name: 'the server holds what the device knew', own: 9, ack: 9, ackedThrough: 9, resend: null },
    { name: 'restored from a backup: what it lost is sent again', own: 12, ack: 7, ackedThrough: 7, resend: { from: 8, through: 12 } },
    { name: 'restored from a backup made before this device sent anything', own: 12, ack: 0, ackedThrough: 0, resend: { from: 1, through: 12 } },
  ])('$name', ({ own, ack, ackedThrough, resend }) => {
    const effect = applyAck([entry(13), entry(14)], own, { ackedThrough: ack, rejected: [] });
    expect(effect.ackedThrough).toBe(ackedThrough);
    expect(effect.resend).toEqual(resend);
  });
});

describe('serverWentBack', () => {
  it.each([
    { own: 0, server: 0, want: null },
    { own: 10, server: 10, want: null },
    { own: 10, server: 12, want: null },
    { own: 10, server: 9, want: { from: 10, through: 10 } },
    { own: 10, server: 3, want: { from: 4, through: 10 } },
  ])('device $own, server $server → $want', ({ own, server, want }) => {
    expect(serverWentBack(own, server)).toEqual(want);
  });
});

describe('retentionCutoff', () => {
  it.each([
    { now: '2026-11-27T10:00:00.000Z', days: 14, want: '2026-11-13T10:00:00.000Z' },
    { now: '2026-03-01T00:00:00.000Z', days: 1, want: '2026-02-28T00:00:00.000Z' },
    { now: '2026-11-27T10:00:00.000Z', days: 0, want: '2026-11-27T10:00:00.000Z' },
  ])('$days days before $now', ({ now, days, want }) => {
    expect(retentionCutoff(new Date(now), days)).toBe(want);
  });

  it(`keeps acknowledged entries ${SENT_RETENTION_DAYS} days by default`, () => {
    expect(retentionCutoff(new Date('2026-11-27T10:00:00.000Z'))).toBe(new Date(Date.parse('2026-11-27T10:00:00.000Z') - SENT_RETENTION_DAYS * 86_400_000).toISOString());
  });
});

describe('backoffDelay', () => {
  it('grows with failures and stays under five minutes', () => {
    const mid = () => 0.5;
    expect(backoffDelay(0, mid)).toBe(0);
    expect(backoffDelay(1, mid)).toBe(2_000);
    expect(backoffDelay(2, mid)).toBe(4_000);
    expect(backoffDelay(50, mid)).toBe(300_000);
  });

  it('waits at least as long as the server asked (Retry-After), and no less than the backoff', () => {
    const mid = () => 0.5;
    expect(retryDelay(1, 45_000, mid)).toBe(45_000);
    expect(retryDelay(3, 1_000, mid)).toBe(8_000);
    expect(retryDelay(2, undefined, mid)).toBe(4_000);
  });
});

describe('consecutiveRuns', () => {
  it.each([
    { seqs: [], want: [] },
    { seqs: [5], want: [[5, 5]] },
    { seqs: [3, 1, 2], want: [[1, 3]] },
    { seqs: [1, 2, 4, 5, 7], want: [[1, 2], [4, 5], [7, 7]] },
    { seqs: [2, 2, 3], want: [[2, 3]] },
  ])('$seqs → $want', ({ seqs, want }) => {
    expect(consecutiveRuns(seqs)).toEqual(want);
  });
});
