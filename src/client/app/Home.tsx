import lazy from 'preact-iso/lazy';
import { useState } from 'preact/hooks';
import { readMeta } from '../db/db.ts';
import { pick, useI18n } from '../i18n/index.ts';
import { CounterScreen } from '../ui/counter/CounterScreen.tsx';
import { PersistenceWarning } from '../ui/common/PersistenceWarning.tsx';
import { AlreadyEnrolledNotice } from '../ui/enrol/AlreadyEnrolledNotice.tsx';
import { EnrolScreen } from '../ui/enrol/EnrolScreen.tsx';
import { useLiveQuery } from '../db/useLiveQuery.ts';
import { SignInScreen } from '../ui/signin/SignInScreen.tsx';
import { useFirstScreenShown } from './firstScreen.ts';
import { takeOpenedLink } from './linkCode.ts';
import { useServices } from './ServicesContext.tsx';

/** Managers and admins only: counter staff never load it. */
const PasswordCodeScreen = lazy(() => import('../ui/password/PasswordCodeScreen.tsx'));

/**
 * Which screen shows at `/` is decided by what is stored: not enrolled → enrol; nobody signed in →
 * sign-in; else the counter. A link (`/enrol#code=…`, `/password#code=…`) is read once on arrival;
 * the set-password screen is also opened from the enrol and sign-in screens. The storage warning
 * floats over the enrol and sign-in screens; the counter shows it in its talk-track.
 */
export function Home() {
  const { db } = useServices();
  const { t, lang } = useI18n();
  const meta = useLiveQuery(async () => {
    const [enrolment, signedIn] = await Promise.all([readMeta(db, 'enrolment'), readMeta(db, 'signedIn')]);
    return { enrolment, signedIn };
  }, [db]);
  const [link] = useState(takeOpenedLink);
  const [passwordCode, setPasswordCode] = useState<string | null>(link?.kind === 'password' ? link.code : null);
  const [chooseStaffId, setChooseStaffId] = useState<string | null>(null);
  // The counter says so itself, once its own reads are in; enrolment and sign-in show at once.
  useFirstScreenShown(meta !== undefined && !(meta.enrolment && meta.signedIn));

  if (!meta) return <p class="loading">{t('app.loading')}</p>;
  if (passwordCode !== null) {
    return (
      <PasswordCodeScreen
        initialCode={passwordCode}
        enrolled={!!meta.enrolment}
        onDone={(staffId) => {
          setChooseStaffId(staffId);
          setPasswordCode(null);
        }}
        onBack={() => setPasswordCode(null)}
      />
    );
  }
  const openPasswordCode = () => setPasswordCode('');
  if (!meta.enrolment) {
    return (
      <>
        <EnrolScreen linkCode={link?.kind === 'enrol' ? link.code : null} onPasswordCode={openPasswordCode} />
        <PersistenceWarning />
      </>
    );
  }
  // An enrolment link opened on a browser that is already enrolled is not used, and the person is told why.
  const notice = link?.kind === 'enrol' ? <AlreadyEnrolledNotice hallName={pick(meta.enrolment.hall.name, lang)} /> : null;
  if (!meta.signedIn) {
    return (
      <>
        {notice}
        <SignInScreen enrolment={meta.enrolment} initialStaffId={chooseStaffId} onPasswordCode={openPasswordCode} />
        <PersistenceWarning />
      </>
    );
  }
  return (
    <>
      {notice}
      <CounterScreen enrolment={meta.enrolment} signedIn={meta.signedIn} />
    </>
  );
}
