import type { ManagedCampaign } from '../../../../shared/schemas/manage.ts';
import { pick } from '../../../i18n/index.ts';
import { useManageI18n } from '../../../i18n/manage/index.ts';

/** Retiring takes a campaign off every tablet at the next sync: asked once more, in words. */
export function RetireConfirm({ item, busy, onConfirm, onCancel }: { item: ManagedCampaign; busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  const { t, lang } = useManageI18n();
  return (
    <div class="confirm m-confirm" role="alertdialog" aria-labelledby="retire-q" data-testid="retire-confirm">
      <p id="retire-q" class="text">
        {t('manage.retire.question', { title: pick(item.campaign.title, lang) })}
      </p>
      <div class="actions">
        <button type="button" class="btn btn-danger" disabled={busy} data-testid="retire-confirm-yes" onClick={onConfirm}>
          {t('manage.retire.yes')}
        </button>
        <button type="button" class="btn btn-secondary" data-testid="retire-confirm-no" onClick={onCancel}>
          {t('manage.retire.no')}
        </button>
      </div>
    </div>
  );
}
