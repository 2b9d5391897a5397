import { withRatios } from '../../shared/measures.ts';
import type { PersonDayRow } from '../../shared/schemas/reports.ts';
import type { Column } from './columns.ts';

/** The person-per-day table of an export: its columns in order, with their header texts. */

export const PERSON_SHEET = { 'zh-CN': '按人员', en: 'By person' } as const;

const ratios = (r: PersonDayRow) => withRatios(r);

export const PERSON_COLUMNS: ReadonlyArray<Column<PersonDayRow>> = [
  { header: { 'zh-CN': '日期', en: 'Date' }, kind: 'text', width: 12, value: (r) => r.day },
  { header: { 'zh-CN': '营业厅', en: 'Hall' }, kind: 'text', width: 20, value: (r, ctx) => ctx.hallName(r.hallId) },
  { header: { 'zh-CN': '员工', en: 'Staff member' }, kind: 'text', width: 14, value: (r) => r.staffName },
  { header: { 'zh-CN': '接待客户数', en: 'Visits' }, kind: 'count', width: 10, value: (r) => r.visits },
  { header: { 'zh-CN': '有推荐的接待数', en: 'Visits with a recommendation' }, kind: 'count', width: 14, value: (r) => r.visitsWithRecommendation },
  { header: { 'zh-CN': '结束时未推荐的接待数', en: 'Visits closed without a recommendation' }, kind: 'count', width: 16, value: (r) => r.visitsWithoutRecommendation },
  { header: { 'zh-CN': '推荐次数', en: 'Recommendations' }, kind: 'count', width: 10, value: (r) => r.recommendations },
  { header: { 'zh-CN': '成功办理数', en: 'Accepted' }, kind: 'count', width: 10, value: (r) => r.accepted },
  { header: { 'zh-CN': '增值业务办理接待数', en: 'Visits with an accepted VAS offer' }, kind: 'count', width: 14, value: (r) => r.vasVisits },
  { header: { 'zh-CN': '已说必说要素数', en: 'Must-say elements said' }, kind: 'count', width: 12, value: (r) => r.elementsSaid },
  { header: { 'zh-CN': '七要素说全的推荐数', en: 'Recommendations with all 7 elements' }, kind: 'count', width: 14, value: (r) => r.fullCoverage },
  { header: { 'zh-CN': '客户推荐率', en: 'Recommendation rate' }, kind: 'ratio', width: 12, value: (r) => ratios(r).recommendationRate },
  { header: { 'zh-CN': '推荐成功率', en: 'Conversion' }, kind: 'ratio', width: 12, value: (r) => ratios(r).conversion },
  { header: { 'zh-CN': '增值业务附着比例', en: 'VAS attachment ratio' }, kind: 'ratio', width: 14, value: (r) => ratios(r).vasAttachment },
  { header: { 'zh-CN': '必说要素覆盖率', en: 'Must-say coverage' }, kind: 'ratio', width: 12, value: (r) => ratios(r).mustSayCoverage },
  { header: { 'zh-CN': '七要素说全占比', en: 'Full-coverage share' }, kind: 'ratio', width: 12, value: (r) => ratios(r).fullCoverageShare },
];
