import { useState } from 'preact/hooks';
import { credentialOf } from '../../../../shared/credential.ts';
import type { HallAdmin, PersonAdmin, PersonResponse, PersonUpdateRequest } from '../../../../shared/schemas/people.ts';
import type { StaffRole } from '../../../../shared/schemas/reference.ts';
import { type Params, personName, pick } from '../../../i18n/index.ts';
import { type ManageKey, useManageI18n } from '../../../i18n/manage/index.ts';
import { type Problem, problemOf } from '../../../manage/problems.ts';
import type { Lang } from '../../../state/langStore.ts';
import { ConfirmDanger } from '../common/ConfirmDanger.tsx';
import { ProblemNote } from '../common/ProblemNote.tsx';
import type { Wording } from '../common/useNotice.ts';
import { useManage } from '../ManageContext.tsx';
import { isLocked } from './personState.ts';
import { PersonForm, type PersonValues } from './PersonForm.tsx';

interface Props {
  person: PersonAdmin;
  /** Halls this person may be moved to (active, not their own). */
  moveTargets: readonly HallAdmin[];
  roles: readonly StaffRole[];
  /** A change went through: the answer (with any one-time PIN or code) and what to say. */
  onChanged: (answer: PersonResponse | null, notice: Wording) => void;
  onClose: () => void;
}

type Asking = 'secret' | 'deactivate' | 'sessions' | null;

