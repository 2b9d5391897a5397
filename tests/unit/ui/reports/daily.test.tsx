import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { API } from '../../../../src/shared/apiPaths.ts';
import { localDate } from '../../../../src/shared/localDate.ts';
import { MUST_SAY_KEYS } from '../../../../src/shared/mustSay.ts';
import { addDays } from '../../../../src/client/reports/filters.ts';
import { useApiApp } from '../../../helpers/apiApp.ts';
import { actorOf, reportsUi, requestsTo, seedReportHall, serve, serveScenario, syncTablet } from '../../../helpers/reportsUi.tsx';
import { resetUiState } from '../../../helpers/uiFixtures.tsx';

const downloads: { name: string; size: number }[] = [];

beforeEach(() => {
  resetUiState();
  downloads.length = 0;
  // jsdom has neither object URLs nor downloads nor a 2D canvas: the browser's parts, not ours.
  URL.createObjectURL = () => 'blob:test';
  URL.revokeObjectURL = () => undefined;
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, size: 0 });
  });
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(() => null);
});
afterEach(() => vi.restoreAllMocks());

const lastQuery = (urls: readonly string[], path: string) => Object.fromEntries(requestsTo(urls, path).at(-1) ?? []);
const rowIds = (table: string) =>
  within(screen.getByTestId(`table-${table}`))
    .getAllByRole('row')
    .slice(1)
    .map((r) => r.getAttribute('data-testid'));
/** Picks a value once the select offers it (the choices come from this tablet's records and from the report). */
async function choose(testId: string, value: string) {
  const select = screen.getByTestId(testId) as HTMLSelectElement;
  await waitFor(() => expect([...select.options].map((o) => o.value)).toContain(value));
  fireEvent.change(select, { target: { value } });
}

/** The scenario today, plus two VAS sales of the consultant yesterday; everything synced. */
async function dailyHall(ctx: Parameters<typeof seedReportHall>[0], who: 'manager' | 'consultant' | 'admin' = 'manager') {
  const { hall, voice } = await seedReportHall(ctx);
  const ui = await reportsUi(ctx, { hall, who, path: null });
  const ids = await serveScenario(ui, voice);
  const yesterdayAt = new Date(Date.now() - 24 * 3600_000);
  const vas = { campaignId: hall.fx.campaign.id, talkTrackVersionId: hall.fx.talkTrack.id, said: MUST_SAY_KEYS };
  for (let i = 0; i < 2; i++) await serve(ui.db, actorOf(hall, hall.consultant), [vas], yesterdayAt);
  await syncTablet(ui);
  const today = localDate(new Date(), hall.fx.hall.timeZone);
  return { ui, hall, voice, ids, today, yesterday: localDate(yesterdayAt, hall.fx.hall.timeZone) };
}

