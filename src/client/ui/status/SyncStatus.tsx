import { useServices } from '../../app/ServicesContext.tsx';
import { readMeta } from '../../db/db.ts';
import { outboxSummary } from '../../db/queries.ts';
import { formatNumber, formatWhen } from '../../i18n/format.ts';
import { type MessageKey, useI18n } from '../../i18n/index.ts';
import type { SyncFailure } from '../../sync/engine.ts';
import { useNow } from '../common/useNow.ts';
import { useOnline } from '../common/useOnline.ts';
import { useLiveQuery } from '../../db/useLiveQuery.ts';
import type { RefusedViewer } from '../../db/refusedRecords.ts';
import { RejectedRecords } from './RejectedRecords.tsx';
import { SyncNowButton } from './SyncNowButton.tsx';
import { useDeviceRefusal } from './useDeviceRefusal.ts';

const FAILURE_KEYS: Record<SyncFailure, MessageKey> = {
  offline: 'status.failure.offline',
  device_revoked: 'status.failure.device_revoked',
  device_expired: 'status.failure.device_expired',
  rate_limited: 'status.failure.rate_limited',
  server_behind: 'status.failure.server_behind',
  server_error: 'status.failure.server_error',
  // The counter's storage-full message: nothing stored is lost, what to do next.
  storage_full: 'error.quota',
};

const failureKey = (code: string | null | undefined): MessageKey | null =>
  code ? (FAILURE_KEYS[code as SyncFailure] ?? 'status.failure.server_error') : null;

/** The last sync's failure in words, on its own line under the strip (it can be long). */
export function SyncFailureLine() {
  const { db } = useServices();
  const { t } = useI18n();
  const syncState = useLiveQuery(() => readMeta(db, 'sync'), [db]);
  const failure = failureKey(syncState?.lastError);
  if (!failure) return null;
  return (
    <p class="sync-failure" data-testid="sync-failure" data-code={syncState?.lastError ?? ''} role="alert">
      {t(failure)}
    </p>
  );
}

/** Online/offline, records waiting, last successful sync, refused records, "sync now": one cell of the strip. */
export function SyncStatus({ viewer }: { viewer: RefusedViewer }) {
  const { db } = useServices();
  const { t, lang } = useI18n();
  const online = useOnline();
  const now = useNow(30_000);
  const summary = useLiveQuery(() => outboxSummary(db), [db]);
  const syncState = useLiveQuery(() => readMeta(db, 'sync'), [db]);
  const refusal = useDeviceRefusal();
  const waiting = summary?.waiting ?? 0;
  const last = syncState?.lastSuccessAt ?? null;
  const lastText = !last
    ? t('status.neverSynced')
    : t('status.lastSync', {
        time: now.getTime() - new Date(last).getTime() < 60_000 ? t('status.justNow') : formatWhen(last, lang, now),
      });

  return (
    <div class="sync-status">
      <div class="sync-facts">
        <div class="sync-pills">
          {/* A tablet the server refuses is not "online", whatever the network says. */}
          <span
            class={refusal === null && online ? 'pill pill-ok' : 'pill pill-off'}
            data-testid="status-online"
            data-online={String(online)}
            data-refused={refusal ?? ''}
            role="status"
          >
            <span class="pill-dot" aria-hidden="true" />
            {refusal !== null ? t(`device.${refusal}.state`) : online ? t('status.online') : t('status.offline')}
          </span>
          <span class={waiting > 0 ? 'pill pill-wait' : 'pill'} data-testid="status-waiting" data-count={String(waiting)}>
            {t('status.waiting', { count: formatNumber(waiting, lang) })}
          </span>
        </div>
        <span class="sync-last" data-testid="status-last-sync" data-at={last ?? ''}>
          {lastText}
        </span>
      </div>
      <RejectedRecords viewer={viewer} />
      <SyncNowButton />
    </div>
  );
}
