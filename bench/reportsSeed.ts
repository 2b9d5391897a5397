import BetterSqlite3 from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { hashToken, newToken } from '../src/server/auth/tokens.ts';
import { createDatabase } from '../src/server/db/database.ts';
import { migrate } from '../src/server/db/migrate.ts';
import { insertCampaign } from '../src/server/repos/campaigns.ts';
import { insertHall } from '../src/server/repos/halls.ts';
import { insertStaff } from '../src/server/repos/staff.ts';
import { insertTalkTrackVersion } from '../src/server/repos/talkTracks.ts';
import { MUST_SAY_KEYS } from '../src/shared/mustSay.ts';
import { CampaignCategory, type Hall } from '../src/shared/schemas/reference.ts';
import { seededRng } from '../tests/helpers/seededRandom.ts';

/**
 * A reports database of a year's worth of a region: `visits` visits spread evenly over halls ×
 * days (9:00–21:00 Shanghai time), 0–5 recommendations each (2.5 on average), every visit closed,
 * 0.5 % voided. Reference rows go through the product's repos; the field rows, millions of them,
 * through better-sqlite3 prepared statements in large transactions, with the columns ingest
 * fills (local_day, elements_count); the field_records registry, which no report reads, stays
 * empty. Seeded: the same data on every run.
 */

export interface SeedShape {
  visits: number;
  halls: number;
  staffPerHall: number;
  campaigns: number;
  days: number;
  firstDay: string;
}

export interface Seeded {
  halls: Hall[];
  managerOfFirstHall: string;
  /** The first hall's tablet, enrolled: what the manager's requests carry. */
  deviceOfFirstHall: { id: string; token: string };
  recommendations: number;
}

const ROWS_PER_TRANSACTION = 50_000;
const OUTCOMES = ['accepted', 'declined', 'considering', 'ineligible'] as const;
/** 0–5 recommendations per visit, 2.5 on average. */
const RECS_PER_VISIT = [0, 1, 2, 2, 3, 3, 4, 5] as const;

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** UUIDv7-shaped ids in increasing order, made from a counter: millions of them cost nothing. */
function idMaker(): () => string {
  const ms = Date.now().toString(16).padStart(12, '0');
  let n = 0;
  return () => `${ms.slice(0, 8)}-${ms.slice(8)}-7000-8000-${(n++).toString(16).padStart(12, '0')}`;
}

async function seedReference(file: string, shape: SeedShape) {
  const database = createDatabase({ sqliteFile: file });
  try {
    await migrate(database);
    const { db } = database;
    const halls: Hall[] = [];
    const staff: string[][] = [];
    for (let h = 0; h < shape.halls; h++) {
      const hall: Hall = { id: uuidv7(), name: { zh: `第${h + 1}营业厅`, en: `Hall ${h + 1}` }, timeZone: 'Asia/Shanghai' };
      await insertHall(db, hall);
      halls.push(hall);
      const ids = Array.from({ length: shape.staffPerHall }, () => uuidv7());
      for (const [i, id] of ids.entries()) {
        await insertStaff(db, { id, hallId: hall.id, name: `员工${h + 1}-${i + 1}`, role: i === 0 ? 'manager' : 'consultant', active: true, secret: null });
      }
      staff.push(ids);
    }
    const text = { zh: '文本' };
    const elements = Object.fromEntries(MUST_SAY_KEYS.map((k) => [k, text])) as Record<(typeof MUST_SAY_KEYS)[number], typeof text>;
    const campaigns: Array<{ id: string; versionId: string }> = [];
    for (let c = 0; c < shape.campaigns; c++) {
      const id = uuidv7();
      const versionId = uuidv7();
      await insertCampaign(db, {
        id, hallIds: halls.map((h) => h.id), title: { zh: `活动${c + 1}`, en: `Campaign ${c + 1}` }, offerCode: `C${c + 1}`,
        category: CampaignCategory.options[c % CampaignCategory.options.length]!, startDate: shape.firstDay, endDate: addDays(shape.firstDay, shape.days),
        focus: false, segmentNote: null, status: 'published', currentVersionId: versionId,
      });
      await insertTalkTrackVersion(db, {
        id: versionId, campaignId: id, version: 1, elements, opening: text, pitch: text, objections: [], closing: text, publishedAt: null, publishedBy: null,
      });
      campaigns.push({ id, versionId });
    }
    return { halls, staff, campaigns };
  } finally {
    await database.destroy();
  }
}