/** Everything a manager does for one person: a new PIN or code, names and role, hall, unlock, sign-out, (de)activation. */
export function PersonPanel({ person, moveTargets, roles, onChanged, onClose }: Props) {
  const { t, lang } = useManageI18n();
  const { api, me, isAdmin } = useManage();
  const [editing, setEditing] = useState(false);
  const [asking, setAsking] = useState<Asking>(null);
  const [moveTo, setMoveTo] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const name = personName(person, lang);
  const usesPassword = credentialOf(person.role) === 'password';
  /** A notice naming this person (and maybe a hall) in whichever language is shown when it is read. */
  const about =
    (key: ManageKey, more: (lang: Lang) => Params = () => ({})): Wording =>
    (i18n) =>
      i18n.t(key, { name: personName(person, i18n.lang), ...more(i18n.lang) });

  const run = async (send: () => Promise<PersonResponse | { revoked: number }>, notice: (answer: PersonResponse | { revoked: number }) => Wording) => {
    setBusy(true);
    setProblem(null);
    try {
      const answer = await send();
      setAsking(null);
      setEditing(false);
      onChanged('person' in answer ? answer : null, notice(answer));
    } catch (cause) {
      setProblem(problemOf(cause));
    } finally {
      setBusy(false);
    }
  };

  const save = (values: PersonValues) => {
    const change: PersonUpdateRequest = {
      ...(values.name !== person.name ? { name: values.name } : {}),
      ...(values.nameEn !== person.nameEn ? { nameEn: values.nameEn } : {}),
      ...(values.staffNo !== person.staffNo ? { staffNo: values.staffNo } : {}),
      ...(values.role !== person.role ? { role: values.role } : {}),
    };
    if (Object.keys(change).length === 0) {
      setEditing(false);
      return;
    }
    void run(
      () => api.updatePerson(person.id, change),
      () => (i18n) => i18n.t('manage.staff.saved', { name: personName(values, i18n.lang) }),
    );
  };

  // Without a secret yet there is nothing to replace, so nothing to ask first.
  const issueSecret = () =>
    void run(() => (usesPassword ? api.passwordCode(person.id) : api.resetPin(person.id)), () => about('manage.staff.secretIssued'));

  const self = person.id === me.id;
  const untouchable = person.role === 'admin' && !isAdmin;
  return (
    <section class="card m-person-panel" aria-labelledby="person-panel-title" data-testid={`person-panel-${person.id}`}>
      <div class="m-section-head">
        <h2 id="person-panel-title">{name}</h2>
        <button type="button" class="btn btn-quiet" data-testid="person-panel-close" onClick={onClose}>
          {t('manage.close')}
        </button>
      </div>
      {problem && <ProblemNote problem={problem} testId="person-problem" />}
      {self && <p class="muted">{t('manage.staff.self')}</p>}
      {untouchable && <p class="muted">{t('manage.staff.adminOnly')}</p>}
      {asking === 'secret' && (
        <ConfirmDanger
          id="person-secret"
          question={t(usesPassword ? 'manage.staff.codeQuestion' : 'manage.staff.pinQuestion', { name })}
          yes={t(usesPassword ? 'manage.staff.passwordCode' : 'manage.staff.resetPin')}
          no={t('manage.staff.cancel')}
          busy={busy}
          onConfirm={issueSecret}
          onCancel={() => setAsking(null)}
        />
      )}
      {asking === 'deactivate' && (
        <ConfirmDanger
          id="person-deactivate"
          question={t('manage.staff.deactivateQuestion', { name })}
          yes={t('manage.staff.deactivate')}
          no={t('manage.staff.cancel')}
          busy={busy}
          onConfirm={() => void run(() => api.deactivatePerson(person.id), () => about('manage.staff.deactivated'))}
          onCancel={() => setAsking(null)}
        />
      )}
      {asking === 'sessions' && (
        <ConfirmDanger
          id="person-sessions"
          question={t('manage.people.question', { name })}
          yes={t('manage.people.yes')}
          no={t('manage.people.no')}
          busy={busy}
          onConfirm={() =>
            void run(
              () => api.endSessions(person.id),
              (answer) => about('manage.people.ended', () => ({ count: 'revoked' in answer ? answer.revoked : 0 })),
            )
          }
          onCancel={() => setAsking(null)}
        />
      )}
      {!self && !untouchable && person.active && !editing && asking === null && (
        <div class="actions m-person-actions">
          <button type="button" class="btn btn-primary" id="person-secret" data-testid="person-secret" disabled={busy} onClick={() => (person.hasSecret ? setAsking('secret') : issueSecret())}>
            {usesPassword ? t('manage.staff.passwordCode') : person.hasSecret ? t('manage.staff.resetPin') : t('manage.staff.setPin')}
          </button>
          {isLocked(person, new Date()) && (
            <button type="button" class="btn btn-secondary" data-testid="person-unlock" disabled={busy} onClick={() => void run(() => api.unlockPerson(person.id), () => about('manage.staff.unlocked'))}>
              {t('manage.staff.unlock')}
            </button>
          )}
          <button type="button" class="btn btn-secondary" data-testid="person-edit" disabled={busy} onClick={() => setEditing(true)}>
            {t('manage.staff.edit')}
          </button>
          <button type="button" class="btn btn-secondary" id="person-sessions" data-testid="person-sessions" disabled={busy} onClick={() => setAsking('sessions')}>
            {t('manage.people.end')}
          </button>
          <button type="button" class="btn btn-danger" id="person-deactivate" data-testid="person-deactivate" disabled={busy} onClick={() => setAsking('deactivate')}>
            {t('manage.staff.deactivate')}
          </button>
        </div>
      )}
      {!self && !untouchable && !person.active && (
        <div class="actions">
          <button type="button" class="btn btn-primary" data-testid="person-reactivate" disabled={busy} onClick={() => void run(() => api.reactivatePerson(person.id), () => about('manage.staff.reactivated'))}>
            {t('manage.staff.reactivate')}
          </button>
        </div>
      )}
      {!self && !untouchable && person.active && !editing && asking === null && moveTargets.length > 0 && (
        <div class="m-move">
          <label class="m-field">
            <span class="m-label">{t('manage.staff.moveTo')}</span>
            <select data-testid="person-move-hall" value={moveTo} onChange={(e) => setMoveTo(e.currentTarget.value)}>
              <option value="">{t('manage.staff.chooseHall')}</option>
              {moveTargets.map((h) => (
                <option key={h.id} value={h.id}>
                  {pick(h.name, lang)}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            class="btn btn-secondary"
            data-testid="person-move"
            disabled={busy || moveTo === ''}
            onClick={() => {
              const hall = moveTargets.find((h) => h.id === moveTo);
              if (hall) void run(() => api.movePerson(person.id, hall.id), () => about('manage.staff.moved', (l) => ({ hall: pick(hall.name, l) })));
            }}
          >
            {t('manage.staff.move')}
          </button>
          <p class="muted">{t('manage.staff.moveNote')}</p>
        </div>
      )}
      {editing && (
        <PersonForm
          idPrefix="edit-person"
          initial={{ name: person.name, nameEn: person.nameEn, staffNo: person.staffNo, role: person.role }}
          roles={roles.includes(person.role) ? roles : [...roles, person.role]}
          title={t('manage.staff.editTitle', { name })}
          submitLabel={t('manage.staff.save')}
          busy={busy}
          onSubmit={save}
          onCancel={() => setEditing(false)}
        />
      )}
    </section>
  );
}
