import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { API } from '../../../../src/shared/apiPaths.ts';
import { localDate } from '../../../../src/shared/localDate.ts';
import { useApiApp } from '../../../helpers/apiApp.ts';
import { actorOf, reportsUi, requestsTo, seedReportHall, serve, serveScenario, syncTablet } from '../../../helpers/reportsUi.tsx';
import { resetUiState } from '../../../helpers/uiFixtures.tsx';

beforeEach(resetUiState);

const figure = (measure: string) => screen.getByTestId(`today-figure-${measure}`);
const value = (measure: string) => figure(measure).getAttribute('data-value');
const shown = (measure: string) => figure(measure).querySelector('dd')!.textContent;

/** The hall figures of serveScenario, whichever side computed them. */
function expectScenarioHall() {
  expect(value('visits')).toBe('4');
  expect(Number(value('recommendationRate'))).toBeCloseTo(3 / 4);
  expect(Number(value('conversion'))).toBeCloseTo(1 / 3);
  expect(Number(value('vasAttachment'))).toBeCloseTo(1 / 4);
  expect(Number(value('mustSayCoverage'))).toBeCloseTo(17 / 21);
  expect(Number(value('fullCoverageShare'))).toBeCloseTo(2 / 3);
  expect(value('visitsWithoutRecommendation')).toBe('1');
  expect(shown('recommendationRate')).toBe('75%');
  expect(shown('conversion')).toBe('33.3%');
  expect(shown('mustSayCoverage')).toBe('81%');
}

function expectScenarioPeople(consultantId: string, marketerId: string) {
  const consultant = screen.getByTestId(`today-person-${consultantId}`);
  expect(consultant.getAttribute('data-attention')).toBe('true');
  expect(within(consultant).getByTestId(`today-person-norec-${consultantId}`).textContent).toBe('1 位客户未推荐');
  expect(screen.getByTestId(`today-person-visits-${consultantId}`).textContent).toBe('3');
  expect(screen.getByTestId(`today-person-recommendationRate-${consultantId}`).textContent).toBe('66.7%');
  expect(screen.getByTestId(`today-person-conversion-${consultantId}`).textContent).toBe('50%');
  const marketer = screen.getByTestId(`today-person-${marketerId}`);
  expect(marketer.getAttribute('data-attention')).toBe('false');
  expect(screen.getByTestId(`today-person-conversion-${marketerId}`).textContent).toBe('0%');
  // Whoever left a customer without a recommendation is listed first.
  const rows = within(screen.getByTestId('today-people')).getAllByTestId(/^today-person-[0-9a-f-]+$/);
  expect(rows[0]).toBe(consultant);
}

