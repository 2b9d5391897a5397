import { useEffect, useState } from 'preact/hooks';
import type { CampaignListResponse, ManagedCampaign } from '../../../../shared/schemas/manage.ts';
import { pick } from '../../../i18n/index.ts';
import { useManageI18n } from '../../../i18n/manage/index.ts';
import { type Problem, problemOf } from '../../../manage/problems.ts';
import { ConfirmDanger } from '../common/ConfirmDanger.tsx';
import { FocusWarnings } from '../common/FocusWarnings.tsx';
import { ProblemNote } from '../common/ProblemNote.tsx';
import { useLoad } from '../common/useLoad.ts';
import { useManage } from '../ManageContext.tsx';
import { CampaignRow } from './CampaignRow.tsx';
import { exportCampaigns } from './exportCampaigns.ts';
import { ImportPanel } from './ImportPanel.tsx';

type Notice = { kind: 'duplicated'; item: ManagedCampaign } | { kind: 'retired'; item: ManagedCampaign } | { kind: 'exported'; count: number };

const byEdited = (a: ManagedCampaign, b: ManagedCampaign) =>
  Number(a.status === 'retired') - Number(b.status === 'retired') || (b.editedAt ?? '').localeCompare(a.editedAt ?? '');

/** Every campaign this person can see, with its state, and the list's actions (new, import, export, duplicate, retire). */
export function CampaignListPage() {
  const { t, lang } = useManageI18n();
  const { api, enrolment, rememberHalls } = useManage();
  const list = useLoad<CampaignListResponse>(() => api.list(), [api]);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [retiring, setRetiring] = useState<ManagedCampaign | null>(null);
  const [importing, setImporting] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const data = list.data;
  const timeZone = enrolment.hall.timeZone;

  useEffect(() => {
    if (data) rememberHalls(data.halls);
  }, [data, rememberHalls]);

  const act = async (work: () => Promise<Notice | null>) => {
    setBusy(true);
    setProblem(null);
    setNotice(null);
    try {
      setNotice(await work());
    } catch (cause) {
      setProblem(problemOf(cause));
    } finally {
      setBusy(false);
    }
  };
  const duplicate = (item: ManagedCampaign) =>
    act(async () => {
      const answer = await api.duplicate(item.id, item.editVersion);
      list.reload();
      return { kind: 'duplicated', item: answer.campaign };
    });
  const retire = (item: ManagedCampaign) =>
    act(async () => {
      try {
        const answer = await api.retire(item.id, item.editVersion);
        return { kind: 'retired', item: answer.campaign };
      } finally {
        setRetiring(null);
        list.reload();
      }
    });
  const exportSome = (ids: readonly string[] | undefined) =>
    act(async () => ({ kind: 'exported', count: await exportCampaigns(api, ids, timeZone) }));
  const select = (id: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const campaigns = data ? [...data.campaigns].sort(byEdited) : [];
  const chosen = campaigns.filter((c) => selected.has(c.id)).map((c) => c.id);

  return (
    <section class="m-page m-list-page" aria-labelledby="list-title">
      <div class="m-page-head">
        <h1 id="list-title">{t('manage.list.title')}</h1>
        <div class="actions m-toolbar">
          <a class="btn btn-primary" href="/manage/campaigns/new" data-testid="manage-new">
            {t('manage.list.new')}
          </a>
          <button type="button" class="btn btn-secondary" data-testid="manage-import" aria-expanded={importing} onClick={() => setImporting((v) => !v)}>
            {t('manage.list.import')}
          </button>
          <button type="button" class="btn btn-secondary" data-testid="manage-export-selected" disabled={busy || chosen.length === 0} onClick={() => void exportSome(chosen)}>
            {t('manage.list.exportSelected', { count: chosen.length })}
          </button>
          <button type="button" class="btn btn-secondary" data-testid="manage-export-all" disabled={busy || campaigns.length === 0} onClick={() => void exportSome(undefined)}>
            {t('manage.list.exportAll')}
          </button>
        </div>
      </div>
      {data && <FocusWarnings warnings={data.focusWarnings} halls={data.halls} />}
      {importing && data && (
        <ImportPanel halls={data.halls} onImported={() => list.reload()} onClose={() => setImporting(false)} />
      )}
      {notice && (
        <p class="msg msg-info" role="status" data-testid="manage-notice">
          {notice.kind === 'exported'
            ? t('manage.list.exported', { count: notice.count })
            : t(notice.kind === 'duplicated' ? 'manage.list.duplicated' : 'manage.list.retired', { title: pick(notice.item.campaign.title, lang) })}
          {notice.kind === 'duplicated' && (
            <>
              {' '}
              <a href={`/manage/campaigns/${notice.item.id}`} data-testid="manage-open-duplicate">
                {t('manage.list.openCopy')}
              </a>
            </>
          )}
        </p>
      )}
      {problem && <ProblemNote problem={problem} />}
      {retiring && (
        // Retiring takes a campaign off every tablet at the next sync.
        <ConfirmDanger
          id="retire"
          question={t('manage.retire.question', { title: pick(retiring.campaign.title, lang) })}
          yes={t('manage.retire.yes')}
          no={t('manage.retire.no')}
          busy={busy}
          onConfirm={() => void retire(retiring)}
          onCancel={() => setRetiring(null)}
        />
      )}
      {list.problem && <ProblemNote problem={list.problem} onRetry={list.reload} />}
      {!data && !list.problem && <p class="loading">{t('app.loading')}</p>}
      {data && campaigns.length === 0 && <p class="muted">{t('manage.list.empty')}</p>}
      {data && campaigns.length > 0 && (
        <ul class="m-rows" data-testid="manage-rows">
          {campaigns.map((item) => (
            <CampaignRow
              key={item.id}
              item={item}
              halls={data.halls}
              timeZone={timeZone}
              selected={selected.has(item.id)}
              busy={busy}
              onSelect={(on) => select(item.id, on)}
              onDuplicate={() => void duplicate(item)}
              onRetire={() => setRetiring(item)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
