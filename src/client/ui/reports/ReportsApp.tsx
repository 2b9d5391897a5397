import { useMemo, useState } from 'preact/hooks';
import { Route, Router } from 'preact-iso/router';
import { useServices } from '../../app/ServicesContext.tsx';
import { createReportsApi } from '../../reports/api.ts';
import { scopeOf } from '../../reports/filters.ts';
import { isSessionExpired } from '../../reports/problems.ts';
import { useReportsI18n } from '../../i18n/reports/index.ts';
import { useSignedInPerson } from '../hooks/useSignedInPerson.ts';
import { DailyPage } from './daily/DailyPage.tsx';
import { ReportsGate } from './layout/ReportsGate.tsx';
import { ReportsHeader } from './layout/ReportsHeader.tsx';
import { ReportsNotFound } from './layout/ReportsNotFound.tsx';
import { ReportsContext, type ReportsSession } from './ReportsContext.tsx';
import { TodayPage } from './today/TodayPage.tsx';
import '../../styles/reports.css';

/**
 * The reports pages (`/reports/…`), a chunk of their own: any signed-in person (a consultant sees
 * their own figures, the server narrows every request). Without a server session Today shows
 * this tablet's records and Daily says it needs one.
 */
export default function ReportsApp() {
  const { api } = useServices();
  const { t } = useReportsI18n();
  const input = useSignedInPerson();
  // The session the server called expired; a new sign-in brings a new token.
  const [expiredToken, setExpiredToken] = useState<string | null>(null);
  const enrolment = input?.enrolment;
  const signedIn = input?.signedIn;
  const sessionToken = signedIn?.sessionToken ?? null;
  const expired = sessionToken !== null && sessionToken === expiredToken;
  const deviceToken = enrolment?.deviceToken ?? null;
  const reportsApi = useMemo(
    () =>
      deviceToken && sessionToken && !expired
        ? createReportsApi(api, { deviceToken, sessionToken }, (cause) => {
            if (isSessionExpired(cause)) setExpiredToken(sessionToken);
          })
        : null,
    [api, deviceToken, sessionToken, expired],
  );
  const me = input?.staff ?? null;
  const scope = scopeOf(me?.role);
  const hallId = enrolment?.hall.id ?? null;
  // Kept by value: the stored rows are read again after every sync, and each request depends on it.
  const scopeContext = useMemo(() => (hallId ? { scope, deviceHallId: hallId } : null), [scope, hallId]);
  const session = useMemo<ReportsSession | null>(() => {
    if (!enrolment || !signedIn || !scopeContext) return null;
    return {
      enrolment,
      staffId: signedIn.staffId,
      me,
      scope: scopeContext.scope,
      scopeContext,
      api: reportsApi,
      sessionState: sessionToken === null ? 'signed_in_offline' : expired ? 'expired' : 'online',
    };
  }, [enrolment, signedIn, me, scopeContext, reportsApi, sessionToken, expired]);

  if (!input) return <p class="loading">{t('reports.loading')}</p>;
  if (!session) return <ReportsGate reason={enrolment ? 'signed_out' : 'not_enrolled'} />;
  return (
    <ReportsContext.Provider value={session}>
      <div class="reports">
        <ReportsHeader />
        <main class="r-main">
          <Router>
            <Route path="/" component={TodayPage} />
            <Route path="/daily" component={DailyPage} />
            <Route default component={ReportsNotFound} />
          </Router>
        </main>
      </div>
    </ReportsContext.Provider>
  );
}
