import type { LostRecordsReport } from '../../../../shared/schemas/devices.ts';
import { useManageI18n } from '../../../i18n/manage/index.ts';
import { deviceName, type DeviceWhen, kindName } from './deviceText.ts';
import { ScrollRegion } from '../../common/ScrollRegion.tsx';

/** What each refused device said it still holds: how many, which numbers, what kinds, whose. */
export function LostRecordsTable({ reports, when }: { reports: readonly LostRecordsReport[]; when: DeviceWhen }) {
  const { t } = useManageI18n();
  return (
    <ScrollRegion class="m-table-wrap">
      <table class="m-table" data-testid="lost-table">
        <thead>
          <tr>
            <th scope="col">{t('manage.devices.device')}</th>
            <th scope="col">{t('manage.lost.reason')}</th>
            <th scope="col">{t('manage.lost.missing')}</th>
            <th scope="col">{t('manage.lost.kinds')}</th>
            <th scope="col">{t('manage.lost.staff')}</th>
            <th scope="col">{t('manage.lost.lastReported')}</th>
          </tr>
        </thead>
        <tbody>
          {reports.map((r) => (
            <tr key={r.deviceId} data-testid={`lost-row-${r.deviceId}`} data-missing={String(r.missing)}>
              <td class="text">{deviceName({ id: r.deviceId, label: r.deviceLabel }, t)}</td>
              <td>{t(`manage.lost.reason.${r.reason}`)}</td>
              <td>
                <strong>{t('manage.lost.count', { count: r.missing })}</strong>
                <div class="muted">{t('manage.lost.seqs', { from: r.firstSeq, to: Math.max(r.lastSeq, r.firstSeq) })}</div>
              </td>
              <td class="text">
                {Object.entries(r.kinds)
                  .map(([kind, count]) => `${kindName(kind, t)} ${count}`)
                  .join(t('manage.list.separator'))}
              </td>
              <td class="text">{r.staff.map((s) => s.name).join(t('manage.list.separator'))}</td>
              <td>
                {when(r.hallId, r.lastReportedAt, t)} <span class="muted">{t('manage.lost.attempts', { count: r.attempts })}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
