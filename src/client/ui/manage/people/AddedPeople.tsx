import { passwordLink } from '../../../../shared/links.ts';
import type { PersonResponse } from '../../../../shared/schemas/people.ts';
import { personName } from '../../../i18n/index.ts';
import { useManageI18n } from '../../../i18n/manage/index.ts';
import { formatDateTime } from '../../../manage/format.ts';
import { ScrollRegion } from '../../common/ScrollRegion.tsx';

/**
 * The people a roster import added, each with their one-time PIN or set-password code: shown this
 * once, so it is laid out to be printed and cut into slips.
 */
export function AddedPeople({ added, hallName, timeZone }: { added: readonly PersonResponse[]; hallName: string; timeZone: string }) {
  const { t, lang } = useManageI18n();
  return (
    <section class="card m-printable" aria-labelledby="added-title" data-testid="roster-added">
      <div class="m-section-head">
        <h2 id="added-title">{t('manage.roster.addedTitle', { count: added.length, hall: hallName })}</h2>
        <button type="button" class="btn btn-secondary m-no-print" data-testid="roster-print" onClick={() => window.print()}>
          {t('manage.roster.print')}
        </button>
      </div>
      <p>{t('manage.roster.addedNote')}</p>
      <ScrollRegion class="m-table-wrap">
        <table class="m-table">
          <thead>
            <tr>
              <th scope="col">{t('manage.staff.name')}</th>
              <th scope="col">{t('manage.staff.staffNo')}</th>
              <th scope="col">{t('manage.staff.role')}</th>
              <th scope="col">{t('manage.roster.secret')}</th>
            </tr>
          </thead>
          <tbody>
            {added.map(({ person, pin, passwordCode }) => (
              <tr key={person.id} data-testid={`roster-added-${person.id}`}>
                <td class="m-name">{personName(person, lang)}</td>
                <td>{person.staffNo ?? ''}</td>
                <td>{t(`role.${person.role}`)}</td>
                <td>
                  {pin !== null && (
                    <span class="m-slip-value" data-testid="roster-added-pin">
                      {t('manage.roster.pin', { pin })}
                    </span>
                  )}
                  {passwordCode !== null && (
                    <>
                      <span class="m-slip-value" data-testid="roster-added-code">
                        {t('manage.roster.code', { code: passwordCode.code })}
                      </span>
                      <div class="muted m-break">{passwordLink(location.origin, passwordCode.code)}</div>
                      <div class="muted">{t('manage.secret.expires', { time: formatDateTime(passwordCode.expiresAt, lang, timeZone) })}</div>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
