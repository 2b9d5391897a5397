import { describe, expect, it } from 'vitest';
import { ApiFailure, NetworkFailure } from '../../../src/client/api/http.ts';
import { manageEn } from '../../../src/client/i18n/manage/en.ts';
import { translateManage } from '../../../src/client/i18n/manage/index.ts';
import { manageZhCN } from '../../../src/client/i18n/manage/zh-CN.ts';
import { zhCN } from '../../../src/client/i18n/zh-CN.ts';
import { draftIssues } from '../../../src/client/manage/draftCheck.ts';
import { addObjection, emptyDraft, moveObjection, removeObjection } from '../../../src/client/manage/draftEdit.ts';
import { getText, missingEnglish, setText } from '../../../src/client/manage/draftText.ts';
import { problemOf } from '../../../src/client/manage/problems.ts';
import { diffText } from '../../../src/client/manage/versionDiff.ts';
import { fieldLabel } from '../../../src/client/ui/manage/editor/fieldLabel.ts';
import { decideGate } from '../../../src/client/ui/manage/gate/gateDecision.ts';
import type { CampaignDraft } from '../../../src/shared/schemas/manage.ts';
import type { Enrolment, SignedIn } from '../../../src/client/db/db.ts';
import { makeHall, makeStaff } from '../../helpers/uiFixtures.tsx';
import { placeholderNames } from '../../../src/client/i18n/fill.ts';

const hall = makeHall();
const PERSON = '0191b6ec-35c1-70c3-b81f-23a6c2e54dd1';
const enrolment: Enrolment = { deviceId: 'd', deviceToken: 'dt', hall, enrolledAt: '2026-01-01T00:00:00Z' };
const online: SignedIn = { staffId: 's', signedInAt: '2026-01-01T00:00:00Z', sessionToken: 'tok' };
const offline: SignedIn = { ...online, sessionToken: null };
const manager = makeStaff(hall.id, { id: 's', role: 'manager' });
const admin = makeStaff(hall.id, { id: 's', role: 'admin' });
const consultant = makeStaff(hall.id, { id: 's', role: 'consultant' });

describe('gate', () => {
  it.each([
    ['nothing read yet', 'loading', undefined, null],
    ['not enrolled', 'not_enrolled', { enrolment: undefined, signedIn: undefined, staff: undefined }, null],
    ['nobody signed in', 'signed_out', { enrolment, signedIn: undefined, staff: undefined }, null],
    ['a consultant', 'not_manager', { enrolment, signedIn: online, staff: consultant }, null],
    ['someone not on this device', 'not_manager', { enrolment, signedIn: online, staff: undefined }, null],
    ['a manager signed in offline', 'offline_session', { enrolment, signedIn: offline, staff: manager }, null],
    ['a manager whose session the server refused', 'expired', { enrolment, signedIn: online, staff: manager }, 'tok'],
    ['a manager signed in again after that', 'open', { enrolment, signedIn: online, staff: manager }, 'old'],
    ['a manager', 'open', { enrolment, signedIn: online, staff: manager }, null],
    ['an admin', 'open', { enrolment, signedIn: online, staff: admin }, null],
  ] as const)('%s → %s', (_what, kind, input, expired) => {
    expect(decideGate(input, expired).kind).toBe(kind);
  });
});

describe('problems from failed requests', () => {
  it.each([
    ['network', new NetworkFailure('down'), { kind: 'network' }],
    ['expired', new ApiFailure(401, 'session_expired', 'x', { error: 'session_expired', message: 'x' }), { kind: 'expired' }],
    ['device', new ApiFailure(401, 'unauthorized', 'revoked'), { kind: 'device', error: 'unauthorized', message: 'revoked', params: {} }],
    ['forbidden', new ApiFailure(403, 'forbidden', 'no'), { kind: 'forbidden', error: 'forbidden', message: 'no', params: {} }],
    [
      'conflict',
      new ApiFailure(409, 'edit_conflict', 'm', { error: 'edit_conflict', message: 'm', editVersion: 4, editedBy: { id: PERSON, name: '王' }, editedAt: '2026-01-02T03:04:05+08:00' }),
      { kind: 'conflict', editVersion: 4, editedBy: { id: PERSON, name: '王' }, editedAt: '2026-01-02T03:04:05+08:00' },
    ],
    ['incomplete', new ApiFailure(422, 'incomplete', 'm', { error: 'incomplete', message: 'm', missing: ['campaign.offerCode'] }), { kind: 'incomplete', missing: ['campaign.offerCode'] }],
    [
      'invalid file',
      new ApiFailure(400, 'invalid_file', 'm', { error: 'invalid_file', message: 'm', line: 7, field: 'campaigns.0', problem: 'missing' }),
      { kind: 'invalid_file', line: 7, field: 'campaigns.0', problem: 'missing', message: 'm' },
    ],
    ['other', new ApiFailure(400, 'invalid_request', 'bad'), { kind: 'server', error: 'invalid_request', message: 'bad', params: {} }],
  ] as const)('%s', (_what, cause, problem) => {
    expect(problemOf(cause)).toEqual(problem);
  });
});

