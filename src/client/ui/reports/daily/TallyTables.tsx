import { type Tally, withRatios } from '../../../../shared/measures.ts';
import type { Hall } from '../../../../shared/schemas/reference.ts';
import type { CampaignDayRow, PersonDayRow } from '../../../../shared/schemas/reports.ts';
import { pick } from '../../../i18n/index.ts';
import { type ReportsTranslate, useReportsI18n } from '../../../i18n/reports/index.ts';
import { count, dayLabel, percent } from '../../../reports/format.ts';
import type { DetailTarget } from '../../../reports/filters.ts';
import type { RatioMeasure } from '../../../reports/series.ts';
import type { Lang } from '../../../state/langStore.ts';
import { RATIO_KEYS } from '../common/measures.ts';
import { type Column, SortableTable } from './SortableTable.tsx';

interface TableProps<Row> {
  rows: readonly Row[];
  halls: readonly Hall[];
  /** Dates with their year (a range across two years). */
  withYear: boolean;
  onOpen: (t: DetailTarget) => void;
}

/** A row of the table with its ratios, divided once. */
interface Shown<Row> {
  row: Row;
  tally: Tally;
}

function ratioColumns<Row>(measures: readonly RatioMeasure[], t: ReportsTranslate, lang: Lang): Column<Shown<Row>>[] {
  return measures.map((m) => ({
    key: m,
    label: t(RATIO_KEYS[m]),
    numeric: true,
    value: (r) => r.tally[m],
    render: (r) => percent(r.tally[m], lang),
  }));
}

function countColumn<Row>(key: string, label: string, value: (row: Row) => number, lang: Lang): Column<Shown<Row>> {
  return { key, label, numeric: true, value: (r) => value(r.row), render: (r) => count(value(r.row), lang) };
}

/** The day, and the hall when the table covers more than one. */
function whereColumns<Row extends { day: string; hallId: string }>(
  halls: readonly Hall[],
  withYear: boolean,
  t: ReportsTranslate,
  lang: Lang,
): Column<Shown<Row>>[] {
  const hallName = (id: string) => {
    const hall = halls.find((h) => h.id === id);
    return hall ? pick(hall.name, lang) : id;
  };
  const day: Column<Shown<Row>> = {
    key: 'day',
    label: t('reports.col.day'),
    value: (r) => r.row.day,
    render: (r) => dayLabel(r.row.day, lang, withYear),
  };
  if (halls.length <= 1) return [day];
  return [day, { key: 'hall', label: t('reports.col.hall'), value: (r) => hallName(r.row.hallId), render: (r) => hallName(r.row.hallId) }];
}

/** One row per person per day; visits left without a recommendation stand out. */
export function PersonTable({ rows, halls, withYear, onOpen }: TableProps<PersonDayRow>) {
  const { t, lang } = useReportsI18n();
  type R = Shown<PersonDayRow>;
  const shown: R[] = rows.map((row) => ({ row, tally: withRatios(row) }));
  const columns: Column<R>[] = [
    ...whereColumns<PersonDayRow>(halls, withYear, t, lang),
    { key: 'person', label: t('reports.col.person'), value: (r) => r.row.staffName, render: (r) => r.row.staffName },
    countColumn<PersonDayRow>('visits', t('measure.visits'), (row) => row.visits, lang),
    {
      ...countColumn<PersonDayRow>('visitsWithoutRecommendation', t('measure.visitsWithoutRecommendation'), (row) => row.visitsWithoutRecommendation, lang),
      render: (r) => (
        <span class={r.row.visitsWithoutRecommendation > 0 ? 'r-flag' : undefined}>{count(r.row.visitsWithoutRecommendation, lang)}</span>
      ),
    },
    ...ratioColumns<PersonDayRow>(['recommendationRate'], t, lang),
    countColumn<PersonDayRow>('recommendations', t('measure.recommendations'), (row) => row.recommendations, lang),
    countColumn<PersonDayRow>('accepted', t('measure.accepted'), (row) => row.accepted, lang),
    ...ratioColumns<PersonDayRow>(['conversion', 'vasAttachment', 'mustSayCoverage', 'fullCoverageShare'], t, lang),
  ];
  return (
    <SortableTable
      name="person"
      caption={t('reports.table.person')}
      columns={columns}
      rows={shown}
      initial={{ key: 'day', dir: 'asc' }}
      rowKey={(r) => `${r.row.day}|${r.row.hallId}|${r.row.staffId}`}
      rowTestId={(r) => `person-row-${r.row.staffId}-${r.row.day}`}
      rowLabel={t('reports.daily.openRow')}
      onOpen={(r) => onOpen({ kind: 'person', hallId: r.row.hallId, day: r.row.day, staffId: r.row.staffId, staffName: r.row.staffName })}
    />
  );
}

/** One row per campaign per day: its outcomes and must-say coverage. */
export function CampaignTable({ rows, halls, withYear, onOpen }: TableProps<CampaignDayRow>) {
  const { t, lang } = useReportsI18n();
  type R = Shown<CampaignDayRow>;
  // A campaign's row has no visits of its own: only the recommendation ratios mean something.
  const shown: R[] = rows.map((row) => ({
    row,
    tally: withRatios({
      visits: 0,
      visitsWithRecommendation: 0,
      vasVisits: 0,
      recommendations: row.recommendations,
      accepted: row.outcomes.accepted,
      elementsSaid: row.elementsSaid,
      fullCoverage: row.fullCoverage,
    }),
  }));
  const outcome = (o: keyof CampaignDayRow['outcomes']) => countColumn<CampaignDayRow>(o, t(`outcome.${o}`), (row) => row.outcomes[o], lang);
  const title = (r: R) => pick(r.row.title, lang);
  const category = (r: R) => t(`category.${r.row.category}`);
  const columns: Column<R>[] = [
    ...whereColumns<CampaignDayRow>(halls, withYear, t, lang),
    { key: 'campaign', label: t('reports.col.campaign'), value: title, render: title },
    { key: 'category', label: t('reports.col.category'), value: category, render: category },
    countColumn<CampaignDayRow>('recommendations', t('measure.recommendations'), (row) => row.recommendations, lang),
    outcome('accepted'),
    outcome('declined'),
    outcome('considering'),
    outcome('ineligible'),
    ...ratioColumns<CampaignDayRow>(['conversion', 'mustSayCoverage', 'fullCoverageShare'], t, lang),
  ];
  return (
    <SortableTable
      name="campaign"
      caption={t('reports.table.campaign')}
      columns={columns}
      rows={shown}
      initial={{ key: 'day', dir: 'asc' }}
      rowKey={(r) => `${r.row.day}|${r.row.hallId}|${r.row.campaignId}`}
      rowTestId={(r) => `campaign-row-${r.row.campaignId}-${r.row.hallId}-${r.row.day}`}
      rowLabel={t('reports.daily.openRow')}
      onOpen={(r) => onOpen({ kind: 'campaign', hallId: r.row.hallId, day: r.row.day, campaignId: r.row.campaignId, title: r.row.title })}
    />
  );
}
