import { useRef, useState } from 'preact/hooks';
import type { HeldReason } from '../../../shared/schemas/heldRecords.ts';
import type { OutboxEntry } from '../../db/db.ts';
import { formatNumber, formatWhen } from '../../i18n/format.ts';
import { type MessageKey, type Translate, useI18n } from '../../i18n/index.ts';
import { useDialogFocus } from '../common/useDialogFocus.ts';

/** Every reason the server gives (the compiler checks this against the shared list; no zod on the counter's first load). */
const REFUSAL_KEYS: Record<HeldReason, MessageKey> = {
  unsigned: 'status.refusal.unsigned',
  bad_signature: 'status.refusal.bad_signature',
  conflict: 'status.refusal.conflict',
  clock_out_of_range: 'status.refusal.clock_out_of_range',
  campaign_not_live: 'status.refusal.campaign_not_live',
  void_too_late: 'status.refusal.void_too_late',
  invalid_record: 'status.refusal.invalid_record',
  wrong_device: 'status.refusal.wrong_device',
  unknown_staff: 'status.refusal.unknown_staff',
  unknown_visit: 'status.refusal.unknown_visit',
  unknown_campaign: 'status.refusal.unknown_campaign',
  unknown_talk_track: 'status.refusal.unknown_talk_track',
  not_own_visit: 'status.refusal.not_own_visit',
  already_voided: 'status.refusal.already_voided',
};

const isKnownReason = (code: string | null): code is HeldReason => code !== null && Object.hasOwn(REFUSAL_KEYS, code);

/**
 * A refusal in the person's language, from its reason code, saying what to do. A code this tablet
 * does not know (a newer server's) is said generically, with the server's own words beside it.
 */
function refusal(entry: OutboxEntry, t: Translate): { text: string; detail: string | null } {
  if (isKnownReason(entry.error)) return { text: t(REFUSAL_KEYS[entry.error]), detail: null };
  return { text: t('status.refusal.other'), detail: entry.message ?? entry.error };
}

/** Records the server refused: kept on the tablet, set aside, each shown with its reason and what to do. */
export function RejectedRecords({ entries }: { entries: readonly OutboxEntry[] }) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState(false);
  const panel = useRef<HTMLDivElement>(null);
  useDialogFocus(panel, open, { onEscape: () => setOpen(false) });
  return (
    <div class="rejected" data-testid="rejected-records" data-count={String(entries.length)}>
      <button type="button" class="pill pill-bad" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('status.rejected', { count: formatNumber(entries.length, lang) })}
      </button>
      {open && (
        <div class="rejected-panel card" role="dialog" aria-labelledby="rejected-title" ref={panel}>
          <h2 id="rejected-title" tabIndex={-1} data-autofocus>
            {t('status.rejectedTitle')}
          </h2>
          <p>{t('status.rejectedHint')}</p>
          <ul>
            {entries.map((e) => {
              const { text, detail } = refusal(e, t);
              return (
                <li key={e.seq} data-testid={`rejected-entry-${e.seq}`} data-error={e.error ?? ''}>
                  <strong>{t('status.rejectedItem', { seq: e.seq, kind: t(`kind.${e.record.kind}`) })}</strong>{' '}
                  <span class="muted">{formatWhen(e.createdAt, lang)}</span>
                  <div class="rejected-reason">{text}</div>
                  {detail && <div class="rejected-detail muted">{detail}</div>}
                </li>
              );
            })}
          </ul>
          <button type="button" class="btn btn-secondary" data-testid="rejected-close" onClick={() => setOpen(false)}>
            {t('status.close')}
          </button>
        </div>
      )}
    </div>
  );
}
