import { useState } from 'preact/hooks';
import type { HallAdmin, HallListResponse } from '../../../../shared/schemas/people.ts';
import { pick } from '../../../i18n/index.ts';
import { type ManageKey, useManageI18n } from '../../../i18n/manage/index.ts';
import { type Problem, problemOf } from '../../../manage/problems.ts';
import { ConfirmDanger } from '../common/ConfirmDanger.tsx';
import { ProblemNote } from '../common/ProblemNote.tsx';
import { useLoad } from '../common/useLoad.ts';
import { useNotice, type Wording } from '../common/useNotice.ts';
import { useManage } from '../ManageContext.tsx';
import { HallForm, type HallValues } from './HallForm.tsx';
import { ScrollRegion } from '../../common/ScrollRegion.tsx';

/** Admins only: the organisation's halls, with how many people and devices each has. */
export function HallsPage() {
  const { t } = useManageI18n();
  const { isAdmin } = useManage();
  if (!isAdmin) {
    return (
      <section class="m-page">
        <p class="msg msg-error" role="alert" data-testid="halls-admins-only">
          {t('manage.halls.adminsOnly')}
        </p>
      </section>
    );
  }
  return <HallList />;
}

type Editing = { kind: 'new' } | { kind: 'edit'; hall: HallAdmin } | null;

/** "Created 三里屯营业厅." with the hall's name in the language shown. */
const hallNotice =
  (key: ManageKey) =>
  (hall: HallAdmin): Wording =>
  ({ t, lang }) =>
    t(key, { name: pick(hall.name, lang) });

function HallList() {
  const { t, lang } = useManageI18n();
  const { api } = useManage();
  const halls = useLoad<HallListResponse>(() => api.halls(), [api]);
  const [editing, setEditing] = useState<Editing>(null);
  const [deactivating, setDeactivating] = useState<HallAdmin | null>(null);
  const [busy, setBusy] = useState(false);
  const notice = useNotice();
  const [problem, setProblem] = useState<Problem | null>(null);

  const run = async (send: () => Promise<{ hall: HallAdmin }>, said: (hall: HallAdmin) => Wording) => {
    setBusy(true);
    setProblem(null);
    notice.say(null);
    try {
      const answer = await send();
      setEditing(null);
      notice.say(said(answer.hall));
    } catch (cause) {
      setProblem(problemOf(cause));
    } finally {
      setBusy(false);
      setDeactivating(null);
      halls.reload();
    }
  };

  const save = (values: HallValues) => {
    if (editing?.kind === 'edit') {
      const id = editing.hall.id;
      void run(() => api.updateHall(id, { name: values.name, address: values.address }), hallNotice('manage.halls.saved'));
    } else {
      void run(() => api.createHall(values), hallNotice('manage.halls.created'));
    }
  };

  const list = halls.data?.halls ?? [];
  return (
    <section class="m-page m-halls-page" aria-labelledby="halls-title" data-testid="halls">
      <div class="m-page-head">
        <h1 id="halls-title">{t('manage.halls.title')}</h1>
        <button type="button" class="btn btn-primary" data-testid="halls-new" disabled={editing !== null} onClick={() => setEditing({ kind: 'new' })}>
          {t('manage.halls.new')}
        </button>
      </div>
      <p class="muted">{t('manage.halls.intro')}</p>
      {notice.text && (
        <p class="msg msg-info" role="status" data-testid="halls-notice">
          {notice.text}
        </p>
      )}
      {problem && <ProblemNote problem={problem} testId="halls-problem" />}
      {deactivating && (
        <ConfirmDanger
          id="hall-deactivate"
          question={t('manage.halls.deactivateQuestion', { name: pick(deactivating.name, lang) })}
          yes={t('manage.halls.deactivate')}
          no={t('manage.staff.cancel')}
          busy={busy}
          onConfirm={() => {
            const id = deactivating.id;
            void run(() => api.updateHall(id, { active: false }), hallNotice('manage.halls.deactivated'));
          }}
          onCancel={() => setDeactivating(null)}
        />
      )}
      {editing && (
        <HallForm
          key={editing.kind === 'edit' ? editing.hall.id : 'new'}
          idPrefix={editing.kind === 'edit' ? 'edit-hall' : 'new-hall'}
          hall={editing.kind === 'edit' ? editing.hall : null}
          title={editing.kind === 'edit' ? t('manage.halls.editTitle', { name: pick(editing.hall.name, lang) }) : t('manage.halls.newTitle')}
          submitLabel={editing.kind === 'edit' ? t('manage.staff.save') : t('manage.halls.create')}
          busy={busy}
          onSubmit={save}
          onCancel={() => setEditing(null)}
        />
      )}
      {halls.problem && <ProblemNote problem={halls.problem} onRetry={halls.reload} />}
      {!halls.data && !halls.problem && <p class="loading">{t('app.loading')}</p>}
      {halls.data && (
        <ScrollRegion class="m-table-wrap">
          <table class="m-table" data-testid="halls-table">
            <thead>
              <tr>
                <th scope="col">{t('manage.halls.name')}</th>
                <th scope="col">{t('manage.halls.state')}</th>
                <th scope="col">{t('manage.halls.people')}</th>
                <th scope="col">{t('manage.halls.devices')}</th>
                {/* Not in a narrow layout: shown under the name there, so each row's buttons stay on screen. */}
                <th scope="col" class="m-wide-only">
                  {t('manage.halls.timeZone')}
                </th>
                <th scope="col" class="m-wide-only">
                  {t('manage.halls.address')}
                </th>
                <th scope="col">
                  <span class="visually-hidden">{t('manage.halls.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((h) => (
                <tr key={h.id} data-testid={`hall-row-${h.id}`} data-active={String(h.active)}>
                  <td>
                    <div class="m-name">{h.name.zh}</div>
                    {h.name.en && <div class="m-name muted">{h.name.en}</div>}
                    <div class="m-narrow-only muted">
                      <div>{h.timeZone}</div>
                      {h.address && <div class="text">{h.address}</div>}
                    </div>
                  </td>
                  <td>
                    <span class={h.active ? 'badge badge-live' : 'badge'}>{t(h.active ? 'manage.halls.active' : 'manage.halls.inactive')}</span>
                  </td>
                  <td data-testid="hall-people">{h.people}</td>
                  <td data-testid="hall-devices">{h.devices}</td>
                  <td class="m-wide-only">{h.timeZone}</td>
                  <td class="m-wide-only text">{h.address ?? ''}</td>
                  <td>
                    <div class="actions m-row-buttons">
                      <button type="button" class="btn btn-secondary" data-testid={`hall-edit-${h.id}`} disabled={busy || editing !== null} onClick={() => setEditing({ kind: 'edit', hall: h })}>
                        {t('manage.halls.edit')}
                      </button>
                      {h.active ? (
                        <button type="button" class="btn btn-danger" data-testid={`hall-deactivate-${h.id}`} disabled={busy} onClick={() => setDeactivating(h)}>
                          {t('manage.halls.deactivate')}
                        </button>
                      ) : (
                        <button
                          type="button"
                          class="btn btn-secondary"
                          data-testid={`hall-reactivate-${h.id}`}
                          disabled={busy}
                          onClick={() => void run(() => api.updateHall(h.id, { active: true }), hallNotice('manage.halls.reactivated'))}
                        >
                          {t('manage.halls.reactivate')}
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
