import { useEffect, useState } from 'preact/hooks';
import type { AuditEntry, CampaignListResponse } from '../../../../shared/schemas/manage.ts';
import { pick } from '../../../i18n/index.ts';
import { useManageI18n } from '../../../i18n/manage/index.ts';
import { formatDateTime } from '../../../manage/format.ts';
import { type Problem, problemOf } from '../../../manage/problems.ts';
import { ProblemNote } from '../common/ProblemNote.tsx';
import { timeZoneOf } from '../common/useHalls.ts';
import { useLoad } from '../common/useLoad.ts';
import { useManage } from '../ManageContext.tsx';
import { AccessAudit } from './AccessAudit.tsx';
import { auditSummary } from './auditSummary.ts';
import { ScrollRegion } from '../../common/ScrollRegion.tsx';

export const AUDIT_PAGE_SIZE = 50;

/**
 * Who did what: to which campaign (admins only), newest first, older pages on request (`before`);
 * and to halls, people, devices and codes (a manager: their own hall).
 */
export function AuditPage() {
  const { t } = useManageI18n();
  const { isAdmin } = useManage();
  return (
    <section class="m-page m-audit-page" aria-labelledby="audit-title" data-testid="audit">
      <div class="m-page-head">
        <h1 id="audit-title">{t('manage.audit.title')}</h1>
      </div>
      {isAdmin ? (
        <AuditLog />
      ) : (
        <p class="muted" data-testid="audit-admins-only">
          {t('manage.audit.adminsOnly')}
        </p>
      )}
      <AccessAudit />
    </section>
  );
}

function AuditLog() {
  const { t, lang } = useManageI18n();
  const { api, enrolment, rememberHalls } = useManage();
  // The campaign list names the campaigns and halls the entries point at.
  const list = useLoad<CampaignListResponse>(() => api.list(), [api]);
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [more, setMore] = useState(true);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  const page = async (before: string | null) => {
    setBusy(true);
    setProblem(null);
    try {
      const answer = await api.audit(before, AUDIT_PAGE_SIZE);
      setEntries((e) => (before === null ? answer.entries : [...e, ...answer.entries.filter((x) => !e.some((y) => y.id === x.id))]));
      setMore(answer.entries.length === AUDIT_PAGE_SIZE);
    } catch (cause) {
      setProblem(problemOf(cause));
    } finally {
      setBusy(false);
    }
  };
  useEffect(() => {
    void page(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api]);
  useEffect(() => {
    if (list.data) rememberHalls(list.data.halls);
  }, [list.data, rememberHalls]);

  const halls = list.data?.halls ?? null;
  const titleOf = (id: string) => {
    const c = list.data?.campaigns.find((x) => x.id === id);
    return c ? pick(c.campaign.title, lang) : id;
  };
  const last = entries.at(-1);

  return (
    <section class="m-campaign-audit" aria-labelledby="campaign-audit-title" data-testid="campaign-audit">
      <h2 id="campaign-audit-title">{t('manage.audit.campaigns')}</h2>
      {problem && <ProblemNote problem={problem} onRetry={() => void page(last?.at ?? null)} />}
      {entries.length === 0 && !busy && !problem && <p class="muted">{t('manage.audit.none')}</p>}
      {entries.length > 0 && (
        <ScrollRegion class="m-table-wrap">
          <table class="m-table" data-testid="audit-table">
            <thead>
              <tr>
                <th scope="col">{t('manage.audit.when')}</th>
                <th scope="col">{t('manage.audit.who')}</th>
                <th scope="col">{t('manage.audit.action')}</th>
                <th scope="col">{t('manage.audit.campaign')}</th>
                <th scope="col">{t('manage.audit.summary')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => {
                const timeZone = timeZoneOf(e.hallIds, halls, enrolment.hall.timeZone);
                return (
                  <tr key={e.id} data-testid={`audit-row-${e.id}`} data-action={e.action}>
                    <td>{formatDateTime(e.at, lang, timeZone)}</td>
                    <td>
                      {e.actor.name} <span class="muted">({t(`role.${e.actor.role}`)})</span>
                    </td>
                    <td>{t(`manage.audit.action.${e.action}`)}</td>
                    <td>
                      <a href={`/manage/campaigns/${e.campaignId}/history`} class="text">
                        {titleOf(e.campaignId)}
                      </a>
                    </td>
                    <td class="text">{auditSummary(e, t, lang, timeZone)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {busy && <p class="loading">{t('app.loading')}</p>}
      {more && last && !busy && (
        <button type="button" class="btn btn-secondary" data-testid="audit-more" onClick={() => void page(last.at)}>
          {t('manage.audit.more')}
        </button>
      )}
    </section>
  );
}
