import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { API, fillPath } from '../../src/shared/apiPaths.ts';
import { ApiError } from '../../src/shared/schemas/auth.ts';
import { HallResponse, type PersonCreateRequest, PersonResponse } from '../../src/shared/schemas/people.ts';
import type { Database } from '../../src/server/db/database.ts';
import type { SignedIn } from './manageFixtures.ts';

/** The halls, people and access-audit routes as one signed-in person calls them; each answers the raw response. */
export function peopleApi(app: FastifyInstance, who: Pick<SignedIn, 'headers'>) {
  const req = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object): Promise<LightMyRequestResponse> =>
    app.inject({ method, url, headers: who.headers, ...(payload === undefined ? {} : { payload }) });
  const person = (template: string, staffId: string) => fillPath(template, { staffId });
  return {
    halls: (query = '') => req('GET', `${API.adminHalls}${query}`),
    createHall: (body: object) => req('POST', API.adminHalls, body),
    updateHall: (hallId: string, body: object) => req('PATCH', fillPath(API.adminHall, { hallId }), body),
    people: (query = '') => req('GET', `${API.adminPeople}${query}`),
    create: (body: PersonCreateRequest | Record<string, unknown>) => req('POST', API.adminPeople, body),
    update: (staffId: string, body: object) => req('PATCH', person(API.adminPerson, staffId), body),
    resetPin: (staffId: string) => req('POST', person(API.adminPersonPin, staffId)),
    passwordCode: (staffId: string) => req('POST', person(API.adminPersonPasswordCode, staffId)),
    move: (staffId: string, hallId: string) => req('POST', person(API.adminPersonMove, staffId), { hallId }),
    deactivate: (staffId: string) => req('POST', person(API.adminPersonDeactivate, staffId)),
    reactivate: (staffId: string) => req('POST', person(API.adminPersonReactivate, staffId)),
    unlock: (staffId: string) => req('POST', person(API.adminPersonUnlock, staffId)),
    importRoster: (body: object) => req('POST', API.adminRosterImport, body),
    audit: (query = '') => req('GET', `${API.adminAccessAudit}${query}`),
  };
}

export type PeopleApi = ReturnType<typeof peopleApi>;

/** The person of a successful people write, checking the status. */
export function personOf(res: LightMyRequestResponse, status = 200): PersonResponse {
  expect(res.statusCode, res.body).toBe(status);
  return PersonResponse.parse(res.json());
}

export function hallOf(res: LightMyRequestResponse, status = 200): HallResponse['hall'] {
  expect(res.statusCode, res.body).toBe(status);
  return HallResponse.parse(res.json()).hall;
}

/** A refusal: its status and error code, and the message a person reads; answers the whole body. */
export function expectRefused(res: LightMyRequestResponse, status: number, error: string): ApiError & Record<string, unknown> {
  expect(res.statusCode, res.body).toBe(status);
  const body = ApiError.parse(res.json());
  expect(body.error).toBe(error);
  expect(body.message.length).toBeGreaterThan(10);
  return { ...(res.json() as Record<string, unknown>), ...body };
}

/** Every row of the tables a people write touches, to show a refusal wrote nothing. */
export async function peopleTables(database: Database) {
  const { db } = database;
  return {
    staff: await db.selectFrom('staff').selectAll().orderBy('id').execute(),
    halls: await db.selectFrom('halls').selectAll().orderBy('id').execute(),
    sessions: await db.selectFrom('staff_sessions').selectAll().orderBy('id').execute(),
    codes: await db.selectFrom('password_codes').selectAll().orderBy('id').execute(),
    removals: await db.selectFrom('reference_removals').selectAll().orderBy('row_id').execute(),
    audit: await db.selectFrom('access_audit').selectAll().orderBy('id').execute(),
    devices: await db.selectFrom('devices').select(['id', 'hall_id', 'label', 'revoked_at']).orderBy('id').execute(),
    revRow: await db.selectFrom('rev_counter').selectAll().execute(),
  };
}

let staffNumbers = 0;
/** A staff number no other test uses. */
export function uniqueStaffNo(prefix = 'T'): string {
  staffNumbers += 1;
  return `${prefix}${Date.now().toString(36)}${staffNumbers}`;
}