describe('draft editing', () => {
  const base = emptyDraft([hall.id], '2026-01-01', '2026-01-31');

  it('sets either language of any text; an emptied English is dropped', () => {
    let d = setText(base, 'talkTrack.elements.price', 'zh', '十元');
    d = setText(d, 'talkTrack.elements.price', 'en', 'Ten');
    expect(getText(d, 'talkTrack.elements.price')).toEqual({ zh: '十元', en: 'Ten' });
    d = setText(d, 'talkTrack.elements.price', 'en', '');
    expect(getText(d, 'talkTrack.elements.price')).toEqual({ zh: '十元' });
    expect(base.talkTrack.elements.price).toEqual({ zh: '' });
  });

  it('keeps an empty segment note as null', () => {
    const d = setText(base, 'campaign.segmentNote', 'zh', '老人');
    expect(d.campaign.segmentNote).toEqual({ zh: '老人' });
    expect(setText(d, 'campaign.segmentNote', 'zh', '').campaign.segmentNote).toBeNull();
  });

  it('adds, moves and removes objections; a move past the end changes nothing', () => {
    let d = addObjection(addObjection(base));
    d = setText(d, 'talkTrack.objections.0.question', 'zh', 'A');
    d = setText(d, 'talkTrack.objections.1.question', 'zh', 'B');
    const qs = (x: typeof d) => x.talkTrack.objections.map((o) => o.question.zh);
    expect(qs(moveObjection(d, 0, 1))).toEqual(['B', 'A']);
    expect(qs(moveObjection(d, 1, 1))).toEqual(['A', 'B']);
    expect(qs(moveObjection(d, 0, -1))).toEqual(['A', 'B']);
    expect(qs(removeObjection(d, 0))).toEqual(['B']);
  });

  it('counts the texts written in Chinese that have no English', () => {
    let d = setText(base, 'campaign.title', 'zh', '标题');
    d = setText(d, 'talkTrack.pitch', 'zh', '推荐');
    d = setText(d, 'talkTrack.pitch', 'en', 'Pitch');
    expect(missingEnglish(d)).toEqual(['campaign.title']);
  });

  it.each<[string, CampaignDraft, string[]]>([
    ['no hall', { ...base, hallIds: [] }, ['no_hall']],
    ['end before start', { ...base, campaign: { ...base.campaign, endDate: '2025-12-31' } }, ['end_before_start']],
    ['no date', { ...base, campaign: { ...base.campaign, startDate: '' } }, ['bad_date']],
    ['fine', base, []],
  ])('before saving: %s', (_what, draft, kinds) => {
    expect(draftIssues(draft).map((i) => i.kind)).toEqual(kinds);
  });
});

describe('field names and diffs', () => {
  const t = (key: Parameters<typeof translateManage>[1], params?: Record<string, string | number>) => translateManage('zh-CN', key, params);

  it.each([
    ['talkTrack.elements.price.zh', '资费标准与计费方式（中文）'],
    ['campaign.title.zh', '活动名称（中文）'],
    ['campaign.offerCode', '活动编码'],
    ['talkTrack.objections.2.answer.zh', '异议 3：应答（中文）'],
    ['talkTrack.pitch.en', '推荐话术（英文）'],
    ['something.else', 'something.else'],
  ])('%s → %s', (path, label) => {
    expect(fieldLabel(path, t)).toBe(label);
  });

  it('diffs Chinese by words, and shows a change of line breaks alone', () => {
    expect(diffText('每月只要59元', '每月只要69元')).toEqual([
      { text: '每月只要', change: 'same' },
      { text: '59', change: 'removed' },
      { text: '69', change: 'added' },
      { text: '元', change: 'same' },
    ]);
    expect(diffText('一行\n二行', '一行 二行').map((p) => p.change)).toEqual(['removed', 'added']);
    expect(diffText('同', '同')).toEqual([{ text: '同', change: 'same' }]);
  });
});

describe('manager pages catalogue', () => {
  it('en has exactly the zh-CN keys, none empty, the same placeholders, none shared with the counter catalogue', () => {
    expect(Object.keys(manageEn).sort()).toEqual(Object.keys(manageZhCN).sort());
    const placeholders = placeholderNames;
    for (const key of Object.keys(manageZhCN) as (keyof typeof manageZhCN)[]) {
      expect(manageZhCN[key].trim(), key).not.toBe('');
      expect(manageEn[key].trim(), key).not.toBe('');
      expect(placeholders(manageEn[key]), key).toEqual(placeholders(manageZhCN[key]));
      expect(key in zhCN, key).toBe(false);
    }
  });

  it('falls through to the counter catalogue', () => {
    expect(translateManage('en', 'category.vas')).toBe('Value-added');
    expect(translateManage('zh-CN', 'manage.focus.hall', { hall: '甲', count: 4, limit: 3 })).toBe('甲：4 个重点活动（建议不超过 3 个）');
  });
});
