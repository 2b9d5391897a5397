import { readMeta } from '../db/db.ts';
import { useI18n } from '../i18n/index.ts';
import { CounterScreen } from '../ui/counter/CounterScreen.tsx';
import { EnrolScreen } from '../ui/enrol/EnrolScreen.tsx';
import { useLiveQuery } from '../ui/hooks/useLiveQuery.ts';
import { SignInScreen } from '../ui/signin/SignInScreen.tsx';
import { useServices } from './ServicesContext.tsx';

/** Which screen shows at `/` is decided by what is stored: not enrolled → enrol; nobody signed in → sign-in; else the counter. */
export function Home() {
  const { db } = useServices();
  const { t } = useI18n();
  const meta = useLiveQuery(async () => {
    const [enrolment, signedIn] = await Promise.all([readMeta(db, 'enrolment'), readMeta(db, 'signedIn')]);
    return { enrolment, signedIn };
  }, [db]);

  if (!meta) return <p class="loading">{t('app.loading')}</p>;
  if (!meta.enrolment) return <EnrolScreen />;
  if (!meta.signedIn) return <SignInScreen enrolment={meta.enrolment} />;
  return <CounterScreen enrolment={meta.enrolment} signedIn={meta.signedIn} />;
}
