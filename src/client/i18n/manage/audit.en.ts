import type { AuditMessageKey } from './audit.zh-CN.ts';

/** English for the campaign audit's entries: must have every key of the Chinese catalogue (the compiler checks it). */
export const auditEn: Record<AuditMessageKey, string> = {
  'manage.auditEntry.create': 'Created the draft “{title}”',
  'manage.auditEntry.saveUnchanged': 'Saved the draft without changes',
  'manage.auditEntry.saveChanged': 'Changed {fields}',
  'manage.auditEntry.publishNew': 'Published version {version}',
  'manage.auditEntry.publishSame': 'Published; talk-track unchanged (version {version})',
  'manage.auditEntry.alsoChanged': '; changed {fields}',
  'manage.auditEntry.retire': 'Retired (it was at version {version})',
  'manage.auditEntry.retireUnpublished': 'Retired (never published)',
  'manage.auditEntry.duplicate': 'Duplicated from “{title}”, version {version}',
  'manage.auditEntry.duplicateDraft': 'Duplicated from the draft of “{title}”',
  'manage.auditEntry.import': 'Imported “{title}” (campaign {index} of {total} in a file exported at {exportedAt})',
  'manage.auditEntry.moreFields': '{count, plural, one {# more field} other {# more fields}}',
};
