import { useEffect, useRef, useState } from 'preact/hooks';
import type { DailyReport } from '../../../../shared/schemas/reports.ts';
import { pick } from '../../../i18n/index.ts';
import { useReportsI18n } from '../../../i18n/reports/index.ts';
import { count, percent, shortDay } from '../../../reports/format.ts';
import { campaignSeries, OUTCOME_ORDER, RATIO_MEASURES, trendSeries } from '../../../reports/series.ts';
import { RATIO_KEYS } from '../common/measures.ts';

type Kit = typeof import('./chartKit.ts');
type ChartHandle = { destroy: () => void };

const MEASURE_COLORS = {
  recommendationRate: '#0b5cad',
  conversion: '#1d7a3e',
  vasAttachment: '#b26a00',
  mustSayCoverage: '#7b3fa0',
  fullCoverageShare: '#c2185b',
} as const;
const VISITS_COLOR = 'rgb(201 210 221 / 70%)';
const OUTCOME_COLORS = { accepted: '#1d7a3e', declined: '#b3261e', considering: '#e0a100', ineligible: '#8a94a3' } as const;

/** More would be a wall of charts; the campaign filter narrows to any one of the rest. */
export const MAX_CAMPAIGN_CHARTS = 8;

/**
 * The daily trend of each measure and each campaign's outcomes per day. chart.js arrives in its
 * own chunk once this panel is on screen, after the table; the table never waits for it.
 */
export function ChartsPanel({ report }: { report: DailyReport }) {
  const { t, lang } = useReportsI18n();
  const [kit, setKit] = useState<Kit | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    import('./chartKit.ts').then(
      (loaded) => current && setKit(loaded),
      (cause: unknown) => current && setFailed(cause instanceof Error ? cause.message : String(cause)),
    );
    return () => {
      current = false;
    };
  }, []);

  const trend = trendSeries(report.byPerson, report.from, report.to);
  const { days, campaigns } = campaignSeries(report.byCampaign, report.from, report.to);
  const labels = trend.days.map((d) => shortDay(d, lang));
  const shown = campaigns.slice(0, MAX_CAMPAIGN_CHARTS);

  return (
    <section class="r-section r-charts" aria-labelledby="r-charts-title" data-testid="report-charts" data-ready={String(kit !== null)}>
      <h2 id="r-charts-title">{t('reports.charts')}</h2>
      {failed && (
        <p class="msg msg-error" role="alert">
          {t('reports.charts.failed', { message: failed })}
        </p>
      )}
      {!kit && !failed && <p class="hint">{t('reports.charts.loading')}</p>}
      {kit && (
        <div class="r-chart-grid">
          <figure class="r-chart r-chart-wide" data-testid="chart-trend">
            <figcaption>{t('reports.charts.trend')}</figcaption>
            <ChartCanvas
              label={t('reports.charts.trendLabel')}
              draw={(ctx) =>
                kit.drawTrend(ctx, {
                  labels,
                  ratios: RATIO_MEASURES.map((m) => ({ label: t(RATIO_KEYS[m]), color: MEASURE_COLORS[m], data: trend.tallies.map((x) => x[m]) })),
                  visits: { label: t('measure.visits'), color: VISITS_COLOR, data: trend.tallies.map((x) => x.visits) },
                  percent: (r) => percent(r, lang),
                  count: (n) => count(n, lang),
                })
              }
              deps={[report, lang]}
            />
          </figure>
          <h3 class="r-chart-subhead">{t('reports.charts.outcomes')}</h3>
          {shown.length === 0 && <p class="hint">{t('reports.charts.none')}</p>}
          {shown.map((c) => (
            <figure key={c.campaignId} class="r-chart" data-testid={`chart-campaign-${c.campaignId}`}>
              <figcaption>
                {pick(c.title, lang)} <span class="muted">· {t(`category.${c.category}`)}</span>
              </figcaption>
              <ChartCanvas
                label={t('reports.charts.outcomesLabel', { campaign: pick(c.title, lang) })}
                draw={(ctx) =>
                  kit.drawOutcomes(ctx, {
                    labels: days.map((d) => shortDay(d, lang)),
                    series: OUTCOME_ORDER.map((o) => ({ label: t(`outcome.${o}`), color: OUTCOME_COLORS[o], data: c.outcomes[o] })),
                  })
                }
                deps={[report, lang]}
              />
            </figure>
          ))}
          {campaigns.length > shown.length && <p class="hint">{t('reports.charts.more', { count: campaigns.length - shown.length })}</p>}
        </div>
      )}
    </section>
  );
}

/** A canvas drawn by `draw` and redrawn when `deps` change; a browser without 2D canvas says so instead. */
function ChartCanvas({ label, draw, deps }: { label: string; draw: (ctx: CanvasRenderingContext2D) => ChartHandle; deps: readonly unknown[] }) {
  const { t } = useReportsI18n();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [unavailable, setUnavailable] = useState(false);
  useEffect(() => {
    const ctx = canvas.current?.getContext('2d') ?? null;
    if (!ctx) {
      setUnavailable(true);
      return;
    }
    const chart = draw(ctx);
    return () => chart.destroy();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return (
    <div class="r-chart-box">
      <canvas ref={canvas} role="img" aria-label={label} />
      {unavailable && <p class="hint">{t('reports.charts.unavailable')}</p>}
    </div>
  );
}
