import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Hall, StaffMember } from '../../../shared/schemas/reference.ts';
import type { Enrolment } from '../../db/db.ts';
import type { ManageApi } from '../../manage/api.ts';

/** What every manager page gets once the gate is open: the requests and who is signed in. */
export interface ManageSession {
  api: ManageApi;
  me: StaffMember;
  enrolment: Enrolment;
  isAdmin: boolean;
  /** The halls this person may choose, once a campaign list has been read (null before). */
  halls: readonly Hall[] | null;
  rememberHalls: (halls: readonly Hall[]) => void;
}

export const ManageContext = createContext<ManageSession | null>(null);

export function useManage(): ManageSession {
  const session = useContext(ManageContext);
  if (!session) throw new Error('useManage outside the manager pages');
  return session;
}
