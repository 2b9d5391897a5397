import { z } from 'zod';
import { API } from '../../../shared/apiPaths.ts';
import { ApiError, PasswordCodeRedeemRequest, PasswordCodeRedeemResponse } from '../../../shared/schemas/auth.ts';
import { HallQuery, RevokeSessionsResponse } from '../../../shared/schemas/devices.ts';
import { HallParams, StaffParams } from '../../../shared/schemas/params.ts';
import {
  AccessAuditResponse,
  HallCreateRequest,
  HallListResponse,
  HallResponse,
  HallUpdateRequest,
  PeopleListResponse,
  PeopleQuery,
  PersonCreateRequest,
  PersonMoveRequest,
  PersonResponse,
  PersonUpdateRequest,
  RosterImportRequest,
  RosterImportResponse,
  RosterRefusal,
} from '../../../shared/schemas/people.ts';
import { ADMINS, MANAGERS } from '../../access/roles.ts';
import { json, PUBLIC, type RouteContract, signedIn } from '../contract.ts';

const managers = signedIn(MANAGERS);
const admins = signedIn(ADMINS);
const ownHallOnly = "`forbidden`: a manager acts on their own hall's people only, never on an admin, and never makes one.";
const noPerson = '`not_found`: no such person.';
const personWrite = (summary: string, description: string, conflicts: string, body?: RouteContract['body']): RouteContract => ({
  method: 'POST',
  path: API.adminPersonPin,
  tag: 'People',
  summary,
  description,
  access: managers,
  params: StaffParams,
  ...(body === undefined ? {} : { body }),
  ok: json(200, PersonResponse, 'The person as they now are, with a one-time secret when one was made.'),
  answers: { 403: ownHallOnly, 404: noPerson, ...(conflicts === '' ? {} : { 409: conflicts }) },
});

