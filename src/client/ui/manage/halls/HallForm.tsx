import { useMemo, useState } from 'preact/hooks';
import type { HallAdmin } from '../../../../shared/schemas/people.ts';
import { useManageI18n } from '../../../i18n/manage/index.ts';

export interface HallValues {
  name: { zh: string; en?: string };
  /** Only when creating: a hall's time zone is fixed (changing it would move records to other days). */
  timeZone: string;
  address: string | null;
}

const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** Every IANA zone this browser knows, the default first; an older browser offers the default alone. */
function timeZones(): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [DEFAULT_TIME_ZONE, ...known.filter((z) => z !== DEFAULT_TIME_ZONE)];
}

interface Props {
  idPrefix: string;
  hall: HallAdmin | null;
  title: string;
  submitLabel: string;
  busy: boolean;
  onSubmit: (values: HallValues) => void;
  onCancel: () => void;
}

/** A new hall (names, time zone, address), or a hall's names and address. */
export function HallForm({ idPrefix, hall, title, submitLabel, busy, onSubmit, onCancel }: Props) {
  const { t } = useManageI18n();
  const zones = useMemo(timeZones, []);
  const [zh, setZh] = useState(hall?.name.zh ?? '');
  const [en, setEn] = useState(hall?.name.en ?? '');
  const [timeZone, setTimeZone] = useState(hall?.timeZone ?? DEFAULT_TIME_ZONE);
  const [address, setAddress] = useState(hall?.address ?? '');
  const [tried, setTried] = useState(false);
  const zhMissing = zh.trim() === '';

  return (
    <form
      class="card m-hall-form"
      data-testid={`${idPrefix}-form`}
      aria-labelledby={`${idPrefix}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (zhMissing) return;
        const name = en.trim() === '' ? { zh: zh.trim() } : { zh: zh.trim(), en: en.trim() };
        onSubmit({ name, timeZone, address: address.trim() === '' ? null : address.trim() });
      }}
    >
      <h2 id={`${idPrefix}-title`}>{title}</h2>
      <div class="m-grid">
        <label class={tried && zhMissing ? 'm-field m-invalid' : 'm-field'}>
          <span class="m-label">
            {t('manage.halls.nameZh')} <span class="m-required">*</span>
          </span>
          <input type="text" data-testid={`${idPrefix}-name-zh`} maxLength={100} value={zh} onInput={(e) => setZh(e.currentTarget.value)} />
          {tried && zhMissing && <span class="m-note m-note-missing">{t('manage.halls.nameRequired')}</span>}
        </label>
        <label class="m-field">
          <span class="m-label">{t('manage.halls.nameEn')}</span>
          <input type="text" data-testid={`${idPrefix}-name-en`} maxLength={100} value={en} onInput={(e) => setEn(e.currentTarget.value)} />
        </label>
        {hall === null ? (
          <label class="m-field">
            <span class="m-label">{t('manage.halls.timeZone')}</span>
            <select data-testid={`${idPrefix}-time-zone`} value={timeZone} onChange={(e) => setTimeZone(e.currentTarget.value)}>
              {zones.map((z) => (
                <option key={z} value={z}>
                  {z}
                </option>
              ))}
            </select>
            <span class="m-note">{t('manage.halls.timeZoneFixed')}</span>
          </label>
        ) : (
          <div class="m-field">
            <span class="m-label">{t('manage.halls.timeZone')}</span>
            <p class="m-fixed" data-testid={`${idPrefix}-time-zone-fixed`}>
              {hall.timeZone}
            </p>
          </div>
        )}
        <label class="m-field m-field-wide">
          <span class="m-label">{t('manage.halls.address')}</span>
          <input type="text" data-testid={`${idPrefix}-address`} maxLength={200} value={address} onInput={(e) => setAddress(e.currentTarget.value)} />
        </label>
      </div>
      <div class="actions">
        <button type="submit" class="btn btn-primary" data-testid={`${idPrefix}-submit`} disabled={busy}>
          {busy ? t('manage.working') : submitLabel}
        </button>
        <button type="button" class="btn btn-secondary" data-testid={`${idPrefix}-cancel`} onClick={onCancel}>
          {t('manage.staff.cancel')}
        </button>
      </div>
    </form>
  );
}
