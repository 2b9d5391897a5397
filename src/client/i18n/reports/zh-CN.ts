/**
 * The reports pages' messages, Chinese (the default). Loaded with the reports chunk only; en.ts
 * must have every key (the compiler checks it), and the i18n test checks placeholders.
 */
export const reportsZhCN = {
  'reports.title': '报表',
  'reports.nav': '报表页面',
  'reports.nav.today': '今日概况',
  'reports.nav.daily': '每日统计',
  'reports.toCounter': '返回柜台',
  'reports.toManage': '管理活动',
  'reports.notFound': '没有这个页面。',
  'reports.retry': '重试',
  'reports.close': '关闭',
  'reports.loading': '正在读取…',

  // Gate
  'reports.gate.not_enrolled': '这个浏览器还没有登记：请先用厅经理提供的登记码登记。',
  'reports.gate.signed_out': '请先登录，再查看报表。',
  'reports.gate.toCounter': '去登录',

  // Measures
  'measure.visits': '接待',
  'measure.visitsWithoutRecommendation': '未推荐接待',
  'measure.recommendations': '推荐',
  'measure.accepted': '办理',
  'measure.recommendationRate': '推荐率',
  'measure.conversion': '成功率',
  'measure.vasAttachment': '增值附着率',
  'measure.mustSayCoverage': '必说覆盖率',
  'measure.fullCoverageShare': '七要素说全占比',

  // Today
  'reports.today.title': '今日概况',
  'reports.today.titleOwn': '我的今日概况',
  'reports.today.day': '{date}（{hall}）',
  'reports.today.hall': '全厅',
  'reports.today.you': '我',
  'reports.today.people': '按人员',
  'reports.today.person': '人员',
  'reports.today.nobody': '今天还没有接待记录。',
  'reports.today.noRec': '{count} 位客户未推荐',
  'reports.today.noRecLegend': '标红的人员有接待后未做任何推荐的客户。',
  'reports.today.updated': '{time} 更新，每 30 秒自动刷新',
  'reports.today.waiting': '这台平板还有 {count} 条记录未同步，未计入上面的数字。',
  'reports.today.local': '当前离线：只显示这台平板上的记录，其他平板的记录联网后才能看到。',
  'reports.today.localSignedOffline': '您是离线登录的：只显示这台平板上的记录。联网后请退出并重新登录，即可看到全厅数据。',
  'reports.today.localExpired': '登录已过期：只显示这台平板上的记录。请退出并重新登录，即可看到全厅数据。',

  // Daily
  'reports.daily.title': '每日统计',
  'reports.daily.titleOwn': '我的每日统计',
  'reports.daily.needsOnline': '每日统计需要联网读取服务器上的数据。',
  'reports.daily.needsOnlineSignedOffline': '您是离线登录的。请联网后退出并重新登录，再查看每日统计。“今日概况”可以查看这台平板上的记录。',
  'reports.daily.needsOnlineExpired': '登录已过期。请退出并重新登录，再查看每日统计。',
  'reports.daily.updating': '正在更新…',
  'reports.daily.generatedAt': '数据截至 {time}；之后同步的记录不在其中。',
  'reports.daily.none': '所选范围内没有记录。',
  'reports.daily.rows': '共 {count} 行',
  'reports.daily.openRow': '查看这一行的接待明细',
  'reports.daily.rowHint': '点击任意一行，查看其中的每次接待。',

  // Filters
  'reports.filters': '筛选',
  'reports.filter.from': '开始日期',
  'reports.filter.to': '结束日期',
  'reports.filter.hall': '营业厅',
  'reports.filter.allHalls': '全部营业厅',
  'reports.filter.person': '人员',
  'reports.filter.everyone': '全部人员',
  'reports.filter.campaign': '活动',
  'reports.filter.allCampaigns': '全部活动',
  'reports.filter.category': '类别',
  'reports.filter.allCategories': '全部类别',
  'reports.filter.quick': '快捷范围',
  'reports.filter.today': '今天',
  'reports.filter.last7': '近 7 天',
  'reports.filter.last30': '近 30 天',
  'reports.filter.thisMonth': '本月',
  'reports.filter.narrowNote': '活动和类别只筛选推荐，接待数不变。',
  'reports.filter.fromAfterTo': '开始日期不能晚于结束日期。',
  'reports.filter.tooLong': '一次最多查看 {max} 天，请缩短日期范围。',
  'reports.filter.badDate': '请选择开始和结束日期。',

  // Tables
  'reports.table.which': '表格',
  'reports.table.person': '按人员',
  'reports.table.campaign': '按活动',
  'reports.col.day': '日期',
  'reports.col.hall': '营业厅',
  'reports.col.person': '人员',
  'reports.col.campaign': '活动',
  'reports.col.category': '类别',
  'reports.sortBy': '按“{column}”排序',

  // Export
  'reports.export': '导出当前表格',
  'reports.export.csv': '导出 CSV',
  'reports.export.xlsx': '导出 Excel',
  'reports.export.working': '正在导出…',
  'reports.export.done': '已下载 {name}',
  'reports.export.hint': 'CSV 导出当前显示的表格；Excel 文件包含两张表。筛选条件与屏幕上一致。',

  // Charts
  'reports.charts': '图表',
  'reports.charts.loading': '正在加载图表…',
  'reports.charts.failed': '图表加载失败：{message}',
  'reports.charts.unavailable': '这个浏览器无法绘制图表；表格中的数字不受影响。',
  'reports.charts.trend': '每日趋势',
  'reports.charts.trendLabel': '每日趋势图：推荐率、成功率、增值附着率、必说覆盖率、七要素说全占比和接待数',
  'reports.charts.outcomes': '各活动每日结果',
  'reports.charts.outcomesLabel': '{campaign}：每日推荐结果（已办理、拒绝、考虑中、不符合条件）',
  'reports.charts.none': '没有可画的数据。',
  'reports.charts.more': '另有 {count} 个活动未画出；用“活动”筛选查看。',

  // Visit detail
  'reports.detail.title': '接待明细',
  'reports.detail.person': '{person}，{date}',
  'reports.detail.campaign': '{campaign}，{date}',
  'reports.detail.none': '没有接待。',
  'reports.detail.count': '{count} 次接待，其中 {voided} 次已作废',
  'reports.detail.stillOpen': '未结束',
  'reports.detail.device': '设备：{device}',
  'reports.detail.unnamedDevice': '未命名设备',
  'reports.detail.voided': '已作废',
  'reports.detail.voidReason': '作废原因：{reason}（{time}）',
  'reports.detail.noRecs': '这次接待没有推荐。',
  'reports.detail.version': '话术 v{version}',
  'reports.detail.said': '已说 {count}/{total}：',
  'reports.detail.saidNone': '未说任何必说要素',
  'reports.detail.notSaid': '未说：',
  'reports.detail.demo': '使用了体验设备',
  'reports.detail.declineReason': '拒绝原因：{reason}',
  'reports.detail.at': '{time} 记录',

  // Problems
  'reports.problem.network': '连不上服务器：请检查网络后重试。',
  'reports.problem.expired': '登录已过期：请退出并重新登录。',
  'reports.problem.unexpected': '出现意外错误：{message}',
} as const;

export type ReportsMessageKey = keyof typeof reportsZhCN;
