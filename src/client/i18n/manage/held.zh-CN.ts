/**
 * The devices page's "records the server does not have": records held back and what a manager
 * decides about them, Chinese. Part of the manager pages' catalogue, in a file of its own.
 */
export const heldZhCN = {
  'manage.notStored.title': '服务器没有保存的记录',
  'manage.notStored.intro': '平板上做了、但没有计入任何数据的记录都在这里：服务器收到后暂扣的，以及已停用或过期的平板报告仍未发出的。',
  'manage.notStored.summary': '暂扣 {held} 条 · 未能收到 {lost} 条',

  'manage.held.title': '收到但暂扣的记录',
  'manage.held.intro': '服务器收到了这些记录，但因下列原因没有计入。它们一直保留：只是时间不对的，确认无误后可以接受；其余的核对后舍弃。两种处理都会记入审计日志。',
  'manage.held.none': '没有暂扣的记录。',
  'manage.held.showDecided': '也显示已处理的',
  'manage.held.device': '平板',
  'manage.held.reason': '原因',
  'manage.held.record': '记录',
  'manage.held.recordTime': '记录时间',
  'manage.held.receivedAt': '收到时间',
  'manage.held.recordTimeIs': '记录时间：{when}',
  'manage.held.receivedAtIs': '收到时间：{when}',
  'manage.held.actions': '处理',
  'manage.held.noStaff': '（无员工）',
  'manage.held.noTime': '（无）',
  'manage.held.seq': '序号 {seq}',
  'manage.held.accept': '接受…',
  'manage.held.discard': '舍弃…',
  'manage.held.status.accepted': '已接受',
  'manage.held.status.discarded': '已舍弃',
  'manage.held.decided': '{who} 于 {when}：{note}',

  'manage.held.reason.unsigned': '没有签名：无法证明是记录上的员工在这台平板上做的（旧版本应用，或登录已失效）。',
  'manage.held.reason.bad_signature': '签名不符：记录在签名后被改动过，或不是用此人在这台平板上的登录签的。',
  'manage.held.reason.conflict': '冲突：同一序号或同一记录编号已保存了不同的内容。两条都保留着，请与员工核对。',
  'manage.held.reason.clock_out_of_range': '时间超出范围：记录时间比收到时间早得太多，或晚了 5 分钟以上（平板时钟可能不准）。',
  'manage.held.reason.campaign_not_live': '活动不在上线期间：记录时该活动尚未发布或已下线。',
  'manage.held.reason.void_too_late': '作废太晚：接待只能在当天作废，这次接待仍然计入。',
  'manage.held.reason.invalid_record': '无法读取：记录的内容不完整或格式不对。',
  'manage.held.reason.wrong_device': '设备不符：记录写的是另一台平板。',
  'manage.held.reason.unknown_staff': '员工不符：记录上的员工不属于这个营业厅。',
  'manage.held.reason.unknown_visit': '接待未到：它所属的接待当时还没有保存（接待若已到达，可以接受）。',
  'manage.held.reason.unknown_campaign': '活动不存在，或不适用于这个营业厅。',
  'manage.held.reason.unknown_talk_track': '话术版本不属于该活动。',
  'manage.held.reason.not_own_visit': '作废了别人的接待：只有接待的员工本人可以作废。',
  'manage.held.reason.already_voided': '这次接待已经作废过。',

  'manage.held.accept.question': '接受这条记录，计入 {person} 的数据？',
  'manage.held.discard.question': '舍弃这条记录？它不会计入任何数据，但会一直留在记录中。',
  'manage.held.note': '原因（记入审计日志）',
  'manage.held.notePlaceholder': '例如：已与员工核对，平板时钟慢了一天',
  'manage.held.noteRequired': '请写明原因。',
  'manage.held.accept.yes': '接受并计入',
  'manage.held.discard.yes': '舍弃',
  'manage.held.cancel': '取消',
  'manage.held.accepted': '已接受并计入：{kind}，{person}，{device}。',
  'manage.held.discarded': '已舍弃：{kind}，{person}，{device}。',
  'manage.held.stillRefused': '仍然不能计入：{reason}',

  // Refusals of a decision, worded here, not in the server's English
} as const;

export type HeldMessageKey = keyof typeof heldZhCN;
