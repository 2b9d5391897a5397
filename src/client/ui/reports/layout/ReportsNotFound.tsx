import { useReportsI18n } from '../../../i18n/reports/index.ts';

export function ReportsNotFound() {
  const { t } = useReportsI18n();
  return (
    <section class="r-page">
      <div class="r-page-head">
        <h1 data-testid="reports-not-found">{t('reports.notFound')}</h1>
      </div>
    </section>
  );
}
