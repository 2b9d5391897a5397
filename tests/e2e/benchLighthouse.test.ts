import { describe, expect, it } from 'vitest';
import { lighthouseSection } from '../../bench/lighthouse.ts';

/** The bench's "lighthouse" section at its smallest (`npm run bench -- lighthouse` runs it in full). */
describe('bench: Lighthouse mobile performance of the enrolment screen and the counter', () => {
  it('scores one cold load of each page', async () => {
    const pages = await lighthouseSection({ runs: 1 });
    expect(pages.map((p) => p.page)).toEqual(['enrolment', 'counter']);
    for (const p of pages) {
      expect(p.scores, p.page).toHaveLength(1);
      expect(p.median, p.page).toBeGreaterThanOrEqual(0);
      expect(p.median, p.page).toBeLessThanOrEqual(1);
      for (const metric of [p.fcp, p.lcp, p.tbt, p.cls]) expect(Number.isFinite(metric), p.page).toBe(true);
    }
  }, 300_000);
});
