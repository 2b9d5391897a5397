import type { HeldRecord } from '../../../../shared/schemas/heldRecords.ts';
import type { ManageTranslate } from '../../../i18n/manage/index.ts';
import { deviceName, kindName } from './deviceText.ts';

/** Why it was held back, in the page's language (the server's own message is English, for logs). */
export const heldReasonText = (record: Pick<HeldRecord, 'reason'>, t: ManageTranslate): string => t(`manage.held.reason.${record.reason}`);

export const heldPerson = (record: HeldRecord, t: ManageTranslate): string => record.staff?.name ?? t('manage.held.noStaff');

export const heldDevice = (record: HeldRecord, t: ManageTranslate): string => deviceName({ id: record.deviceId, label: record.deviceLabel }, t);

/** "Visit · 测试员甲 · test tablet · seq 4": which record, in one line. */
export const heldSummary = (record: HeldRecord, t: ManageTranslate): string =>
  [kindName(record.kind, t), heldPerson(record, t), heldDevice(record, t), t('manage.held.seq', { seq: record.seq })].join(' · ');
