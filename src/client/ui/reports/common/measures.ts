import type { RatioMeasure } from '../../../reports/series.ts';

/** The ratio measures in the order every page shows them, with the catalogue key of each name. */
export const RATIO_KEYS = {
  recommendationRate: 'measure.recommendationRate',
  conversion: 'measure.conversion',
  vasAttachment: 'measure.vasAttachment',
  mustSayCoverage: 'measure.mustSayCoverage',
  fullCoverageShare: 'measure.fullCoverageShare',
} as const satisfies Record<RatioMeasure, string>;
