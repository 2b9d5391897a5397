import { useRef, useState } from 'preact/hooks';
import type { HeldReason } from '../../../shared/schemas/heldRecords.ts';
import { useServices } from '../../app/ServicesContext.tsx';
import type { OutboxEntry } from '../../db/db.ts';
import { type RefusedRecord, type RefusedViewer, refusedRecordsFor } from '../../db/refusedRecords.ts';
import { formatNumber, formatWhen } from '../../i18n/format.ts';
import { type MessageKey, personName, pick, type Translate, useI18n } from '../../i18n/index.ts';
import { useDialogFocus } from '../common/useDialogFocus.ts';
import { useLiveQuery } from '../../db/useLiveQuery.ts';

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

/** Which customer and visit a refused record belongs to: when, what they came for, who served them, the offer. */
function RefusedItem({ item }: { item: RefusedRecord }) {
  const { t, lang } = useI18n();
  const { entry, visit, staff, campaign } = item;
  const { text, detail } = refusal(entry, t);
  const what = campaign
    ? `${t(`kind.${entry.record.kind}`)} · ${pick(campaign.title, lang)} · ${t(`outcome.${campaign.outcome}`)}`
    : t(`kind.${entry.record.kind}`);
  const who = staff ? personName(staff, lang) : '—';
  return (
    <li data-testid={`rejected-entry-${entry.seq}`} data-error={entry.error ?? ''} data-visit={visit?.id ?? ''}>
      <strong>{what}</strong>
      <div class="rejected-visit" data-testid={`rejected-visit-${entry.seq}`}>
        {visit
          ? t('status.rejectedVisit', { time: formatWhen(visit.openedAt, lang), business: t(`business.${visit.business}`), person: who })
          : t('status.rejectedNoVisit', { time: formatWhen(entry.createdAt, lang), person: who })}
      </div>
      <div class="rejected-reason">{text}</div>
      {detail && <div class="rejected-detail muted">{detail}</div>}
    </li>
  );
}

/**
 * Records the server refused or holds back: kept on the tablet, no longer sent, each shown with
 * the customer's visit it belongs to and what to do. A person sees their own; a manager sees all.
 */
export function RejectedRecords({ viewer }: { viewer: RefusedViewer }) {
  const { db } = useServices();
  const { t, lang } = useI18n();
  const items = useLiveQuery(() => refusedRecordsFor(db, viewer), [db, viewer.staffId, viewer.seesAll]);
  const [open, setOpen] = useState(false);
  const panel = useRef<HTMLDivElement>(null);
  const close = () => setOpen(false);
  // Focus goes into the panel when it opens and back to its button when it closes.
  useDialogFocus(panel, open, { onEscape: close, returnTo: () => document.getElementById('rejected-open') });

  if (!items || items.length === 0) return null;
  return (
    <div class="rejected" data-testid="rejected-records" data-count={String(items.length)}>
      {/* A warning sign and the count keep the strip in one row; the words are there for screen readers. */}
      <button type="button" class="pill pill-bad" id="rejected-open" aria-expanded={open} onClick={() => (open ? close() : setOpen(true))}>
        <span aria-hidden="true">⚠ {formatNumber(items.length, lang)}</span>
        <span class="visually-hidden">{t('status.rejected', { count: formatNumber(items.length, lang) })}</span>
      </button>
      {open && (
        <div class="rejected-panel card" role="dialog" aria-labelledby="rejected-title" data-testid="rejected-panel" ref={panel}>
          <h2 id="rejected-title" tabIndex={-1} data-autofocus>
            {t('status.rejectedTitle')}
          </h2>
          <p>{t('status.rejectedHint')}</p>
          <ul>
            {items.map((item) => (
              <RefusedItem key={item.entry.seq} item={item} />
            ))}
          </ul>
          <button type="button" class="btn btn-secondary" data-testid="rejected-close" onClick={close}>
            {t('status.close')}
          </button>
        </div>
      )}
    </div>
  );
}
