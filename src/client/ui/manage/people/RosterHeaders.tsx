import { REQUIRED_ROSTER_COLUMNS, ROSTER_HEADERS, ROSTER_ROLES, type RosterColumn } from '../../../../shared/rosterColumns.ts';
import type { StaffRole } from '../../../../shared/schemas/reference.ts';
import { useManageI18n } from '../../../i18n/manage/index.ts';

const COLUMNS = Object.keys(ROSTER_HEADERS) as RosterColumn[];
const ROLES: readonly Exclude<StaffRole, 'admin'>[] = ['consultant', 'floor_marketer', 'manager'];

/** The headers and role names the import reads, straight from the reader's own lists. */
export function RosterHeaders() {
  const { t } = useManageI18n();
  const separator = t('manage.list.separator');
  return (
    <details class="m-roster-headers" data-testid="roster-headers">
      <summary>{t('manage.roster.headersTitle')}</summary>
      <ul>
        {COLUMNS.map((column) => (
          <li key={column} data-testid={`roster-header-${column}`}>
            <strong>{t(`manage.roster.field.${column}`)}</strong>
            {REQUIRED_ROSTER_COLUMNS.includes(column) ? t('manage.roster.required') : ''}
            {t('manage.roster.colon')}
            {ROSTER_HEADERS[column].join(separator)}
          </li>
        ))}
      </ul>
      <p>{t('manage.roster.rolesTitle')}</p>
      <ul>
        {ROLES.map((role) => (
          <li key={role}>
            <strong>{t(`role.${role}`)}</strong>
            {t('manage.roster.colon')}
            {Object.entries(ROSTER_ROLES)
              .filter(([, r]) => r === role)
              .map(([name]) => name)
              .join(separator)}
          </li>
        ))}
      </ul>
      <p class="muted">{t('manage.roster.noAdmins')}</p>
    </details>
  );
}
