import { useReportsI18n } from '../../../i18n/reports/index.ts';
import { LangSwitch } from '../../common/LangSwitch.tsx';

/** Not enrolled, or nobody signed in: the way to the counter, where both are done. */
export function ReportsGate({ reason }: { reason: 'not_enrolled' | 'signed_out' }) {
  const { t } = useReportsI18n();
  return (
    <main class="r-gate screen-centre">
      <div class="r-gate-top">
        {/* The screen's one heading: the pages it stands in front of. */}
        <h1 class="brand">{t('reports.title')}</h1>
        <LangSwitch />
      </div>
      <div class="card r-gate-card" role="alert" data-testid="reports-gate" data-reason={reason}>
        <p class="lead">{t(`reports.gate.${reason}`)}</p>
        <a class="btn btn-primary" href="/" data-testid="reports-gate-back">
          {t('reports.gate.toCounter')}
        </a>
      </div>
    </main>
  );
}
