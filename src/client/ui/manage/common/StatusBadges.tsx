import type { ManagedCampaign } from '../../../../shared/schemas/manage.ts';
import { useManageI18n } from '../../../i18n/manage/index.ts';

/** draft / published vN / retired, and whether there are changes not yet published. */
export function StatusBadges({ campaign }: { campaign: ManagedCampaign }) {
  const { t } = useManageI18n();
  const { status, currentVersion, hasDraft } = campaign;
  return (
    <span class="m-status" data-testid="campaign-status" data-status={status}>
      <span class={`badge m-badge-${status}`}>
        {status === 'published' && currentVersion !== null
          ? t('manage.status.publishedV', { version: currentVersion })
          : t(`manage.status.${status}`)}
      </span>
      {hasDraft && status !== 'draft' && (
        <span class="badge m-badge-changes" data-testid="campaign-unpublished">
          {t('manage.status.unpublished')}
        </span>
      )}
    </span>
  );
}
