import { createHmac } from 'node:crypto';
import { Agent, request } from 'node:http';
import { v7 as uuidv7 } from 'uuid';
import type { FieldRecord, RecommendationRecord, VisitRecord } from '../src/shared/schemas/fieldRecords.ts';
import { canonicalJson } from '../src/shared/recordSignature.ts';
import type { SigningKey } from '../src/shared/schemas/auth.ts';
import type { PushResponse } from '../src/shared/schemas/sync.ts';

/**
 * The load side of the push benchmarks (server, halls): valid outboxes of enrolled tablets, cut
 * into batches, POSTed over node:http with keep-alive connections, each answer checked, each
 * latency kept.
 */

const REQUEST_TIMEOUT_MS = 60_000;

export interface Actor {
  hallId: string;
  deviceId: string;
  staffId: string;
  campaignId: string;
  talkTrackId: string;
}

/** A plausible outbox: visits, each followed by one recommendation of it. */
export function outbox(actor: Actor, count: number): FieldRecord[] {
  const records: FieldRecord[] = [];
  const base = { v: 1, hallId: actor.hallId, deviceId: actor.deviceId, staffId: actor.staffId } as const;
  while (records.length < count) {
    const visit: VisitRecord = { kind: 'visit', ...base, id: uuidv7(), openedAt: new Date().toISOString(), source: 'walk_in', business: 'plan_change', segment: null };
    records.push(visit);
    if (records.length === count) break;
    const rec: RecommendationRecord = {
      kind: 'recommendation',
      ...base,
      id: uuidv7(),
      visitId: visit.id,
      campaignId: actor.campaignId,
      talkTrackVersionId: actor.talkTrackId,
      elementsSaid: ['name', 'price', 'content', 'cancel'],
      demoDeviceUsed: false,
      outcome: 'accepted',
      declineReason: null,
      recordedAt: new Date().toISOString(),
    };
    records.push(rec);
  }
  return records;
}

export interface Batch {
  lastSeq: number;
  records: FieldRecord[];
  body: string;
}

/** The record's signature as the tablet makes it (HMAC-SHA256 of its canonical JSON), made before the clock starts. */
function sign(record: FieldRecord, key: SigningKey): { keyId: string; mac: string } {
  return { keyId: key.id, mac: createHmac('sha256', Buffer.from(key.secret, 'base64url')).update(canonicalJson(record)).digest('base64url') };
}

/** The outbox cut into pushes of `size`, sequence numbers from 1, signed with the person's key on this tablet (unsigned without: the storage floor). */
export function batches(records: readonly FieldRecord[], size: number, key?: SigningKey): Batch[] {
  const out: Batch[] = [];
  for (let start = 0; start < records.length; start += size) {
    const slice = records.slice(start, start + size);
    const entries = slice.map((record, i) => ({ seq: start + i + 1, record, ...(key === undefined ? {} : { sig: sign(record, key) }) }));
    out.push({ lastSeq: start + slice.length, records: slice, body: JSON.stringify({ entries }) });
  }
  return out;
}


/** Keep-alive connections, as many as there are tablets: each tablet holds its own. */
export const agent = new Agent({ keepAlive: true, maxSockets: Infinity });

/** POST over node:http (lighter than fetch, so the load generator takes less of the 2 cores from the server). */
export function httpPost(url: URL, token: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${token}` },
        timeout: REQUEST_TIMEOUT_MS,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`push got no answer in ${REQUEST_TIMEOUT_MS / 1000} s`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** One push over HTTP; returns its latency, or throws with what the server said. */
export async function post(url: URL, token: string, batch: Batch, checkAck: boolean): Promise<number> {
  const t0 = performance.now();
  const { status, text } = await httpPost(url, token, batch.body);
  const ms = performance.now() - t0;
  if (status !== 200) throw new Error(`push answered ${status}: ${text.slice(0, 300)}`);
  if (checkAck) {
    const body = JSON.parse(text) as PushResponse;
    if (body.ackedThrough !== batch.lastSeq || body.rejected.length > 0) {
      throw new Error(`push acked ${body.ackedThrough} (expected ${batch.lastSeq}), rejected ${JSON.stringify(body.rejected.slice(0, 2))}`);
    }
  }
  return ms;
}

export interface RunFigures {
  ms: number;
  records: number;
  latencies: number[];
}

export async function sequential(url: URL, token: string, list: readonly Batch[], checkAck: boolean): Promise<RunFigures> {
  const latencies: number[] = [];
  const t0 = performance.now();
  for (const b of list) latencies.push(await post(url, token, b, checkAck));
  return { ms: performance.now() - t0, records: list.reduce((n, b) => n + b.records.length, 0), latencies };
}

/**
 * Every tablet runs its own rounds back to back; all start at once. `target` is the URL, or picks
 * one per request (several server processes behind a round-robin balancer).
 */
export async function concurrent(
  target: URL | (() => URL),
  tablets: ReadonlyArray<{ token: string; batches: Batch[] }>,
  checkAck: boolean,
): Promise<RunFigures> {
  const latencies: number[] = [];
  const urlFor = typeof target === 'function' ? target : () => target;
  const t0 = performance.now();
  await Promise.all(
    tablets.map(async (t) => {
      for (const b of t.batches) latencies.push(await post(urlFor(), t.token, b, checkAck));
    }),
  );
  const records = tablets.reduce((n, t) => n + t.batches.reduce((m, b) => m + b.records.length, 0), 0);
  return { ms: performance.now() - t0, records, latencies };
}
