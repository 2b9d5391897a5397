/**
 * Screenshots of every counter screen, manager page and report page, in zh-CN and en, at 1280×800
 * (landscape tablet) and 800×1280 (portrait). Starts its own server on a fresh data directory (once per viewport, so each
 * run gets a new one-time enrolment code) and drives the built PWA with Chromium.
 *
 *   npx tsx scripts/screenshots.ts            # PNGs in /tmp/shots
 *   SHOTS_DIR=./shots npx tsx scripts/screenshots.ts
 *   SHOTS_ONLY=portrait npx tsx scripts/screenshots.ts   # one viewport
 *   SHOTS_PART=counter npx tsx scripts/screenshots.ts    # the counter screens only
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { shootDevicePages } from './shots/devicePages.ts';
import { shootFirstHall } from './shots/firstHallPages.ts';
import { shootManagerPages } from './shots/managePages.ts';
import { shootReportPages } from './shots/reportPages.ts';

const OUT = process.env.SHOTS_DIR ?? '/tmp/shots';
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const VIEWPORTS = [
  { name: 'landscape', width: 1280, height: 800 },
  { name: 'portrait', width: 800, height: 1280 },
] as const;

interface Server {
  url: string;
  code: string;
  consultant: { name: string; pin: string };
  stop: () => void;
}

/** Start the server and read its URL, a fresh enrolment code and a consultant's PIN from what it prints. */
function startServer(dataDir: string): Promise<Server> {
  const child: ChildProcess = spawn('npx', ['tsx', 'src/server/main.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  const stop = () => {
    if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
  };
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`server did not start:\n${out}`));
    }, 60_000);
    child.on('exit', (code) => reject(new Error(`server exited (${code}):\n${out}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /listening on (http:\/\/\S+?)\/?\s/.exec(out)?.[1];
      const code = /enrolment code: (\S+)/.exec(out)?.[1];
      const consultant = /^\s+consultant\s+(\S+)\s.*PIN (\d+)/m.exec(out);
      if (url && code && consultant) {
        clearTimeout(timer);
        resolve({ url: url.replace('localhost', '127.0.0.1'), code, consultant: { name: consultant[1]!, pin: consultant[2]! }, stop });
      }
    });
  });
}

/**
 * Visible tap targets smaller than 48 px, and controls whose text overflows them. Runs in the page;
 * written as a string because this script is type-checked without the DOM library.
 */
const AUDIT = `(() => {
  const issues = [];
  for (const el of document.querySelectorAll('button, input, summary, a[href]')) {
    // A checkbox is tapped through the label around it: the label is the target that counts.
    const target = el.matches('input[type=checkbox]') && el.closest('label') ? el.closest('label') : el;
    const r = target.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || r.bottom < 0 || r.top > innerHeight) continue;
    const id = el.getAttribute('data-testid') || el.textContent.trim().slice(0, 24);
    if (r.width < 48 || r.height < 48) issues.push('small ' + Math.round(r.width) + 'x' + Math.round(r.height) + ' ' + id);
    if (el.scrollWidth > el.clientWidth + 1) issues.push('overflow ' + id);
  }
  if (document.documentElement.scrollWidth > innerWidth) issues.push('page scrolls sideways');
  return issues;
})()`;

/** Marks the tablet's first sent recommendation as refused by the server (for the refused-record screens). */
const REFUSE_ONE = `new Promise((resolve, reject) => {
  const open = indexedDB.open('talktrack');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const tx = open.result.transaction('outbox', 'readwrite');
    const store = tx.objectStore('outbox');
    const all = store.getAll();
    all.onsuccess = () => {
      const rec = all.result.find((e) => e.record.kind === 'recommendation');
      store.put({ ...rec, status: 'rejected', error: 'conflict', message: 'conflict' });
    };
    tx.oncomplete = () => { open.result.close(); resolve(null); };
    tx.onerror = () => reject(tx.error);
  };
})`;

const problems: string[] = [];

async function shot(page: Page, dir: string, name: string): Promise<void> {
  for (const lang of ['zh', 'en'] as const) {
    // Dispatched, not clicked: a dialog open over the counter covers its language switch.
    await page.getByTestId(`lang-${lang}`).first().dispatchEvent('click');
    await page.waitForTimeout(150);
    await page.screenshot({ path: join(dir, `${name}-${lang}.png`) });
    const issues = (await page.evaluate(AUDIT)) as string[];
    for (const issue of issues) problems.push(`${dir}/${name}-${lang}: ${issue}`);
  }
  await page.getByTestId('lang-zh').first().dispatchEvent('click');
}

/** Another one-time code, from the command a hall's administrator runs on the server. */
function enrolmentCode(dataDir: string): string {
  const run = spawnSync('node', ['--import', 'tsx', 'scripts/enrolmentCode.ts'], { env: { ...process.env, DATA_DIR: dataDir }, encoding: 'utf8' });
  const code = /enrolment code: (\S+)/.exec(run.stdout)?.[1];
  if (code === undefined) throw new Error(`scripts/enrolmentCode.ts gave no code:\n${run.stdout}${run.stderr}`);
  return code;
}

async function typePin(page: Page, pin: string): Promise<void> {
  await page.getByTestId('pin-clear').click();
  for (const d of pin) await page.getByTestId(`pin-key-${d}`).click();
  await page.getByTestId('pin-submit').click();
}

async function run(browser: Browser, viewport: (typeof VIEWPORTS)[number], dataDir: string): Promise<void> {
  const server = await startServer(dataDir);
  const dir = join(OUT, viewport.name);
  mkdirSync(dir, { recursive: true });
  const context = await browser.newContext({
    viewport: { width: viewport.width, height: viewport.height },
    deviceScaleFactor: 1,
    hasTouch: true,
    serviceWorkers: 'allow',
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`[${viewport.name}] page error:`, e.message));
  try {
    await page.goto(server.url + '/');
    await page.getByTestId('enrol-code').waitFor();
    await shot(page, dir, '01-enrol');
    await page.getByTestId('enrol-code').fill('NOTACODE1');
    await page.getByTestId('enrol-submit').click();
    await page.getByTestId('enrol-error').waitFor();
    await shot(page, dir, '02-enrol-error');

    await page.getByTestId('enrol-code').fill(server.code);
    await page.getByTestId('enrol-submit').click();
    const tile = page.locator('[data-testid^="staff-tile-"]', { hasText: server.consultant.name });
    await tile.waitFor({ timeout: 20_000 });
    await shot(page, dir, '03-sign-in');

    await tile.click();
    await typePin(page, '0000');
    await page.getByTestId('signin-error').waitFor();
    await shot(page, dir, '04-pin-wrong');
    await typePin(page, server.consultant.pin);

    await page.getByTestId('element-name').waitFor({ timeout: 20_000 });
    await shot(page, dir, '05-counter');

    await page.getByTestId('next-customer').click();
    await page.getByTestId('business-plan_change').click();
    await page.getByTestId('source-queue_ticket').click();
    await shot(page, dir, '06-next-customer');
    await page.getByTestId('open-visit-confirm').click();
    await page.getByTestId('close-visit').waitFor();

    for (const key of ['name', 'price', 'content']) await page.getByTestId(`element-${key}`).click();
    await page.getByTestId('demo-device').click();
    await page.getByTestId('outcome-declined').click();
    await shot(page, dir, '07-composing-declined');

    await page.getByTestId('decline-reason-price').click();
    await page.getByTestId('record-recommendation').click();
    await page.locator('[data-testid="visit-recommendations"][data-count="1"]').waitFor();
    const second = page.locator('[data-testid^="campaign-"]').nth(1);
    if (await second.count()) await second.click();
    await page.getByTestId('all-said').click();
    await page.getByTestId('outcome-accepted').click();
    await page.getByTestId('record-recommendation').click();
    await page.locator('[data-testid="visit-recommendations"][data-count="2"]').waitFor();
    await page.getByTestId('element-eligibility').click();
    await page.getByTestId('outcome-considering').click();
    await shot(page, dir, '08-visit-open');

    await page.locator('.objection summary').first().click();
    await page.locator('.objection').first().scrollIntoViewIfNeeded();
    await shot(page, dir, '09-objections');

    await context.setOffline(true);
    await page.getByTestId('sync-now').click();
    await page.getByTestId('sync-failure').waitFor({ timeout: 20_000 });
    await shot(page, dir, '10-offline');
    await context.setOffline(false);

    await page.getByTestId('close-visit').click();
    await page.getByTestId('next-customer').waitFor();
    await page.getByTestId('sync-now').click();
    await page.locator('[data-testid="status-waiting"][data-count="0"]').waitFor({ timeout: 20_000 });
    await shot(page, dir, '11-synced');

    // A record the server refused: the strip's count, the panel naming its visit, and the mark in Today's visits.
    await page.evaluate(REFUSE_ONE);
    await page.reload();
    await page.getByTestId('rejected-records').waitFor({ timeout: 20_000 });
    await page.locator('[data-testid="rejected-records"] button').click();
    await shot(page, dir, '11b-refused');
    await page.getByTestId('rejected-close').click();
    await page.getByTestId('open-today-visits').click();
    await page.getByTestId('today-visits-list').waitFor();
    await shot(page, dir, '11c-today-refused');
    await page.keyboard.press('Escape');
    if (process.env.SHOTS_PART === 'counter') return;

    await page.getByTestId('session-menu').click();
    await shot(page, dir, '12-menu');
    await page.getByTestId('sign-out').click();
    // Signed out before the next step navigates: a navigation right after the tap can cut the sign-out short.
    await page.locator('[data-testid^="staff-tile-"]').first().waitFor();
    await shootManagerPages(page, (p, name) => shot(p, dir, name));
    await shootDevicePages(page, context, (p, name) => shot(p, dir, name), () => enrolmentCode(dataDir));
    await shootReportPages(page, context, (p, name) => shot(p, dir, name));
    await shootFirstHall(browser, viewport, (p, name) => shot(p, dir, name));
    console.log(`${viewport.name}: screenshots in ${dir}`);
  } catch (error) {
    // What the page showed when a step failed: the quickest way to see why.
    await page.screenshot({ path: join(dir, 'failed-step.png') }).catch(() => undefined);
    throw error;
  } finally {
    await context.close();
    server.stop();
  }
}

async function main(): Promise<void> {
  if (!existsSync('dist/client/index.html')) {
    const build = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
    if (build.status !== 0) throw new Error('vite build failed');
  }
  mkdirSync(OUT, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'talktrack-shots-'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const only = process.env.SHOTS_ONLY;
    for (const viewport of VIEWPORTS.filter((v) => only === undefined || v.name === only)) await run(browser, viewport, dataDir);
  } finally {
    await browser.close();
  }
  if (problems.length > 0) console.log(`layout audit:\n  ${problems.join('\n  ')}`);
  else console.log('layout audit: every visible target is at least 48 px and nothing overflows');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
