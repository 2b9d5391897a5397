import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { DEMO_STAFF, type DemoStaff } from '../../src/server/seed/demo.ts';
import { typeCredential } from './e2eSignIn.ts';

/** What a person does at the counter, step by step, through the same controls they tap. */

/** A person of the demo hall that `npm start` seeds, with their PIN or password. */
export function demoPerson(name: '李娜' | '张伟' | '刘洋' | '陈静' | '王敏' | '赵强'): DemoStaff {
  const person = DEMO_STAFF.find((s) => s.name === name);
  if (!person) throw new Error(`no demo staff named ${name}`);
  return person;
}

export async function enrol(page: Page, code: string): Promise<void> {
  await page.getByTestId('enrol-code').fill(code);
  await page.getByTestId('enrol-submit').click();
}

export async function signIn(page: Page, person: DemoStaff): Promise<void> {
  await typeCredential(page, person);
  await page.getByTestId('next-customer').waitFor();
}


export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('session-menu').click();
  await page.getByTestId('sign-out').click();
  await page.locator('[data-testid^="staff-tile-"]').first().waitFor();
}

/** One customer: open the visit, record `recommendations` recommendations, close it. */
export async function serveCustomer(page: Page, recommendations: number): Promise<void> {
  await page.getByTestId('next-customer').click();
  await page.getByTestId('business-plan_change').click();
  await page.getByTestId('source-walk_in').click();
  await page.getByTestId('open-visit-confirm').click();
  for (let i = 0; i < recommendations; i++) {
    await page.locator('[data-testid^="campaign-"]').nth(i).click();
    await page.getByTestId('element-name').click();
    await page.getByTestId('element-price').click();
    await page.getByTestId(i % 2 === 0 ? 'outcome-accepted' : 'outcome-considering').click();
    await page.getByTestId('record-recommendation').click();
  }
  await page.getByTestId('close-visit').click();
  if (recommendations === 0) await page.getByTestId('confirm-close-no-rec').click();
  await page.getByTestId('next-customer').waitFor();
}

export async function waitingCount(page: Page): Promise<number> {
  return Number(await page.getByTestId('status-waiting').getAttribute('data-count'));
}

export async function waitUntilSynced(page: Page, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await waitingCount(page)) === 0) return;
    await page.waitForTimeout(250);
  }
  expect.fail(`records still waiting to sync after ${timeoutMs / 1000} s: ${await waitingCount(page)}`);
}

export interface StoredVisit {
  id: string;
  staff_id: string;
  closed: number;
  recs: number;
}

/** The visits the server holds, with their recommendation counts and whether they were closed. */
export function storedVisits(sqliteFile: string): StoredVisit[] {
  const db = new Database(sqliteFile, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare(
        `select v.id, v.staff_id,
           (select count(*) from visit_closes c where c.visit_id = v.id) as closed,
           (select count(*) from recommendations r where r.visit_id = v.id) as recs
         from visits v order by v.opened_at`,
      )
      .all() as StoredVisit[];
  } finally {
    db.close();
  }
}

/** Taps "sync now" and waits until the button is back (that sync, and any it joined, finished). */
export async function tapSyncNow(page: Page): Promise<void> {
  await page.getByTestId('sync-now').click();
  await page.locator('[data-testid="sync-now"]:enabled').waitFor();
}
