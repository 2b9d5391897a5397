import { useRef, useState } from 'preact/hooks';
import { useServices } from '../../app/ServicesContext.tsx';
import { type TodayVisit, todayVisitsOf } from '../../db/dayQueries.ts';
import type { Actor } from '../../db/fieldWrites.ts';
import { openVisitOf } from '../../db/queries.ts';
import { refusedVisitIdsOf } from '../../db/refusedRecords.ts';
import { voidRefusal } from '../../db/voidRules.ts';
import { formatTime } from '../../i18n/format.ts';
import { pick } from '../../i18n/index.ts';
import { useVisitsI18n } from '../../i18n/visits/index.ts';
import { useDialogFocus } from '../common/useDialogFocus.ts';
import { useNow } from '../common/useNow.ts';
import { useLiveQuery } from '../../db/useLiveQuery.ts';
import { VoidForm } from './VoidForm.tsx';
import '../../styles/visits.css';

export interface TodayVisitsProps {
  actor: Actor;
  timeZone: string;
  onClose: () => void;
}

/**
 * The signed-in person's visits of today on this tablet, from the status strip: each with its
 * recommendations, voided ones marked with their reason, and "void" where the rules allow it.
 * A chunk of its own, loaded on the first tap.
 */
export function TodayVisits({ actor, timeZone, onClose }: TodayVisitsProps) {
  const { db } = useServices();
  const { t } = useVisitsI18n();
  const now = useNow(60_000);
  const list = useLiveQuery(() => todayVisitsOf(db, actor.staffId, timeZone, new Date()), [db, actor.staffId, timeZone, now.getDate()]);
  const open = useLiveQuery(() => openVisitOf(db, actor.staffId), [db, actor.staffId]);
  const refused = useLiveQuery(() => refusedVisitIdsOf(db, actor.staffId), [db, actor.staffId]);
  const [voiding, setVoiding] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const dialog = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useDialogFocus(dialog, true, { onEscape: onClose });

  const ctx = { staffId: actor.staffId, openVisitId: open?.id ?? null, timeZone, now };
  const target = list?.find((v) => v.visit.id === voiding);

  return (
    <div class="tv-overlay" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <section class="tv-dialog card" role="dialog" aria-modal="true" aria-labelledby="tv-title" data-testid="today-visits-panel" ref={dialog}>
        <div class="tv-head">
          <h2 id="tv-title" tabIndex={-1} ref={heading} data-autofocus>
            {t('visits.title')}
          </h2>
          <button type="button" class="btn btn-secondary" data-testid="today-visits-close" onClick={onClose}>
            {t('visits.close')}
          </button>
        </div>
        <p class="hint">{t('visits.hint')}</p>
        {open && (
          <p class="msg msg-info" data-testid="void-blocked-open">
            {t('visits.blockedOpen')}
          </p>
        )}
        {done && (
          <p class="msg tv-done" role="status" data-testid="void-done">
            {t('visits.done')}
          </p>
        )}
        {target ? (
          <VoidForm
            actor={actor}
            timeZone={timeZone}
            entry={target}
            onCancel={() => setVoiding(null)}
            onVoided={() => {
              // Its "void" button is gone with it: the focus waits on the list's heading.
              heading.current?.focus();
              setVoiding(null);
              setDone(true);
            }}
          />
        ) : (
          <ul class="tv-list" data-testid="today-visits-list" data-count={String(list?.length ?? 0)}>
            {list?.length === 0 && <li class="hint">{t('visits.none')}</li>}
            {list?.map((entry) => (
              <VisitRow
                key={entry.visit.id}
                entry={entry}
                refused={refused?.has(entry.visit.id) ?? false}
                canVoid={voidRefusal(entry.visit, ctx) === null}
                onVoid={() => {
                  setDone(false);
                  setVoiding(entry.visit.id);
                }}
              />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function VisitRow({ entry, refused, canVoid, onVoid }: { entry: TodayVisit; refused: boolean; canVoid: boolean; onVoid: () => void }) {
  const { t, lang } = useVisitsI18n();
  const { visit, recs } = entry;
  return (
    <li
      class={visit.voided ? 'tv-visit tv-voided' : 'tv-visit'}
      data-testid={`today-visit-${visit.id}`}
      data-voided={String(!!visit.voided)}
      data-refused={String(refused)}
    >
      <div class="tv-when">
        <strong>{formatTime(visit.openedAt, lang)}</strong>
        {visit.closedAt === null && <span class="badge badge-live">{t('visits.serving')}</span>}
      </div>
      <div class="tv-what">
        <span>
          {t(`business.${visit.business}`)} · <span class="muted">{t(`source.${visit.source}`)}</span>
        </span>
        <span class="tv-recs">
          {recs.length === 0 ? (
            <span class="muted">{t('visits.noRecs')}</span>
          ) : (
            recs.map(({ rec, title }) => (
              <span key={rec.id} class={`badge outcome-${rec.outcome}`}>
                {title ? pick(title, lang) : '—'} · {t(`outcome.${rec.outcome}`)}
              </span>
            ))
          )}
        </span>
        {refused && (
          <span class="tv-reason" data-testid={`today-visit-refused-${visit.id}`}>
            <span class="badge tv-badge-refused">{t('visits.refused')}</span> {t('visits.refusedHint')}
          </span>
        )}
        {visit.voided && (
          <span class="tv-reason" data-testid={`today-visit-reason-${visit.id}`}>
            <span class="badge tv-badge-void">{t('visits.voided')}</span>{' '}
            {t('visits.voidedBecause', { reason: visit.voided.reason, time: formatTime(visit.voided.at, lang) })}
          </span>
        )}
      </div>
      <div class="tv-act">
        {canVoid && (
          <button type="button" class="btn btn-outline" id={`void-visit-${visit.id}`} data-testid={`void-visit-${visit.id}`} onClick={onVoid}>
            {t('visits.void')}
          </button>
        )}
      </div>
    </li>
  );
}
