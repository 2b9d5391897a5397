import { describe, expect, it } from 'vitest';
import { CAMPAIGN_FILE_FORMAT, parseCampaignFile } from '../../src/shared/campaignFile.ts';
import { missingForPublish } from '../../src/shared/publishReadiness.ts';
import { changedPaths, listPaths, sameTalkTrack } from '../../src/server/manage/draftChanges.ts';
import { pathInWords, wallClock } from '../../src/server/manage/words.ts';
import { completeDraft } from '../helpers/manageFixtures.ts';

/** Pure rules of campaign authoring: no database, no app. */

const HALL = '01a21b6b-0270-7073-8c58-15b6992c977b';

function fileText(campaigns: unknown[]): string {
  return JSON.stringify({ format: CAMPAIGN_FILE_FORMAT, formatVersion: 1, exportedAt: '2026-11-27T08:00:00.000Z', campaigns }, null, 2);
}

const item = () => {
  const { campaign, talkTrack } = completeDraft([HALL]);
  return { campaign, talkTrack };
};

describe('missingForPublish', () => {
  const cases: Array<[string, (d: ReturnType<typeof completeDraft>) => void, string[]]> = [
    ['a complete draft', () => undefined, []],
    ['blank title and offer code', (d) => ((d.campaign.title = { zh: ' ', en: 'Only English' }), (d.campaign.offerCode = '')), ['campaign.title.zh', 'campaign.offerCode']],
    ['an element only in English', (d) => (d.talkTrack.elements.validity = { zh: '', en: 'Immediately' }), ['talkTrack.elements.validity.zh']],
    [
      'an objection without its answer, another without its question',
      (d) =>
        d.talkTrack.objections.push({ question: { zh: '?' }, answer: { zh: '' } }, { question: { zh: '\n' }, answer: { zh: '好' } }),
      ['talkTrack.objections.1.answer.zh', 'talkTrack.objections.2.question.zh'],
    ],
    ['empty free sections are allowed', (d) => ((d.talkTrack.opening = { zh: '' }), (d.talkTrack.closing = { zh: '' })), []],
  ];
  it.each(cases)('%s', (_name, change, missing) => {
    const draft = completeDraft([HALL]);
    change(draft);
    expect(missingForPublish(draft)).toEqual(missing);
  });
});

describe('parseCampaignFile', () => {
  it('reads a valid file', () => {
    const result = parseCampaignFile(fileText([item(), item()]));
    expect(result.ok && result.file.campaigns).toHaveLength(2);
  });

  const cases: Array<[string, string, { line: number; field: string; message: RegExp }]> = [
    ['an empty file', '', { line: 1, field: '', message: /empty|JSON/ }],
    ['a trailing comma on line 3', '{\n  "format": "talktrack.campaigns",\n  "formatVersion": 1,\n}', { line: 4, field: '', message: /JSON/ }],
    ['comments', '{\n// no\n}', { line: 2, field: '', message: /JSON/ }],
    ['the wrong format', '{\n  "format": "other"\n}', { line: 2, field: 'format', message: /talktrack\.campaigns|expected/i }],
    ['no campaign', fileText([]), { line: 5, field: 'campaigns', message: /no campaign/ }],
  ];
  it.each(cases)('refuses %s with its line and field', (_name, text, expected) => {
    const result = parseCampaignFile(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect({ line: result.line, field: result.field }).toEqual({ line: expected.line, field: expected.field });
    expect(result.message).toMatch(expected.message);
  });

  it('points a missing field at the object that lacks it, and a wrong type at the value', () => {
    const second = item() as { campaign: Record<string, unknown>; talkTrack: unknown };
    delete second.campaign.category;
    const text = fileText([item(), second]);
    const result = parseCampaignFile(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.field).toBe('campaigns.1.campaign.category');
    expect(result.problem).toBe('missing');
    const lines = text.split('\n');
    const secondCampaign = lines.findIndex((l, i) => l.includes('"campaign": {') && i > lines.findIndex((x) => x.includes('"campaign": {')));
    expect(result.line).toBe(secondCampaign + 1);

    const wrongType = item() as { campaign: Record<string, unknown>; talkTrack: unknown };
    wrongType.campaign.focus = 'yes';
    const typed = fileText([item(), wrongType]);
    const typedResult = parseCampaignFile(typed);
    expect(typedResult.ok || typedResult.field).toBe('campaigns.1.campaign.focus');
    expect(typedResult.ok || typedResult.problem).toBe('wrong_type');
    expect(typedResult.ok || typedResult.line).toBe(typed.split('\n').findIndex((l) => l.includes('"focus": "yes"')) + 1);
  });
});

describe('changedPaths', () => {
  const base = completeDraft([HALL]);
  const cases: Array<[string, (d: ReturnType<typeof completeDraft>) => void, string[]]> = [
    ['nothing', () => undefined, []],
    ['the pitch and the end date', (d) => ((d.talkTrack.pitch.zh = '新'), (d.campaign.endDate = '2098-01-01')), ['campaign.endDate', 'talkTrack.pitch.zh']],
    ['an English text added', (d) => (d.talkTrack.closing.en = 'Thanks'), ['talkTrack.closing.en']],
    ['an empty English text is no change', (d) => (d.talkTrack.pitch.en = ''), []],
    ['the halls, as a whole', (d) => d.hallIds.push('01a21b6b-0270-7073-8c58-15b6992c977c'), ['hallIds']],
    ['an objection added', (d) => d.talkTrack.objections.push({ question: { zh: '?' }, answer: { zh: '!' } }), ['talkTrack.objections.1']],
    ['the segment note set', (d) => (d.campaign.segmentNote = { zh: '学生' }), ['campaign.segmentNote']],
  ];
  it.each(cases)('%s', (_name, change, paths) => {
    const after = structuredClone(base);
    change(after);
    expect(changedPaths(base, after)).toEqual(paths);
  });

  it('reads a list of ids as a set', () => {
    expect(changedPaths({ hallIds: ['a', 'b'] }, { hallIds: ['b', 'a'] })).toEqual([]);
    expect(changedPaths({ hallIds: ['a', 'b'] }, { hallIds: ['a', 'a'] })).toEqual(['hallIds']);
  });

  it('compares talk-tracks and lists paths briefly', () => {
    const other = structuredClone(base.talkTrack);
    expect(sameTalkTrack(base.talkTrack, other)).toBe(true);
    other.elements.price.zh = '20元';
    expect(sameTalkTrack(base.talkTrack, other)).toBe(false);
    expect(listPaths(['a', 'b', 'c'], 2)).toBe('a, b and 1 more');
  });
});

describe('messages in words', () => {
  it.each([
    ['campaign.title.zh', 'the title in Chinese'],
    ['campaign.offerCode', 'the offer code'],
    ['talkTrack.elements.price.zh', 'the must-say element "price and how it is charged (资费标准与计费方式)" in Chinese'],
    ['talkTrack.objections.0.answer.zh', 'the answer of objection 1 in Chinese'],
  ])('%s → %s', (path, words) => expect(pathInWords(path)).toBe(words));

  it('tells the time on the reader’s wall clock', () => {
    expect(wallClock('2026-11-27T06:35:10.000Z', 'Asia/Shanghai')).toBe('2026-11-27 14:35');
  });
});
