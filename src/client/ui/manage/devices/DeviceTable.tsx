import type { DeviceSummary } from '../../../../shared/schemas/devices.ts';
import type { Hall } from '../../../../shared/schemas/reference.ts';
import { pick } from '../../../i18n/index.ts';
import { useManageI18n } from '../../../i18n/manage/index.ts';
import { deviceName, type DeviceWhen, revokedText } from './deviceText.ts';
import { ScrollRegion } from '../../common/ScrollRegion.tsx';

interface Props {
  devices: readonly DeviceSummary[];
  halls: readonly Hall[];
  when: DeviceWhen;
  busy: boolean;
  onRevoke: (device: DeviceSummary) => void;
}

/** One row per device: when it was enrolled, last called and pushed, what the server holds, and for a refused one what is missing. */
export function DeviceTable({ devices, halls, when, busy, onRevoke }: Props) {
  const { t, lang } = useManageI18n();
  const manyHalls = halls.length > 1;
  const hallName = (id: string) => {
    const hall = halls.find((h) => h.id === id);
    return hall ? pick(hall.name, lang) : id;
  };
  return (
    <ScrollRegion class="m-table-wrap">
      <table class="m-table" data-testid="devices-table">
        <thead>
          <tr>
            <th scope="col">{t('manage.devices.device')}</th>
            {manyHalls && <th scope="col">{t('manage.devices.hall')}</th>}
            <th scope="col">{t('manage.devices.state')}</th>
            <th scope="col">
              <span class="visually-hidden">{t('manage.devices.revoke')}</span>
            </th>
            <th scope="col">{t('manage.devices.enrolledAt')}</th>
            <th scope="col">{t('manage.devices.lastSeen')}</th>
            <th scope="col">{t('manage.devices.lastPush')}</th>
            <th scope="col">{t('manage.devices.acked')}</th>
          </tr>
        </thead>
        <tbody>
          {devices.map((d) => (
            <tr key={d.id} data-testid={`device-row-${d.id}`} data-state={d.state}>
              <td class="text">
                {deviceName(d, t)}
                {d.thisDevice && <span class="muted"> ({t('manage.devices.thisDevice')})</span>}
              </td>
              {manyHalls && <td class="text">{hallName(d.hallId)}</td>}
              <td data-testid="device-state">
                <span class={d.state === 'active' ? 'badge badge-live' : 'badge badge-focus'}>{t(`manage.devices.state.${d.state}`)}</span>
                {d.state === 'revoked' && <div class="muted">{revokedText(d, when, t)}</div>}
                {d.state !== 'active' && d.missing > 0 && (
                  <div class="msg-error" data-testid="device-missing">
                    {t('manage.devices.missing', { count: d.missing, acked: d.ackedSeq, highest: d.highestOfferedSeq ?? d.ackedSeq })}
                  </div>
                )}
              </td>
              <td>
                {d.state !== 'revoked' && !d.thisDevice && (
                  <button type="button" class="btn btn-danger" data-testid={`device-revoke-${d.id}`} disabled={busy} onClick={() => onRevoke(d)}>
                    {t('manage.devices.revoke')}
                  </button>
                )}
              </td>
              <td>{when(d.hallId, d.enrolledAt, t)}</td>
              <td>{when(d.hallId, d.lastSeenAt, t)}</td>
              <td>{when(d.hallId, d.lastPushAt, t)}</td>
              <td data-testid="device-acked">{d.ackedSeq}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
