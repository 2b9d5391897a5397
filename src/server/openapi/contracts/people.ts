import { API } from '../../../shared/apiPaths.ts';
import { RevokeSessionsResponse } from '../../../shared/schemas/devices.ts';
import { StaffParams } from '../../../shared/schemas/params.ts';
import { MANAGERS } from '../../access/roles.ts';
import { json, type RouteContract, signedIn } from '../contract.ts';

const managers = signedIn(MANAGERS);

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
];
