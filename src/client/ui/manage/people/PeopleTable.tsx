import type { PersonAdmin } from '../../../../shared/schemas/people.ts';
import { personName } from '../../../i18n/index.ts';
import { useManageI18n } from '../../../i18n/manage/index.ts';
import { personStates, stateText } from './personState.ts';
import { ScrollRegion } from '../../common/ScrollRegion.tsx';

interface Props {
  people: readonly PersonAdmin[];
  selectedId: string | null;
  when: (instant: string) => string;
  onOpen: (person: PersonAdmin) => void;
}

/**
 * One row per person: names, staff number, role and where their sign-in stands. The name is the
 * button that opens the person, so the way in stays on screen however narrow the table gets.
 */
export function PeopleTable({ people, selectedId, when, onOpen }: Props) {
  const { t, lang } = useManageI18n();
  const now = new Date();
  return (
    <ScrollRegion class="m-table-wrap">
      <table class="m-table m-people-table" data-testid="staff-table">
        <thead>
          <tr>
            <th scope="col">{t('manage.staff.name')}</th>
            <th scope="col">{t('manage.staff.staffNo')}</th>
            <th scope="col">{t('manage.staff.role')}</th>
            <th scope="col">{t('manage.staff.state')}</th>
          </tr>
        </thead>
        <tbody>
          {people.map((p) => {
            const states = personStates(p, now);
            const shown = personName(p, lang);
            // The other form of the name underneath, when the person has both.
            const other = p.nameEn ? (shown === p.name ? p.nameEn : p.name) : null;
            return (
              <tr key={p.id} data-testid={`staff-row-${p.id}`} data-active={String(p.active)} aria-current={p.id === selectedId || undefined}>
                <td>
                  <button type="button" class="m-name-button" data-testid={`staff-open-${p.id}`} onClick={() => onOpen(p)}>
                    <span class="m-name">{shown}</span>
                    {other && <span class="m-name muted">{other}</span>}
                    <span class="visually-hidden">{t('manage.staff.open')}</span>
                  </button>
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
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
