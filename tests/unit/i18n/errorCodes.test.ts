import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CATALOGUES, errorText } from '../../../src/client/i18n/errors/index.ts';
import { placeholderNames } from '../../../src/client/i18n/fill.ts';
import { en } from '../../../src/client/i18n/en.ts';
import { heldEn } from '../../../src/client/i18n/manage/held.en.ts';
import { heldZhCN } from '../../../src/client/i18n/manage/held.zh-CN.ts';
import { zhCN } from '../../../src/client/i18n/zh-CN.ts';
import { ERROR_CODES, HELD_REASONS, type ErrorCode, isErrorCode } from '../../../src/shared/errorCodes.ts';

const ROOT = resolve(__dirname, '../../..');
const LANGS = ['zh-CN', 'en'] as const;

function serverSources(dir = join(ROOT, 'src/server')): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? serverSources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Every code the server source writes as a literal: HttpError's second argument, and `error: '…'` in bodies and push refusals. */
function codesInServerSource(): Map<string, string> {
  const found = new Map<string, string>();
  const patterns = [/new HttpError\(\s*\d{3}\s*,\s*(?:[^,]*?\?\s*)?'([a-z_]+)'(?:\s*:\s*'([a-z_]+)')?/g, /\berror:\s*'([a-z_]+)'/g];
  for (const file of serverSources()) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of patterns) {
      for (const match of text.matchAll(pattern)) {
        for (const code of match.slice(1)) if (code !== undefined) found.set(code, file.slice(ROOT.length + 1));
      }
    }
  }
  return found;
}

describe('error codes', () => {
  it('every code the server source sends is in the shared list', () => {
    const found = codesInServerSource();
    // The walk does see the codes it should, the sign-in's either-or included.
    for (const code of ['wrong_pin', 'wrong_password', 'hall_inactive', 'invalid_file', 'not_found', 'invalid_json', 'unsigned']) {
      expect(found.has(code), code).toBe(true);
    }
    const unlisted = [...found].filter(([code]) => !isErrorCode(code)).map(([code, file]) => `${code} (${file})`);
    expect(unlisted).toEqual([]);
  });

  it('every code has words in Chinese and English, with just the params it sends', () => {
    for (const code of Object.keys(ERROR_CODES) as ErrorCode[]) {
      const names = [...ERROR_CODES[code]].sort();
      for (const lang of LANGS) {
        const text = errorText({ error: code, message: 'ENGLISH FROM THE SERVER', params: Object.fromEntries(names.map((n) => [n, 7])) }, lang);
        expect(text.trim(), `${code} in ${lang}`).not.toBe('');
        expect(text, `${code} in ${lang}`).not.toContain('ENGLISH FROM THE SERVER');
        expect(text, `${code} in ${lang}`).not.toMatch(/[{}]/);
      }
      if ((HELD_REASONS as readonly string[]).includes(code)) continue;
      const request = code as keyof (typeof ERROR_CATALOGUES)['en'];
      // A language may leave a number out of its words, never use one the server does not send.
      for (const lang of LANGS) {
        for (const used of placeholderNames(ERROR_CATALOGUES[lang][request])) expect(names, `${code} in ${lang} uses {${used}}`).toContain(used);
      }
      expect(placeholderNames(ERROR_CATALOGUES.en[request]), code).toEqual(names);
    }
  });

  it('a refused record has words at the counter and on the held-records page, in both languages', () => {
    for (const reason of HELD_REASONS) {
      for (const catalogue of [zhCN, en]) expect(catalogue[`status.refusal.${reason}`].trim(), reason).not.toBe('');
      for (const catalogue of [heldZhCN, heldEn]) expect(catalogue[`manage.held.reason.${reason}`].trim(), reason).not.toBe('');
    }
  });
});

describe('refusals in the page’s language', () => {
  it.each([
    [
      { error: 'hall_inactive', message: 'the hall of this enrolment code has been deactivated', params: { hall: '人民路营业厅' } },
      '营业厅“人民路营业厅”已停用：系统管理员可以重新启用它，或请选择另一个营业厅。',
      'The hall 人民路营业厅 is deactivated: an admin can reactivate it, or choose another hall.',
    ],
    [
      { error: 'invalid_file', message: 'the file cannot be imported: line 12, campaigns.0.campaign.offerCode: …', params: { line: 12, field: 'campaigns.0.campaign.offerCode', problem: 'missing' } },
      '文件无法导入（第 12 行，字段 campaigns.0.campaign.offerCode：缺少这一项），什么都没有导入。请修改文件后重新导入。',
      'The file cannot be imported (line 12, field campaigns.0.campaign.offerCode: it is missing); nothing was imported. Fix the file and import it again.',
    ],
    [
      { error: 'roster_invalid', message: 'the roster has 1 problem in 1 row', params: { count: 1 } },
      '文件未导入：有 1 个问题。请在表格中改正后重新上传。',
      'The file was not imported: 1 problem. Correct them and upload it again.',
    ],
    [
      { error: 'rate_limited', message: 'too many sign-ins', params: { seconds: 1 } },
      '短时间内尝试次数过多：请 1 秒后再试。',
      'Too many tries in a short time: try again in 1 second.',
    ],
    [
      { error: 'too_many_visits', message: 'more than 5000 visits match', params: { max: 5000 } },
      '符合条件的接待超过 5,000 次：请只选一个营业厅或一个人。',
      'More than 5,000 visits match: choose one hall or one person.',
    ],
    [
      { error: 'unknown_visit', message: 'the visit is not stored' },
      '它所属的接待还没有到达服务器：请联网同步，然后告诉厅经理；接待到达后厅经理可以接受它。',
      'Its visit has not reached the server yet: sync with the network on, then tell your manager, who can accept it once the visit has arrived.',
    ],
  ])('%#: %o', (refusal, zh, english) => {
    expect(errorText(refusal, 'zh-CN')).toBe(refusal.error === 'unknown_visit' ? zhCN['status.refusal.unknown_visit'] : zh);
    expect(errorText(refusal, 'en')).toBe(english);
  });

  it('says the wrong attempts left in English as 1 attempt or 2 attempts; Chinese has one form', () => {
    const wrongPin = (attemptsLeft: number, lang: 'zh-CN' | 'en') => errorText({ error: 'wrong_pin', message: 'wrong PIN', params: { attemptsLeft } }, lang);
    expect(wrongPin(1, 'en')).toBe('Wrong PIN. 1 attempt left before a 15-minute lock.');
    expect(wrongPin(2, 'en')).toBe('Wrong PIN. 2 attempts left before a 15-minute lock.');
    expect(wrongPin(1, 'zh-CN')).toBe('PIN 码错误，再错 1 次将锁定 15 分钟。');
  });

  it('shows a lock’s end as a time, and a code it does not know (or one without its params) in the server’s words', () => {
    const until = new Date(2026, 11, 3, 14, 35).toISOString();
    expect(errorText({ error: 'locked', message: 'locked', params: { lockedUntil: until } }, 'en')).toBe(
      'Too many wrong attempts: locked until 14:35. Try again then, or ask the manager.',
    );
    expect(errorText({ error: 'brand_new_code', message: 'something new' }, 'zh-CN')).toBe('服务器拒绝了：something new');
    expect(errorText({ error: 'unknown_hall', message: 'there is no hall h1' }, 'en')).toBe('The server refused: there is no hall h1');
  });
});
