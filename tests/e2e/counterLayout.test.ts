import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { tabletContext } from '../helpers/e2eBrowser.ts';
import { demoPerson, enrol, signIn, waitUntilSynced } from '../helpers/e2eCounter.ts';
import { useCounterRig } from '../helpers/e2eRig.ts';
import { MUST_SAY_KEYS } from '../../src/shared/mustSay.ts';

const rig = useCounterRig();

const SIZES = [
  { name: 'landscape', width: 1280, height: 800 },
  { name: 'portrait', width: 800, height: 1280 },
] as const;

/**
 * Where a control is and whether a tap at its centre reaches it: inside the viewport, and the
 * element at that point is the control itself (or inside it), not a bar or a banner over it.
 */
function hitTest(page: Page, testId: string) {
  return page.evaluate((id) => {
    const el = document.querySelector(`[data-testid="${id}"]`);
    if (!el) return { found: false, inView: false, hit: false, what: 'missing' };
    const r = el.getBoundingClientRect();
    const inView = r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
    const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    const hit = top !== null && (top === el || el.contains(top));
    return { found: true, inView, hit, what: top ? `${top.tagName}.${top.className} ${top.getAttribute('data-testid') ?? ''}` : 'nothing' };
  }, testId);
}

/** Taps a control after checking a person could: in view without scrolling, and nothing covering it. */
async function tapReachable(page: Page, testId: string, where: string): Promise<void> {
  await page.getByTestId(testId).waitFor();
  const result = await hitTest(page, testId);
  expect(result, `${where}: ${testId}`).toMatchObject({ found: true, inView: true, hit: true });
  await page.getByTestId(testId).click();
}

async function heightOf(page: Page, selector: string): Promise<{ width: number; height: number }> {
  return page.locator(selector).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { width: r.width, height: r.height };
  });
}

