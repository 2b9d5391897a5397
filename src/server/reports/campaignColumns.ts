import { withRatios } from '../../shared/measures.ts';
import type { CampaignCategory } from '../../shared/schemas/reference.ts';
import type { CampaignDayRow, ReportLang } from '../../shared/schemas/reports.ts';
import { type Column, pickText } from './columns.ts';

/** The campaign-per-day table of an export: its columns in order, with their header texts. */

export const CAMPAIGN_SHEET = { 'zh-CN': '按活动', en: 'By campaign' } as const;

const CATEGORY: Record<CampaignCategory, Record<ReportLang, string>> = {
  voice_data: { 'zh-CN': '语音流量', en: 'Voice and data' },
  vas: { 'zh-CN': '增值业务', en: 'Value-added services' },
  broadband: { 'zh-CN': '宽带', en: 'Broadband' },
  handset: { 'zh-CN': '终端', en: 'Handsets' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

/** A campaign row as counts of the shared measures: visits are not counted per campaign. */
const ratios = (r: CampaignDayRow) =>
  withRatios({
    visits: 0,
    visitsWithRecommendation: 0,
    vasVisits: 0,
    recommendations: r.recommendations,
    accepted: r.outcomes.accepted,
    elementsSaid: r.elementsSaid,
    fullCoverage: r.fullCoverage,
  });

export const CAMPAIGN_COLUMNS: ReadonlyArray<Column<CampaignDayRow>> = [
  { header: { 'zh-CN': '日期', en: 'Date' }, kind: 'text', width: 12, value: (r) => r.day },
  { header: { 'zh-CN': '营业厅', en: 'Hall' }, kind: 'text', width: 20, value: (r, ctx) => ctx.hallName(r.hallId) },
  { header: { 'zh-CN': '营销活动', en: 'Campaign' }, kind: 'text', width: 24, value: (r, ctx) => pickText(r.title, ctx.lang) },
  { header: { 'zh-CN': '类别', en: 'Category' }, kind: 'text', width: 14, value: (r, ctx) => CATEGORY[r.category][ctx.lang] },
  { header: { 'zh-CN': '推荐次数', en: 'Recommendations' }, kind: 'count', width: 10, value: (r) => r.recommendations },
  { header: { 'zh-CN': '成功办理', en: 'Accepted' }, kind: 'count', width: 10, value: (r) => r.outcomes.accepted },
  { header: { 'zh-CN': '拒绝', en: 'Declined' }, kind: 'count', width: 10, value: (r) => r.outcomes.declined },
  { header: { 'zh-CN': '考虑中', en: 'Considering' }, kind: 'count', width: 10, value: (r) => r.outcomes.considering },
  { header: { 'zh-CN': '不符合条件', en: 'Ineligible' }, kind: 'count', width: 10, value: (r) => r.outcomes.ineligible },
  { header: { 'zh-CN': '已说必说要素数', en: 'Must-say elements said' }, kind: 'count', width: 12, value: (r) => r.elementsSaid },
  { header: { 'zh-CN': '七要素说全的推荐数', en: 'Recommendations with all 7 elements' }, kind: 'count', width: 14, value: (r) => r.fullCoverage },
  { header: { 'zh-CN': '推荐成功率', en: 'Conversion' }, kind: 'ratio', width: 12, value: (r) => ratios(r).conversion },
  { header: { 'zh-CN': '必说要素覆盖率', en: 'Must-say coverage' }, kind: 'ratio', width: 12, value: (r) => ratios(r).mustSayCoverage },
  { header: { 'zh-CN': '七要素说全占比', en: 'Full-coverage share' }, kind: 'ratio', width: 12, value: (r) => ratios(r).fullCoverageShare },
];
