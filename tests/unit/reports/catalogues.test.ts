import { describe, expect, it } from 'vitest';
import { auditEn } from '../../../src/client/i18n/manage/audit.en.ts';
import { auditZhCN } from '../../../src/client/i18n/manage/audit.zh-CN.ts';
import { heldEn } from '../../../src/client/i18n/manage/held.en.ts';
import { heldZhCN } from '../../../src/client/i18n/manage/held.zh-CN.ts';
import { officeEn } from '../../../src/client/i18n/manage/office.en.ts';
import { officeZhCN } from '../../../src/client/i18n/manage/office.zh-CN.ts';
import { manageZhCN } from '../../../src/client/i18n/manage/zh-CN.ts';
import { passwordEn } from '../../../src/client/i18n/password/en.ts';
import { translatePassword } from '../../../src/client/i18n/password/index.ts';
import { passwordZhCN } from '../../../src/client/i18n/password/zh-CN.ts';
import { reportsEn } from '../../../src/client/i18n/reports/en.ts';
import { translateReports } from '../../../src/client/i18n/reports/index.ts';
import { reportsZhCN } from '../../../src/client/i18n/reports/zh-CN.ts';
import { visitsEn } from '../../../src/client/i18n/visits/en.ts';
import { translateVisits } from '../../../src/client/i18n/visits/index.ts';
import { visitsZhCN } from '../../../src/client/i18n/visits/zh-CN.ts';
import { zhCN } from '../../../src/client/i18n/zh-CN.ts';
import { placeholderNames } from '../../../src/client/i18n/fill.ts';

const placeholders = placeholderNames;

describe.each([
  ['reports', reportsZhCN, reportsEn],
  ['today’s visits', visitsZhCN, visitsEn],
  ['set-password', passwordZhCN, passwordEn],
  ['office pages', officeZhCN, officeEn],
  ['held-back records', heldZhCN, heldEn],
  ['campaign audit entries', auditZhCN, auditEn],
] as const)('the %s catalogue', (_name, zh, en) => {
  it('has the same keys in Chinese and English, none empty, with the same placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const key of Object.keys(zh) as (keyof typeof zh)[]) {
      const zhText: string = zh[key];
      const enText: string = (en as Record<string, string>)[key]!;
      expect(zhText.trim(), key).not.toBe('');
      expect(enText.trim(), key).not.toBe('');
      expect(placeholders(enText), key).toEqual(placeholders(zhText));
    }
  });

  it('shares no key with the counter’s catalogue (its own keys win, so a clash would hide one)', () => {
    expect(Object.keys(zh).filter((k) => k in zhCN)).toEqual([]);
  });
});

describe('catalogue lookups', () => {
  it('keep the office pages’ keys apart from the other manager pages’', () => {
    expect(Object.keys(officeZhCN).filter((k) => k in manageZhCN)).toEqual([]);
    expect(Object.keys(heldZhCN).filter((k) => k in manageZhCN || k in officeZhCN)).toEqual([]);
  });

  it('fall back to the counter’s messages', () => {
    expect(translatePassword('en', 'code.error.code_used')).toBe('This code has already been used, and each code works only once: ask the manager for a new one.');
    expect(translatePassword('zh-CN', 'password.tooShort', { count: 10 })).toBe('密码至少需要 10 个字符。');
    expect(translateReports('en', 'outcome.accepted')).toBe(translateVisits('en', 'outcome.accepted'));
    expect(translateReports('zh-CN', 'reports.today.noRec', { count: 2 })).toBe('2 位客户未推荐');
    expect(translateVisits('en', 'visits.reasonCount', { count: 5, max: 200 })).toBe('5/200 characters');
  });
});
