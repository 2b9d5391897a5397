import { useLocation } from 'preact-iso/router';
import { personName, pick } from '../../../i18n/index.ts';
import { useReportsI18n } from '../../../i18n/reports/index.ts';
import { DemoMark } from '../../common/DemoMark.tsx';
import { LangSwitch } from '../../common/LangSwitch.tsx';
import { useReports } from '../ReportsContext.tsx';

/** Top of every reports page: the two pages, who is signed in, and the ways back. */
export function ReportsHeader() {
  const { t, lang } = useReportsI18n();
  const { me, enrolment, scope } = useReports();
  const { path } = useLocation();
  const onDaily = path === '/reports/daily' || path.startsWith('/reports/daily/');
  return (
    <header class="r-head">
      <span class="brand">{t('reports.title')}</span>
      <DemoMark demo={enrolment.demo} />
      <nav class="r-nav" aria-label={t('reports.nav')}>
        <a href="/reports" data-testid="reports-nav-today" aria-current={onDaily ? undefined : 'page'}>
          {t('reports.nav.today')}
        </a>
        <a href="/reports/daily" data-testid="reports-nav-daily" aria-current={onDaily ? 'page' : undefined}>
          {t('reports.nav.daily')}
        </a>
      </nav>
      <span class="r-who muted" data-testid="reports-who">
        {me ? `${personName(me, lang)} · ${t(`role.${me.role}`)} · ` : ''}
        {pick(enrolment.hall.name, lang)}
      </span>
      <LangSwitch />
      {scope !== 'own' && (
        <a class="btn btn-secondary" href="/manage" data-testid="reports-to-manage">
          {t('reports.toManage')}
        </a>
      )}
      <a class="btn btn-secondary" href="/" data-testid="reports-to-counter">
        {t('reports.toCounter')}
      </a>
    </header>
  );
}
