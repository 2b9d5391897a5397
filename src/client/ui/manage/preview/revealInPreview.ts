import { translate } from '../../../i18n/index.ts';
import type { Lang } from '../../../state/langStore.ts';

const ELEMENT = /^talkTrack\.elements\.(\w+)$/;
const OBJECTION = /^talkTrack\.objections\.(\d+)\./;
const SECTION = /^talkTrack\.(opening|pitch|closing)$/;

/** Where the text being edited shows on the counter (the preview draws it with the counter's own markup). */
function targetOf(frame: HTMLElement, path: string, lang: Lang): HTMLElement | null {
  const element = ELEMENT.exec(path);
  if (element) return frame.querySelector<HTMLElement>(`[data-testid="element-${element[1]}"]`);
  const objection = OBJECTION.exec(path);
  if (objection) {
    const details = frame.querySelectorAll<HTMLDetailsElement>('.objection')[Number(objection[1])];
    if (details) details.open = true; // the answer being edited is shown, as when the consultant taps it
    return details ?? null;
  }
  const section = SECTION.exec(path);
  if (section) {
    const title = translate(lang, `talk.${section[1] as 'opening' | 'pitch' | 'closing'}`);
    return [...frame.querySelectorAll<HTMLElement>('.talk-section')].find((s) => s.querySelector('h3')?.textContent === title) ?? null;
  }
  if (path.startsWith('campaign.')) return frame.querySelector<HTMLElement>('.talk-head');
  return null;
}

/**
 * Scrolls the preview's talk-track (and only it, not the page) so the text being edited is in
 * view, as a consultant would scroll to it on the tablet.
 */
export function revealInPreview(frame: HTMLElement, path: string, lang: Lang): void {
  const pane = frame.querySelector<HTMLElement>('.talk-pane');
  const target = targetOf(frame, path, lang);
  if (!pane || !target) return;
  // The frame is scaled down; scroll offsets are in its own, unscaled pixels.
  const scale = frame.getBoundingClientRect().width / (frame.offsetWidth || 1) || 1;
  const offset = (target.getBoundingClientRect().top - pane.getBoundingClientRect().top) / scale;
  pane.scrollTop = Math.max(0, pane.scrollTop + offset - 24);
}
