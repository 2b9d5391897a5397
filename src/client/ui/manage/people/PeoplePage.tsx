import { useState } from 'preact/hooks';
import type { HallListResponse, PeopleListResponse, PersonAdmin, PersonResponse } from '../../../../shared/schemas/people.ts';
import type { StaffRole } from '../../../../shared/schemas/reference.ts';
import { personName, pick } from '../../../i18n/index.ts';
import { useManageI18n } from '../../../i18n/manage/index.ts';
import { formatDateTime } from '../../../manage/format.ts';
import { type Problem, problemOf } from '../../../manage/problems.ts';
import { ProblemNote } from '../common/ProblemNote.tsx';
import { useLoad } from '../common/useLoad.ts';
import { useNotice, type Wording } from '../common/useNotice.ts';
import { useManage } from '../ManageContext.tsx';
import { type NewSecret, OneTimeSecret } from './OneTimeSecret.tsx';
import { PeopleTable } from './PeopleTable.tsx';
import { PersonForm, type PersonValues } from './PersonForm.tsx';
import { PersonPanel } from './PersonPanel.tsx';
import { RosterImport } from './RosterImport.tsx';

const MANAGER_ROLES: readonly StaffRole[] = ['consultant', 'floor_marketer', 'manager'];
const ADMIN_ROLES: readonly StaffRole[] = [...MANAGER_ROLES, 'admin'];

/**
 * The hall's people (an admin picks the hall): who they are, where their sign-in stands, and
 * everything a manager does for them, one person at a time; adding people one by one or from
 * the hall's roster file.
 */
export function PeoplePage() {
  const { t, lang } = useManageI18n();
  const { api, enrolment, isAdmin } = useManage();
  const [hallId, setHallId] = useState(enrolment.hall.id);
  const halls = useLoad<HallListResponse>(() => api.halls(), [api]);
  const people = useLoad<PeopleListResponse>(() => api.people(hallId), [api, hallId]);
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const [secret, setSecret] = useState<NewSecret | null>(null);
  const notice = useNotice();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  const allHalls = halls.data?.halls ?? [];
  const hall = allHalls.find((h) => h.id === hallId) ?? people.data?.halls.find((h) => h.id === hallId);
  const hallName = hall ? pick(hall.name, lang) : pick(enrolment.hall.name, lang);
  const timeZone = hall?.timeZone ?? enrolment.hall.timeZone;
  const when = (instant: string) => formatDateTime(instant, lang, timeZone);
  const roles = isAdmin ? ADMIN_ROLES : MANAGER_ROLES;
  const list = people.data?.people ?? [];
  const open = list.find((p) => p.id === openId) ?? null;

  const changed = (answer: PersonResponse | null, said: Wording) => {
    notice.say(said);
    setProblem(null);
    // Shown once: a new PIN or code is never read back from the server.
    if (answer && (answer.pin !== null || answer.passwordCode !== null)) {
      setSecret({ person: answer.person, pin: answer.pin, passwordCode: answer.passwordCode });
    }
    if (answer && answer.person.hallId !== hallId) setOpenId(null);
    people.reload();
    halls.reload();
  };

  const create = async (values: PersonValues) => {
    setBusy(true);
    setProblem(null);
    try {
      const answer = await api.createPerson({ hallId, ...values });
      setAdding(false);
      setOpenId(answer.person.id);
      changed(answer, (i18n) => i18n.t('manage.staff.added', { name: personName(values, i18n.lang) }));
    } catch (cause) {
      setProblem(problemOf(cause));
    } finally {
      setBusy(false);
    }
  };

  const chooseHall = (id: string) => {
    setHallId(id);
    setOpenId(null);
    setAdding(false);
    setImporting(false);
    notice.say(null);
  };

  return (
    <section class={secret || importing ? 'm-page m-people-page m-page-printing' : 'm-page m-people-page'} aria-labelledby="staff-title" data-testid="staff-page">
      <div class="m-page-head m-no-print">
        <h1 id="staff-title">{t('manage.staff.title')}</h1>
        {isAdmin && allHalls.length > 0 && (
          <label class="m-field m-hall-choice">
            <span class="m-label">{t('manage.staff.hall')}</span>
            <select data-testid="staff-hall" value={hallId} onChange={(e) => chooseHall(e.currentTarget.value)}>
              {allHalls.map((h) => (
                <option key={h.id} value={h.id}>
                  {h.active ? pick(h.name, lang) : t('manage.halls.inactiveName', { name: pick(h.name, lang) })}
                </option>
              ))}
            </select>
          </label>
        )}
        <div class="actions">
          <button type="button" class="btn btn-primary" data-testid="staff-add" disabled={adding} onClick={() => setAdding(true)}>
            {t('manage.staff.add')}
          </button>
          <button type="button" class="btn btn-secondary" data-testid="staff-import" aria-expanded={importing} onClick={() => setImporting(!importing)}>
            {t('manage.staff.importRoster')}
          </button>
        </div>
      </div>
      <p class="muted m-no-print">{t('manage.staff.intro', { hall: hallName })}</p>
      {secret && <OneTimeSecret secret={secret} timeZone={timeZone} onDone={() => setSecret(null)} />}
      {notice.text && (
        <p class="msg msg-info m-no-print" role="status" data-testid="staff-notice">
          {notice.text}
        </p>
      )}
      {problem && <ProblemNote problem={problem} testId="staff-problem" />}
      {adding && (
        <PersonForm
          idPrefix="add-person"
          initial={{ name: '', nameEn: null, staffNo: null, role: 'consultant' }}
          roles={roles}
          title={t('manage.staff.addTitle', { hall: hallName })}
          submitLabel={t('manage.staff.addSubmit')}
          busy={busy}
          onSubmit={(values) => void create(values)}
          onCancel={() => setAdding(false)}
        />
      )}
      {importing && <RosterImport key={hallId} hallId={hallId} hallName={hallName} timeZone={timeZone} onImported={() => people.reload()} />}
      {open && (
        <PersonPanel
          key={open.id}
          person={open}
          moveTargets={allHalls.filter((h) => h.active && h.id !== open.hallId)}
          roles={roles}
          onChanged={changed}
          onClose={() => setOpenId(null)}
        />
      )}
      {people.problem && <ProblemNote problem={people.problem} onRetry={people.reload} />}
      {!people.data && !people.problem && <p class="loading">{t('app.loading')}</p>}
      {people.data && list.length === 0 && <p class="muted">{t('manage.staff.none')}</p>}
      {people.data && list.length > 0 && (
        <div class="m-no-print">
          <PeopleTable people={sortPeople(list)} selectedId={openId} when={when} onOpen={(p: PersonAdmin) => setOpenId(p.id)} />
        </div>
      )}
    </section>
  );
}

/** Active people first, then by name as the hall writes it (pinyin order). */
function sortPeople(people: readonly PersonAdmin[]): PersonAdmin[] {
  return [...people].sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name, 'zh-CN'));
}