describe('reports: today', () => {
  const ctx = useApiApp('sqlite');

  it('shows the server’s figures for the records the tablets pushed, per person, voids left out', async () => {
    const { hall, voice } = await seedReportHall(ctx());
    const ui = await reportsUi(ctx(), { hall, path: null });
    await serveScenario(ui, voice);
    await syncTablet(ui);
    ui.render('/reports');

    const page = await screen.findByTestId('report-today');
    await waitFor(() => expect(page.getAttribute('data-source')).toBe('server'));
    expect(screen.queryByTestId('today-local-notice')).toBeNull();
    expectScenarioHall();
    expectScenarioPeople(hall.consultant.staffId, hall.marketer.staffId);
    const today = localDate(new Date(), hall.fx.hall.timeZone);
    expect(screen.getByTestId('report-today-day').getAttribute('data-day')).toBe(today);
    const [asked] = requestsTo(ui.urls, API.reportDaily);
    expect(Object.fromEntries(asked!)).toEqual({ from: today, to: today });
    expect(screen.getByTestId('today-updated').textContent).toContain('每 30 秒自动刷新');
  });

  it('asks again after a sync, and says how many records of this tablet are not in the figures yet', async () => {
    const { hall, voice } = await seedReportHall(ctx());
    const ui = await reportsUi(ctx(), { hall, path: null });
    await serveScenario(ui, voice);
    await syncTablet(ui);
    ui.render('/reports');
    await waitFor(() => expect(value('visits')).toBe('4'));

    const vas = { campaignId: hall.fx.campaign.id, talkTrackVersionId: hall.fx.talkTrack.id };
    await serve(ui.db, actorOf(hall, hall.marketer), [{ ...vas, outcome: 'accepted' }]);
    await waitFor(() => expect(screen.getByTestId('today-unsynced').getAttribute('data-count')).toBe('3'));
    const asked = requestsTo(ui.urls, API.reportDaily).length;
    await syncTablet(ui);
    await waitFor(() => expect(value('visits')).toBe('5'));
    expect(requestsTo(ui.urls, API.reportDaily).length).toBeGreaterThan(asked);
    expect(screen.queryByTestId('today-unsynced')).toBeNull();
  });

  it('shows a consultant their own figures only', async () => {
    const { hall, voice } = await seedReportHall(ctx());
    const ui = await reportsUi(ctx(), { hall, who: 'consultant', path: null });
    await serveScenario(ui, voice);
    await syncTablet(ui);
    ui.render('/reports');
    await waitFor(() => expect(screen.getByTestId('report-today').getAttribute('data-source')).toBe('server'));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('我的今日概况');
    expect(value('visits')).toBe('3');
    expect(shown('recommendationRate')).toBe('66.7%');
    expect(screen.queryByTestId('today-people')).toBeNull();
    expect(screen.queryByTestId('reports-to-manage')).toBeNull();
  });

  it('signed in offline: the same figures from this tablet’s records, and says so', async () => {
    const { hall, voice } = await seedReportHall(ctx());
    const ui = await reportsUi(ctx(), { hall, signedInOffline: true, path: null });
    await serveScenario(ui, voice);
    ui.render('/reports');

    const notice = await screen.findByTestId('today-local-notice');
    expect(notice.getAttribute('data-why')).toBe('signed_in_offline');
    expect(notice.textContent).toContain('只显示这台平板上的记录');
    expect(screen.getByTestId('report-today').getAttribute('data-source')).toBe('local');
    await waitFor(() => expect(value('visits')).toBe('4'));
    expectScenarioHall();
    expectScenarioPeople(hall.consultant.staffId, hall.marketer.staffId);
    expect(requestsTo(ui.urls, API.reportDaily)).toEqual([]);
  });

  it('online session but no network: this tablet’s figures with the offline notice, in English too', async () => {
    const { hall, voice } = await seedReportHall(ctx());
    const ui = await reportsUi(ctx(), { hall, network: 'down', path: null });
    await serveScenario(ui, voice);
    ui.render('/reports');

    const notice = await screen.findByTestId('today-local-notice');
    expect(notice.getAttribute('data-why')).toBe('network');
    await waitFor(() => expect(value('visits')).toBe('4'));
    expectScenarioHall();
    fireEvent.click(screen.getByTestId('lang-en'));
    expect(screen.getByTestId('today-local-notice').textContent).toContain("only this tablet's records");
    expect(shown('conversion')).toBe('33.3%');
    expect(screen.getByTestId(`today-person-${hall.consultant.staffId}`).textContent).toContain('1 without a recommendation');
  });

  it('shows "—" for a ratio with nothing to divide by', async () => {
    const { hall } = await seedReportHall(ctx());
    const ui = await reportsUi(ctx(), { hall, path: null });
    await serve(ui.db, actorOf(hall, hall.consultant), []);
    await syncTablet(ui);
    ui.render('/reports');
    await waitFor(() => expect(value('visits')).toBe('1'));
    expect(shown('recommendationRate')).toBe('0%');
    expect(value('conversion')).toBe('');
    expect(shown('conversion')).toBe('—');
    expect(shown('mustSayCoverage')).toBe('—');
  });

  it('is reached from the counter for a person signed in online, and from the manager pages', async () => {
    const { hall } = await seedReportHall(ctx());
    const ui = await reportsUi(ctx(), { hall, who: 'consultant', path: '/' });
    fireEvent.click(await screen.findByTestId('open-reports'));
    await screen.findByTestId('report-today');
    expect(location.pathname).toBe('/reports');
    fireEvent.click(screen.getByTestId('reports-nav-daily'));
    await screen.findByTestId('report-daily');
    expect(ui.urls.length).toBeGreaterThan(0);
    cleanup();

    await reportsUi(ctx(), { hall, who: 'consultant', signedInOffline: true, path: '/' });
    await screen.findByTestId('next-customer');
    expect(screen.queryByTestId('open-reports')).toBeNull();
    cleanup();

    await reportsUi(ctx(), { hall, who: 'manager', path: '/manage' });
    fireEvent.click(await screen.findByTestId('manage-nav-reports'));
    await screen.findByTestId('report-today');
    expect(screen.getByTestId('reports-to-manage').getAttribute('href')).toBe('/manage');
  });
});
