import { describe, expect, it } from 'vitest';
import { en } from '../../../src/client/i18n/en.ts';
import { pick, translate } from '../../../src/client/i18n/index.ts';
import { zhCN } from '../../../src/client/i18n/zh-CN.ts';
import { placeholderNames } from '../../../src/client/i18n/fill.ts';

describe('message catalogue', () => {
  it('en and zh-CN have exactly the same keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
  });

  it.each([
    ['zh-CN', zhCN],
    ['en', en],
  ] as const)('%s has no empty message', (_lang, catalogue) => {
    const empty = Object.entries(catalogue).filter(([, text]) => text.trim() === '');
    expect(empty).toEqual([]);
  });

  it('each message uses the same placeholders in both languages', () => {
    const placeholders = placeholderNames;
    for (const key of Object.keys(zhCN) as (keyof typeof zhCN)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(zhCN[key]));
    }
  });

  it.each([
    ['zh-CN', 'signin.wrongPin', { count: 3 }, 'PIN 码错误，还可以再试 3 次。'],
    ['en', 'signin.wrongPin', { count: 3 }, 'Wrong PIN. 3 attempts left.'],
    ['en', 'signin.pinFor', { name: '<b>x</b>' }, '<b>x</b>, enter your PIN'],
    ['en', 'status.waiting', undefined, '{count} to sync'],
  ] as const)('%s %s fills {name} placeholders', (lang, key, params, expected) => {
    expect(translate(lang, key, params)).toBe(expected);
  });

  it.each([
    [{ zh: '中文', en: 'English' }, 'en', 'English'],
    [{ zh: '中文' }, 'en', '中文'],
    [{ zh: '中文', en: '  ' }, 'en', '中文'],
    [{ zh: '中文', en: 'English' }, 'zh-CN', '中文'],
  ] as const)('pick(%j, %s) falls back to Chinese', (text, lang, expected) => {
    expect(pick(text, lang)).toBe(expected);
  });
});
