import { useState } from 'preact/hooks';
import type { StaffRole } from '../../../../shared/schemas/reference.ts';
import { useManageI18n } from '../../../i18n/manage/index.ts';

export interface PersonValues {
  name: string;
  nameEn: string | null;
  staffNo: string | null;
  role: StaffRole;
}

interface Props {
  idPrefix: string;
  initial: PersonValues;
  roles: readonly StaffRole[];
  title: string;
  submitLabel: string;
  busy: boolean;
  onSubmit: (values: PersonValues) => void;
  onCancel: () => void;
}

const STAFF_NO = /^[A-Za-z0-9._-]{1,32}$/;
const blankToNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

/** A person's names, staff number and role: for adding someone and for correcting them. */
export function PersonForm({ idPrefix, initial, roles, title, submitLabel, busy, onSubmit, onCancel }: Props) {
  const { t } = useManageI18n();
  const [name, setName] = useState(initial.name);
  const [nameEn, setNameEn] = useState(initial.nameEn ?? '');
  const [staffNo, setStaffNo] = useState(initial.staffNo ?? '');
  const [role, setRole] = useState<StaffRole>(initial.role);
  const [tried, setTried] = useState(false);
  const nameMissing = name.trim() === '';
  const staffNoBad = staffNo.trim() !== '' && !STAFF_NO.test(staffNo.trim());

  return (
    <form
      class="card m-person-form"
      data-testid={`${idPrefix}-form`}
      aria-labelledby={`${idPrefix}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (nameMissing || staffNoBad) return;
        onSubmit({ name: name.trim(), nameEn: blankToNull(nameEn), staffNo: blankToNull(staffNo), role });
      }}
    >
      <h2 id={`${idPrefix}-title`}>{title}</h2>
      <div class="m-grid">
        <label class={tried && nameMissing ? 'm-field m-invalid' : 'm-field'}>
          <span class="m-label">
            {t('manage.staff.name')} <span class="m-required">*</span>
          </span>
          <input type="text" data-testid={`${idPrefix}-name`} maxLength={100} value={name} onInput={(e) => setName(e.currentTarget.value)} />
          {tried && nameMissing && <span class="m-note m-note-missing">{t('manage.staff.nameRequired')}</span>}
        </label>
        <label class="m-field">
          <span class="m-label">{t('manage.staff.nameEn')}</span>
          <input type="text" data-testid={`${idPrefix}-name-en`} maxLength={100} value={nameEn} onInput={(e) => setNameEn(e.currentTarget.value)} />
        </label>
        <label class={tried && staffNoBad ? 'm-field m-invalid' : 'm-field'}>
          <span class="m-label">{t('manage.staff.staffNo')}</span>
          <input type="text" data-testid={`${idPrefix}-staff-no`} maxLength={32} value={staffNo} onInput={(e) => setStaffNo(e.currentTarget.value)} />
          {tried && staffNoBad && <span class="m-note m-note-missing">{t('manage.staff.staffNoFormat')}</span>}
        </label>
        <label class="m-field">
          <span class="m-label">{t('manage.staff.role')}</span>
          <select data-testid={`${idPrefix}-role`} value={role} onChange={(e) => {
              const value = e.currentTarget.value;
              setRole(roles.find((r) => r === value) ?? role);
            }}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
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
