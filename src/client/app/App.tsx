import { useEffect } from 'preact/hooks';
import { readMeta } from '../db/db.ts';
import { useI18n } from '../i18n/index.ts';
import { CounterScreen } from '../ui/counter/CounterScreen.tsx';
import { EnrolScreen } from '../ui/enrol/EnrolScreen.tsx';
import { PersistenceWarning } from '../ui/common/PersistenceWarning.tsx';
import { useLiveQuery } from '../ui/hooks/useLiveQuery.ts';
import { SignInScreen } from '../ui/signin/SignInScreen.tsx';
import { useServices } from './ServicesContext.tsx';

/** Which screen shows is decided by what is stored: not enrolled → enrol; nobody signed in → sign-in; else the counter. */
export function App() {
  const { db } = useServices();
  const { t, lang } = useI18n();
  const meta = useLiveQuery(async () => {
    const [enrolment, signedIn] = await Promise.all([readMeta(db, 'enrolment'), readMeta(db, 'signedIn')]);
    return { enrolment, signedIn };
  }, [db]);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t('app.name');
  }, [lang, t]);

  let screen;
  if (!meta) screen = <p class="loading">{t('app.loading')}</p>;
  else if (!meta.enrolment) screen = <EnrolScreen />;
  else if (!meta.signedIn) screen = <SignInScreen enrolment={meta.enrolment} />;
  else screen = <CounterScreen enrolment={meta.enrolment} signedIn={meta.signedIn} />;

  return (
    <div class="app">
      <PersistenceWarning />
      <div class="app-screen">{screen}</div>
    </div>
  );
}
