import type { Kysely } from 'kysely';
import type { Hall } from '../../shared/schemas/reference.ts';
import type { CampaignCategory } from '../../shared/schemas/reference.ts';
import type { Schema } from '../db/schema.ts';
import { forbidden, HttpError } from '../errors.ts';
import type { ManageActor } from '../manage/actor.ts';
import { listHalls } from '../repos/halls.ts';

/**
 * Who reads which rows: a consultant or floor marketer only their own (their staff id is forced;
 * asking for someone else is 403), a manager their own hall (another hall is 403), an admin any
 * hall, and every hall when none is named.
 */

export interface ReportScope {
  /** The halls covered, at least one. */
  halls: Hall[];
  /** True when an admin asked for no hall: the file name says "all halls". */
  allHalls: boolean;
  /** Only this person's visits; null = everyone in the halls. */
  staffId: string | null;
}

/** A scope and the filters that narrow the recommendations counted. */
export interface ReportFilter extends ReportScope {
  from: string;
  to: string;
  campaignId: string | null;
  category: CampaignCategory | null;
}

const COUNTER_ROLES = new Set(['consultant', 'floor_marketer']);

export async function reportScope(
  db: Kysely<Schema>,
  actor: ManageActor,
  asked: { hallId?: string | undefined; staffId?: string | undefined },
): Promise<ReportScope> {
  if (actor.role !== 'admin' && asked.hallId !== undefined && asked.hallId !== actor.hallId) {
    throw forbidden(`you see the reports of your own hall only (${actor.hall.name.zh}); leave hallId out or choose your own hall`);
  }
  if (COUNTER_ROLES.has(actor.role)) {
    if (asked.staffId !== undefined && asked.staffId !== actor.staffId) {
      throw forbidden('you see your own figures only; leave staffId out, or ask your manager for the rest of the hall');
    }
    return { halls: [actor.hall], allHalls: false, staffId: actor.staffId };
  }
  const staffId = asked.staffId ?? null;
  if (actor.role === 'manager') return { halls: [actor.hall], allHalls: false, staffId };
  if (asked.hallId === undefined) {
    const halls = await listHalls(db);
    return { halls, allHalls: true, staffId };
  }
  const halls = await listHalls(db, [asked.hallId]);
  if (halls.length === 0) {
    throw new HttpError(400, 'unknown_hall', `there is no hall ${asked.hallId}; reload the page and choose from the list of halls`, {
      hallId: asked.hallId,
    });
  }
  return { halls, allHalls: false, staffId };
}

export async function reportFilter(
  db: Kysely<Schema>,
  actor: ManageActor,
  query: { hallId?: string | undefined; staffId?: string | undefined; from: string; to: string; campaignId?: string | undefined; category?: CampaignCategory | undefined },
): Promise<ReportFilter> {
  return {
    ...(await reportScope(db, actor, query)),
    from: query.from,
    to: query.to,
    campaignId: query.campaignId ?? null,
    category: query.category ?? null,
  };
}
