import { useManageI18n } from '../../../i18n/manage/index.ts';

export function NotFoundPage() {
  const { t } = useManageI18n();
  return (
    <section class="m-page">
      <div class="m-page-head">
        <h1 data-testid="manage-not-found">{t('manage.notFound')}</h1>
      </div>
      <a class="btn btn-secondary" href="/manage">
        {t('manage.nav.campaigns')}
      </a>
    </section>
  );
}
