import ExcelJS from 'exceljs';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { MUST_SAY_KEYS } from '../../src/shared/mustSay.ts';
import { neutralise } from '../../src/server/reports/neutralise.ts';
import { insertStaff } from '../../src/server/repos/staff.ts';
import { type ApiContext, PAST_DAYS_WINDOW_MS, useApiApp } from '../helpers/apiApp.ts';
import { forEachEngine } from '../helpers/apiEngines.ts';
import { makeRecommendation, makeVisit, makeVisitClose } from '../helpers/apiFixtures.ts';
import { type ManageHall, seedManageHall } from '../helpers/manageFixtures.ts';
import { addCampaign, outbox, parseCsv, reportApi } from '../helpers/reportFixtures.ts';

const D1 = '2026-03-01';
const D2 = '2026-03-02';
/** User text that a spreadsheet would run as a formula, or start one with. */
const HOSTILE = ["=cmd|' /C calc'!A0", '+1', '-2', '@SUM(1)', '\t制表符', '\r回车'];
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

const PERSON_HEADERS = {
  'zh-CN': ['日期', '营业厅', '员工', '接待客户数', '有推荐的接待数', '结束时未推荐的接待数', '推荐次数', '成功办理数', '增值业务办理接待数', '已说必说要素数', '七要素说全的推荐数', '客户推荐率', '推荐成功率', '增值业务附着比例', '必说要素覆盖率', '七要素说全占比'],
  en: ['Date', 'Hall', 'Staff member', 'Visits', 'Visits with a recommendation', 'Visits closed without a recommendation', 'Recommendations', 'Accepted', 'Visits with an accepted VAS offer', 'Must-say elements said', 'Recommendations with all 7 elements', 'Recommendation rate', 'Conversion', 'VAS attachment ratio', 'Must-say coverage', 'Full-coverage share'],
};
const CAMPAIGN_HEADERS = {
  'zh-CN': ['日期', '营业厅', '营销活动', '类别', '推荐次数', '成功办理', '拒绝', '考虑中', '不符合条件', '已说必说要素数', '七要素说全的推荐数', '推荐成功率', '必说要素覆盖率', '七要素说全占比'],
  en: ['Date', 'Hall', 'Campaign', 'Category', 'Recommendations', 'Accepted', 'Declined', 'Considering', 'Ineligible', 'Must-say elements said', 'Recommendations with all 7 elements', 'Conversion', 'Must-say coverage', 'Full-coverage share'],
};

/**
 * Staff named with formulas, each serving one visit on D1 with one accepted recommendation of a
 * campaign whose title is a formula; the consultant has a visit on D2 closed with none.
 */
async function seedHostile(ctx: ApiContext, h: ManageHall) {
  const { app, database } = ctx;
  const { campaign } = await addCampaign(database, h.fx, { category: 'broadband', title: HOSTILE[0]! });
  const box = outbox(app, h.fx);
  for (const name of HOSTILE) {
    const staffId = uuidv7();
    await insertStaff(database.db, { id: staffId, hallId: h.fx.hall.id, name, role: 'consultant', active: true, secret: null });
    const visit = makeVisit(h.fx, { staffId, openedAt: `${D1}T02:00:00Z` });
    const said = MUST_SAY_KEYS.slice(0, 4);
    box.add(visit, makeRecommendation(h.fx, visit.id, { staffId, campaignId: campaign.id, talkTrackVersionId: campaign.currentVersionId!, elementsSaid: said }));
  }
  const quiet = makeVisit(h.fx, { openedAt: `${D2}T02:00:00Z` });
  box.add(quiet, makeVisitClose(h.fx, quiet.id, { closedAt: `${D2}T02:05:00Z`, noRecommendationConfirmed: true }));
  await box.sendAll();
  return { campaign };
}

/** The hall part of a file name: the test halls are named "测试营业厅 abcd", in English "测试营业厅 abcd (en)". */
function hallParts(h: ManageHall) {
  const suffix = h.fx.hall.name.zh.split(' ')[1]!;
  return { utf8: `测试营业厅-${suffix}`, ascii: `${suffix}-(en)` };
}