export async function seedReports(file: string, shape: SeedShape): Promise<Seeded> {
  const ref = await seedReference(file, shape);
  const sqlite = new BetterSqlite3(file);
  // A throwaway bench file: no durability needed while loading it. The data is consistent by construction.
  sqlite.pragma('journal_mode = OFF');
  sqlite.pragma('locking_mode = EXCLUSIVE');
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('foreign_keys = OFF');
  sqlite.pragma('cache_size = -262144');
  // Secondary indexes are built once after the load (a sorted build) instead of row by row.
  const indexes = sqlite
    .prepare(`select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in ('field_records', 'visits', 'recommendations', 'visit_closes')`)
    .all() as Array<{ name: string; sql: string }>;
  for (const index of indexes) sqlite.exec(`drop index ${index.name}`);
  const rng = seededRng(20_260_301);
  const nextId = idMaker();
  const devices = ref.halls.map((h) => {
    const id = uuidv7();
    const token = newToken();
    sqlite.prepare(`insert into devices (id, hall_id, label, token_hash, acked_seq, revoked_at, created_at) values (?, ?, ?, ?, 0, null, ?)`)
      .run(id, h.id, 'bench tablet', hashToken(token), new Date().toISOString());
    return { id, token, seq: 0 };
  });
  const insert = {
    visit: sqlite.prepare(`insert into visits (id, hall_id, device_id, staff_id, opened_at, source, business, segment, local_day, voided_at, void_reason)
      values (?, ?, ?, ?, ?, 'walk_in', 'plan_change', null, ?, ?, ?)`),
    rec: sqlite.prepare(`insert into recommendations (id, hall_id, device_id, staff_id, visit_id, campaign_id, talk_track_version_id, elements_said,
      demo_device_used, outcome, decline_reason, recorded_at, local_day, elements_count) values (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)`),
    close: sqlite.prepare(`insert into visit_closes (id, hall_id, device_id, staff_id, visit_id, closed_at, no_recommendation_confirmed) values (?, ?, ?, ?, ?, ?, ?)`),
    void: sqlite.prepare(`insert into visit_voids (id, hall_id, device_id, staff_id, visit_id, voided_at, reason) values (?, ?, ?, ?, ?, ?, ?)`),
  };
  const said = Array.from({ length: MUST_SAY_KEYS.length + 1 }, (_, k) => JSON.stringify(MUST_SAY_KEYS.slice(0, k)));
  const perHallDay = Math.max(1, Math.round(shape.visits / (shape.halls * shape.days)));
  let recommendations = 0;

  const oneHallDay = (h: number, day: string) => {
    const hall = ref.halls[h]!;
    const device = devices[h]!;
    // The field_records id registry is left out: no report reads it, and it is 4.5 M more rows to write.
    const register = (_id: string, _kind: string) => void ++device.seq;
    for (let k = 0; k < perHallDay; k++) {
      const secs = 9 * 3600 + Math.floor((k * 12 * 3600) / perHallDay);
      const at = `${day}T${pad(Math.floor(secs / 3600))}:${pad(Math.floor(secs / 60) % 60)}:${pad(secs % 60)}+08:00`;
      const staffId = rng.pick(ref.staff[h]!);
      const visitId = nextId();
      const voided = rng.next() < 0.005;
      register(visitId, 'visit');
      insert.visit.run(visitId, hall.id, device.id, staffId, at, day, voided ? at : null, voided ? '误录' : null);
      for (let r = rng.pick(RECS_PER_VISIT); r > 0; r--) {
        const campaign = rng.pick(ref.campaigns);
        const outcome = rng.pick(OUTCOMES);
        const count = rng.int(0, MUST_SAY_KEYS.length);
        const recId = nextId();
        register(recId, 'recommendation');
        insert.rec.run(recId, hall.id, device.id, staffId, visitId, campaign.id, campaign.versionId, said[count]!, outcome,
          outcome === 'declined' ? 'price' : null, at, day, count);
        recommendations++;
      }
      const closeId = nextId();
      register(closeId, 'visit_close');
      insert.close.run(closeId, hall.id, device.id, staffId, visitId, at, 0);
      if (voided) {
        const voidId = nextId();
        register(voidId, 'visit_void');
        insert.void.run(voidId, hall.id, device.id, staffId, visitId, at, '误录');
      }
    }
  };
  const hallDaysPerTransaction = Math.max(1, Math.floor(ROWS_PER_TRANSACTION / perHallDay));
  const batch = sqlite.transaction((pairs: Array<[number, string]>) => {
    for (const [h, day] of pairs) oneHallDay(h, day);
  });
  let pending: Array<[number, string]> = [];
  for (let d = 0; d < shape.days; d++) {
    for (let h = 0; h < shape.halls; h++) {
      pending.push([h, addDays(shape.firstDay, d)]);
      if (pending.length >= hallDaysPerTransaction) {
        batch(pending);
        pending = [];
      }
    }
  }
  if (pending.length > 0) batch(pending);
  for (const d of devices) sqlite.prepare('update devices set acked_seq = ? where id = ?').run(d.seq, d.id);
  for (const index of indexes) sqlite.exec(index.sql);
  sqlite.close();
  // Back to what the product opens: WAL.
  const reopened = new BetterSqlite3(file);
  reopened.pragma('journal_mode = WAL');
  reopened.close();
  return { halls: ref.halls, managerOfFirstHall: ref.staff[0]![0]!, deviceOfFirstHall: { id: devices[0]!.id, token: devices[0]!.token }, recommendations };
}
