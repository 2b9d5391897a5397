import { useManageI18n } from '../../../i18n/manage/index.ts';

export function NotFoundPage() {
  const { t } = useManageI18n();
  return (
    <section class="m-page">
      <p class="msg msg-error" role="alert">
        {t('manage.notFound')}
      </p>
      <a class="btn btn-secondary" href="/manage">
        {t('manage.nav.campaigns')}
      </a>
    </section>
  );
}
