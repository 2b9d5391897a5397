import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { API } from '../../shared/apiPaths.ts';
import { HallQuery } from '../../shared/schemas/devices.ts';
import { type HallAdmin, HallCreateRequest, HallListResponse, HallResponse, HallUpdateRequest } from '../../shared/schemas/people.ts';
import { HallParams } from '../../shared/schemas/params.ts';
import { hallsInView } from '../access/hallScope.ts';
import { ADMINS, MANAGERS } from '../access/roles.ts';
import { deviceAuth } from '../auth/deviceAuth.ts';
import type { Database } from '../db/database.ts';
import type { Schema } from '../db/schema.ts';
import { HttpError } from '../errors.ts';
import { manageAuth, requireActor } from '../manage/actor.ts';
import { type AccessAction, insertAccessAudit } from '../repos/accessAudit.ts';
import { countHallMembers, getHallRow, hallAdminFromRow, type HallRow, insertHall, listHallRows, updateHall } from '../repos/halls.ts';
import { parseInput } from '../validate.ts';


/**
 * Halls: a manager reads their own, an admin reads every hall and creates, renames and
 * (de)activates them. The time zone is fixed at creation: changing it would move stored records
 * to other days.
 */
export async function adminHallRoutes(app: FastifyInstance, opts: { database: Database }): Promise<void> {
  const { db } = opts.database;
  const readers = [deviceAuth(db), manageAuth(db, MANAGERS)];
  const admins = [deviceAuth(db), manageAuth(db, ADMINS)];
  /** Devices unused for longer than a token lives no longer count: they cannot act any more. */
  const withCounts = async (rows: HallRow[]): Promise<HallAdmin[]> => {
    const counts = await countHallMembers(db, rows.map((r) => r.id), new Date(Date.now() - app.deviceTokenTtlMs));
    return rows.map((r) => hallAdminFromRow(r, counts.get(r.id) ?? { people: 0, devices: 0 }));
  };
  const counted = async (row: HallRow, within: Kysely<Schema> = db): Promise<HallAdmin> => {
    const counts = await countHallMembers(within, [row.id], new Date(Date.now() - app.deviceTokenTtlMs));
    return hallAdminFromRow(row, counts.get(row.id) ?? { people: 0, devices: 0 });
  };
  const one = async (hallId: string): Promise<HallAdmin> => {
    const row = await getHallRow(db, hallId);
    if (row === undefined) throw new Error(`hall ${hallId} vanished right after a change`);
    return counted(row);
  };

  app.get(API.adminHalls, { onRequest: readers }, async (request): Promise<HallListResponse> => {
    const query = parseInput(HallQuery, request.query, 'query');
    const halls = await hallsInView(db, requireActor(request), query.hallId);
    return HallListResponse.parse({ halls: await withCounts(await listHallRows(db, halls.map((h) => h.id))) });
  });

  app.post(API.adminHalls, { onRequest: admins }, async (request, reply) => {
    const actor = requireActor(request);
    const body = parseInput(HallCreateRequest, request.body);
    const id = uuidv7();
    const now = new Date();
    const name = hallName(body.name);
    await db.transaction().execute(async (trx) => {
      await insertHall(trx, { id, name, timeZone: body.timeZone }, { address: body.address ?? null });
      await insertAccessAudit(trx, {
        at: now.toISOString(),
        actor,
        action: 'create_hall',
        hallId: id,
        targetId: id,
        summary: `created the hall ${name.zh} (${body.timeZone})`,
        details: { name: name.zh, nameEn: name.en ?? null, timeZone: body.timeZone, address: body.address ?? null },
      });
    });
    return reply.code(201).send(HallResponse.parse({ hall: await one(id) }));
  });

  app.patch(API.adminHall, { onRequest: admins }, async (request): Promise<HallResponse> => {
    const actor = requireActor(request);
    const { hallId } = parseInput(HallParams, request.params, 'path');
    // Said plainly rather than dropped with the unknown keys: the sender would think it changed.
    if (typeof request.body === 'object' && request.body !== null && 'timeZone' in request.body) {
      throw new HttpError(400, 'time_zone_fixed', 'a hall keeps the time zone it was created with (its records are counted by its days); leave timeZone out');
    }
    const body = parseInput(HallUpdateRequest, request.body);
    const row = await getHallRow(db, hallId);
    if (row === undefined) throw new HttpError(404, 'not_found', `there is no hall ${hallId}; reload the list of halls`);
    const now = new Date();
    await db.transaction().execute(async (trx) => {
      // Counted in the transaction, so a person added a moment ago is seen.
      const before = await counted(row, trx);
      if (body.active === false && before.active && (before.people > 0 || before.devices > 0)) throw hallInUse(before);
      const name = body.name === undefined ? undefined : hallName(body.name);
      await updateHall(trx, hallId, { name, address: body.address, active: body.active });
      await auditHallChange(trx, actor, before, { ...body, name }, now);
    });
    return HallResponse.parse({ hall: await one(hallId) });
  });
}

/** An English name left empty is no English name. */
const hallName = (name: { zh: string; en?: string }) => (name.en === undefined || name.en === '' ? { zh: name.zh } : name);

/** 409 `hall_in_use`, with the counts, while active people or devices remain. */
function hallInUse(hall: HallAdmin): HttpError {
  return new HttpError(
    409,
    'hall_in_use',
    `the hall ${hall.name.zh} still has ${hall.people} active ${hall.people === 1 ? 'person' : 'people'} and ${hall.devices} active ${hall.devices === 1 ? 'device' : 'devices'}; move or deactivate them and revoke the devices first`,
    { hall: hall.name.zh, people: hall.people, devices: hall.devices },
    { people: hall.people, devices: hall.devices },
  );
}

async function auditHallChange(
  trx: Kysely<Schema>,
  actor: Parameters<typeof insertAccessAudit>[1]['actor'],
  before: HallAdmin,
  change: { name?: { zh: string; en?: string }; address?: string | null; active?: boolean },
  now: Date,
): Promise<void> {
  const action: AccessAction =
    change.active === false && before.active ? 'deactivate_hall' : change.active === true && !before.active ? 'reactivate_hall' : 'update_hall';
  const parts = [
    change.name === undefined ? null : `renamed ${before.name.zh} to ${change.name.zh}`,
    change.address === undefined ? null : 'changed the address',
    action === 'deactivate_hall' ? 'deactivated it' : action === 'reactivate_hall' ? 'reactivated it' : null,
  ].filter((p) => p !== null);
  await insertAccessAudit(trx, {
    at: now.toISOString(),
    actor,
    action,
    hallId: before.id,
    targetId: before.id,
    summary: `${before.name.zh}: ${parts.length === 0 ? 'no change' : parts.join(', ')}`,
    details: {
      name: change.name?.zh ?? before.name.zh,
      nameEn: change.name === undefined ? (before.name.en ?? null) : (change.name.en ?? null),
      previousName: before.name.zh,
      address: change.address === undefined ? before.address : change.address,
      active: change.active ?? before.active,
    },
  });
}