describe('reports: daily tallies', () => {
  const ctx = useApiApp('sqlite');

  it('asks for the last 7 days, and each filter changes the request (and the page address)', async () => {
    const { ui, hall, voice, today, yesterday } = await dailyHall(ctx());
    ui.render('/reports/daily');
    const consultant = hall.consultant.staffId;
    await screen.findByTestId(`person-row-${consultant}-${today}`);
    expect(lastQuery(ui.urls, API.reportDaily)).toEqual({ from: addDays(today, -6), to: today });
    // The server's order: day, hall, name (测试员乙 before 测试员甲 by code point).
    expect(rowIds('person')).toEqual([
      `person-row-${consultant}-${yesterday}`,
      `person-row-${hall.marketer.staffId}-${today}`,
      `person-row-${consultant}-${today}`,
    ]);

    await choose('filter-person', consultant);
    await waitFor(() => expect(lastQuery(ui.urls, API.reportDaily)).toEqual({ from: addDays(today, -6), to: today, staffId: consultant }));
    await waitFor(() => expect(screen.queryByTestId(`person-row-${hall.marketer.staffId}-${today}`)).toBeNull());
    expect(new URLSearchParams(location.search).get('staff')).toBe(consultant);

    await choose('filter-category', 'vas');
    await waitFor(() => expect(lastQuery(ui.urls, API.reportDaily)).toMatchObject({ staffId: consultant, category: 'vas' }));
    await choose('filter-campaign', voice.campaign.id);
    await waitFor(() => expect(lastQuery(ui.urls, API.reportDaily)).toMatchObject({ campaignId: voice.campaign.id, category: 'vas' }));
    await choose('filter-category', '');
    fireEvent.click(screen.getByTestId('filter-quick-today'));
    await waitFor(() =>
      expect(lastQuery(ui.urls, API.reportDaily)).toEqual({ from: today, to: today, staffId: consultant, campaignId: voice.campaign.id }),
    );
    // Campaign filters narrow the recommendations, not the visits: 3 visits, 1 voice recommendation, declined.
    const row = await screen.findByTestId(`person-row-${consultant}-${today}`);
    await waitFor(() => expect(screen.queryByTestId(`person-row-${consultant}-${yesterday}`)).toBeNull());
    expect(row.querySelector('[data-col="visits"]')!.textContent).toBe('3');
    expect(row.querySelector('[data-col="conversion"]')!.textContent).toBe('0%');

    // A range the server would refuse is said here, and not asked for.
    const asked = requestsTo(ui.urls, API.reportDaily).length;
    fireEvent.change(screen.getByTestId('filter-from'), { target: { value: addDays(today, 1) } });
    expect((await screen.findByTestId('filter-range-problem')).getAttribute('data-kind')).toBe('from_after_to');
    expect(requestsTo(ui.urls, API.reportDaily).length).toBe(asked);
  });

  it('sorts the table by any column, both ways', async () => {
    const { ui, hall, today, yesterday } = await dailyHall(ctx());
    ui.render('/reports/daily');
    const c = hall.consultant.staffId;
    const m = hall.marketer.staffId;
    await screen.findByTestId(`person-row-${c}-${today}`);

    fireEvent.click(screen.getByTestId('sort-person-visits'));
    expect(rowIds('person')).toEqual([`person-row-${c}-${today}`, `person-row-${c}-${yesterday}`, `person-row-${m}-${today}`]);
    expect(screen.getByTestId('sort-person-visits').closest('th')!.getAttribute('aria-sort')).toBe('descending');
    fireEvent.click(screen.getByTestId('sort-person-visits'));
    expect(rowIds('person')).toEqual([`person-row-${m}-${today}`, `person-row-${c}-${yesterday}`, `person-row-${c}-${today}`]);
    expect(screen.getByTestId('sort-person-visits').closest('th')!.getAttribute('aria-sort')).toBe('ascending');
    // Conversion: yesterday 2/2, today 1/2, the marketer 0/1.
    fireEvent.click(screen.getByTestId('sort-person-conversion'));
    expect(rowIds('person')).toEqual([`person-row-${c}-${yesterday}`, `person-row-${c}-${today}`, `person-row-${m}-${today}`]);
    fireEvent.click(screen.getByTestId('sort-person-person'));
    expect(rowIds('person').slice(-1)).toEqual([`person-row-${m}-${today}`]);

    fireEvent.click(screen.getByTestId('table-tab-campaign'));
    const campaignRows = await screen.findByTestId('table-campaign');
    expect(within(campaignRows).getAllByRole('row')).toHaveLength(4); // head + VAS today, voice today, VAS yesterday
    fireEvent.click(screen.getByTestId('sort-campaign-recommendations'));
    expect(rowIds('campaign')[0]).toBe(`campaign-row-${hall.fx.campaign.id}-${hall.fx.hall.id}-${yesterday}`);
  });

  it('exports exactly what is on screen: the same filters, the table shown, the UI language, under the server’s file name', async () => {
    const { ui, hall, voice, today } = await dailyHall(ctx());
    const from = addDays(today, -2);
    ui.render(`/reports/daily?from=${from}&to=${today}&staff=${hall.consultant.staffId}&category=voice_data`);
    await screen.findByTestId(`person-row-${hall.consultant.staffId}-${today}`);
    const shown = lastQuery(ui.urls, API.reportDaily);
    expect(shown).toEqual({ from, to: today, staffId: hall.consultant.staffId, category: 'voice_data' });

    fireEvent.click(screen.getByTestId('export-csv'));
    const done = await screen.findByTestId('export-done');
    expect(lastQuery(ui.urls, API.reportExport)).toEqual({ ...shown, format: 'csv', table: 'person', lang: 'zh-CN' });
    const name = done.getAttribute('data-file')!;
    expect(name).toBe(`talktrack-by-person-${hall.fx.hall.name.zh.replace(/\s+/g, '-')}-${from}_${today}.csv`);
    expect(downloads.map((d) => d.name)).toEqual([name]);

    fireEvent.click(screen.getByTestId('lang-en'));
    fireEvent.click(screen.getByTestId('table-tab-campaign'));
    await screen.findByTestId(`campaign-row-${voice.campaign.id}-${hall.fx.hall.id}-${today}`);
    fireEvent.click(screen.getByTestId('export-csv'));
    await waitFor(() => expect(lastQuery(ui.urls, API.reportExport)).toEqual({ ...shown, format: 'csv', table: 'campaign', lang: 'en' }));
    const enName = hall.fx.hall.name.en!.replace(/\s+/g, '-');
    await waitFor(() => expect(downloads.at(-1)!.name).toBe(`talktrack-by-campaign-${enName}-${from}_${today}.csv`));

    fireEvent.click(screen.getByTestId('export-xlsx'));
    await waitFor(() => expect(lastQuery(ui.urls, API.reportExport)).toEqual({ ...shown, format: 'xlsx', lang: 'en' }));
    await waitFor(() => expect(downloads.at(-1)!.name).toMatch(/^talktrack-report-.+\.xlsx$/));
  });

  it('drills down from a row to the visits behind it; a voided visit is listed, marked, with its reason', async () => {
    const { ui, hall, ids, today } = await dailyHall(ctx());
    ui.render('/reports/daily');
    fireEvent.click(await screen.findByTestId(`person-row-${hall.consultant.staffId}-${today}`));

    const detail = await screen.findByTestId('visit-detail');
    const count = await within(detail).findByTestId('visit-detail-count');
    expect(count.getAttribute('data-count')).toBe('4');
    expect(count.getAttribute('data-voided')).toBe('1');
    expect(lastQuery(ui.urls, API.reportVisits)).toEqual({ hallId: hall.fx.hall.id, day: today, staffId: hall.consultant.staffId });
    const voided = within(detail).getByTestId(`detail-visit-${ids.voided}`);
    expect(voided.getAttribute('data-voided')).toBe('true');
    expect(within(voided).getByText('已作废')).toBeTruthy();
    expect(within(detail).getByTestId(`detail-void-reason-${ids.voided}`).textContent).toContain('录错了客户');
    const sold = within(detail).getByTestId(`detail-visit-${ids.consultantVisits[0]}`);
    expect(sold.getAttribute('data-voided')).toBe('false');
    expect(sold.textContent).toContain('已说 7/7');
    expect(sold.textContent).toContain('测试活动');
    expect(sold.textContent).toContain('话术 v1');
    expect(sold.textContent).toContain('test tablet');
    const declined = within(detail).getByTestId(`detail-visit-${ids.consultantVisits[1]}`);
    expect(declined.textContent).toContain('拒绝原因：价格高');
    expect(declined.textContent).toContain('未说：');
    expect(within(detail).getByTestId(`detail-visit-${ids.attention}`).textContent).toContain('这次接待没有推荐');
    fireEvent.click(screen.getByTestId('visit-detail-close'));
    expect(screen.queryByTestId('visit-detail')).toBeNull();

    // A campaign's day: the visits with a recommendation of it (the voided one too, marked).
    fireEvent.click(screen.getByTestId('table-tab-campaign'));
    fireEvent.click(await screen.findByTestId(`campaign-row-${hall.fx.campaign.id}-${hall.fx.hall.id}-${today}`));
    const byCampaign = await screen.findByTestId('visit-detail');
    await waitFor(() => expect(within(byCampaign).getByTestId('visit-detail-count').getAttribute('data-count')).toBe('3'));
    expect(lastQuery(ui.urls, API.reportVisits)).toEqual({ hallId: hall.fx.hall.id, day: today, campaignId: hall.fx.campaign.id });
    expect(within(byCampaign).getByTestId(`detail-visit-${ids.voided}`).getAttribute('data-voided')).toBe('true');
  });

  it('draws the charts from a chunk of their own, after the table', async () => {
    const { ui, hall, voice, today } = await dailyHall(ctx());
    ui.render('/reports/daily');
    await screen.findByTestId(`person-row-${hall.consultant.staffId}-${today}`);
    const charts = screen.getByTestId('report-charts');
    await waitFor(() => expect(charts.getAttribute('data-ready')).toBe('true'));
    expect(within(charts).getByTestId('chart-trend')).toBeTruthy();
    expect(within(charts).getByTestId(`chart-campaign-${hall.fx.campaign.id}`)).toBeTruthy();
    expect(within(charts).getByTestId(`chart-campaign-${voice.campaign.id}`)).toBeTruthy();
  });

  it('shows a consultant their own rows, with no person filter and no staffId asked', async () => {
    const { ui, hall, today } = await dailyHall(ctx(), 'consultant');
    ui.render('/reports/daily');
    await screen.findByTestId(`person-row-${hall.consultant.staffId}-${today}`);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('我的每日统计');
    expect(screen.queryByTestId('filter-person')).toBeNull();
    expect(screen.queryByTestId('filter-hall')).toBeNull();
    expect(screen.queryByTestId(`person-row-${hall.marketer.staffId}-${today}`)).toBeNull();
    expect(lastQuery(ui.urls, API.reportDaily)).toEqual({ from: addDays(today, -6), to: today });
  });

  it('lets an admin read one hall or all of them', async () => {
    const { ui, hall, today } = await dailyHall(ctx(), 'admin');
    ui.render('/reports/daily');
    await screen.findByTestId(`person-row-${hall.consultant.staffId}-${today}`);
    const asked = requestsTo(ui.urls, API.reportDaily).map((q) => Object.fromEntries(q));
    // The report of this device's hall, and one of every hall for one day: the names of the halls to choose from.
    expect(asked).toContainEqual({ hallId: hall.fx.hall.id, from: addDays(today, -6), to: today });
    expect(asked).toContainEqual({ from: today, to: today });
    const select = screen.getByTestId('filter-hall') as HTMLSelectElement;
    await waitFor(() => expect(select.options.length).toBeGreaterThan(2)); // all halls, this one, the others of the database
    await choose('filter-hall', 'all');
    await waitFor(() => expect(lastQuery(ui.urls, API.reportDaily)).toEqual({ from: addDays(today, -6), to: today }));
    expect(await screen.findByTestId('sort-person-hall')).toBeTruthy();
  });

  it('says the daily tallies need an online sign-in', async () => {
    const { hall } = await seedReportHall(ctx());
    const ui = await reportsUi(ctx(), { hall, signedInOffline: true, path: '/reports/daily' });
    const note = await screen.findByTestId('daily-needs-online');
    expect(note.getAttribute('data-why')).toBe('signed_in_offline');
    expect(requestsTo(ui.urls, API.reportDaily)).toEqual([]);
  });
});
