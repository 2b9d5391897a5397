import { describe, expect, it } from 'vitest';
import { fill, placeholderNames, pluralForm } from '../../../src/client/i18n/fill.ts';
import { translate } from '../../../src/client/i18n/index.ts';

describe('fill', () => {
  const attempts = 'Wrong PIN. {count, plural, one {# attempt} other {# attempts}} left.';

  it.each([
    [1, 'Wrong PIN. 1 attempt left.'],
    [2, 'Wrong PIN. 2 attempts left.'],
    [0, 'Wrong PIN. 0 attempts left.'],
    [1200, 'Wrong PIN. 1,200 attempts left.'],
  ])('English picks the form by Intl.PluralRules and formats the number (%i)', (count, expected) => {
    expect(fill(attempts, { count }, 'en')).toBe(expected);
  });

  it('Chinese has one form', () => {
    expect(pluralForm(1, 'zh-CN')).toBe('other');
    expect(fill('还可以再试 {count, plural, other {# 次}}', { count: 1 }, 'zh-CN')).toBe('还可以再试 1 次');
  });

  it('takes an exact form first, a number already formatted as given, and leaves unknown placeholders', () => {
    expect(fill('{n, plural, =0 {none} one {# record} other {# records}}', { n: 0 }, 'en')).toBe('none');
    expect(fill('{n, plural, one {# record} other {# records}}', { n: '1,000' }, 'en')).toBe('1,000 records');
    expect(fill('{n, plural, one {# record for {who}} other {# records for {who}}}', { n: 1, who: '王芳' }, 'en')).toBe('1 record for 王芳');
    expect(fill('{missing} and {n}', { n: 3 }, 'en')).toBe('{missing} and 3');
    expect(placeholderNames('{who}: {n, plural, one {# x} other {# xs}}')).toEqual(['n', 'who']);
  });

  it('the counter’s catalogue says 1 attempt and 2 attempts in English', () => {
    expect(translate('en', 'signin.wrongPin', { count: 1 })).toBe('Wrong PIN. 1 attempt left.');
    expect(translate('en', 'signin.wrongPin', { count: 2 })).toBe('Wrong PIN. 2 attempts left.');
    expect(translate('en', 'signin.wrongPassword', { count: 1 })).toBe('Wrong password. 1 attempt left.');
  });
});
