import Database from 'better-sqlite3';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/e2eBrowser.ts';
import { serveCustomer, tapSyncNow, waitUntilSynced } from '../helpers/e2eCounter.ts';
import { onboardFirstHall, ROSTER } from '../helpers/e2eOnboarding.ts';
import { type RunningServer, startServer } from '../helpers/e2eServer.ts';

/** What the server's database says, read as the tests' own independent check. */
function query<T>(file: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

describe('a real hall from an empty database, without the demo', () => {
  let browser: Browser;
  let server: RunningServer;

  beforeAll(async () => {
    server = await startServer({ env: { TALKTRACK_DEMO: 'off' } });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('is set up in the browsers of its people: admin, manager, roster, a tablet by link, a visit, a person leaving', async () => {
    expect(server.output()).not.toMatch(/enrolment code:|PIN \d|password \S/);
    const hall = await onboardFirstHall(browser, server);
    const { manager, tablet, consultant, ids } = hall;

    // The consultant logs a visit with their own PIN; it reaches the server once, in their name.
    // A new hall has no campaign yet: the visit is closed without a recommendation, as the counter asks.
    await serveCustomer(tablet, 0);
    await waitUntilSynced(tablet);
    const consultantId = ids.get(consultant.staffNo)!;
    const visits = query<{ staff_id: string; label: string }>(
      server.sqliteFile,
      'select v.staff_id, d.label from visits v join devices d on d.id = v.device_id',
    );
    expect(visits).toEqual([{ staff_id: consultantId, label: '柜台 3' }]);
    const people = query<{ n: number }>(server.sqliteFile, "select count(*) as n from staff where staff_no like 'BJ%' and must_change_pin = 0");
    expect(people[0]!.n).toBe(1);

    // The manager deactivates another person: gone from the tablet at its next pull.
    const leaver = ROSTER[3]!;
    const leaverId = ids.get(leaver.staffNo)!;
    await manager.getByTestId('manage-nav-people').click();
    await manager.getByTestId(`staff-open-${leaverId}`).click();
    await manager.getByTestId('person-deactivate').click();
    await manager.getByTestId('person-deactivate-confirm-yes').click();
    await manager.locator(`[data-testid="staff-row-${leaverId}"][data-active="false"]`).waitFor();
    await tapSyncNow(tablet);
    await tablet.getByTestId('session-menu').click();
    await tablet.getByTestId('sign-out').click();
    await tablet.getByTestId(`staff-tile-${consultantId}`).waitFor();
    expect(await tablet.getByTestId(`staff-tile-${leaverId}`).count()).toBe(0);
    // Everyone still active in the hall, the manager too, and nobody else.
    const active = query<{ n: number }>(server.sqliteFile, 'select count(*) as n from staff where active = 1 and hall_id = (select hall_id from staff where id = ?)', consultantId);
    expect(active[0]!.n).toBe(ROSTER.length);
    expect(await tablet.locator('[data-testid^="staff-tile-"]').count()).toBe(active[0]!.n);
    // Their record of the day stays where it was: nothing of the consultant's was touched.
    expect(query<{ n: number }>(server.sqliteFile, 'select count(*) as n from visits')[0]!.n).toBe(1);

    for (const context of hall.contexts) await context.close();
  });
});
