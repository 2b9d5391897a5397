import type { PersonAdmin } from '../../../../shared/schemas/people.ts';
import { personName } from '../../../i18n/index.ts';
import { useManageI18n } from '../../../i18n/manage/index.ts';
import { personStates, stateText } from './personState.ts';

interface Props {
  people: readonly PersonAdmin[];
  selectedId: string | null;
  when: (instant: string) => string;
  onOpen: (person: PersonAdmin) => void;
}

/** One row per person: names, staff number, role and where their sign-in stands. */
export function PeopleTable({ people, selectedId, when, onOpen }: Props) {
  const { t, lang } = useManageI18n();
  const now = new Date();
  return (
    <div class="m-table-wrap">
      <table class="m-table" data-testid="staff-table">
        <thead>
          <tr>
            <th scope="col">{t('manage.staff.name')}</th>
            <th scope="col">{t('manage.staff.staffNo')}</th>
            <th scope="col">{t('manage.staff.role')}</th>
            <th scope="col">{t('manage.staff.state')}</th>
            <th scope="col">
              <span class="visually-hidden">{t('manage.staff.open')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {people.map((p) => {
            const states = personStates(p, now);
            return (
              <tr key={p.id} data-testid={`staff-row-${p.id}`} data-active={String(p.active)} aria-current={p.id === selectedId || undefined}>
                <td class="text">
                  {personName(p, lang)}
                  {lang === 'en' && p.nameEn && <div class="muted">{p.name}</div>}
                  {lang !== 'en' && p.nameEn && <div class="muted">{p.nameEn}</div>}
                </td>
                <td>{p.staffNo ?? ''}</td>
                <td>{t(`role.${p.role}`)}</td>
                <td data-testid="staff-state" data-states={states.join(' ')}>
                  {states.map((s) => (
                    <span key={s} class={s === 'active' ? 'badge badge-live' : s === 'inactive' ? 'badge' : 'badge badge-focus'}>
                      {stateText(s, p, t, when)}
                    </span>
                  ))}
                </td>
                <td>
                  <button type="button" class="btn btn-secondary" data-testid={`staff-open-${p.id}`} onClick={() => onOpen(p)}>
                    {t('manage.staff.open')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
