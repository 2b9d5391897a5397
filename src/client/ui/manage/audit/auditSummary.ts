import type { AuditEntry } from '../../../../shared/schemas/manage.ts';
import type { Lang } from '../../../state/langStore.ts';
import { pick } from '../../../i18n/index.ts';
import type { ManageTranslate } from '../../../i18n/manage/index.ts';
import { formatDateTime } from '../../../manage/format.ts';
import { fieldLabel } from '../editor/fieldLabel.ts';

/** At most this many fields are named; the rest are counted. */
const MAX_FIELDS = 8;

function fieldList(paths: readonly string[], t: ManageTranslate, lang: Lang): string {
  const named = paths.slice(0, MAX_FIELDS).map((path) => fieldLabel(path, t));
  if (paths.length > MAX_FIELDS) named.push(t('manage.auditEntry.moreFields', { count: paths.length - MAX_FIELDS }));
  return new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' }).format(named);
}

/**
 * What an audit entry did, in the reader's language, from its details. An entry written before
 * details were kept has only the server's English summary, which is shown as it is.
 */
export function auditSummary(entry: AuditEntry, t: ManageTranslate, lang: Lang, timeZone: string): string {
  const d = entry.details;
  if (d === null) return entry.summary;
  const title = d.title === undefined ? '' : pick(d.title, lang);
  const changed = d.changed ?? [];
  switch (entry.action) {
    case 'create':
      return t('manage.auditEntry.create', { title });
    case 'save_draft':
      return changed.length === 0 ? t('manage.auditEntry.saveUnchanged') : t('manage.auditEntry.saveChanged', { fields: fieldList(changed, t, lang) });
    case 'publish': {
      const published = t(d.newVersion === false ? 'manage.auditEntry.publishSame' : 'manage.auditEntry.publishNew', { version: d.version ?? '' });
      return changed.length === 0 ? published : published + t('manage.auditEntry.alsoChanged', { fields: fieldList(changed, t, lang) });
    }
    case 'retire':
      return d.version == null ? t('manage.auditEntry.retireUnpublished') : t('manage.auditEntry.retire', { version: d.version });
    case 'duplicate':
      return d.version == null ? t('manage.auditEntry.duplicateDraft', { title }) : t('manage.auditEntry.duplicate', { title, version: d.version });
    case 'import': {
      const exported = d.exportedAt === undefined || Number.isNaN(Date.parse(d.exportedAt)) ? (d.exportedAt ?? '') : formatDateTime(d.exportedAt, lang, timeZone);
      return t('manage.auditEntry.import', { title, index: d.index ?? '', total: d.total ?? '', exportedAt: exported });
    }
  }
}
