import type { IncomingMessage } from 'node:http';
import type { FastifyRequest } from 'fastify';
import { Id } from '../../shared/schemas/common.ts';
import type { RefusalReason } from '../../shared/schemas/devices.ts';
import { FieldRecord } from '../../shared/schemas/fieldRecords.ts';
import { PushRequest } from '../../shared/schemas/sync.ts';
import type { Database } from '../db/database.ts';
import type { DeviceRow } from '../repos/devices.ts';
import { type LostOffer, recordLostOffer } from '../repos/lostRecords.ts';

/**
 * A revoked (or expired) tablet still holds records the server never received, and only the
 * tablet knows what they are. When it next pushes, the server answers 401 as to any refused
 * device, but first notes what the push offered, so the manager learns what is missing instead
 * of it being lost without a word. Nothing of the records themselves is stored.
 */

const KNOWN_KINDS: ReadonlySet<string> = new Set(FieldRecord.options.map((o) => o.shape.kind.value));

function field(record: unknown, key: string): unknown {
  return typeof record === 'object' && record !== null ? (record as Record<string, unknown>)[key] : undefined;
}

/**
 * What a refused push offered above `ackedSeq`, and what the tablet said it holds above it; null
 * when neither shows anything the server lacks. A batch of records already held (their answer was
 * lost on the way) still reports the newer ones its outbox summary names.
 */
export function summariseOffer(body: unknown, ackedSeq: number, reason: RefusalReason): LostOffer | null {
  const parsed = PushRequest.safeParse(body);
  if (!parsed.success) return null;
  const fresh = parsed.data.entries.filter((e) => e.seq > ackedSeq);
  const outbox = parsed.data.outbox;
  const beyondHeld = outbox !== undefined && outbox.lastSeq > ackedSeq;
  if (fresh.length === 0 && !beyondHeld) return null;
  const kinds: Record<string, number> = {};
  const staffIds = new Set<string>();
  for (const { record } of fresh) {
    const kind = field(record, 'kind');
    // Only names the app knows: a report shows what a person can act on, not what a broken client sent.
    const name = typeof kind === 'string' && KNOWN_KINDS.has(kind) ? kind : 'unknown';
    kinds[name] = (kinds[name] ?? 0) + 1;
    const staffId = Id.safeParse(field(record, 'staffId'));
    if (staffId.success) staffIds.add(staffId.data);
  }
  // What a tablet claims is held to what its sequence numbers allow (each within MAX_SEQ, by the
  // schema): it holds at least what it offers, and nothing at or below the server's acknowledgement
  // is missing, so at most lastSeq − ackedSeq records are, all of them in ackedSeq+1..lastSeq.
  const highestOffered = fresh.length > 0 ? Math.max(...fresh.map((e) => e.seq)) : 0;
  const lastSeq = Math.max(highestOffered, outbox?.lastSeq ?? 0);
  const pending = outbox === undefined ? null : Math.min(Math.max(outbox.pending, fresh.length), lastSeq - ackedSeq);
  const firstSeq = pending !== null && pending > 0 ? ackedSeq + 1 : fresh.length > 0 ? Math.min(...fresh.map((e) => e.seq)) : ackedSeq + 1;
  return {
    reason,
    offered: fresh.length,
    firstSeq,
    lastSeq,
    pending,
    pendingLastSeq: outbox === undefined ? null : lastSeq,
    kinds,
    staffIds: [...staffIds],
  };
}

/**
 * The body straight from the socket, at most `limit` bytes; null when larger, cut off or broken.
 * Past the limit the rest is read and dropped, as fastify does with a body too large: a stream
 * left paused would hold the client, still sending, from ever reading the 401.
 */
export function readRawBody(stream: IncomingMessage, limit: number): Promise<Buffer | null> {
  const declared = Number(stream.headers['content-length']);
  // Not read at all: node drops the unread body itself once the answer is sent.
  if (declared > limit) return Promise.resolve(null);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (value: Buffer | null) => {
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.off('error', onError);
      stream.resume();
      resolve(value);
    };
    const onData = (chunk: Buffer | string) => {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += buffer.length;
      if (size > limit) finish(null);
      else chunks.push(buffer);
    };
    const onEnd = () => finish(Buffer.concat(chunks));
    const onError = () => finish(null);
    stream.on('data', onData);
    stream.on('end', onEnd);
    stream.on('error', onError);
  });
}

/**
 * For deviceAuth on the push route: note what a refused device offered, then let it answer 401;
 * past the refusedPush limit it answers 429 and notes nothing.
 */
export function reportLostRecords(database: Database, limit: number) {
  return async (request: FastifyRequest, device: DeviceRow, reason: RefusalReason): Promise<void> => {
    // Counted before the body is read: a refused tablet hammering push gets 429, not a write each time.
    await request.server.limitRefusedPush?.(request);
    const raw = await readRawBody(request.raw, limit);
    if (raw === null) return;
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      return;
    }
    const offer = summariseOffer(body, device.acked_seq, reason);
    if (offer === null) return;
    try {
      await recordLostOffer(database, { id: device.id, hallId: device.hall_id }, offer, new Date());
    } catch (error) {
      // The device is told 401 all the same; it keeps its records and offers them again later.
      request.log.error({ err: error, deviceId: device.id }, 'could not record a refused device’s lost records');
    }
  };
}
