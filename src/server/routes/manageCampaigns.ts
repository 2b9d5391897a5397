import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { API } from '../../shared/apiPaths.ts';
import {
  CampaignActionRequest,
  CampaignDetailResponse,
  CampaignListResponse,
  CampaignWriteResponse,
  CreateCampaignRequest,
  DuplicateCampaignRequest,
  type PersonRef,
  SaveDraftRequest,
  VersionResponse,
} from '../../shared/schemas/manage.ts';
import { CampaignParams, VersionParams } from '../../shared/schemas/params.ts';
import { MANAGERS } from '../access/roles.ts';
import { deviceAuth } from '../auth/deviceAuth.ts';
import type { Database } from '../db/database.ts';
import type { Schema } from '../db/schema.ts';
import { HttpError } from '../errors.ts';
import { type ManageActor, manageAuth, requireActor } from '../manage/actor.ts';
import {
  createCampaign,
  duplicateCampaign,
  publishCampaign,
  retireCampaign,
  saveDraft,
} from '../manage/campaignWrites.ts';
import { focusWarnings, hallsInScope } from '../manage/focus.ts';
import { requireVisible, toManaged, withCheckedHalls } from '../manage/scope.ts';
import { getVersion, listVersions, loadCampaign, loadCampaigns, staffNames, workingDraft } from '../repos/campaignAuthoring.ts';
import { parseInput } from '../validate.ts';

const personOf = (id: string | null, names: Map<string, string>): PersonRef | null =>
  id === null ? null : { id, name: names.get(id) ?? id };

/** The answer to every write: the campaign as it now is, and the halls' focus warnings. */
async function written(db: Kysely<Schema>, actor: ManageActor, campaignId: string): Promise<CampaignWriteResponse> {
  const stored = await loadCampaign(db, campaignId);
  if (stored === undefined) throw new Error(`campaign ${campaignId} vanished right after it was written`);
  return CampaignWriteResponse.parse({
    campaign: toManaged(actor, stored),
    focusWarnings: await focusWarnings(db, await hallsInScope(db, actor)),
  });
}

export async function manageCampaignRoutes(app: FastifyInstance, opts: { database: Database }): Promise<void> {
  const { db } = opts.database;
  const onRequest = [deviceAuth(db), manageAuth(db, MANAGERS)];

  app.get(API.manageCampaigns, { onRequest }, async (request): Promise<CampaignListResponse> => {
    const actor = requireActor(request);
    const halls = await hallsInScope(db, actor);
    const stored = await loadCampaigns(db, actor.role === 'admin' ? {} : { hallId: actor.hallId });
    return CampaignListResponse.parse({
      campaigns: stored.map((s) => toManaged(actor, s)),
      halls,
      focusWarnings: await focusWarnings(db, halls),
    });
  });

  app.post(API.manageCampaigns, { onRequest }, async (request, reply) => {
    const actor = requireActor(request);
    const body = parseInput(CreateCampaignRequest, request.body);
    const draft = await withCheckedHalls(db, actor, body.draft);
    const id = await createCampaign(db, actor, draft);
    return reply.code(201).send(await written(db, actor, id));
  });

  app.get(API.manageCampaign, { onRequest }, async (request): Promise<CampaignDetailResponse> => {
    const actor = requireActor(request);
    const { campaignId } = parseInput(CampaignParams, request.params, 'path');
    const stored = await requireVisible(db, actor, campaignId);
    const versions = await listVersions(db, campaignId);
    const names = await staffNames(db, versions.flatMap((v) => (v.publishedBy === null ? [] : [v.publishedBy])));
    return CampaignDetailResponse.parse({
      campaign: toManaged(actor, stored),
      draft: await workingDraft(db, stored),
      versions: versions.map((v) => ({
        id: v.id,
        version: v.version,
        publishedAt: v.publishedAt,
        publishedBy: personOf(v.publishedBy, names),
      })),
    });
  });

  app.put(API.manageCampaignDraft, { onRequest }, async (request): Promise<CampaignWriteResponse> => {
    const actor = requireActor(request);
    const { campaignId } = parseInput(CampaignParams, request.params, 'path');
    const body = parseInput(SaveDraftRequest, request.body);
    const draft = await withCheckedHalls(db, actor, body.draft);
    await saveDraft(db, actor, campaignId, body.expectedEditVersion, draft);
    return written(db, actor, campaignId);
  });

  app.post(API.manageCampaignPublish, { onRequest }, async (request): Promise<CampaignWriteResponse> => {
    const actor = requireActor(request);
    const { campaignId } = parseInput(CampaignParams, request.params, 'path');
    const body = parseInput(CampaignActionRequest, request.body);
    await publishCampaign(db, actor, campaignId, body.expectedEditVersion);
    return written(db, actor, campaignId);
  });

  app.post(API.manageCampaignRetire, { onRequest }, async (request): Promise<CampaignWriteResponse> => {
    const actor = requireActor(request);
    const { campaignId } = parseInput(CampaignParams, request.params, 'path');
    const body = parseInput(CampaignActionRequest, request.body);
    await retireCampaign(db, actor, campaignId, body.expectedEditVersion);
    return written(db, actor, campaignId);
  });

  app.post(API.manageCampaignDuplicate, { onRequest }, async (request, reply) => {
    const actor = requireActor(request);
    const { campaignId } = parseInput(CampaignParams, request.params, 'path');
    parseInput(DuplicateCampaignRequest, request.body ?? {});
    const id = await duplicateCampaign(db, actor, campaignId);
    return reply.code(201).send(await written(db, actor, id));
  });

  app.get(API.manageCampaignVersion, { onRequest }, async (request): Promise<VersionResponse> => {
    const actor = requireActor(request);
    const { campaignId, versionId } = parseInput(VersionParams, request.params, 'path');
    await requireVisible(db, actor, campaignId);
    const version = await getVersion(db, campaignId, versionId);
    if (version === undefined) {
      throw new HttpError(404, 'not_found', `campaign ${campaignId} has no talk-track version ${versionId}; reload the campaign to see its versions`);
    }
    const names = await staffNames(db, version.publishedBy === null ? [] : [version.publishedBy]);
    return VersionResponse.parse({ version, publishedBy: personOf(version.publishedBy, names) });
  });
}
