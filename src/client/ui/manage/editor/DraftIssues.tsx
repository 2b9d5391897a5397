import { useManageI18n, type ManageTranslate } from '../../../i18n/manage/index.ts';
import type { DraftIssue } from '../../../manage/draftCheck.ts';
import { fieldLabel } from './fieldLabel.ts';

function issueText(issue: DraftIssue, t: ManageTranslate): string {
  switch (issue.kind) {
    case 'no_hall':
      return t('manage.issue.noHall');
    case 'bad_date':
      return t('manage.issue.badDate', { field: fieldLabel(`campaign.${issue.field}`, t) });
    case 'end_before_start':
      return t('manage.issue.endBeforeStart');
    case 'offer_code_long':
      return t('manage.issue.offerCodeLong');
    case 'too_many_objections':
      return t('manage.issue.tooManyObjections');
    case 'other':
      return `${fieldLabel(issue.path, t)}: ${issue.message}`;
  }
}

/** Why the draft was not saved: said before anything is sent. */
export function DraftIssues({ issues }: { issues: readonly DraftIssue[] }) {
  const { t } = useManageI18n();
  if (issues.length === 0) return null;
  return (
    <div class="msg msg-error" role="alert" data-testid="draft-issues">
      <p>{t('manage.issue.title')}</p>
      <ul>
        {issues.map((issue, i) => (
          <li key={i}>{issueText(issue, t)}</li>
        ))}
      </ul>
    </div>
  );
}
