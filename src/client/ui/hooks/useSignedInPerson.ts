import { useServices } from '../../app/ServicesContext.tsx';
import { readMeta } from '../../db/db.ts';
import { useLiveQuery } from '../../db/useLiveQuery.ts';
import { staffMemberOf } from '../../db/staffQueries.ts';

/** This browser's enrolment, who is signed in and their staff row: what the manager and report pages' gates decide on. */
export function useSignedInPerson() {
  const { db } = useServices();
  return useLiveQuery(async () => {
    const [enrolment, signedIn] = await Promise.all([readMeta(db, 'enrolment'), readMeta(db, 'signedIn')]);
    const staff = signedIn ? ((await staffMemberOf(db, signedIn.staffId)) ?? undefined) : undefined;
    return { enrolment, signedIn, staff };
  }, [db]);
}
