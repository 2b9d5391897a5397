import { z } from 'zod';
import { API } from '../../../shared/apiPaths.ts';
import { CampaignFile } from '../../../shared/campaignFile.ts';
import { ApiError } from '../../../shared/schemas/auth.ts';
import {
  AuditQuery,
  AuditResponse,
  CampaignActionRequest,
  CampaignDetailResponse,
  CampaignExportQuery,
  CampaignListResponse,
  CampaignWriteResponse,
  CreateCampaignRequest,
  DuplicateCampaignRequest,
  EditConflictError,
  ImportRequest,
  ImportResponse,
  IncompleteError,
  InvalidFileError,
  SaveDraftRequest,
  VersionResponse,
} from '../../../shared/schemas/manage.ts';
import { CampaignParams, VersionParams } from '../../../shared/schemas/params.ts';
import { ADMINS, MANAGERS } from '../../access/roles.ts';
import { download, json, type RouteContract, signedIn } from '../contract.ts';

const managers = signedIn(MANAGERS);
const written = json(200, CampaignWriteResponse, 'The campaign as it now is, and the halls\' focus warnings.');

const notVisible = '`forbidden`: the campaign is not for the manager\'s hall.';
const notFound = '`not_found`: no such campaign.';
const notEditable = '`forbidden`: another hall\'s campaign, or one for several halls (only an admin changes those).';
const hallsRefused = '`forbidden`: a manager names halls other than their own.';
const unknownHall = '`unknown_hall`: a hall that does not exist.';
const conflict = {
  description:
    '`edit_conflict`: saved by someone else since the caller loaded it (who and when in the body); `retired`: can no longer change; `hall_removed`: a hall taken off a published campaign.',
  body: z.union([EditConflictError, ApiError]),
};

export const CAMPAIGNS: readonly RouteContract[] = [
  {
    method: 'GET',
    path: API.manageCampaigns,
    tag: 'Campaigns',
    summary: 'The campaigns the signed-in person may see',
    access: managers,
    ok: json(200, CampaignListResponse, 'Campaigns, the halls the person may choose, and focus warnings.'),
  },
  {
    method: 'POST',
    path: API.manageCampaigns,
    tag: 'Campaigns',
    summary: 'Create a campaign (a draft)',
    access: managers,
    body: CreateCampaignRequest,
    ok: json(201, CampaignWriteResponse, 'The new campaign.'),
    answers: { 400: unknownHall, 403: hallsRefused },
  },
  {
    method: 'GET',
    path: API.manageCampaign,
    tag: 'Campaigns',
    summary: 'One campaign: its fields, its draft and its published versions',
    access: managers,
    params: CampaignParams,
    ok: json(200, CampaignDetailResponse, 'The campaign, what the editor starts from, and its versions, newest first.'),
    answers: { 403: notVisible, 404: notFound },
  },
  {
    method: 'PUT',
    path: API.manageCampaignDraft,
    tag: 'Campaigns',
    summary: "Save the campaign's draft",
    description: 'Names the edit version it started from: a save in between is a 409, never overwritten.',
    access: managers,
    params: CampaignParams,
    body: SaveDraftRequest,
    ok: written,
    answers: { 400: unknownHall, 403: `${notEditable} ${hallsRefused}`, 404: notFound, 409: conflict },
  },
  {
    method: 'POST',
    path: API.manageCampaignPublish,
    tag: 'Campaigns',
    summary: 'Publish the draft: tablets show the new talk-track version at their next pull',
    access: managers,
    params: CampaignParams,
    body: CampaignActionRequest,
    ok: written,
    answers: {
      403: notEditable,
      404: notFound,
      409: conflict,
      422: { description: '`incomplete`: fields still empty, listed in `missing`.', body: IncompleteError },
    },
  },
  {
    method: 'POST',
    path: API.manageCampaignRetire,
    tag: 'Campaigns',
    summary: 'Retire the campaign: tablets stop offering it',
    access: managers,
    params: CampaignParams,
    body: CampaignActionRequest,
    ok: written,
    answers: { 403: notEditable, 404: notFound, 409: conflict },
  },
  {
    method: 'POST',
    path: API.manageCampaignDuplicate,
    tag: 'Campaigns',
    summary: 'Start a new draft campaign from this one',
    access: managers,
    params: CampaignParams,
    body: DuplicateCampaignRequest,
    bodyOptional: true,
    ok: json(201, CampaignWriteResponse, 'The new campaign.'),
    answers: { 403: notVisible, 404: notFound },
  },
  {
    method: 'GET',
    path: API.manageCampaignVersion,
    tag: 'Campaigns',
    summary: 'One published talk-track version of the campaign',
    access: managers,
    params: VersionParams,
    ok: json(200, VersionResponse, 'The version and who published it.'),
    answers: { 403: notVisible, 404: '`not_found`: no such campaign, or no such version of it.' },
  },
  {
    method: 'GET',
    path: API.manageCampaignExport,
    tag: 'Campaigns',
    summary: 'Export campaigns as a file to import on another server',
    access: managers,
    query: CampaignExportQuery,
    ok: download({ 'application/json': CampaignFile }, 'The campaigns and their published talk-tracks, without hall ids.'),
    answers: {
      403: '`forbidden`: a campaign named is not for the manager\'s hall.',
      404: '`not_found`: a campaign named does not exist; `no_campaigns`: nothing to export yet.',
    },
  },
  {
    method: 'POST',
    path: API.manageCampaignImport,
    tag: 'Campaigns',
    summary: 'Import an exported file as new draft campaigns of the chosen halls',
    description: 'All or nothing: a refused file imports nothing.',
    access: managers,
    body: ImportRequest,
    ok: json(201, ImportResponse, 'The campaigns created, in the order of the file.'),
    answers: {
      400: {
        description: `\`invalid_file\`: the first problem, with its \`line\` and \`field\`. ${unknownHall}`,
        body: z.union([InvalidFileError, ApiError]),
      },
      403: hallsRefused,
    },
  },
  {
    method: 'GET',
    path: API.manageAudit,
    tag: 'Campaigns',
    summary: 'The campaign audit log, newest first',
    access: signedIn(ADMINS),
    query: AuditQuery,
    ok: json(200, AuditResponse, 'Who changed which campaign, when, and what.'),
  },
];
