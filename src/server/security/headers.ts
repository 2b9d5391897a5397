import type { FastifyHelmetOptions } from '@fastify/helmet';

/**
 * The Content-Security-Policy of every answer, the PWA's pages included: everything from this
 * origin, nothing inline, never framed. The built index.html has no inline script (vite-plugin-pwa's
 * injectRegister is off; src/client/pwa/swBridge.ts registers the worker), and no markup carries a
 * style attribute: Preact and chart.js set styles through CSSOM (element.style), which CSP allows.
 * tests/e2e/csp.test.ts walks the app in Chromium and fails on any violation.
 *
 * No upgrade-insecure-requests: a hall's server may be reached over plain HTTP on its own network,
 * where upgrading the app's own requests to https would break every one of them.
 */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'worker-src': ["'self'"],
  'connect-src': ["'self'"],
  // Charts and downloads make blob: URLs; data: covers small inline images.
  'img-src': ["'self'", 'data:', 'blob:'],
  'style-src': ["'self'"],
  'font-src': ["'self'"],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/** helmet's other headers at their defaults, but framing refused outright (frame-ancestors too). */
export const SECURITY_HEADERS: FastifyHelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: Object.fromEntries(Object.entries(CSP_DIRECTIVES).map(([k, v]) => [k, [...v]])),
  },
  frameguard: { action: 'deny' },
};
