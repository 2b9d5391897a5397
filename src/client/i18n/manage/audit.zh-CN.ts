/** The campaign audit's entries worded from their details, Chinese. Part of the manager pages' catalogue, in a file of its own. */
export const auditZhCN = {
  'manage.auditEntry.create': '创建了草稿“{title}”',
  'manage.auditEntry.saveUnchanged': '保存了草稿，没有改动',
  'manage.auditEntry.saveChanged': '修改了{fields}',
  'manage.auditEntry.publishNew': '发布了第 {version} 版',
  'manage.auditEntry.publishSame': '发布了，话术未变（第 {version} 版）',
  'manage.auditEntry.alsoChanged': '；修改了{fields}',
  'manage.auditEntry.retire': '下线了（当时是第 {version} 版）',
  'manage.auditEntry.retireUnpublished': '下线了（从未发布）',
  'manage.auditEntry.duplicate': '从“{title}”的第 {version} 版复制',
  'manage.auditEntry.duplicateDraft': '从“{title}”的草稿复制',
  'manage.auditEntry.import': '导入了“{title}”（文件中 {total} 个活动的第 {index} 个，文件导出于 {exportedAt}）',
  'manage.auditEntry.moreFields': '另外 {count} 项',
} as const;

export type AuditMessageKey = keyof typeof auditZhCN;