describe('the counter fits the tablet', () => {
  it('walks a declined and an accepted recommendation at 1280×800 and 800×1280, in Chinese and English, with the storage warning shown or not, every next control in view and tappable', async () => {
    const context = await tabletContext(rig.browser);
    // The storage warning is shown when the browser refuses persistent storage; the test decides which.
    await context.addInitScript(() => {
      const refuse = localStorage.getItem('layout-test-refuse-persist') === '1';
      if (navigator.storage) {
        navigator.storage.persisted = () => Promise.resolve(!refuse);
        navigator.storage.persist = () => Promise.resolve(!refuse);
      }
    });
    const page = await context.newPage();
    await page.goto(rig.server.url);
    await enrol(page, rig.server.enrolmentCode);
    await signIn(page, demoPerson('李娜'));

    for (const warning of [true, false]) {
      for (const size of SIZES) {
        for (const lang of ['zh', 'en'] as const) {
          const where = `${size.name} ${lang} ${warning ? 'with' : 'without'} the storage warning`;
          await page.setViewportSize({ width: size.width, height: size.height });
          await page.evaluate(
            ([refuse, language]) => {
              localStorage.setItem('layout-test-refuse-persist', refuse ? '1' : '0');
              localStorage.removeItem('talktrack-persist-dismissed');
              localStorage.setItem('talktrack-lang', JSON.stringify({ state: { lang: language }, version: 0 }));
            },
            [warning, lang === 'zh' ? 'zh-CN' : 'en'] as const,
          );
          await page.reload();
          await page.getByTestId('next-customer').waitFor();
          expect(await page.getByTestId('persistence-warning').count(), where).toBe(warning ? 1 : 0);
          expect(await page.evaluate(() => document.documentElement.lang), where).toBe(lang === 'zh' ? 'zh-CN' : 'en');

          // The strip is one row: no taller than its tallest control and a little padding.
          const strip = await heightOf(page, '.status-strip');
          expect(strip.height, `${where}: strip height`).toBeLessThanOrEqual(72);

          await tapReachable(page, 'next-customer', where);
          await tapReachable(page, 'business-plan_change', where);
          await tapReachable(page, 'source-walk_in', where);
          await tapReachable(page, 'open-visit-confirm', where);
          await page.getByTestId('close-visit').waitFor();

          // While serving, the talk-track keeps the room: 60 % of the width in landscape, half the height in portrait.
          const talk = await heightOf(page, '.talk-pane');
          if (size.name === 'landscape') expect(talk.width / size.width, `${where}: talk-track width`).toBeGreaterThanOrEqual(0.6);
          else expect(talk.height / size.height, `${where}: talk-track height`).toBeGreaterThanOrEqual(0.5);

          // The seven ticks are all in view beside the panel's controls: ticking one by one never scrolls.
          for (const key of MUST_SAY_KEYS) {
            expect(await hitTest(page, `tick-${key}`), `${where}: tick-${key}`).toMatchObject({ inView: true, hit: true });
          }
          // A declined recommendation: two elements ticked one by one, then the panel's controls.
          for (const key of ['name', 'price']) await tapReachable(page, `tick-${key}`, where);
          expect(await page.getByTestId('element-price').getAttribute('aria-checked'), `${where}: the talk-track shows the tick`).toBe('true');
          await tapReachable(page, 'demo-device', where);
          await tapReachable(page, 'outcome-declined', where);
          await tapReachable(page, 'decline-reason-price', where);
          await tapReachable(page, 'record-recommendation', where);
          await page.locator('[data-testid="visit-recommendations"][data-count="1"]').waitFor();

          // An accepted one with every element said.
          await tapReachable(page, 'all-said', where);
          await tapReachable(page, 'outcome-accepted', where);
          await tapReachable(page, 'record-recommendation', where);
          await page.locator('[data-testid="visit-recommendations"][data-count="2"]').waitFor();

          await tapReachable(page, 'close-visit', where);
          await page.getByTestId('next-customer').waitFor();

          // The menu's items are reachable too once it is open.
          await tapReachable(page, 'session-menu', where);
          for (const id of ['lang-zh', 'lang-en', 'sign-out']) {
            expect(await hitTest(page, id), `${where}: ${id}`).toMatchObject({ inView: true, hit: true });
          }
          await page.keyboard.press('Escape');
        }
      }
    }
    await context.close();
  });

  it('a full-coverage recommendation takes at most 7 taps from "next customer" to the closed visit when accepted, 8 when declined, and is stored as tapped', async () => {
    const context = await tabletContext(rig.browser);
    // Every tap the person makes, counted where the browser sees it.
    await context.addInitScript(() => {
      const w = window as unknown as { taps: number };
      w.taps = 0;
      window.addEventListener('pointerdown', () => (w.taps += 1), true);
    });
    const page = await context.newPage();
    await page.goto(rig.server.url);
    await enrol(page, await rig.server.issueEnrolmentCode());
    const person = demoPerson('张伟');
    await signIn(page, person);
    const taps = () => page.evaluate(() => (window as unknown as { taps: number }).taps);

    const walks = [
      { outcome: 'accepted', steps: ['next-customer', 'business-plan_change', 'open-visit-confirm', 'all-said', 'outcome-accepted', 'record-recommendation', 'close-visit'], budget: 7 },
      {
        outcome: 'declined',
        steps: ['next-customer', 'business-broadband', 'open-visit-confirm', 'all-said', 'outcome-declined', 'decline-reason-price', 'record-recommendation', 'close-visit'],
        budget: 8,
      },
    ] as const;
    for (const size of SIZES) {
      await page.setViewportSize({ width: size.width, height: size.height });
      for (const walk of walks) {
        const before = await taps();
        for (const step of walk.steps) {
          await tapReachable(page, step, `${size.name} ${walk.outcome}`);
          if (step === 'record-recommendation') await page.locator('[data-testid="visit-recommendations"][data-count="1"]').waitFor();
        }
        await page.getByTestId('next-customer').waitFor();
        expect(await taps(), `${size.name} ${walk.outcome}: taps`).toBe(before + walk.steps.length);
        expect(walk.steps.length).toBeLessThanOrEqual(walk.budget);
      }
    }

    // What was stored is what the taps said: every element, the outcome, the reason.
    await waitUntilSynced(page);
    const db = new Database(rig.server.sqliteFile, { readonly: true, fileMustExist: true });
    try {
      const rows = db
        .prepare('select r.elements_said, r.outcome, r.decline_reason from recommendations r join visits v on v.id = r.visit_id where v.staff_id = ? order by r.recorded_at')
        .all(person.id) as { elements_said: string; outcome: string; decline_reason: string | null }[];
      expect(rows.map((r) => [(JSON.parse(r.elements_said) as string[]).length, r.outcome, r.decline_reason])).toEqual(
        SIZES.flatMap(() => [
          [MUST_SAY_KEYS.length, 'accepted', null],
          [MUST_SAY_KEYS.length, 'declined', 'price'],
        ]),
      );
    } finally {
      db.close();
    }
    await context.close();
  });
});
