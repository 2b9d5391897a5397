import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { tabletContext } from './e2eBrowser.ts';
import type { RunningServer } from './e2eServer.ts';

/**
 * The first real hall, as its people set it up in their browsers: `npm run setup` on an empty
 * database, the admin sets a password from the printed link, creates a hall and its manager; the
 * manager sets a password from theirs, imports the roster and issues an enrolment code; a tablet
 * enrols by opening the code's link; a consultant from the roster signs in with the PIN they were
 * given and chooses their own. Shared by the browser test and the screenshots, which pass `shoot`.
 */

export type Shoot = (page: Page, name: string) => Promise<void>;

export interface RosterPerson {
  name: string;
  nameEn: string;
  staffNo: string;
  role: '营业员' | '流动营销';
}

/** Eight people, as a hall keeps them in Excel (Chinese headers), saved as CSV. */
export const ROSTER: readonly RosterPerson[] = [
  { name: '孙丽', nameEn: 'Sun Li', staffNo: 'BJ0101', role: '营业员' },
  { name: '周杰', nameEn: 'Zhou Jie', staffNo: 'BJ0102', role: '营业员' },
  { name: '吴芳', nameEn: 'Wu Fang', staffNo: 'BJ0103', role: '营业员' },
  { name: '郑浩', nameEn: 'Zheng Hao', staffNo: 'BJ0104', role: '营业员' },
  { name: '冯雪', nameEn: 'Feng Xue', staffNo: 'BJ0105', role: '营业员' },
  { name: '陈晨', nameEn: 'Chen Chen', staffNo: 'BJ0106', role: '营业员' },
  { name: '褚明', nameEn: 'Chu Ming', staffNo: 'BJ0107', role: '流动营销' },
  { name: '卫东', nameEn: 'Wei Dong', staffNo: 'BJ0108', role: '营业员' },
];

export function rosterCsv(people: readonly RosterPerson[]): string {
  return `\uFEFF姓名,英文名,工号,角色\r\n${people.map((p) => `${p.name},${p.nameEn},${p.staffNo},${p.role}`).join('\r\n')}\r\n`;
}

const ADMIN_PASSWORD = 'first-admin-2026';
const MANAGER_PASSWORD = 'hall-manager-2026';
const NEW_PIN = '482915';

