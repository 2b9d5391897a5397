import type { FastifyInstance } from 'fastify';
import { API } from '../../shared/apiPaths.ts';
import {
  PeopleListResponse,
  PeopleQuery,
  PersonCreateRequest,
  PersonMoveRequest,
  PersonResponse,
  PersonUpdateRequest,
} from '../../shared/schemas/people.ts';
import { StaffParams } from '../../shared/schemas/params.ts';
import { hallsInView } from '../access/hallScope.ts';
import { MANAGERS } from '../access/roles.ts';
import { deviceAuth } from '../auth/deviceAuth.ts';
import type { Database } from '../db/database.ts';
import { manageAuth, requireActor } from '../manage/actor.ts';
import {
  createPerson,
  deactivatePerson,
  movePerson,
  reactivatePerson,
  resetSecret,
  unlockPerson,
  updatePerson,
} from '../people/personWrites.ts';
import { personFromRow } from '../repos/staff.ts';
import { listPeople } from '../repos/staffChanges.ts';
import { parseInput } from '../validate.ts';


/** People of a hall for its manager, of any hall for an admin: list, add, change, and their secrets. */
export async function adminPeopleRoutes(app: FastifyInstance, opts: { database: Database }): Promise<void> {
  const { db } = opts.database;
  const onRequest = [deviceAuth(db), manageAuth(db, MANAGERS)];
  const staffIdOf = (params: unknown) => parseInput(StaffParams, params, 'path').staffId;

  app.get(API.adminPeople, { onRequest }, async (request): Promise<PeopleListResponse> => {
    const actor = requireActor(request);
    const query = parseInput(PeopleQuery, request.query, 'query');
    const halls = await hallsInView(db, actor, query.hallId);
    const rows = await listPeople(db, halls.map((h) => h.id), query.includeInactive === 'true');
    const now = new Date();
    return PeopleListResponse.parse({ people: rows.map((r) => personFromRow(r, now)), halls });
  });

  app.post(API.adminPeople, { onRequest }, async (request, reply) => {
    const body = parseInput(PersonCreateRequest, request.body);
    const created = await createPerson(db, requireActor(request), body);
    return reply.code(201).send(PersonResponse.parse(created));
  });

  app.patch(API.adminPerson, { onRequest }, async (request): Promise<PersonResponse> => {
    const staffId = staffIdOf(request.params);
    const body = parseInput(PersonUpdateRequest, request.body);
    return PersonResponse.parse(await updatePerson(db, requireActor(request), staffId, body));
  });

  app.post(API.adminPersonPin, { onRequest }, async (request): Promise<PersonResponse> =>
    PersonResponse.parse(await resetSecret(db, requireActor(request), staffIdOf(request.params), 'pin')),
  );

  app.post(API.adminPersonPasswordCode, { onRequest }, async (request): Promise<PersonResponse> =>
    PersonResponse.parse(await resetSecret(db, requireActor(request), staffIdOf(request.params), 'password')),
  );

  app.post(API.adminPersonMove, { onRequest }, async (request): Promise<PersonResponse> => {
    const staffId = staffIdOf(request.params);
    const body = parseInput(PersonMoveRequest, request.body);
    return PersonResponse.parse(await movePerson(db, requireActor(request), staffId, body.hallId));
  });

  app.post(API.adminPersonDeactivate, { onRequest }, async (request): Promise<PersonResponse> =>
    PersonResponse.parse(await deactivatePerson(db, requireActor(request), staffIdOf(request.params))),
  );

  app.post(API.adminPersonReactivate, { onRequest }, async (request): Promise<PersonResponse> =>
    PersonResponse.parse(await reactivatePerson(db, requireActor(request), staffIdOf(request.params))),
  );

  app.post(API.adminPersonUnlock, { onRequest }, async (request): Promise<PersonResponse> =>
    PersonResponse.parse(await unlockPerson(db, requireActor(request), staffIdOf(request.params))),
  );
}
