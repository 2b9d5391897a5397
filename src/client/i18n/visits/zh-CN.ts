/**
 * Today's visits list and the void form, Chinese (the default). Loaded with their lazy chunk only;
 * en.ts must have every key (the compiler checks it), and the i18n test checks placeholders.
 */
export const visitsZhCN = {
  'visits.title': '今日接待记录',
  'visits.hint': '这里只列出您今天在这台平板上的接待。作废的接待仍会保留并同步，但不计入任何统计。',
  'visits.none': '今天还没有接待记录。',
  'visits.close': '关闭',
  'visits.serving': '接待中',
  'visits.recs': '推荐 {count} 项',
  'visits.noRecs': '未推荐',
  'visits.refused': '服务器未接收',
  'visits.refusedHint': '这次接待有记录被服务器退回：点顶部红色的 ⚠ 查看原因和怎么做。',
  'visits.voided': '已作废',
  'visits.voidedBecause': '作废原因：{reason}（{time}）',
  'visits.void': '作废',
  'visits.blockedOpen': '正在接待客户：请先结束当前客户，再作废接待。',

  // The void form
  'visits.voidTitle': '作废这次接待',
  'visits.voidExplain': '作废后这次接待和它的推荐仍会保留并同步，但不再计入推荐率、办理等任何统计。只能作废自己当天的接待，作废后不能撤销。',
  'visits.quickReasons': '常用原因',
  'visits.quick.wrongCustomer': '录错了客户',
  'visits.quick.duplicate': '重复录入',
  'visits.quick.mistap': '误点了“下一位客户”',
  'visits.quick.practice': '练习或演示操作',
  'visits.reasonLabel': '作废原因（必填）',
  'visits.reasonCount': '{count}/{max} 字',
  'visits.reasonRequired': '请填写作废原因。',
  'visits.confirm': '确认作废',
  'visits.cancel': '取消',
  'visits.done': '已作废：这次接待不再计入统计，将随下次同步发送。',

  // Why a void was refused (rules of db/voidRules.ts)
  'visits.refused.not_own': '这是其他同事的接待：只能作废自己的接待。',
  'visits.refused.other_day': '只能作废当天的接待：这次接待已计入统计，如有错误请告知厅经理。',
  'visits.refused.already_voided': '这次接待已经作废了。',
  'visits.refused.visit_open': '正在接待客户：请先结束当前客户，再作废接待。',
  'visits.refused.no_reason': '请填写作废原因（不超过 200 字）。',
  'visits.refused.unknown_visit': '这台平板上找不到这次接待：请关闭列表后重新打开。',
} as const;

export type VisitsMessageKey = keyof typeof visitsZhCN;
