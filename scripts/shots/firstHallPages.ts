import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { onboardFirstHall, ROSTER, rosterCsv } from '../../tests/helpers/e2eOnboarding.ts';
import { startServer } from '../../tests/helpers/e2eServer.ts';
import type { Shoot } from './people.ts';

/**
 * A real hall without the demo, set up in the browsers of its people (the browser test's journey,
 * with screenshots on the way), then the office pages it leaves behind: people, a person's panel,
 * a refused roster, halls, pending codes and the access audit.
 */
export async function shootFirstHall(browser: Browser, viewport: { width: number; height: number }, shoot: Shoot): Promise<void> {
  const server = await startServer({ dataDir: mkdtempSync(join(tmpdir(), 'talktrack-shots-real-')), env: { TALKTRACK_DEMO: 'off' } });
  try {
    const hall = await onboardFirstHall(browser, server, async (page, name) => {
      await page.setViewportSize(viewport);
      await shoot(page, name);
    });
    const { admin, manager, tablet, ids } = hall;
    for (const page of [admin, manager, tablet]) await page.setViewportSize(viewport);
    await shoot(tablet, '48-counter-real-hall');

    await manager.getByTestId('manage-nav-people').click();
    await manager.getByTestId('staff-table').waitFor();
    await shoot(manager, '50-manage-people');
    await manager.getByTestId(`staff-open-${ids.get(ROSTER[1]!.staffNo)!}`).click();
    await shoot(manager, '51-manage-person');
    await manager.getByTestId('person-secret').click();
    await manager.getByTestId('person-secret-confirm-yes').click();
    await manager.getByTestId('one-time-pin').waitFor();
    await shoot(manager, '52-manage-person-new-pin');
    await manager.getByTestId('one-time-done').click();

    await manager.getByTestId('staff-import').click();
    const bad = rosterCsv([...ROSTER.slice(0, 2), { name: '', nameEn: 'No Name', staffNo: 'BJ0199', role: '营业员' }]).replace('流动营销', '保安');
    await manager.getByTestId('roster-file').setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await manager.getByTestId('roster-issues').waitFor();
    await shoot(manager, '53-manage-roster-refused');

    await manager.getByTestId('manage-nav-devices').click();
    await manager.getByTestId('code-device-name').fill('咨询台');
    await manager.getByTestId('code-issue').click();
    await manager.getByTestId('issued-code-done').click();
    await manager.getByTestId('codes-table').waitFor();
    await shoot(manager, '54-manage-devices-codes');

    await manager.getByTestId('manage-nav-audit').click();
    await manager.locator('table').first().waitFor();
    await shoot(manager, '55-manage-access-audit');

    await admin.getByTestId('manage-nav-halls').click();
    await admin.getByTestId('halls-table').waitFor();
    await shoot(admin, '56-manage-halls-admin');
    for (const context of hall.contexts) await context.close();
  } finally {
    await server.stop();
  }
}
