import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { API } from '../../shared/apiPaths.ts';
import { CAMPAIGN_FILE_FORMAT, CampaignFile, parseCampaignFile } from '../../shared/campaignFile.ts';
import { localDate } from '../../shared/localDate.ts';
import { Id } from '../../shared/schemas/common.ts';
import { CampaignExportQuery, ImportRequest, ImportResponse } from '../../shared/schemas/manage.ts';
import { MANAGERS } from '../access/roles.ts';
import { asciiName, attachment, type FileNames, safeName } from '../attachment.ts';
import { deviceAuth } from '../auth/deviceAuth.ts';
import type { Database } from '../db/database.ts';
import type { Schema } from '../db/schema.ts';
import { forbidden, HttpError } from '../errors.ts';
import { type ManageActor, manageAuth, requireActor } from '../manage/actor.ts';
import { importCampaigns } from '../manage/campaignWrites.ts';
import { canSee, checkHalls, toManaged } from '../manage/scope.ts';
import { loadCampaigns, publishedState, type StoredCampaign } from '../repos/campaignAuthoring.ts';
import { listHalls } from '../repos/halls.ts';
import { parseInput } from '../validate.ts';

/** A 2 MB file grows in a JSON string (escaped line breaks and quotes); 3 MB leaves room. */
export const IMPORT_BODY_LIMIT = 3 * 1024 * 1024;

const ExportIds = z.object({
  ids: z.array(Id).min(1, 'name at least one campaign id, or leave ids out to export every campaign you see'),
});

/** The campaigns asked for, in the order asked: 404 for an unknown id, 403 for another hall's. */
async function campaignsToExport(db: Kysely<Schema>, actor: ManageActor, idsParam: string | undefined): Promise<StoredCampaign[]> {
  if (idsParam === undefined) {
    const all = await loadCampaigns(db, actor.role === 'admin' ? {} : { hallId: actor.hallId });
    if (all.length === 0) throw new HttpError(404, 'no_campaigns', 'there is no campaign to export yet; create one first');
    return all;
  }
  const asked = [...new Set(idsParam.split(',').map((s) => s.trim()).filter((s) => s !== ''))];
  const { ids } = parseInput(ExportIds, { ids: asked }, 'query');
  const found = await loadCampaigns(db, { ids });
  return ids.map((id) => {
    const stored = found.find((s) => s.row.id === id);
    if (stored === undefined) throw new HttpError(404, 'not_found', `there is no campaign ${id}; reload the campaign list and choose again`);
    if (!canSee(actor, stored)) throw forbidden(`campaign ${id} is not for your hall; a manager exports only the campaigns of their own hall`);
    return stored;
  });
}

async function fileNames(db: Kysely<Schema>, actor: ManageActor, stored: readonly StoredCampaign[], date: string): Promise<FileNames> {
  const hallIds = [...new Set(stored.flatMap((s) => s.hallIds))];
  const hall = actor.role !== 'admin' ? actor.hall : hallIds.length === 1 ? (await listHalls(db, hallIds))[0] : undefined;
  const utf8 = hall === undefined ? 'all-halls' : safeName(hall.name.zh) || 'hall';
  const ascii = hall === undefined ? 'all-halls' : asciiName(hall.name.en ?? '') || 'hall';
  return { utf8: `talktrack-campaigns-${utf8}-${date}.json`, ascii: `talktrack-campaigns-${ascii}-${date}.json` };
}

export async function manageTransferRoutes(app: FastifyInstance, opts: { database: Database }): Promise<void> {
  const { db } = opts.database;
  const onRequest = [deviceAuth(db), manageAuth(db, MANAGERS)];

  app.get(API.manageCampaignExport, { onRequest }, async (request, reply) => {
    const actor = requireActor(request);
    const query = parseInput(CampaignExportQuery, request.query, 'query');
    const stored = await campaignsToExport(db, actor, query.ids);
    const now = new Date();
    const campaigns = [];
    for (const s of stored) {
      // The published state; a campaign never published has only its draft.
      const state = s.current === null && s.draft !== null ? s.draft : await publishedState(db, s);
      campaigns.push({ campaign: state.campaign, talkTrack: state.talkTrack });
    }
    const file = CampaignFile.parse({ format: CAMPAIGN_FILE_FORMAT, formatVersion: 1, exportedAt: now.toISOString(), campaigns });
    const names = await fileNames(db, actor, stored, localDate(now, actor.hall.timeZone));
    // Indented, so that an import refusal's line number points somewhere a person can find.
    return reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-disposition', attachment(names))
      .send(`${JSON.stringify(file, null, 2)}\n`);
  });

  app.post(API.manageCampaignImport, { onRequest, bodyLimit: IMPORT_BODY_LIMIT }, async (request, reply) => {
    const actor = requireActor(request);
    const body = parseInput(ImportRequest, request.body);
    const hallIds = await checkHalls(db, actor, body.hallIds);
    const parsed = parseCampaignFile(body.fileText);
    if (!parsed.ok) {
      const where = parsed.field === '' ? `line ${parsed.line}` : `line ${parsed.line}, ${parsed.field}`;
      throw new HttpError(400, 'invalid_file', `the file cannot be imported: ${where}: ${parsed.message}; nothing was imported. Fix the file and import it again`, {
        line: parsed.line,
        field: parsed.field,
        problem: parsed.problem,
      }, {
        line: parsed.line,
        field: parsed.field,
        problem: parsed.problem,
      });
    }
    const ids = await importCampaigns(db, actor, parsed.file, hallIds);
    const created = await loadCampaigns(db, { ids });
    const inFileOrder = ids.flatMap((id) => created.filter((c) => c.row.id === id));
    return reply.code(201).send(ImportResponse.parse({ created: inFileOrder.map((c) => toManaged(actor, c)) }));
  });
}
