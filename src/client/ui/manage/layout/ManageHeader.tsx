import { useLocation } from 'preact-iso/router';
import { personName, pick } from '../../../i18n/index.ts';
import { useManageI18n } from '../../../i18n/manage/index.ts';
import { DemoMark } from '../../common/DemoMark.tsx';
import { LangSwitch } from '../../common/LangSwitch.tsx';
import { useManage } from '../ManageContext.tsx';

/** Top of every manager page: where you are, who is signed in, and the way back to the counter. */
export function ManageHeader() {
  const { t, lang } = useManageI18n();
  const { me, enrolment, isAdmin } = useManage();
  const { path } = useLocation();
  const current = (href: string, exact = false) => (exact ? path === href : path === href || path.startsWith(href + '/'));
  const onList = current('/manage', true) || current('/manage/campaigns');
  return (
    <header class="manage-head">
      <span class="brand">{t('manage.title')}</span>
      <DemoMark demo={enrolment.demo} />
      <nav class="manage-nav" aria-label={t('manage.nav')}>
        <a href="/manage" data-testid="manage-nav-campaigns" aria-current={onList ? 'page' : undefined}>
          {t('manage.nav.campaigns')}
        </a>
        <a href="/manage/people" data-testid="manage-nav-people" aria-current={current('/manage/people') ? 'page' : undefined}>
          {t('manage.nav.people')}
        </a>
        {isAdmin && (
          <a href="/manage/halls" data-testid="manage-nav-halls" aria-current={current('/manage/halls') ? 'page' : undefined}>
            {t('manage.nav.halls')}
          </a>
        )}
        <a href="/manage/devices" data-testid="manage-nav-devices" aria-current={current('/manage/devices') ? 'page' : undefined}>
          {t('manage.nav.devices')}
        </a>
        <a href="/reports" data-testid="manage-nav-reports">
          {t('status.reports')}
        </a>
        <a href="/manage/audit" data-testid="manage-nav-audit" aria-current={current('/manage/audit') ? 'page' : undefined}>
          {t('manage.nav.audit')}
        </a>
      </nav>
      <span class="manage-who muted">
        {personName(me, lang)} · {t(`role.${me.role}`)} · {pick(enrolment.hall.name, lang)}
      </span>
      <LangSwitch />
      <a class="btn btn-secondary" href="/" data-testid="manage-back-counter">
        {t('manage.backToCounter')}
      </a>
    </header>
  );
}
