import type { RosterIssue } from '../../../../shared/schemas/people.ts';
import { useManageI18n } from '../../../i18n/manage/index.ts';
import { ScrollRegion } from '../../common/ScrollRegion.tsx';

/** Why the file was refused, row by row: the row as the spreadsheet numbers it, the column, the problem, the cell. */
export function RosterIssues({ issues }: { issues: readonly RosterIssue[] }) {
  const { t } = useManageI18n();
  return (
    <div class="msg msg-error m-roster-issues" role="alert" data-testid="roster-issues">
      <p class="text">{t('manage.roster.refused', { count: issues.length })}</p>
      <ScrollRegion class="m-table-wrap">
        <table class="m-table">
          <thead>
            <tr>
              <th scope="col">{t('manage.roster.row')}</th>
              <th scope="col">{t('manage.roster.column')}</th>
              <th scope="col">{t('manage.roster.problem')}</th>
              <th scope="col">{t('manage.roster.value')}</th>
            </tr>
          </thead>
          <tbody>
            {issues.map((issue, i) => (
              <tr key={i} data-testid={`roster-issue-${i}`} data-row={String(issue.row)} data-field={issue.field} data-problem={issue.problem}>
                <td class="m-name">{issue.row === 0 ? t('manage.roster.wholeFile') : t('manage.roster.rowN', { row: issue.row })}</td>
                <td class="m-name">{t(`manage.roster.field.${issue.field}`)}</td>
                <td class="text">{t(`manage.roster.problem.${issue.problem}`)}</td>
                {/* An unreadable file's "value" is the reader's own English reason: the problem says it already. */}
                <td class="m-name">{issue.problem === 'unreadable' ? '' : (issue.value ?? '')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}
