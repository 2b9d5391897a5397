/**
 * The message catalogue, Chinese (the default). Every string the UI shows comes from here or from
 * en.ts; `{name}` placeholders are filled by `t`. en.ts is typed so it must have every key.
 */
export const zhCN = {
  'app.name': '营销必说',
  'app.loading': '正在加载…',

  // Language switch
  'lang.zh': '中文',
  'lang.en': 'EN',
  'lang.switch': '切换语言',

  // Enrolment
  'enrol.title': '登记这台平板',
  'enrol.intro': '请输入厅经理提供的一次性登记码。登记只需联网一次，之后离线也能使用。',
  'enrol.codeLabel': '登记码',
  'enrol.submit': '登记',
  'enrol.working': '正在登记…',
  'enrol.noNetwork': '没有网络连接——登记需要联网一次。请连接网络后重试。',
  'enrol.unexpected': '登记失败：{message}',

  // Sign-in
  'signin.title': '请选择您的名字',
  'signin.noStaff': '还没有这个营业厅的员工名单。请联网后点“立即同步”。',
  'signin.back': '返回',
  'signin.pinFor': '{name}，请输入 PIN 码',
  'signin.pinDots': '已输入 {count} 位',
  'signin.clear': '清除',
  'signin.submit': '确定',
  'signin.working': '正在验证…',
  'signin.wrongPin': 'PIN 码错误，还可以再试 {count} 次。',
  'signin.locked': '尝试次数过多，已锁定到 {time}。',
  'signin.noVerifier': '此平板上还没有您的登录信息：请先在联网时登录一次。',
  'signin.unknownStaff': '此营业厅找不到这位员工，请联系厅经理。',
  'signin.notEnrolled': '这台平板尚未登记。',
  'signin.failed': '登录失败：{message}',
  'signin.offlineNote': '当前离线：PIN 码在本机验证。',

  // Roles
  'role.consultant': '营业员',
  'role.floor_marketer': '流动营销',
  'role.manager': '值班经理',
  'role.admin': '管理员',

  // Status strip
  'status.online': '在线',
  'status.offline': '离线',
  'status.waiting': '待同步 {count} 条',
  'status.lastSync': '上次同步 {time}',
  'status.neverSynced': '尚未同步',
  'status.justNow': '刚刚',
  'status.syncNow': '立即同步',
  'status.syncing': '同步中…',
  'status.failure.offline': '网络不通：记录保存在本平板上，网络恢复后自动发送。',
  'status.failure.device_revoked': '这台平板已被移除：请厅经理重新登记。',
  'status.failure.device_expired': '这台平板的登记已过期：请厅经理重新登记。',
  // The banner of a tablet the server no longer accepts: what is kept, what to do.
  'device.revoked.title': '这台平板已被厅经理停用',
  'device.revoked.body': '还有 {count} 条记录未能发送。它们仍保存在本平板上，不会被删除——请告诉厅经理。要继续使用，请厅经理提供新的登记码重新登记。',
  'device.expired.title': '这台平板的登记已过期',
  'device.expired.body': '这台平板太久没有使用，登记已失效。还有 {count} 条记录未能发送，仍保存在本平板上——请告诉厅经理，并用新的登记码重新登记。',
  'device.nothingLost': '所有记录此前都已发送，没有遗漏。请厅经理提供新的登记码重新登记。',
  'status.failure.server_behind': '服务器拒绝了同步：请告知厅经理。',
  'status.failure.server_error': '服务器拒绝了同步：请告知厅经理。',
  'status.todayVisits': '今日接待',
  'status.todayRate': '推荐率',
  'status.todayAccepted': '办理',
  'status.todayVas': '增值办理',
  'status.signOut': '退出',
  'status.todayList': '今日记录',
  'status.reports': '报表',
  'status.manage': '管理活动',
  'status.signOutBlocked': '请先结束当前客户的接待，再退出。',
  'status.update': '有新版本，点击更新',
  'status.updateBlocked': '请先结束当前客户',
  'status.rejected': '被退回 {count} 条',
  'status.rejectedTitle': '服务器退回的记录（已保留，不会丢失，不再发送）',
  'status.rejectedHint': '请把以下原因告知厅经理。',
  'status.rejectedItem': '#{seq} {kind}',
  'status.close': '关闭',
  'status.ok': '知道了',

  // Record kinds (for the rejected list)
  'kind.visit': '接待',
  'kind.recommendation': '推荐',
  'kind.visit_close': '结束接待',
  'kind.visit_void': '作废接待',

  // Warnings
  'warn.persistDenied': '浏览器未允许永久保存：未同步的记录在存储紧张时可能被清除。请保持平板联网，或请 IT 设置允许永久存储。',
  'warn.dismiss': '关闭提示',
  'error.quota': '本平板存储空间已满：已保存的记录没有丢失。请先同步，再清理空间，或告知厅经理。刚才填写的内容仍保留，可以重试。',
  'error.unavailable': '此浏览器不允许在这里保存（例如无痕模式）：请退出无痕模式后再用。刚才填写的内容仍保留。',
  'error.unknown': '保存失败：{message}。刚才填写的内容仍保留，可以重试。',
  'error.visitState': '当前接待已结束或不属于您：请点“下一位客户”。',

  // Campaigns
  'campaigns.title': '在推活动',
  'campaigns.none': '今天没有在推的活动。联网后会自动更新。',
  'campaigns.focus': '重点',
  'category.voice_data': '语音流量',
  'category.vas': '增值业务',
  'category.broadband': '宽带',
  'category.handset': '终端',
  'category.other': '其他',

  // Talk-track
  'talk.mustSay': '营销必说七要素',
  'talk.mustSayHint': '说完一项，点一下打勾',
  'talk.opening': '开场白',
  'talk.pitch': '推荐话术',
  'talk.objections': '异议应答',
  'talk.closing': '促成与结束语',
  'talk.segment': '适用客户：',
  'talk.pick': '请在左侧选择一个活动。',
  'talk.said': '已说',
  'talk.notSaid': '未说',

  // Must-say elements (DESIGN.md table)
  'element.name': '业务名称',
  'element.price': '资费标准与计费方式',
  'element.content': '服务内容与优惠',
  'element.eligibility': '办理条件与适用范围',
  'element.validity': '生效时间、有效期与在网期限',
  'element.cancel': '退订方式',
  'element.restrictions': '限制条件、违约责任与注意事项',

  // Visit panel
  'visit.next': '下一位客户',
  'visit.businessQ': '客户来办什么业务？',
  'visit.sourceQ': '客户从哪里来？',
  'visit.confirmOpen': '开始接待',
  'visit.cancel': '取消',
  'visit.open': '接待中',
  'visit.since': '{time} 开始',
  'visit.recsTitle': '本次已推荐',
  'visit.recsNone': '还没有推荐。每位客户至少推荐一项。',
  'visit.recSaid': '已说 {n}/{total}',
  'visit.close': '结束接待',
  'visit.closeNoRecQ': '这位客户还没有任何推荐。营业厅要求每位客户至少推荐一项。确定不推荐就结束吗？',
  'visit.closeNoRecConfirm': '确定结束',
  'visit.closeNoRecCancel': '返回推荐',
  'visit.closed': '接待已结束',
  'visit.noVisitHint': '客户到柜台时点“下一位客户”。',

  'business.bill_payment': '缴费',
  'business.plan_change': '套餐变更',
  'business.new_line': '新入网',
  'business.sim_service': '补换卡',
  'business.broadband': '宽带',
  'business.handset': '购机',
  'business.complaint': '投诉',
  'business.inquiry': '咨询',
  'business.other': '其他',

  'source.walk_in': '自行到厅',
  'source.referral': '咨询台引导',
  'source.queue_ticket': '排队取号',

  // Composer
  'composer.title': '记录推荐：{campaign}',
  'composer.noCampaign': '请先在左侧选择推荐的活动。',
  'composer.said': '七要素已说 {n}/{total}',
  'composer.allSaid': '全部已说',
  'composer.clearSaid': '清空勾选',
  'composer.demo': '使用了体验设备',
  'composer.outcomeQ': '客户的反应',
  'composer.reasonQ': '拒绝原因（必选）',
  'composer.needOutcome': '请选择客户的反应。',
  'composer.needReason': '请选择拒绝原因。',
  'composer.record': '记录推荐',
  'composer.recorded': '已记录 ✓',

  'outcome.accepted': '已办理',
  'outcome.declined': '拒绝',
  'outcome.considering': '考虑中',
  'outcome.ineligible': '不符合条件',

  'reason.price': '价格高',
  'reason.no_need': '没有需要',
  'reason.has_similar': '已有同类业务',
  'reason.think_later': '以后再说',
  'reason.distrust': '不信任',
  'reason.other': '其他原因',
} as const;

export type MessageKey = keyof typeof zhCN;
