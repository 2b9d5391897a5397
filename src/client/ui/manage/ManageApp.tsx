import { useCallback, useMemo, useState } from 'preact/hooks';
import { Route, Router } from 'preact-iso/router';
import type { Hall } from '../../../shared/schemas/reference.ts';
import { useServices } from '../../app/ServicesContext.tsx';
import { createManageApi } from '../../manage/api.ts';
import { isSessionExpired } from '../../manage/problems.ts';
import { useSignedInPerson } from '../hooks/useSignedInPerson.ts';
import { AuditPage } from './audit/AuditPage.tsx';
import { DevicesPage } from './devices/DevicesPage.tsx';
import { EditorPage } from './editor/EditorPage.tsx';
import { decideGate } from './gate/gateDecision.ts';
import { GateMessage } from './gate/GateMessage.tsx';
import { HallsPage } from './halls/HallsPage.tsx';
import { HistoryPage } from './history/HistoryPage.tsx';
import { ManageHeader } from './layout/ManageHeader.tsx';
import { NotFoundPage } from './layout/NotFoundPage.tsx';
import { CampaignListPage } from './list/CampaignListPage.tsx';
import { ManageContext, type ManageSession } from './ManageContext.tsx';
import { PeoplePage } from './people/PeoplePage.tsx';
import '../../styles/manage.css';

/** The manager pages (`/manage/…`), a chunk of their own behind the gate. */
export default function ManageApp() {
  const { api } = useServices();
  const input = useSignedInPerson();
  // The session the server called expired; a new sign-in brings a new token and opens the gate again.
  const [expiredToken, setExpiredToken] = useState<string | null>(null);
  const [halls, setHalls] = useState<readonly Hall[] | null>(null);
  const gate = decideGate(input, expiredToken);
  // An expired session keeps the pages on screen under the message, so text not yet saved can still be read and copied.
  const live = gate.kind === 'expired' ? decideGate(input, null) : gate;

  const open = live.kind === 'open' ? live : null;
  const deviceToken = open?.enrolment.deviceToken ?? null;
  const sessionToken = open?.sessionToken ?? null;
  const manageApi = useMemo(
    () =>
      deviceToken && sessionToken
        ? createManageApi(api, { deviceToken, sessionToken }, (cause) => {
            if (isSessionExpired(cause)) setExpiredToken(sessionToken);
          })
        : null,
    [api, deviceToken, sessionToken],
  );
  const rememberHalls = useCallback((h: readonly Hall[]) => setHalls(h), []);
  const staff = open?.staff ?? null;
  const enrolment = open?.enrolment ?? null;
  const session = useMemo<ManageSession | null>(
    () =>
      manageApi && staff && enrolment
        ? { api: manageApi, me: staff, enrolment, isAdmin: staff.role === 'admin', halls, rememberHalls }
        : null,
    [manageApi, staff, enrolment, halls, rememberHalls],
  );

  if (!session) return <GateMessage gate={gate.kind === 'open' ? { kind: 'loading' } : gate} />;
  return (
    <ManageContext.Provider value={session}>
      <div class="manage">
        <ManageHeader />
        {gate.kind === 'expired' && <GateMessage gate={gate} inline />}
        <main class="manage-main">
          <Router>
            <Route path="/" component={CampaignListPage} />
            <Route path="/campaigns/new" component={EditorPage} />
            <Route path="/campaigns/:campaignId" component={EditorPage} />
            <Route path="/campaigns/:campaignId/history" component={HistoryPage} />
            <Route path="/audit" component={AuditPage} />
            <Route path="/devices" component={DevicesPage} />
            <Route path="/people" component={PeoplePage} />
            <Route path="/halls" component={HallsPage} />
            <Route default component={NotFoundPage} />
          </Router>
        </main>
      </div>
    </ManageContext.Provider>
  );
}
