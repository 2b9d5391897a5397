import { z } from 'zod';
import { API, SESSION_HEADER } from '../../../shared/apiPaths.ts';
import { EnrolRequest, EnrolResponse, SessionRequest, SessionResponse } from '../../../shared/schemas/auth.ts';
import { PullQuery, PullResponse, PushRequest, PushResponse } from '../../../shared/schemas/sync.ts';
import { DEVICE, json, noContent, PUBLIC, type RouteContract } from '../contract.ts';

export const COUNTER: readonly RouteContract[] = [
  {
    method: 'POST',
    path: API.enrol,
    tag: 'Counter',
    summary: 'Enrol a device with a one-time code from the manager',
    description: 'The code is the credential (single use, valid 24 hours). Keep the device token: it is shown only here.',
    access: PUBLIC,
    body: EnrolRequest,
    ok: json(200, EnrolResponse, 'The device, its token and its hall.'),
    answers: {
      401: '`unknown_code`: not a code this server issued; `code_expired`: ask the manager for a new one.',
      409: '`code_used`: another device already enrolled with this code.',
    },
  },
  {
    method: 'POST',
    path: API.sessions,
    tag: 'Counter',
    summary: 'Sign a person of the hall in on this device',
    description: 'Consultants and floor marketers send their PIN, managers and admins their password.',
    access: DEVICE,
    body: SessionRequest,
    ok: json(200, SessionResponse, 'The staff session token (send it as x-staff-session) and who it is.'),
    answers: {
      400: '`pin_required` / `password_required`: the other secret than the role signs in with.',
      401: '`wrong_pin` / `wrong_password`: the message says how many attempts are left before the lock.',
      403: '`forbidden`: the person belongs to another hall; `staff_inactive`: no longer active.',
      404: '`unknown_staff`: no such person; pull, then choose from the list.',
      409: '`no_pin`: the person has no PIN or password yet; ask the manager. `pin_change_required`: send `newPin`. `signed_out_everywhere`: their sessions were ended while this sign-in was under way; sign in again.',
      423: '`locked`: too many wrong attempts; the message says until when.',
    },
  },
  {
    method: 'DELETE',
    path: API.currentSession,
    tag: 'Counter',
    summary: 'Sign out: end the staff session named in the header',
    description: 'Idempotent: a session already ended, or not of this device, still answers 204 and changes nothing.',
    access: DEVICE,
    headers: z.object({ [SESSION_HEADER]: z.string().min(1).meta({ description: 'The staff session token to end.' }) }),
    ok: noContent('Signed out.'),
  },
  {
    method: 'POST',
    path: API.push,
    tag: 'Counter',
    summary: "Push the device's outbox: field records numbered 1, 2, 3, …",
    description:
      'Stored in one transaction; the answer is the highest sequence the server holds with no gap, and the entries it refused with their reasons. Repeating a push changes nothing. A revoked or expired device gets 401, and what it offered is reported to the manager as missing.',
    access: DEVICE,
    body: PushRequest,
    ok: json(200, PushResponse, 'What the server now holds from this device.'),
    answers: { 403: "`forbidden`: a record names another hall than the device's; nothing was stored." },
  },
  {
    method: 'GET',
    path: API.pull,
    tag: 'Counter',
    summary: "The hall's reference data changed since a cursor",
    description: 'Staff, campaigns and talk-tracks of the device\'s hall; leave `since` out for everything.',
    access: DEVICE,
    query: PullQuery,
    ok: json(200, PullResponse, 'The changes, and the cursor to send next time.'),
  },
];