forEachEngine((engine) => {
  const ctx = useApiApp(engine, { clockWindowMs: PAST_DAYS_WINDOW_MS });

  describe('CSV export', () => {
    it('is UTF-8 with a BOM, headed in the chosen language, every formula neutralised, named after the hall and the dates', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      await seedHostile(ctx(), h);
      const api = reportApi(app, h.manager);
      const res = await api.exportFile({ from: D1, to: D2, format: 'csv' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      const hall = hallParts(h);
      const utf8Name = `talktrack-by-person-${hall.utf8}-${D1}_${D2}.csv`;
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="talktrack-by-person-${hall.ascii}-${D1}_${D2}.csv"; filename*=UTF-8''${encodeURIComponent(utf8Name).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`,
      );
      const bytes = res.rawPayload;
      expect(bytes.subarray(0, 3)).toEqual(BOM);
      const text = bytes.subarray(3).toString('utf8');
      expect(text.split('\r\n').length).toBeGreaterThan(HOSTILE.length);
      const rows = parseCsv(text);
      expect(rows[0]).toEqual(PERSON_HEADERS['zh-CN']);
      const byName = new Map(rows.slice(1).map((r) => [r[2], r]));
      for (const name of HOSTILE) {
        const row = byName.get(`'${name}`);
        // Date, hall, name (neutralised), then 1 visit with 1 recommendation accepted, 4 elements said; ratios as numbers.
        expect(row, name).toEqual([D1, h.fx.hall.name.zh, `'${name}`, '1', '1', '0', '1', '1', '0', '4', '0', '1', '1', '0', '0.5714', '0']);
      }
      expect(byName.get('测试员甲')).toEqual([D2, h.fx.hall.name.zh, '测试员甲', '1', '0', '1', '0', '0', '0', '0', '0', '0', '', '0', '', '']);
      expect(rows).toHaveLength(1 + HOSTILE.length + 1);

      const en = await api.exportFile({ from: D1, to: D1, format: 'csv', lang: 'en', table: 'campaign' });
      expect(en.statusCode, en.body).toBe(200);
      expect(en.headers['content-disposition']).toContain(`filename="talktrack-by-campaign-${hall.ascii}-${D1}.csv"`);
      const campaignRows = parseCsv(en.rawPayload.subarray(3).toString('utf8'));
      expect(campaignRows).toEqual([
        CAMPAIGN_HEADERS.en,
        [D1, `${h.fx.hall.name.zh} (en)`, `'${HOSTILE[0]} (en)`, 'Broadband', '6', '6', '0', '0', '0', '24', '0', '1', '0.5714', '0'],
      ]);
      const zh = parseCsv((await api.exportFile({ from: D1, to: D1, format: 'csv', table: 'campaign' })).rawPayload.subarray(3).toString('utf8'));
      expect(zh[0]).toEqual(CAMPAIGN_HEADERS['zh-CN']);
      expect(zh[1]!.slice(2, 4)).toEqual([`'${HOSTILE[0]}`, '宽带']);
    });

    it('names an admin’s export of every hall all-halls', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      const res = await reportApi(app, h.admin).exportFile({ from: D1, to: D1, format: 'csv' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="talktrack-by-person-all-halls-${D1}.csv"; filename*=UTF-8''talktrack-by-person-all-halls-${D1}.csv`,
      );
      expect(parseCsv(res.rawPayload.subarray(3).toString('utf8'))[0]).toEqual(PERSON_HEADERS['zh-CN']);
    });

    it('neutralises text that starts a formula and leaves numbers, negative ones too, as numbers', () => {
      const cases: Array<[string | number | null, string | number | null]> = [
        ['=1+1', "'=1+1"], ['+1', "'+1"], ['-2', "'-2"], ['@SUM(1)', "'@SUM(1)"], ['\tx', "'\tx"], ['\rx', "'\rx"],
        ['王 =1', '王 =1'], ['', ''], [-2, -2], [0.5, 0.5], [null, null],
      ];
      for (const [input, output] of cases) expect([input, neutralise(input)]).toEqual([input, output]);
    });
  });

  describe('XLSX export', () => {
    it('holds both tables as sheets, headed in the chosen language, numbers as numbers and text neutralised', async () => {
      const { app, database } = ctx();
      const h = await seedManageHall(app, database);
      await seedHostile(ctx(), h);
      for (const lang of ['zh-CN', 'en'] as const) {
        const res = await reportApi(app, h.manager).exportFile({ from: D1, to: D2, format: 'xlsx', lang });
        expect(res.statusCode, res.body).toBe(200);
        expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
        expect(res.headers['content-disposition']).toContain(`filename="talktrack-report-${hallParts(h).ascii}-${D1}_${D2}.xlsx"`);
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
        expect(workbook.worksheets.map((w) => w.name)).toEqual(lang === 'en' ? ['By person', 'By campaign'] : ['按人员', '按活动']);
        const [people, campaigns] = workbook.worksheets as [ExcelJS.Worksheet, ExcelJS.Worksheet];
        const values = (ws: ExcelJS.Worksheet, row: number) => (ws.getRow(row).values as unknown[]).slice(1);
        expect(values(people, 1)).toEqual(PERSON_HEADERS[lang]);
        expect(values(campaigns, 1)).toEqual(CAMPAIGN_HEADERS[lang]);
        expect(people.rowCount).toBe(1 + HOSTILE.length + 1);
        const rows = Array.from({ length: people.rowCount - 1 }, (_, i) => values(people, i + 2));
        const hall = lang === 'en' ? `${h.fx.hall.name.zh} (en)` : h.fx.hall.name.zh;
        for (const hostile of HOSTILE) {
          // XML reads a carriage return in text as a line feed (end-of-line normalisation), as Excel does.
          const name = `'${hostile.replace(/\r/g, '\n')}`;
          expect(rows.find((r) => r[2] === name), name).toEqual([D1, hall, name, 1, 1, 0, 1, 1, 0, 4, 0, 1, 1, 0, 4 / 7, 0]);
        }
        // A ratio of nothing (0 / 0) is an empty cell, not 0.
        const quiet = rows.find((r) => r[2] === '测试员甲')!;
        expect(quiet.slice(0, 12)).toEqual([D2, hall, '测试员甲', 1, 0, 1, 0, 0, 0, 0, 0, 0]);
        expect([quiet[12], quiet[13], quiet[14], quiet[15]]).toEqual([undefined, 0, undefined, undefined]);
        expect(people.getRow(2).getCell(12).numFmt).toBe('0.0%');
        expect(values(campaigns, 2).slice(2, 6)).toEqual([`'${HOSTILE[0]}${lang === 'en' ? ' (en)' : ''}`, lang === 'en' ? 'Broadband' : '宽带', 6, 6]);
        for (const ws of [people, campaigns]) {
          ws.eachRow((row) =>
            row.eachCell((cell) => {
              expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
              if (typeof cell.value === 'string') expect(cell.value).not.toMatch(/^[=+\-@\t\r]/);
            }),
          );
        }
      }
    });
  });
});
