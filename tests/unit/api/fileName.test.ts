import { describe, expect, it } from 'vitest';
import { fileNameOf } from '../../../src/client/api/http.ts';

describe('the name of a downloaded file', () => {
  it.each([
    [`attachment; filename="talktrack-campaigns-hall-2026-11-27.json"; filename*=UTF-8''talktrack-campaigns-%E4%BA%BA%E6%B0%91%E8%B7%AF-2026-11-27.json`, 'talktrack-campaigns-人民路-2026-11-27.json'],
    ['attachment; filename="report.csv"', 'report.csv'],
    ['attachment; filename=report.xlsx', 'report.xlsx'],
    [`attachment; filename="plain.json"; filename*=UTF-8''%E0%A4%A`, 'plain.json'],
    ['attachment', null],
    [null, null],
  ])('%s → %s', (header, name) => {
    expect(fileNameOf(header)).toBe(name);
  });
});
