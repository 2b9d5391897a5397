import { FOCUS_LIMIT, type FocusWarning } from '../../../../shared/schemas/manage.ts';
import type { Hall } from '../../../../shared/schemas/reference.ts';
import { pick } from '../../../i18n/index.ts';
import { useManageI18n } from '../../../i18n/manage/index.ts';

/** More than FOCUS_LIMIT focus campaigns in a hall: staff cannot push them all, so it is said loudly. */
export function FocusWarnings({ warnings, halls }: { warnings: readonly FocusWarning[]; halls: readonly Hall[] | null }) {
  const { t, lang } = useManageI18n();
  if (warnings.length === 0) return null;
  const hallName = (id: string) => {
    const hall = halls?.find((h) => h.id === id);
    return hall ? pick(hall.name, lang) : id;
  };
  return (
    <div class="banner banner-warn m-focus-warnings" role="alert" data-testid="focus-warnings">
      <div>
        <p>{t('manage.focus.title', { limit: FOCUS_LIMIT })}</p>
        <ul>
          {warnings.map((w) => (
            <li key={w.hallId} data-testid={`focus-warning-${w.hallId}`}>
              {t('manage.focus.hall', { hall: hallName(w.hallId), count: w.count, limit: FOCUS_LIMIT })}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
