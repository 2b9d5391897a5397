import type { IncomingMessage } from 'node:http';
import type { ProxyAction, ProxyRule } from './faultProxy.ts';
import { type Rng, seededRng } from './seededRandom.ts';

/** The requests a fault schedule applies to: the device's push and pull. */
export const SYNC_PREFIX = '/api/v1/sync/';
export const isSyncRequest = (req: IncomingMessage): boolean => req.url?.startsWith(SYNC_PREFIX) ?? false;
export const isPush = (req: IncomingMessage): boolean => req.url?.startsWith(`${SYNC_PREFIX}push`) ?? false;

/** What a schedule can do to one sync request. */
export type FaultKind = 'pass' | 'delay' | 'drop_before' | 'drop_after' | 'cut_body' | 'http_502' | 'http_503';
export const FAULT_KINDS: readonly FaultKind[] = ['delay', 'drop_before', 'drop_after', 'cut_body', 'http_502', 'http_503'];

/** One deck: every fault once, and as many clean passes, shuffled; decks follow one another. */
const DECK: readonly FaultKind[] = ['pass', 'pass', 'pass', 'pass', 'pass', 'pass', ...FAULT_KINDS];

export interface SyncFaultSchedule {
  /** The proxy rule: sync requests take the schedule's next fault; everything else passes. */
  rule: ProxyRule;
  /** The fault each sync request got, in order. */
  applied: FaultKind[];
  /** How many sync requests got each fault. */
  tally(): Record<FaultKind, number>;
}

function toAction(kind: FaultKind, rng: Rng, delayMs: readonly [number, number]): ProxyAction {
  switch (kind) {
    case 'pass':
      return { kind: 'pass' };
    case 'delay':
      return { kind: 'delay', ms: rng.int(delayMs[0], delayMs[1]) };
    case 'http_502':
      return { kind: 'status', status: 502 };
    case 'http_503':
      return { kind: 'status', status: 503 };
    default:
      return { kind };
  }
}

/**
 * A seeded schedule of network faults for sync requests: delays, connections dropped before or
 * after the server answered, answers cut mid-body, gateway 502/503. Built from shuffled decks,
 * so every run of a given seed sees the same sequence and every fault comes up in each deck.
 */
export function seededSyncFaults(seed: number, options: { delayMs?: readonly [number, number]; applies?: (req: IncomingMessage) => boolean } = {}): SyncFaultSchedule {
  const rng = seededRng(seed);
  const delayMs = options.delayMs ?? [200, 1_500];
  const applies = options.applies ?? isSyncRequest;
  let deck: FaultKind[] = [];
  const applied: FaultKind[] = [];
  return {
    rule: (req) => {
      if (!applies(req)) return { kind: 'pass' };
      if (deck.length === 0) deck = rng.shuffle(DECK);
      const kind = deck.shift()!;
      applied.push(kind);
      return toAction(kind, rng, delayMs);
    },
    applied,
    tally: () => {
      const out = Object.fromEntries(['pass', ...FAULT_KINDS].map((k) => [k, 0])) as Record<FaultKind, number>;
      for (const k of applied) out[k]++;
      return out;
    },
  };
}
