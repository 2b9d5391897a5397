import { useState } from 'preact/hooks';
import type { OutboxEntry } from '../../db/db.ts';
import { formatNumber, formatWhen } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.ts';

/** Records the server refused: kept on the tablet, set aside, each shown with the server's reason. */
export function RejectedRecords({ entries }: { entries: readonly OutboxEntry[] }) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <div class="rejected" data-testid="rejected-records" data-count={String(entries.length)}>
      <button type="button" class="pill pill-bad" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('status.rejected', { count: formatNumber(entries.length, lang) })}
      </button>
      {open && (
        <div class="rejected-panel card" role="dialog" aria-label={t('status.rejectedTitle')}>
          <h2>{t('status.rejectedTitle')}</h2>
          <p>{t('status.rejectedHint')}</p>
          <ul>
            {entries.map((e) => (
              <li key={e.seq} data-testid={`rejected-entry-${e.seq}`}>
                <strong>{t('status.rejectedItem', { seq: e.seq, kind: t(`kind.${e.record.kind}`) })}</strong>{' '}
                <span class="muted">{formatWhen(e.createdAt, lang)}</span>
                <div class="rejected-reason">{e.message ?? e.error ?? ''}</div>
              </li>
            ))}
          </ul>
          <button type="button" class="btn btn-secondary" onClick={() => setOpen(false)}>
            {t('status.close')}
          </button>
        </div>
      )}
    </div>
  );
}
