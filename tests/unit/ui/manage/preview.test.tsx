import { fireEvent, screen, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { useComposerStore } from '../../../../src/client/state/composerStore.ts';
import { useApiApp } from '../../../helpers/apiApp.ts';
import { manageUi } from '../../../helpers/manageUi.tsx';
import { resetUiState } from '../../../helpers/uiFixtures.tsx';

beforeEach(resetUiState);

const type = (testId: string, value: string) => fireEvent.input(screen.getByTestId(testId), { target: { value } });
const preview = () => screen.getByTestId('preview');
const inPreview = () => within(preview());

async function openNewEditor() {
  await screen.findByTestId('edit-campaign.title');
}

describe('live preview beside the editor', () => {
  const ctx = useApiApp('sqlite');

  it('updates the preview as the manager types, with the counter’s own components', async () => {
    await manageUi(ctx(), { path: '/manage/campaigns/new' });
    await openNewEditor();
    type('edit-campaign.title', '宽带提速');
    type('edit-talkTrack.elements.price', '每月 30 元');
    type('edit-talkTrack.pitch', '第一行\n第二行');
    expect(inPreview().getByRole('heading', { level: 2, name: '宽带提速' })).toBeTruthy();
    expect(inPreview().getByTestId('element-price').textContent).toContain('每月 30 元');
    expect(inPreview().getByText('第一行\n第二行', { selector: 'p', normalizer: (s) => s })).toBeTruthy();
    // The campaign appears in the preview's campaign list, as on the counter.
    expect(inPreview().getByRole('navigation').textContent).toContain('宽带提速');
    type('edit-campaign.title', '宽带提速 500M');
    expect(inPreview().getByRole('heading', { level: 2, name: '宽带提速 500M' })).toBeTruthy();
  });

  it('adds, reorders and removes objection answers, and the preview follows', async () => {
    await manageUi(ctx(), { path: '/manage/campaigns/new' });
    await openNewEditor();
    const questions = () => [...preview().querySelectorAll('.objection summary')].map((s) => s.textContent);
    expect(questions()).toEqual([]);
    fireEvent.click(screen.getByTestId('objection-add'));
    fireEvent.click(screen.getByTestId('objection-add'));
    fireEvent.click(screen.getByTestId('objection-add'));
    type('edit-talkTrack.objections.0.question', '问一');
    type('edit-talkTrack.objections.0.answer', '答一');
    type('edit-talkTrack.objections.1.question', '问二');
    type('edit-talkTrack.objections.1.answer', '答二');
    type('edit-talkTrack.objections.2.question', '问三');
    type('edit-talkTrack.objections.2.answer', '答三');
    expect(questions()).toEqual(['问一', '问二', '问三']);

    fireEvent.click(screen.getByTestId('objection-up-2'));
    expect(questions()).toEqual(['问一', '问三', '问二']);
    fireEvent.click(screen.getByTestId('objection-down-0'));
    expect(questions()).toEqual(['问三', '问一', '问二']);
    expect((screen.getByTestId('edit-talkTrack.objections.0.answer') as HTMLTextAreaElement).value).toBe('答三');
    expect(screen.getByTestId('objection-up-0').hasAttribute('disabled')).toBe(true);
    expect(screen.getByTestId('objection-down-2').hasAttribute('disabled')).toBe(true);

    fireEvent.click(screen.getByTestId('objection-remove-1'));
    expect(questions()).toEqual(['问三', '问二']);
    // The answer travels with its question.
    fireEvent.click(inPreview().getByText('问二', { selector: 'summary' }));
    expect(inPreview().getByText('答二', { selector: 'p' })).toBeTruthy();
  });

  it('previews in English independently of the page language, falling back to Chinese', async () => {
    await manageUi(ctx(), { path: '/manage/campaigns/new' });
    await openNewEditor();
    type('edit-campaign.title', '流量包');
    type('edit-talkTrack.opening', '您好');
    type('edit-talkTrack.pitch', '每月十元');
    fireEvent.click(screen.getByTestId('edit-lang-en'));
    // The English form shows which texts have no English yet.
    expect(screen.getByTestId('en-empty-talkTrack.opening')).toBeTruthy();
    expect(screen.getByTestId('en-missing-count').getAttribute('data-count')).toBe('3');
    expect((screen.getByTestId('edit-talkTrack.pitch') as HTMLTextAreaElement).placeholder).toBe('每月十元');
    type('edit-talkTrack.pitch', 'Ten a month');
    type('edit-campaign.title', 'Data pack');
    expect(screen.queryByTestId('en-empty-talkTrack.pitch')).toBeNull();
    expect(screen.getByTestId('en-missing-count').getAttribute('data-count')).toBe('1');

    // The preview stays Chinese until switched.
    expect(inPreview().getByText('每月十元', { selector: 'p' })).toBeTruthy();
    fireEvent.click(screen.getByTestId('preview-lang-en'));
    expect(preview().getAttribute('data-lang')).toBe('en');
    expect(inPreview().getByText('Ten a month', { selector: 'p' })).toBeTruthy();
    expect(inPreview().getByRole('heading', { level: 2, name: 'Data pack' })).toBeTruthy();
    // No English opening: the counter shows the Chinese.
    expect(inPreview().getByText('您好', { selector: 'p' })).toBeTruthy();
    // The counter's own labels are in English inside the preview, the page stays Chinese.
    expect(inPreview().getByText('Opening')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: '柜台预览' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('zh-CN');

    // The Chinese text is still there when editing Chinese again.
    fireEvent.click(screen.getByTestId('edit-lang-zh'));
    expect((screen.getByTestId('edit-talkTrack.pitch') as HTMLTextAreaElement).value).toBe('每月十元');
  });

  it('shows talk-track markup as literal text in the preview, creating no element', async () => {
    const SCRIPT = '<script>alert(1)</script>';
    const IMG = '<img src=x onerror=alert(1)>';
    const LINK = '<a href="javascript:alert(1)">x</a>';
    await manageUi(ctx(), { path: '/manage/campaigns/new' });
    await openNewEditor();
    type('edit-campaign.title', `标题 ${SCRIPT}`);
    type('edit-campaign.segmentNote', LINK);
    type('edit-talkTrack.elements.price', IMG);
    type('edit-talkTrack.opening', SCRIPT);
    type('edit-talkTrack.pitch', `第一行\n${IMG}\n${LINK}`);
    fireEvent.click(screen.getByTestId('objection-add'));
    type('edit-talkTrack.objections.0.question', LINK);
    type('edit-talkTrack.objections.0.answer', SCRIPT);
    type('edit-talkTrack.closing', IMG);

    const root = preview();
    for (const tag of ['script', 'img', 'a', 'iframe']) expect(root.querySelectorAll(tag), tag).toHaveLength(0);
    expect(root.querySelectorAll('[onerror]')).toHaveLength(0);
    expect(root.querySelectorAll('[href]')).toHaveLength(0);
    // Nor anywhere else on the page (the form holds the text in its fields' values).
    expect(document.querySelectorAll('script, img, iframe, [onerror]')).toHaveLength(0);

    expect(inPreview().getByRole('heading', { level: 2, name: `标题 ${SCRIPT}` })).toBeTruthy();
    // The opening, and the objection's answer.
    expect(inPreview().getAllByText(SCRIPT, { selector: 'p' })).toHaveLength(2);
    expect(inPreview().getByText(`第一行\n${IMG}\n${LINK}`, { selector: 'p', normalizer: (s) => s })).toBeTruthy();
    expect(inPreview().getByTestId('element-price').textContent).toContain(IMG);
    expect(root.textContent).toContain(LINK);
    expect(inPreview().getByText(LINK, { selector: 'summary' })).toBeTruthy();
  });

  it('keeps the preview’s ticks apart from the counter’s', async () => {
    await manageUi(ctx(), { path: '/manage/campaigns/new' });
    await openNewEditor();
    type('edit-talkTrack.elements.price', '十元');
    fireEvent.click(inPreview().getByTestId('element-price'));
    expect(inPreview().getByTestId('element-price').getAttribute('aria-checked')).toBe('true');
    const keys = Object.keys(useComposerStore.getState().drafts);
    expect(keys).toEqual(['preview:new']);
  });
});
