import { API } from '../../../shared/apiPaths.ts';
import { DeviceListResponse, HallQuery, LostRecordsResponse, RevokeDeviceResponse } from '../../../shared/schemas/devices.ts';
import { HeldDecisionRequest, HeldDecisionResponse, HeldRecordListResponse, HeldRecordsQuery } from '../../../shared/schemas/heldRecords.ts';
import { DeviceParams, EnrolmentCodeParams, HeldRecordParams } from '../../../shared/schemas/params.ts';
import { EnrolmentCodeListResponse, EnrolmentCodeRequest, EnrolmentCodeResponse } from '../../../shared/schemas/people.ts';
import { MANAGERS } from '../../access/roles.ts';
import { json, noContent, type RouteContract, signedIn } from '../contract.ts';

const managers = signedIn(MANAGERS);
const hallView = {
  400: '`unknown_hall`: no such hall.',
  403: "`forbidden`: a manager names another hall than their own.",
};
const ownHallOnly = "`forbidden`: a manager acts on their own hall's only.";

export const DEVICES: readonly RouteContract[] = [
  {
    method: 'GET',
    path: API.adminDevices,
    tag: 'Devices',
    summary: 'The enrolled devices of a hall (or, for an admin, of every hall)',
    access: managers,
    query: HallQuery,
    ok: json(200, DeviceListResponse, 'The devices, their state and what they may be missing, and the halls covered.'),
    answers: hallView,
  },
  {
    method: 'POST',
    path: API.adminDeviceRevoke,
    tag: 'Devices',
    summary: 'Revoke a lost device: its next request gets 401 `device_revoked`',
    description: 'Revoking twice changes nothing.',
    access: managers,
    params: DeviceParams,
    ok: json(200, RevokeDeviceResponse, 'The device as it now is.'),
    answers: {
      403: ownHallOnly,
      404: '`not_found`: no such device.',
      409: '`own_device`: the device sending the request; revoke it from another one.',
    },
  },
  {
    method: 'GET',
    path: API.adminLostRecords,
    tag: 'Devices',
    summary: 'What revoked or expired devices offered and the server never stored',
    access: managers,
    query: HallQuery,
    ok: json(200, LostRecordsResponse, 'One report per refused device, and the halls covered.'),
    answers: hallView,
  },
  {
    method: 'GET',
    path: API.adminEnrolmentCodes,
    tag: 'Devices',
    summary: 'Pending enrolment codes (unused, uncancelled, unexpired) and who issued them',
    access: managers,
    query: HallQuery,
    ok: json(200, EnrolmentCodeListResponse, 'The pending codes (never the codes themselves) and the halls covered.'),
    answers: hallView,
  },
  {
    method: 'POST',
    path: API.adminEnrolmentCodes,
    tag: 'Devices',
    summary: 'Issue a one-time enrolment code (valid 24 hours) for a named device',
    description: "A manager's own hall; an admin names the hall (hallId).",
    access: managers,
    body: EnrolmentCodeRequest,
    ok: json(201, EnrolmentCodeResponse, 'The code, shown only here, with the name the device will get.'),
    answers: {
      400: '`hall_required`: an admin names the hall; `unknown_hall`: no such hall.',
      403: ownHallOnly,
      409: '`hall_inactive`: the hall is deactivated.',
    },
  },
  {
    method: 'DELETE',
    path: API.adminEnrolmentCode,
    tag: 'Devices',
    summary: 'Cancel a pending enrolment code',
    access: managers,
    params: EnrolmentCodeParams,
    ok: noContent('Cancelled: the code enrols nothing any more.'),
    answers: { 403: ownHallOnly, 404: '`not_found`: no pending code with this id.' },
  },
  {
    method: 'GET',
    path: API.adminHeldRecords,
    tag: 'Devices',
    summary: 'Records the server held back (unsigned, conflicting, out of clock bounds, refused by the push rules)',
    description: 'Newest first; `status` defaults to `held`. A manager sees their own hall, an admin every hall or the one named.',
    access: managers,
    query: HeldRecordsQuery,
    ok: json(200, HeldRecordListResponse, 'The held records, with the tablet, the person, the reason and any decision.'),
    answers: hallView,
  },
  {
    method: 'POST',
    path: API.adminHeldRecordAccept,
    tag: 'Devices',
    summary: 'Store a held record after all (clock out of range, or its visit arrived since), with a note; audited',
    description: 'The push rules are checked again, all but the clock bounds.',
    access: managers,
    params: HeldRecordParams,
    body: HeldDecisionRequest,
    ok: json(200, HeldDecisionResponse, 'The held record, now accepted.'),
    answers: {
      403: ownHallOnly,
      404: '`not_found`: no such held record.',
      409: '`not_acceptable`: its reason cannot be overruled; `already_decided`: accepted or discarded before; `already_stored`: the record is stored already; or the push rule that still refuses it (`unknown_visit`, `not_own_visit`, …).',
    },
  },
  {
    method: 'POST',
    path: API.adminHeldRecordDiscard,
    tag: 'Devices',
    summary: 'Set a held record aside for good, with a note; audited',
    access: managers,
    params: HeldRecordParams,
    body: HeldDecisionRequest,
    ok: json(200, HeldDecisionResponse, 'The held record, now discarded.'),
    answers: {
      403: ownHallOnly,
      404: '`not_found`: no such held record.',
      409: '`already_decided`: accepted or discarded before.',
    },
  },
];
