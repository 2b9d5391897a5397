import { useEffect } from 'preact/hooks';
import lazy from 'preact-iso/lazy';
import { LocationProvider, Route, Router } from 'preact-iso/router';
import { useI18n } from '../i18n/index.ts';
import { Home } from './Home.tsx';

/** The manager pages and the reports are chunks of their own: the counter's first load carries none of their code. */
const ManagePages = lazy(() => import('../ui/manage/ManageApp.tsx'));
const ReportPages = lazy(() => import('../ui/reports/ReportsApp.tsx'));

/**
 * `/` is the counter (enrol → sign-in → counter); `/manage/…` are the manager pages and
 * `/reports/…` the reports. Any other path shows the counter too: the service worker answers
 * every navigation with index.html.
 */
export function App() {
  const { t, lang } = useI18n();

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t('app.name');
  }, [lang, t]);

  return (
    <div class="app">
      <div class="app-screen">
        <LocationProvider>
          <Router>
            <Route path="/manage" component={ManagePages} />
            <Route path="/manage/*" component={ManagePages} />
            <Route path="/reports" component={ReportPages} />
            <Route path="/reports/*" component={ReportPages} />
            <Route default component={Home} />
          </Router>
        </LocationProvider>
      </div>
    </div>
  );
}