export const PEOPLE: readonly RouteContract[] = [
  {
    method: 'POST',
    path: API.adminStaffSessionsRevoke,
    tag: 'People',
    summary: 'End every live session of one person, on every device',
    access: managers,
    params: StaffParams,
    ok: json(200, RevokeSessionsResponse, 'How many sessions were ended.'),
    answers: {
      403: "`forbidden`: a manager acts on their own hall's people only, and only an admin ends an admin's sessions.",
      404: '`not_found`: no such person.',
    },
  },
  {
    method: 'GET',
    path: API.adminHalls,
    tag: 'Halls',
    summary: "The halls: a manager's own, or every hall for an admin, with their active people and devices counted",
    access: managers,
    query: HallQuery,
    ok: json(200, HallListResponse, 'The halls.'),
    answers: { 403: '`forbidden`: a manager names another hall than their own.' },
  },
  {
    method: 'POST',
    path: API.adminHalls,
    tag: 'Halls',
    summary: 'Create a hall',
    access: admins,
    body: HallCreateRequest,
    ok: json(201, HallResponse, 'The new hall.'),
  },
  {
    method: 'PATCH',
    path: API.adminHall,
    tag: 'Halls',
    summary: 'Rename a hall, change its address, deactivate or reactivate it',
    description: 'The time zone is fixed at creation: the hall\'s records are counted by its days.',
    access: admins,
    params: HallParams,
    body: HallUpdateRequest,
    ok: json(200, HallResponse, 'The hall as it now is.'),
    answers: {
      400: '`time_zone_fixed`: leave timeZone out.',
      404: '`not_found`: no such hall.',
      409: {
        description: '`hall_in_use`: active people or devices remain; move or deactivate them first.',
        body: ApiError.extend({ people: z.number().int().optional(), devices: z.number().int().optional() }),
      },
    },
  },
  {
    method: 'GET',
    path: API.adminPeople,
    tag: 'People',
    summary: "A hall's people (a manager's own hall; an admin any or every hall)",
    access: managers,
    query: PeopleQuery,
    ok: json(200, PeopleListResponse, 'The people, their state, and the halls covered.'),
    answers: { 403: '`forbidden`: a manager names another hall than their own.' },
  },
  {
    method: 'POST',
    path: API.adminPeople,
    tag: 'People',
    summary: 'Add a person, with a one-time PIN (counter roles) or set-password code (managers and admins)',
    access: managers,
    body: PersonCreateRequest,
    ok: json(201, PersonResponse, 'The new person and their one-time secret, shown only here.'),
    answers: {
      400: '`unknown_hall`: no such hall.',
      403: ownHallOnly,
      409: '`hall_inactive`: the hall is deactivated; `staff_no_taken`: the staff number belongs to someone else.',
    },
  },
  {
    method: 'PATCH',
    path: API.adminPerson,
    tag: 'People',
    summary: "Change a person's names, staff number or role",
    description: 'A change between a PIN role and a password role clears the secret, ends the sessions and gives a new one-time secret.',
    access: managers,
    params: StaffParams,
    body: PersonUpdateRequest,
    ok: json(200, PersonResponse, 'The person as they now are.'),
    answers: { 403: ownHallOnly, 404: noPerson, 409: '`staff_no_taken`; `own_account`: nobody demotes themselves.' },
  },
  personWrite(
    'Give a counter person a new one-time PIN',
    'They choose their own at the next sign-in (online). Clears the lock and ends their sessions.',
    '`wrong_credential_kind`: the person signs in with a password; `staff_inactive`: deactivated.',
  ),
  {
    ...personWrite(
      'Give a manager or admin a one-time set-password code',
      'Cancels their earlier codes, clears their password and ends their sessions.',
      '`wrong_credential_kind`: the person signs in with a PIN; `staff_inactive`; `own_account`.',
    ),
    path: API.adminPersonPasswordCode,
  },
  {
    ...personWrite(
      'Move a person to another hall',
      'Their sessions end and they leave the old hall\'s tablets at the next pull; their records stay where they were made.',
      '`same_hall`; `hall_inactive`; `own_account`.',
      PersonMoveRequest,
    ),
    path: API.adminPersonMove,
    answers: { 400: '`unknown_hall`: no such hall.', 403: ownHallOnly, 404: noPerson, 409: '`same_hall`; `hall_inactive`; `own_account`.' },
  },
  {
    ...personWrite('Deactivate a person', 'Their sessions end and they leave the tablets at the next pull; their records and figures stay.', '`own_account`.'),
    path: API.adminPersonDeactivate,
  },
  { ...personWrite('Reactivate a person', 'Deactivating or reactivating twice changes nothing.', ''), path: API.adminPersonReactivate },
  { ...personWrite('Unlock a person locked after wrong PINs or passwords', 'Clears the wrong-attempt count and the lock.', ''), path: API.adminPersonUnlock },
  {
    method: 'POST',
    path: API.adminRosterImport,
    tag: 'People',
    summary: "Import a hall's roster (CSV or XLSX, Chinese or English headers): every row or none",
    description: 'With dryRun, every row is checked and nothing is added.',
    access: managers,
    body: RosterImportRequest,
    ok: json(201, RosterImportResponse, 'The rows, and each person added with their one-time secret (200 for a dry run).'),
    answers: {
      400: { description: '`roster_invalid`: the rows and fields that are wrong (`issues`); nothing was added.', body: z.union([RosterRefusal, ApiError]) },
      403: ownHallOnly,
      409: '`hall_inactive`; `staff_no_taken`: a number was taken while importing.',
    },
  },
  {
    method: 'POST',
    path: API.passwordCodeRedeem,
    tag: 'People',
    summary: 'Set one\'s own password with a one-time code (and enrol this browser when it is not a device of the hall)',
    access: PUBLIC,
    body: PasswordCodeRedeemRequest,
    ok: json(200, PasswordCodeRedeemResponse, 'Who set their password, and the new enrolment when the browser was enrolled now.'),
    answers: {
      401: '`unknown_code`: not known or no longer valid; `code_expired`.',
      403: '`staff_inactive`: the person is deactivated.',
      409: '`code_used`: the code was used already.',
    },
  },
  {
    method: 'GET',
    path: API.adminAccessAudit,
    tag: 'People',
    summary: 'Who did what to halls, people, devices and codes (newest first, at most 500)',
    access: managers,
    query: HallQuery,
    ok: json(200, AccessAuditResponse, 'The entries, and the halls covered.'),
    answers: { 403: '`forbidden`: a manager names another hall than their own.' },
  },
];
