import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartDataset,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';

/**
 * chart.js, loaded on its own after the table is on screen: only the pieces these charts use are
 * registered, so the rest of the library is left out of the bundle.
 */
Chart.register(LineController, LineElement, PointElement, BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

export interface LineSeries {
  label: string;
  color: string;
  data: (number | null)[];
}

export interface TrendInput {
  labels: string[];
  ratios: LineSeries[];
  visits: { label: string; color: string; data: number[] };
  percent: (ratio: number) => string;
  count: (n: number) => string;
}

/** Each ratio per day as a line (0–100 %), the day's visits as bars on their own axis; days with no visits are gaps. */
export function drawTrend(ctx: CanvasRenderingContext2D, input: TrendInput): Chart {
  const lines: ChartDataset<'line', (number | null)[]>[] = input.ratios.map((s) => ({
    type: 'line',
    label: s.label,
    data: s.data,
    borderColor: s.color,
    backgroundColor: s.color,
    yAxisID: 'ratio',
    spanGaps: false,
    tension: 0.2,
    pointRadius: input.labels.length > 45 ? 0 : 3,
  }));
  const bars: ChartDataset<'bar', number[]> = {
    type: 'bar',
    label: input.visits.label,
    data: input.visits.data,
    backgroundColor: input.visits.color,
    yAxisID: 'visits',
    order: 10,
  };
  return new Chart(ctx, {
    type: 'line',
    data: { labels: input.labels, datasets: [...lines, bars as unknown as ChartDataset<'line', (number | null)[]>] },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      scales: {
        ratio: { type: 'linear', position: 'left', min: 0, max: 1, ticks: { callback: (v) => input.percent(Number(v)) } },
        visits: { type: 'linear', position: 'right', beginAtZero: true, grid: { drawOnChartArea: false }, ticks: { precision: 0 } },
      },
      plugins: {
        legend: { position: 'bottom' },
        tooltip: {
          callbacks: {
            label: (item) =>
              item.dataset.yAxisID === 'visits'
                ? `${item.dataset.label ?? ''}: ${input.count(Number(item.raw))}`
                : `${item.dataset.label ?? ''}: ${input.percent(Number(item.raw))}`,
          },
        },
      },
    },
  });
}

export interface OutcomesInput {
  labels: string[];
  series: { label: string; color: string; data: number[] }[];
}

/** One campaign's recommendations per day, stacked by outcome. */
export function drawOutcomes(ctx: CanvasRenderingContext2D, input: OutcomesInput): Chart {
  return new Chart(ctx, {
    type: 'bar',
    data: {
      labels: input.labels,
      datasets: input.series.map((s) => ({ label: s.label, data: s.data, backgroundColor: s.color })),
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
      plugins: { legend: { position: 'bottom' } },
    },
  });
}
