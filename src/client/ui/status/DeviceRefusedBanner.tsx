import { useServices } from '../../app/ServicesContext.tsx';
import { outboxSummary } from '../../db/queries.ts';
import { formatNumber } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.ts';
import { useLiveQuery } from '../../db/useLiveQuery.ts';
import { useDeviceRefusal } from './useDeviceRefusal.ts';

/**
 * The server no longer accepts this tablet (revoked by a manager, or unused for too long). Records
 * keep being written and kept here; this says how many could not be sent, that they are not
 * deleted, and that the manager must be told. It stays until a sync succeeds again.
 */
export function DeviceRefusedBanner() {
  const { db } = useServices();
  const { t, lang } = useI18n();
  const kind = useDeviceRefusal();
  const summary = useLiveQuery(() => outboxSummary(db), [db]);
  if (kind === null) return null;
  const waiting = summary?.waiting ?? 0;
  const reason = kind === 'revoked' ? 'device_revoked' : 'device_expired';
  return (
    <div class="banner banner-error" role="alert" data-testid="device-refused" data-reason={reason} data-count={String(waiting)}>
      <p>
        <strong>{t(`device.${kind}.title`)}</strong>
      </p>
      <p>{waiting > 0 ? t(`device.${kind}.body`, { count: formatNumber(waiting, lang) }) : t('device.nothingLost')}</p>
    </div>
  );
}
