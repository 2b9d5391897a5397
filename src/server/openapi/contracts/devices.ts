import { API } from '../../../shared/apiPaths.ts';
import { DeviceListResponse, HallQuery, LostRecordsResponse, RevokeDeviceResponse } from '../../../shared/schemas/devices.ts';
import { DeviceParams } from '../../../shared/schemas/params.ts';
import { MANAGERS } from '../../access/roles.ts';
import { json, type RouteContract, signedIn } from '../contract.ts';

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
];