/** `npm run setup` on the server's database: the link the admin opens. */
async function setup(server: RunningServer): Promise<string> {
  const args = ['run', '--silent', 'setup', '--', '--hall', '望京营业厅', '--hall-en', 'Wangjing Hall', '--time-zone', 'Asia/Shanghai'];
  args.push('--admin', '高伟', '--admin-en', 'Gao Wei', '--url', server.url);
  const { stdout } = await promisify(execFile)('npm', args, { env: { ...process.env, DATA_DIR: server.dataDir } });
  const link = /(http:\/\/\S+\/password#code=\S+)/.exec(stdout)?.[1];
  if (link === undefined) throw new Error(`npm run setup printed no set-password link:\n${stdout}`);
  return link;
}

/** Opens a set-password link in a fresh browser, sets the password, signs in with it and opens the manager pages. */
async function passwordFromLink(context: BrowserContext, link: string, password: string, deviceName: string, shoot?: Shoot): Promise<Page> {
  const page = await context.newPage();
  await page.goto(link);
  await page.getByTestId('password-new').fill(password);
  await page.getByTestId('password-repeat').fill(password);
  await page.getByTestId('password-device-name').fill(deviceName);
  await shoot?.(page, '40-set-password');
  await page.getByTestId('password-code-submit').click();
  await page.getByTestId('signin-password-set').waitFor();
  await page.getByTestId('password-input').fill(password);
  await page.getByTestId('password-submit').click();
  await page.getByTestId('session-menu').click();
  await page.getByTestId('open-manage').click();
  await page.getByTestId('manage-nav-people').waitFor();
  return page;
}

export interface OnboardedHall {
  admin: Page;
  manager: Page;
  tablet: Page;
  /** The roster person who signed in on the tablet, and their own PIN. */
  consultant: RosterPerson & { pin: string };
  /** Roster people by staff number: their ids on the server. */
  ids: ReadonlyMap<string, string>;
  contexts: BrowserContext[];
}

export async function onboardFirstHall(browser: Browser, server: RunningServer, shoot?: Shoot): Promise<OnboardedHall> {
  const contexts: BrowserContext[] = [];
  const context = async () => {
    const c = await tabletContext(browser);
    contexts.push(c);
    return c;
  };

  // The admin: setup's link, a password, then the second hall and its manager.
  const admin = await passwordFromLink(await context(), await setup(server), ADMIN_PASSWORD, '市场部电脑', shoot);
  await admin.getByTestId('manage-nav-halls').click();
  await admin.getByTestId('halls-new').click();
  await admin.getByTestId('new-hall-name-zh').fill('三里屯营业厅');
  await admin.getByTestId('new-hall-name-en').fill('Sanlitun Hall');
  await admin.getByTestId('new-hall-address').fill('北京市朝阳区三里屯路 19 号');
  await shoot?.(admin, '41-manage-hall-new');
  await admin.getByTestId('new-hall-submit').click();
  await admin.getByTestId('halls-notice').waitFor();
  await shoot?.(admin, '42-manage-halls');

  await admin.getByTestId('manage-nav-people').click();
  const hallOption = admin.getByTestId('staff-hall').locator('option', { hasText: '三里屯营业厅' });
  await admin.getByTestId('staff-hall').selectOption((await hallOption.getAttribute('value'))!);
  await admin.getByTestId('staff-add').click();
  await admin.getByTestId('add-person-name').fill('林慧');
  await admin.getByTestId('add-person-name-en').fill('Lin Hui');
  await admin.getByTestId('add-person-staff-no').fill('SLT001');
  await admin.getByTestId('add-person-role').selectOption('manager');
  await admin.getByTestId('add-person-submit').click();
  const managerLink = await admin.getByTestId('one-time-code-link').getAttribute('href');
  if (managerLink === null) throw new Error('the new manager got no set-password link');
  await shoot?.(admin, '43-manage-person-code');
  await admin.getByTestId('one-time-done').click();

  // The manager: their own browser, a password, the roster and an enrolment code.
  const manager = await passwordFromLink(await context(), managerLink, MANAGER_PASSWORD, '厅经理电脑');
  await manager.getByTestId('manage-nav-people').click();
  await manager.getByTestId('staff-import').click();
  await manager.getByTestId('roster-file').setInputFiles({ name: '三里屯花名册.csv', mimeType: 'text/csv', buffer: Buffer.from(rosterCsv(ROSTER)) });
  await manager.getByTestId('roster-preview').waitFor();
  await shoot?.(manager, '44-manage-roster-preview');
  await manager.getByTestId('roster-submit').click();
  await manager.getByTestId('roster-added').waitFor();
  await shoot?.(manager, '45-manage-roster-added');
  const ids = new Map<string, string>();
  const pins = new Map<string, string>();
  for (const row of await manager.locator('tr[data-testid^="roster-added-"]').all()) {
    const id = (await row.getAttribute('data-testid'))!.replace('roster-added-', '');
    const text = await row.innerText();
    const staffNo = /BJ\d{4}/.exec(text)?.[0];
    const pin = /\b\d{6}\b/.exec(await row.getByTestId('roster-added-pin').innerText())?.[0];
    if (staffNo === undefined || pin === undefined) throw new Error(`a roster row without staff number or PIN: ${text}`);
    ids.set(staffNo, id);
    pins.set(staffNo, pin);
  }
  if (ids.size !== ROSTER.length) throw new Error(`the import listed ${ids.size} people, not ${ROSTER.length}`);

  await manager.getByTestId('manage-nav-devices').click();
  await manager.getByTestId('code-device-name').fill('柜台 3');
  await manager.getByTestId('code-issue').click();
  const enrolLink = await manager.getByTestId('issued-code-link').getAttribute('href');
  if (enrolLink === null) throw new Error('the enrolment code came without its link');
  await shoot?.(manager, '46-manage-enrolment-code');
  await manager.getByTestId('issued-code-done').click();

  // The tablet: opens the link (as a QR scan would), enrols, and a consultant signs in.
  const tablet = await (await context()).newPage();
  await tablet.goto(enrolLink);
  const person = ROSTER[0]!;
  const tile = tablet.getByTestId(`staff-tile-${ids.get(person.staffNo)!}`);
  await tile.click();
  await tablet.getByTestId('pin-clear').click();
  for (const digit of pins.get(person.staffNo)!) await tablet.getByTestId(`pin-key-${digit}`).click();
  await tablet.getByTestId('pin-submit').click();
  await tablet.getByTestId('signin-new-pin').waitFor();
  await shoot?.(tablet, '47-signin-choose-pin');
  for (let round = 0; round < 2; round++) {
    await tablet.getByTestId('pin-clear').click();
    for (const digit of NEW_PIN) await tablet.getByTestId(`pin-key-${digit}`).click();
    await tablet.getByTestId('pin-submit').click();
  }
  await tablet.getByTestId('next-customer').waitFor();
  return { admin, manager, tablet, consultant: { ...person, pin: NEW_PIN }, ids, contexts };
}
