import { fireEvent, screen } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { MUST_SAY_KEYS } from '../../../src/shared/mustSay.ts';
import { counterFixture, resetUiState, zh } from '../../helpers/uiFixtures.tsx';

beforeEach(resetUiState);

const SCRIPT = '<script>window.__pwned = 1</script>';
const IMG = '<img src=x onerror="window.__pwned = 2">';
const LINK = 'javascript:window.__pwned=3';
const HTML = '<a href="javascript:alert(1)">点这里</a><b>粗体</b>';

describe('talk-track text is plain text', () => {
  it('shows markup and javascript: URLs as text, creating no element', async () => {
    const elements = Object.fromEntries(MUST_SAY_KEYS.map((k) => [k, zh(`${k}: ${IMG}`)]));
    const { view } = await counterFixture([
      {
        campaign: { title: zh(`标题 ${SCRIPT}`), segmentNote: zh(HTML) },
        track: {
          elements: elements as never,
          opening: zh(SCRIPT),
          pitch: zh(`第一行\n${IMG}\n${LINK}`),
          objections: [{ question: zh(HTML), answer: zh(LINK) }],
          closing: zh(HTML),
        },
      },
    ]);
    await screen.findByTestId('talk-track');
    const root = view.container;
    for (const tag of ['script', 'img', 'a', 'b', 'iframe']) expect(root.querySelectorAll(tag), tag).toHaveLength(0);
    expect(root.querySelectorAll('[onerror]')).toHaveLength(0);
    expect(root.querySelectorAll('[href]')).toHaveLength(0);
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();

    // The text is there, verbatim.
    expect(screen.getByText(SCRIPT, { selector: 'p' })).toBeTruthy();
    expect(screen.getByText(`第一行\n${IMG}\n${LINK}`, { selector: 'p', normalizer: (s) => s })).toBeTruthy();
    expect(screen.getByTestId('element-price').textContent).toContain(`price: ${IMG}`);
    expect(root.textContent).toContain(`标题 ${SCRIPT}`);
    expect(root.textContent).toContain(HTML);
    fireEvent.click(screen.getByText(HTML, { selector: 'summary' }));
    expect(screen.getByText(LINK, { selector: 'p' })).toBeTruthy();
  });
});
