import type { DeviceSummary } from '../../../../shared/schemas/devices.ts';
import { useManageI18n } from '../../../i18n/manage/index.ts';
import { deviceName } from './deviceText.ts';

/** Revoking cannot be undone (the tablet must be enrolled again): asked once more, in words. */
export function RevokeDeviceConfirm({ device, busy, onConfirm, onCancel }: { device: DeviceSummary; busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useManageI18n();
  return (
    <div class="confirm m-confirm" role="alertdialog" aria-labelledby="revoke-q" data-testid="revoke-confirm">
      <p id="revoke-q" class="text">
        {t('manage.devices.revoke.question', { device: deviceName(device, t) })}
      </p>
      <div class="actions">
        <button type="button" class="btn btn-danger" disabled={busy} data-testid="revoke-confirm-yes" onClick={onConfirm}>
          {t('manage.devices.revoke.yes')}
        </button>
        <button type="button" class="btn btn-secondary" data-testid="revoke-confirm-no" onClick={onCancel}>
          {t('manage.devices.revoke.no')}
        </button>
      </div>
    </div>
  );
}
