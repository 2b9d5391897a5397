import type { DeviceSummary } from '../../../../shared/schemas/devices.ts';
import type { Hall } from '../../../../shared/schemas/reference.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import type { ManageTranslate } from '../../../i18n/manage/index.ts';
import { formatDateTime } from '../../../manage/format.ts';
import type { Lang } from '../../../state/langStore.ts';

/** A device's name as people know it: its label, else the start of its id. */
export const deviceName = (device: { label: string | null; id: string }, t: ManageTranslate): string =>
  device.label ?? `${t('manage.devices.unnamed')} ${device.id.slice(-6)}`;

/** Instants in the device's own hall's time zone (an admin's list spans halls). */
export function whenIn(halls: readonly Hall[], fallback: string, lang: Lang) {
  return (hallId: string, instant: string | null, t: ManageTranslate): string => {
    if (instant === null) return t('manage.devices.never');
    // A tablet's own claim may be no date at all (a held-back record): shown as it came.
    if (Number.isNaN(new Date(instant).getTime())) return instant;
    return formatDateTime(instant, lang, halls.find((h) => h.id === hallId)?.timeZone ?? fallback);
  };
}

export type DeviceWhen = ReturnType<typeof whenIn>;

/** "revoked by 王经理, …" or just when, for a device revoked before revocations were audited. */
export function revokedText(device: DeviceSummary, when: DeviceWhen, t: ManageTranslate): string {
  const at = when(device.hallId, device.revokedAt, t);
  return device.revokedBy ? t('manage.devices.revokedBy', { who: device.revokedBy.name, when: at }) : t('manage.devices.revokedAt', { when: at });
}

const KNOWN_KINDS: ReadonlySet<string> = new Set(['visit', 'recommendation', 'visit_close', 'visit_void']);

/** A record's kind in words; a kind this page does not know (a newer tablet's, or garbage) says so. */
export const kindName = (kind: string | null, t: ManageTranslate): string =>
  kind !== null && KNOWN_KINDS.has(kind) ? t(`kind.${kind}` as MessageKey) : t('manage.lost.kind.unknown');
