import { useMemo } from 'preact/hooks';
import { localDate } from '../../../shared/localDate.ts';
import { useFirstScreenShown } from '../../app/firstScreen.ts';
import { useServices } from '../../app/ServicesContext.tsx';
import type { Enrolment, SignedIn } from '../../db/db.ts';
import type { Actor } from '../../db/fieldWrites.ts';
import { activeCampaigns, openVisitOf } from '../../db/queries.ts';
import { useI18n } from '../../i18n/index.ts';
import { useScreenWakeLock } from '../../pwa/screenWakeLock.ts';
import { useComposerStore } from '../../state/composerStore.ts';
import { CampaignList } from '../campaigns/CampaignList.tsx';
import { PersistenceWarning } from '../common/PersistenceWarning.tsx';
import { StoreErrorBanner } from '../common/StoreErrorBanner.tsx';
import { useNow } from '../common/useNow.ts';
import { useLiveQuery } from '../../db/useLiveQuery.ts';
import { DeviceRefusedBanner } from '../status/DeviceRefusedBanner.tsx';
import { StatusStrip } from '../status/StatusStrip.tsx';
import { SyncFailureLine } from '../status/SyncStatus.tsx';
import { TalkTrack } from '../talktrack/TalkTrack.tsx';
import { VisitPanel } from '../visit/VisitPanel.tsx';
import { staffMemberOf } from '../../db/staffQueries.ts';

/**
 * The counter: status strip on top; campaigns, the talk-track and the visit side by side (stacked in
 * portrait). Every control the next step needs stays in view without scrolling at 1280×800 and 800×1280.
 */
export function CounterScreen({ enrolment, signedIn }: { enrolment: Enrolment; signedIn: SignedIn }) {
  const { db } = useServices();
  const { t } = useI18n();
  const hall = enrolment.hall;
  const staffId = signedIn.staffId;
  const today = localDate(useNow(60_000), hall.timeZone);
  // null once read and absent, so undefined only ever means "not read yet".
  const staff = useLiveQuery(() => staffMemberOf(db, staffId), [db, staffId]);
  const campaigns = useLiveQuery(() => activeCampaigns(db, hall.id, today), [db, hall.id, today]);
  const visit = useLiveQuery(() => openVisitOf(db, staffId), [db, staffId]);
  const chosenId = useComposerStore((s) => s.selectedCampaignId);
  const actor = useMemo<Actor>(() => ({ hallId: hall.id, deviceId: enrolment.deviceId, staffId }), [hall.id, enrolment.deviceId, staffId]);

  // Someone is signed in: the screen stays on between customers. Sign-out leaves this screen and releases it.
  useScreenWakeLock();

  // The screen shows once its three reads are in (a few ms of IndexedDB), all at once: drawn piece by
  // piece, the campaigns and the visit panel would push the talk-track down, and the name the strip's
  // counts. Its parts mount at once all the same, so their own reads (the strip's counts) start now.
  const ready = staff !== undefined && campaigns !== undefined && visit !== undefined;
  useFirstScreenShown(ready);

  const selected = campaigns?.find((c) => c.campaign.id === chosenId) ?? campaigns?.[0];

  return (
    <div class="counter" hidden={!ready} aria-busy={ready ? undefined : true}>
      <StatusStrip
        enrolment={enrolment}
        staff={staff ?? undefined}
        staffId={staffId}
        visitOpen={!!visit}
        actor={actor}
        online={signedIn.sessionToken !== null}
      />
      <SyncFailureLine />
      <DeviceRefusedBanner />
      <StoreErrorBanner />
      {/* While serving a customer the campaigns fold into a row of tabs, so the talk-track gets the width. */}
      <div class={visit ? 'counter-body visiting' : 'counter-body'}>
        <CampaignList campaigns={campaigns ?? []} selectedId={selected?.campaign.id ?? null} />
        <main class="talk-pane">
          {selected ? (
            <TalkTrack key={selected.campaign.id} campaign={selected.campaign} talkTrack={selected.talkTrack} />
          ) : (
            campaigns && <p class="hint">{t('talk.pick')}</p>
          )}
          <PersistenceWarning inCounter />
        </main>
        {visit !== undefined && <VisitPanel actor={actor} visit={visit} selected={selected} />}
      </div>
    </div>
  );
}
