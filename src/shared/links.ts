/**
 * Links that carry a one-time code to a browser: the code travels in the fragment, which the
 * browser never sends to the server, so it stays out of access logs and proxies.
 */
export const ENROL_PATH = '/enrol';
export const PASSWORD_PATH = '/password';

export function enrolLink(origin: string, code: string): string {
  return `${origin.replace(/\/+$/, '')}${ENROL_PATH}#code=${encodeURIComponent(code)}`;
}

export function passwordLink(origin: string, code: string): string {
  return `${origin.replace(/\/+$/, '')}${PASSWORD_PATH}#code=${encodeURIComponent(code)}`;
}

/** The code a link carried (`#code=…`), or null. */
export function codeFromHash(hash: string): string | null {
  const match = /(?:^#|&)code=([^&]+)/.exec(hash);
  return match?.[1] === undefined ? null : decodeURIComponent(match[1]);
}
