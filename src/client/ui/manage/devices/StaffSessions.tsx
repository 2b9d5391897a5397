import { useState } from 'preact/hooks';
import type { StaffMember } from '../../../../shared/schemas/reference.ts';
import { useServices } from '../../../app/ServicesContext.tsx';
import { personName } from '../../../i18n/index.ts';
import { useManageI18n } from '../../../i18n/manage/index.ts';
import { type Problem, problemOf } from '../../../manage/problems.ts';
import { useLiveQuery } from '../../../db/useLiveQuery.ts';
import { ConfirmDanger } from '../common/ConfirmDanger.tsx';
import { ProblemNote } from '../common/ProblemNote.tsx';
import { useNotice } from '../common/useNotice.ts';
import { useManage } from '../ManageContext.tsx';
import { ScrollRegion } from '../../common/ScrollRegion.tsx';
import { activeStaffOf } from '../../../db/staffQueries.ts';

/**
 * The hall's people, each with "sign out everywhere": for a PIN someone else saw, or a person who
 * left. Their sessions end on every tablet at the next request; their records stay theirs. The
 * signed-in manager is not listed: ending one's own session here would lock the page half-way; nor,
 * for a manager, the admins.
 */
export function StaffSessions() {
  const { t, lang } = useManageI18n();
  const { db } = useServices();
  const { api, enrolment, me, isAdmin } = useManage();
  const hallId = enrolment.hall.id;
  const people = useLiveQuery(
    async () =>
      (await activeStaffOf(db, hallId))
        // Only an admin may sign an admin out (the server refuses a manager too).
        .filter((s) => s.id !== me.id && (isAdmin || s.role !== 'admin'))
        .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
    [db, hallId, me.id, isAdmin],
  );
  const [asking, setAsking] = useState<StaffMember | null>(null);
  const [busy, setBusy] = useState(false);
  const notice = useNotice();
  const [problem, setProblem] = useState<Problem | null>(null);

  const end = async (person: StaffMember) => {
    setBusy(true);
    setProblem(null);
    notice.say(null);
    try {
      const answer = await api.endSessions(person.id);
      notice.say((i18n) => i18n.t('manage.people.ended', { name: personName(person, i18n.lang), count: answer.revoked }));
    } catch (cause) {
      setProblem(problemOf(cause));
    } finally {
      setBusy(false);
      setAsking(null);
    }
  };

  return (
    <>
      <h2 id="people-title">{t('manage.people.title')}</h2>
      <p class="muted">{t('manage.people.intro')}</p>
      {notice.text && (
        <p class="msg msg-info" role="status" data-testid="people-notice">
          {notice.text}
        </p>
      )}
      {problem && <ProblemNote problem={problem} testId="people-problem" />}
      {asking && (
        <ConfirmDanger
          id="end-sessions"
          question={t('manage.people.question', { name: personName(asking, lang) })}
          yes={t('manage.people.yes')}
          no={t('manage.people.no')}
          busy={busy}
          onConfirm={() => void end(asking)}
          onCancel={() => setAsking(null)}
        />
      )}
      {people && people.length > 0 && (
        <ScrollRegion class="m-table-wrap">
          <table class="m-table" data-testid="people-table">
            <thead>
              <tr>
                <th scope="col">{t('manage.people.name')}</th>
                <th scope="col">{t('manage.people.role')}</th>
                <th scope="col">
                  <span class="visually-hidden">{t('manage.people.end')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {people.map((p) => (
                <tr key={p.id} data-testid={`person-row-${p.id}`}>
                  <td class="m-name">{personName(p, lang)}</td>
                  <td>{t(`role.${p.role}`)}</td>
                  <td>
                    <button type="button" class="btn btn-secondary" data-testid={`end-sessions-${p.id}`} disabled={busy} onClick={() => setAsking(p)}>
                      {t('manage.people.end')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </>
  );
}
