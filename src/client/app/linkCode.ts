import { codeFromHash, ENROL_PATH, PASSWORD_PATH } from '../../shared/links.ts';

/** What a link opened the app with: an enrolment code, or the set-password screen (with its code, if any). */
export type OpenedLink = { kind: 'enrol'; code: string } | { kind: 'password'; code: string };

export function openedLinkOf(path: string, hash: string): OpenedLink | null {
  const code = codeFromHash(hash);
  if (path === ENROL_PATH && code !== null && code.trim() !== '') return { kind: 'enrol', code };
  if (path === PASSWORD_PATH) return { kind: 'password', code: code ?? '' };
  return null;
}

/**
 * Reads the link the page was opened with, once, and puts `/` in its place: a one-time code must
 * not stay in the browser's history (nor be shown again by the back button).
 */
export function takeOpenedLink(): OpenedLink | null {
  const link = openedLinkOf(location.pathname, location.hash);
  if (location.pathname === ENROL_PATH || location.pathname === PASSWORD_PATH) history.replaceState(null, '', '/');
  return link;
}
