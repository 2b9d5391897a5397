import type { AccessAuditEntry, AccessAuditResponse } from '../../../../shared/schemas/people.ts';
import { StaffRole } from '../../../../shared/schemas/reference.ts';
import { pick } from '../../../i18n/index.ts';
import { type ManageKey, type ManageTranslate, useManageI18n } from '../../../i18n/manage/index.ts';
import { formatDateTime } from '../../../manage/format.ts';
import { ProblemNote } from '../common/ProblemNote.tsx';
import { useLoad } from '../common/useLoad.ts';
import { kindName } from '../devices/deviceText.ts';
import { useManage } from '../ManageContext.tsx';
import { ScrollRegion } from '../../common/ScrollRegion.tsx';

const ACTIONS: Readonly<Record<string, ManageKey>> = {
  revoke_device: 'manage.access.action.revoke_device',
  revoke_sessions: 'manage.access.action.revoke_sessions',
  create_hall: 'manage.access.action.create_hall',
  update_hall: 'manage.access.action.update_hall',
  deactivate_hall: 'manage.access.action.deactivate_hall',
  reactivate_hall: 'manage.access.action.reactivate_hall',
  create_person: 'manage.access.action.create_person',
  update_person: 'manage.access.action.update_person',
  reset_pin: 'manage.access.action.reset_pin',
  issue_password_code: 'manage.access.action.issue_password_code',
  move_person: 'manage.access.action.move_person',
  deactivate_person: 'manage.access.action.deactivate_person',
  reactivate_person: 'manage.access.action.reactivate_person',
  unlock_person: 'manage.access.action.unlock_person',
  import_roster: 'manage.access.action.import_roster',
  redeem_password_code: 'manage.access.action.redeem_password_code',
  issue_enrolment_code: 'manage.access.action.issue_enrolment_code',
  cancel_enrolment_code: 'manage.access.action.cancel_enrolment_code',
  accept_held_record: 'manage.access.action.accept_held_record',
  discard_held_record: 'manage.access.action.discard_held_record',
};

/** Whom or what an entry is about, from its details (names, never a secret); the server's English summary is not shown. */
function subjectOf(entry: AccessAuditEntry, t: ManageTranslate): string {
  const d = entry.details ?? {};
  const text = (key: string) => {
    const value = d[key];
    return typeof value === 'string' ? value : null;
  };
  // A held record's decision: which kind of record, whose, and the manager's own reason.
  if (entry.action === 'accept_held_record' || entry.action === 'discard_held_record') {
    const what = [kindName(text('kind'), t), text('name')].filter((part) => part !== null).join(' · ');
    return `${what}: ${text('note') ?? ''}`;
  }
  return text('name') ?? text('deviceName') ?? text('label') ?? text('fileName') ?? '';
}

/** Who did what to halls, people, devices and codes: a manager reads their hall's, an admin every hall's. */
export function AccessAudit() {
  const { t, lang } = useManageI18n();
  const { api, enrolment } = useManage();
  const audit = useLoad<AccessAuditResponse>(() => api.accessAudit(), [api]);
  const halls = audit.data?.halls ?? [];
  const hallOf = (id: string) => halls.find((h) => h.id === id);
  const entries = audit.data?.entries ?? [];
  return (
    <section class="m-access-audit" aria-labelledby="access-audit-title" data-testid="access-audit">
      <h2 id="access-audit-title">{t('manage.access.title')}</h2>
      {audit.problem && <ProblemNote problem={audit.problem} onRetry={audit.reload} testId="access-audit-problem" />}
      {!audit.data && !audit.problem && <p class="loading">{t('app.loading')}</p>}
      {audit.data && entries.length === 0 && <p class="muted">{t('manage.audit.none')}</p>}
      {entries.length > 0 && (
        <ScrollRegion class="m-table-wrap">
          <table class="m-table" data-testid="access-audit-table">
            <thead>
              <tr>
                <th scope="col">{t('manage.audit.when')}</th>
                <th scope="col">{t('manage.audit.who')}</th>
                <th scope="col">{t('manage.audit.action')}</th>
                <th scope="col">{t('manage.access.subject')}</th>
                {halls.length > 1 && <th scope="col">{t('manage.devices.hall')}</th>}
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => {
                const hall = hallOf(e.hallId);
                const action = ACTIONS[e.action];
                const roleText = (role: string) => {
                  const known = StaffRole.safeParse(role);
                  return known.success ? t(`role.${known.data}`) : role;
                };
                return (
                  <tr key={e.id} data-testid={`access-row-${e.id}`} data-action={e.action}>
                    <td>{formatDateTime(e.at, lang, hall?.timeZone ?? enrolment.hall.timeZone)}</td>
                    <td>
                      {e.actor.name}{' '}
                      <span class="muted">({roleText(e.actor.role)})</span>
                    </td>
                    <td>{action ? t(action) : e.action}</td>
                    <td class="text">{subjectOf(e, t)}</td>
                    {halls.length > 1 && <td class="text">{hall ? pick(hall.name, lang) : ''}</td>}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
