import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { StaffMember } from '../../../shared/schemas/reference.ts';
import type { Enrolment } from '../../db/db.ts';
import type { ReportsApi } from '../../reports/api.ts';
import type { Scope, ScopeContext } from '../../reports/filters.ts';

/** Why the server's figures cannot be read right now (the pages then say so, and Today shows this tablet's). */
export type SessionState = 'online' | 'signed_in_offline' | 'expired';

/** What every reports page gets: who is signed in, what they may read, and the requests. */
export interface ReportsSession {
  enrolment: Enrolment;
  staffId: string;
  me: StaffMember | null;
  scope: Scope;
  scopeContext: ScopeContext;
  /** Null without a server session (signed in offline, or it expired). */
  api: ReportsApi | null;
  sessionState: SessionState;
}

export const ReportsContext = createContext<ReportsSession | null>(null);

export function useReports(): ReportsSession {
  const session = useContext(ReportsContext);
  if (!session) throw new Error('useReports outside the reports pages');
  return session;
}
