import type { ManagedCampaign } from '../../../../shared/schemas/manage.ts';
import type { Hall } from '../../../../shared/schemas/reference.ts';
import { pick } from '../../../i18n/index.ts';
import { useManageI18n } from '../../../i18n/manage/index.ts';
import { formatDateTime, formatLocalDate } from '../../../manage/format.ts';
import { StatusBadges } from '../common/StatusBadges.tsx';

interface Props {
  item: ManagedCampaign;
  halls: readonly Hall[];
  timeZone: string;
  selected: boolean;
  busy: boolean;
  onSelect: (on: boolean) => void;
  onDuplicate: () => void;
  onRetire: () => void;
}

/** One campaign in the list: what it is, where and when it runs, its state, and what can be done with it. */
export function CampaignRow({ item, halls, timeZone, selected, busy, onSelect, onDuplicate, onRetire }: Props) {
  const { t, lang } = useManageI18n();
  const { campaign } = item;
  const title = pick(campaign.title, lang).trim() || t('manage.untitled');
  // A manager sees only their own hall's name; the others are counted.
  const known = halls.filter((h) => item.hallIds.includes(h.id)).map((h) => pick(h.name, lang));
  const others = item.hallIds.length - known.length;
  const hallNames = others > 0 ? [...known, t('manage.list.otherHalls', { count: others })] : known;
  return (
    <li class="m-row" data-testid={`manage-row-${item.id}`} data-status={item.status} data-focus={String(campaign.focus)}>
      <label class="m-row-select">
        <input type="checkbox" checked={selected} data-testid={`manage-select-${item.id}`} onChange={(e) => onSelect(e.currentTarget.checked)} />
        <span class="visually-hidden">{t('manage.list.select', { title })}</span>
      </label>
      <div class="m-row-main">
        <div class="m-row-title">
          <a href={`/manage/campaigns/${item.id}`} class="m-row-name text" data-testid={`manage-title-${item.id}`}>
            {title}
          </a>
          <span class="muted">{campaign.offerCode}</span>
        </div>
        <div class="m-row-tags">
          <StatusBadges campaign={item} />
          {campaign.focus && <span class="badge badge-focus">{t('campaigns.focus')}</span>}
          <span class={`badge badge-cat cat-${campaign.category}`}>{t(`category.${campaign.category}`)}</span>
        </div>
        <dl class="m-row-facts">
          <div>
            <dt>{t('manage.list.dates')}</dt>
            <dd>{t('manage.list.dateRange', { from: formatLocalDate(campaign.startDate, lang), to: formatLocalDate(campaign.endDate, lang) })}</dd>
          </div>
          <div>
            <dt>{t('manage.list.halls')}</dt>
            <dd>{hallNames.join(t('manage.list.separator'))}</dd>
          </div>
          {item.editedAt && (
            <div>
              <dt>{t('manage.list.edited')}</dt>
              <dd>
                {item.editedBy
                  ? t('manage.list.editedBy', { name: item.editedBy.name, time: formatDateTime(item.editedAt, lang, timeZone) })
                  : formatDateTime(item.editedAt, lang, timeZone)}
              </dd>
            </div>
          )}
        </dl>
      </div>
      <div class="m-row-actions">
        <a class="btn btn-secondary" href={`/manage/campaigns/${item.id}`} data-testid={`manage-edit-${item.id}`}>
          {item.canEdit && item.status !== 'retired' ? t('manage.list.edit') : t('manage.list.view')}
        </a>
        <a class="btn btn-secondary" href={`/manage/campaigns/${item.id}/history`} data-testid={`manage-history-${item.id}`}>
          {t('manage.list.history')}
        </a>
        <button type="button" class="btn btn-secondary" disabled={busy} data-testid={`manage-duplicate-${item.id}`} onClick={onDuplicate}>
          {t('manage.list.duplicate')}
        </button>
        {item.canEdit && item.status !== 'retired' && (
          <button type="button" class="btn btn-outline m-danger" disabled={busy} data-testid={`manage-retire-${item.id}`} onClick={onRetire}>
            {t('manage.list.retire')}
          </button>
        )}
      </div>
    </li>
  );
}
