import { useEffect, useRef, useState } from 'preact/hooks';
import { MUST_SAY_KEYS } from '../../../../shared/mustSay.ts';
import type { Hall } from '../../../../shared/schemas/reference.ts';
import type { RecommendationDetail, VisitDetail, VisitDetailResponse } from '../../../../shared/schemas/reports.ts';
import { pick } from '../../../i18n/index.ts';
import { useReportsI18n } from '../../../i18n/reports/index.ts';
import { withQuery } from '../../../reports/api.ts';
import { dayLabel, listOf, timeIn } from '../../../reports/format.ts';
import { type DetailTarget, detailParams, type Filters } from '../../../reports/filters.ts';
import { reportProblemOf, type ReportProblem } from '../../../reports/problems.ts';
import { useDialogFocus } from '../../common/useDialogFocus.ts';
import { ProblemNote } from '../common/ProblemNote.tsx';
import { useReports } from '../ReportsContext.tsx';

interface Props {
  target: DetailTarget;
  filters: Filters;
  halls: readonly Hall[];
  onClose: () => void;
}

/** The visits behind a tally row, each with its recommendations; voided visits listed, marked, with their reason. */
export function VisitDetailPanel({ target, filters, halls, onClose }: Props) {
  const { t, lang } = useReportsI18n();
  const { api, scopeContext, enrolment } = useReports();
  const [answer, setAnswer] = useState<VisitDetailResponse | null>(null);
  const [problem, setProblem] = useState<ReportProblem | null>(null);
  const [round, setRound] = useState(0);
  const timeZone = halls.find((h) => h.id === target.hallId)?.timeZone ?? enrolment.hall.timeZone;

  const params = detailParams(target, filters, scopeContext);
  const key = withQuery('', params);

  useEffect(() => {
    if (!api) return;
    let current = true;
    setAnswer(null);
    setProblem(null);
    api.visits(params).then(
      (value) => current && setAnswer(value),
      (cause: unknown) => current && setProblem(reportProblemOf(cause)),
    );
    return () => {
      current = false;
    };
    // `key` stands for `params`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, key, round]);

  const dialog = useRef<HTMLElement>(null);
  useDialogFocus(dialog, true, { onEscape: onClose });

  const date = dayLabel(target.day, lang);
  const subtitle =
    target.kind === 'person'
      ? t('reports.detail.person', { person: target.staffName, date })
      : t('reports.detail.campaign', { campaign: pick(target.title, lang), date });
  const voided = answer?.visits.filter((v) => v.void !== null).length ?? 0;

  return (
    <div class="r-overlay" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <section
        class="r-detail card"
        role="dialog"
        aria-modal="true"
        aria-labelledby="r-detail-title"
        data-testid="visit-detail"
        data-kind={target.kind}
        ref={dialog}
      >
        <div class="r-detail-head">
          <div>
            <h2 id="r-detail-title" tabIndex={-1} data-autofocus>
              {t('reports.detail.title')}
            </h2>
            <p class="muted">{subtitle}</p>
          </div>
          <button type="button" class="btn btn-secondary" data-testid="visit-detail-close" onClick={onClose}>
            {t('reports.close')}
          </button>
        </div>
        {problem && <ProblemNote problem={problem} onRetry={() => setRound((n) => n + 1)} />}
        {!answer && !problem && <p class="loading">{t('reports.loading')}</p>}
        {answer && (
          <>
            <p class="hint" data-testid="visit-detail-count" data-count={String(answer.visits.length)} data-voided={String(voided)}>
              {answer.visits.length === 0 ? t('reports.detail.none') : t('reports.detail.count', { count: answer.visits.length, voided })}
            </p>
            <ol class="r-visits">
              {answer.visits.map((v) => (
                <VisitItem key={v.id} visit={v} timeZone={halls.find((h) => h.id === v.hallId)?.timeZone ?? timeZone} />
              ))}
            </ol>
          </>
        )}
      </section>
    </div>
  );
}

function VisitItem({ visit, timeZone }: { visit: VisitDetail; timeZone: string }) {
  const { t, lang } = useReportsI18n();
  const at = (instant: string) => timeIn(instant, lang, timeZone);
  return (
    <li class={visit.void ? 'r-visit r-visit-voided' : 'r-visit'} data-testid={`detail-visit-${visit.id}`} data-voided={String(visit.void !== null)}>
      <div class="r-visit-head">
        <strong>{at(visit.openedAt)}</strong>
        <span class="muted">{visit.closedAt ? `– ${at(visit.closedAt)}` : t('reports.detail.stillOpen')}</span>
        <span>
          {visit.staffName} · {t(`business.${visit.business}`)} · {t(`source.${visit.source}`)}
        </span>
        <span class="muted">{t('reports.detail.device', { device: visit.deviceLabel ?? t('reports.detail.unnamedDevice') })}</span>
        {visit.void && <span class="badge r-badge-void">{t('reports.detail.voided')}</span>}
      </div>
      {visit.void && (
        <p class="r-void-reason" data-testid={`detail-void-reason-${visit.id}`}>
          {t('reports.detail.voidReason', { reason: visit.void.reason, time: at(visit.void.at) })}
        </p>
      )}
      {visit.recommendations.length === 0 ? (
        <p class="hint">{t('reports.detail.noRecs')}</p>
      ) : (
        <ul class="r-recs">
          {visit.recommendations.map((r) => (
            <RecommendationItem key={r.id} rec={r} at={at} />
          ))}
        </ul>
      )}
    </li>
  );
}

function RecommendationItem({ rec, at }: { rec: RecommendationDetail; at: (instant: string) => string }) {
  const { t, lang } = useReportsI18n();
  const said = MUST_SAY_KEYS.filter((k) => rec.elementsSaid.includes(k));
  const notSaid = MUST_SAY_KEYS.filter((k) => !rec.elementsSaid.includes(k));
  return (
    <li class="r-rec" data-testid={`detail-rec-${rec.id}`} data-outcome={rec.outcome}>
      <div class="r-rec-head">
        <strong>{pick(rec.campaignTitle, lang)}</strong>
        <span class="muted">
          {t(`category.${rec.category}`)} · {t('reports.detail.version', { version: rec.talkTrackVersion })}
        </span>
        <span class={`badge outcome-${rec.outcome}`}>{t(`outcome.${rec.outcome}`)}</span>
        {rec.declineReason && <span>{t('reports.detail.declineReason', { reason: t(`reason.${rec.declineReason}`) })}</span>}
        {rec.demoDeviceUsed && <span class="badge">{t('reports.detail.demo')}</span>}
        <span class="muted">{t('reports.detail.at', { time: at(rec.recordedAt) })}</span>
      </div>
      <p class="r-said">
        {said.length === 0 ? (
          t('reports.detail.saidNone')
        ) : (
          <>
            {t('reports.detail.said', { count: said.length, total: MUST_SAY_KEYS.length })} {listOf(said.map((k) => t(`element.${k}`)), lang)}
          </>
        )}
      </p>
      {notSaid.length > 0 && said.length > 0 && (
        <p class="r-said r-not-said">
          {t('reports.detail.notSaid')} {listOf(notSaid.map((k) => t(`element.${k}`)), lang)}
        </p>
      )}
    </li>
  );
}
