import { useState } from 'preact/hooks';
import type { DeviceListResponse, DeviceSummary, LostRecordsResponse } from '../../../../shared/schemas/devices.ts';
import { useManageI18n } from '../../../i18n/manage/index.ts';
import { type Problem, problemOf } from '../../../manage/problems.ts';
import { ConfirmDanger } from '../common/ConfirmDanger.tsx';
import { ProblemNote } from '../common/ProblemNote.tsx';
import { useLoad } from '../common/useLoad.ts';
import { useNotice } from '../common/useNotice.ts';
import { useManage } from '../ManageContext.tsx';
import { DeviceTable } from './DeviceTable.tsx';
import { EnrolmentCodes } from './EnrolmentCodes.tsx';
import { deviceName, whenIn } from './deviceText.ts';
import { NotStoredRecords } from './NotStoredRecords.tsx';
import { StaffSessions } from './StaffSessions.tsx';

/**
 * The hall's devices (every hall's, for an admin) with a revoke button for a lost tablet, every
 * record the server does not have (held back, or still on a revoked or expired tablet), and
 * signing a person out everywhere.
 */
export function DevicesPage() {
  const { t, lang } = useManageI18n();
  const { api, enrolment } = useManage();
  const devices = useLoad<DeviceListResponse>(() => api.devices(), [api]);
  const lost = useLoad<LostRecordsResponse>(() => api.lostRecords(), [api]);
  const [revoking, setRevoking] = useState<DeviceSummary | null>(null);
  const [busy, setBusy] = useState(false);
  const notice = useNotice();
  const [problem, setProblem] = useState<Problem | null>(null);
  const halls = devices.data?.halls ?? lost.data?.halls ?? [];
  const when = whenIn(halls, enrolment.hall.timeZone, lang);

  const revoke = async (device: DeviceSummary) => {
    setBusy(true);
    setProblem(null);
    notice.say(null);
    try {
      const answer = await api.revokeDevice(device.id);
      notice.say((i18n) => i18n.t('manage.devices.revoked', { device: deviceName(answer.device, i18n.t) }));
    } catch (cause) {
      setProblem(problemOf(cause));
    } finally {
      setBusy(false);
      setRevoking(null);
      devices.reload();
      lost.reload();
    }
  };

  const list = devices.data?.devices ?? [];
  return (
    <section class="m-page m-devices-page" aria-labelledby="devices-title" data-testid="devices">
      <div class="m-page-head">
        <h1 id="devices-title">{t('manage.devices.title')}</h1>
      </div>
      <EnrolmentCodes when={when} onEnrolled={devices.reload} />
      <h2 id="enrolled-title">{t('manage.devices.enrolled')}</h2>
      <p class="muted">{t('manage.devices.intro')}</p>
      {notice.text && (
        <p class="msg msg-info" role="status" data-testid="devices-notice">
          {notice.text}
        </p>
      )}
      {problem && <ProblemNote problem={problem} />}
      {revoking && (
        // The tablet must be enrolled again to be used: asked once more.
        <ConfirmDanger
          id="revoke"
          question={t('manage.devices.revoke.question', { device: deviceName(revoking, t) })}
          yes={t('manage.devices.revoke.yes')}
          no={t('manage.devices.revoke.no')}
          busy={busy}
          onConfirm={() => void revoke(revoking)}
          onCancel={() => setRevoking(null)}
        />
      )}
      {devices.problem && <ProblemNote problem={devices.problem} onRetry={devices.reload} />}
      {!devices.data && !devices.problem && <p class="loading">{t('app.loading')}</p>}
      {devices.data && list.length === 0 && <p class="muted">{t('manage.devices.none')}</p>}
      {devices.data && list.length > 0 && (
        <DeviceTable devices={list} halls={devices.data.halls} when={when} busy={busy} onRevoke={(d) => setRevoking(d)} />
      )}

      <NotStoredRecords lost={lost} halls={halls} when={when} />

      <StaffSessions />
    </section>
  );
}
