import { localDate } from '../../../shared/localDate.ts';
import { useServices } from '../../app/ServicesContext.tsx';
import { todayTallyOf } from '../../db/queries.ts';
import { formatNumber, formatPercent } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.ts';
import { useNow } from '../common/useNow.ts';
import { useLiveQuery } from '../../db/useLiveQuery.ts';

/** The signed-in person's counts for today, in the hall's time zone, from this tablet's records. */
export function TodayCounts({ staffId, timeZone }: { staffId: string; timeZone: string }) {
  const { db } = useServices();
  const { t, lang } = useI18n();
  const today = localDate(useNow(60_000), timeZone);
  const tally = useLiveQuery(() => todayTallyOf(db, staffId, timeZone, new Date()), [db, staffId, timeZone, today]);
  const n = (v: number | undefined) => formatNumber(v ?? 0, lang);
  return (
    <dl class="today">
      <div data-testid="today-visits" data-count={String(tally?.visits ?? 0)}>
        <dt>{t('status.todayVisits')}</dt>
        <dd>{n(tally?.visits)}</dd>
      </div>
      <div data-testid="today-rate">
        <dt>{t('status.todayRate')}</dt>
        <dd>{formatPercent(tally?.recommendationRate ?? null, lang)}</dd>
      </div>
      <div data-testid="today-accepted" data-count={String(tally?.accepted ?? 0)}>
        <dt>{t('status.todayAccepted')}</dt>
        <dd>{n(tally?.accepted)}</dd>
      </div>
      <div data-testid="today-vas" data-count={String(tally?.vasVisits ?? 0)}>
        <dt>{t('status.todayVas')}</dt>
        <dd>{n(tally?.vasVisits)}</dd>
      </div>
    </dl>
  );
}
