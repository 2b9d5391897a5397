import { useReportsI18n } from '../../../i18n/reports/index.ts';

export function ReportsNotFound() {
  const { t } = useReportsI18n();
  return (
    <section class="r-page">
      <p class="msg msg-info" data-testid="reports-not-found">
        {t('reports.notFound')}
      </p>
    </section>
  );
}
