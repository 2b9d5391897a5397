import type { HeldRecord } from '../../../../shared/schemas/heldRecords.ts';
import type { Hall } from '../../../../shared/schemas/reference.ts';
import { pick } from '../../../i18n/index.ts';
import { useManageI18n } from '../../../i18n/manage/index.ts';
import type { DeviceWhen } from './deviceText.ts';
import { kindName } from './deviceText.ts';
import type { HeldAction } from './HeldDecision.tsx';
import { heldDevice, heldPerson, heldReasonText } from './heldText.ts';
import { ScrollRegion } from '../../common/ScrollRegion.tsx';

interface Props {
  records: readonly HeldRecord[];
  /** An admin's list spans halls: each row then names its hall. */
  halls: readonly Hall[];
  when: DeviceWhen;
  busy: boolean;
  onDecide: (record: HeldRecord, action: HeldAction) => void;
}

/**
 * Newest push first, and within one push in the tablet's own order: a visit comes before its
 * recommendations and its close, which are accepted only after it.
 */
const inOrder = (records: readonly HeldRecord[]): HeldRecord[] =>
  [...records].sort((a, b) => b.receivedAt.localeCompare(a.receivedAt) || a.deviceId.localeCompare(b.deviceId) || a.seq - b.seq);

/**
 * One row per held-back record: what and whose, why, when it says it happened and when it arrived,
 * and what a manager may do with it (or what was decided, by whom and why).
 */
export function HeldRecordsTable({ records, halls, when, busy, onDecide }: Props) {
  const { t, lang } = useManageI18n();
  const hallName = (id: string): string | null => {
    if (halls.length <= 1) return null;
    const hall = halls.find((h) => h.id === id);
    return hall ? pick(hall.name, lang) : id;
  };
  const times = (r: HeldRecord) => ({
    recorded: r.recordTime === null ? t('manage.held.noTime') : when(r.hallId, r.recordTime, t),
    received: when(r.hallId, r.receivedAt, t),
  });
  return (
    <ScrollRegion class="m-table-wrap">
      <table class="m-table m-held-table" data-testid="held-table" aria-labelledby="held-title">
        <thead>
          <tr>
            <th scope="col">{t('manage.held.record')}</th>
            <th scope="col">{t('manage.held.reason')}</th>
            {/* Not in a narrow layout: shown under the record there, so each row's buttons stay on screen. */}
            <th scope="col" class="m-wide-only">
              {t('manage.held.recordTime')}
            </th>
            <th scope="col" class="m-wide-only">
              {t('manage.held.receivedAt')}
            </th>
            <th scope="col">{t('manage.held.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {inOrder(records).map((r) => {
            const { recorded, received } = times(r);
            return (
              <tr key={r.id} data-testid={`held-row-${r.id}`} data-status={r.status} data-reason={r.reason}>
                <td class="text">
                  <div class="m-name">
                    {kindName(r.kind, t)} · {heldPerson(r, t)}
                  </div>
                  <div class="muted">
                    {[hallName(r.hallId), heldDevice(r, t), t('manage.held.seq', { seq: r.seq })].filter((part) => part !== null).join(' · ')}
                  </div>
                  <div class="m-narrow-only muted">
                    <div>{t('manage.held.recordTimeIs', { when: recorded })}</div>
                    <div>{t('manage.held.receivedAtIs', { when: received })}</div>
                  </div>
                </td>
                <td class="text" data-testid="held-reason">
                  {heldReasonText(r, t)}
                </td>
                <td class="m-wide-only" data-testid="held-record-time">
                  {recorded}
                </td>
                <td class="m-wide-only">{received}</td>
                <td>
                  {r.status === 'held' ? (
                    <div class="actions m-row-buttons">
                      {r.acceptable && (
                        <button type="button" class="btn btn-primary" data-testid={`held-accept-${r.id}`} disabled={busy} onClick={() => onDecide(r, 'accept')}>
                          {t('manage.held.accept')}
                        </button>
                      )}
                      <button type="button" class="btn btn-secondary" data-testid={`held-discard-${r.id}`} disabled={busy} onClick={() => onDecide(r, 'discard')}>
                        {t('manage.held.discard')}
                      </button>
                    </div>
                  ) : (
                    <div data-testid="held-decided">
                      <span class={r.status === 'accepted' ? 'badge badge-live' : 'badge'}>{t(`manage.held.status.${r.status}`)}</span>
                      {r.decidedAt !== null && (
                        <div class="muted text">
                          {t('manage.held.decided', { who: r.decidedBy?.name ?? '', when: when(r.hallId, r.decidedAt, t), note: r.decisionNote ?? '' })}
                        </div>
                      )}
                    </div>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
