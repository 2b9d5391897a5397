import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PIN_WRAP_ITERATIONS, unwrapSigningKey, wrapSigningKey } from '../src/client/auth/signingKeyStore.ts';
import type { WrappedSigningKey } from '../src/client/db/db.ts';
import { isTrivialPin } from '../src/shared/pinRules.ts';
import { SIGNING_KEY_BYTES, toBase64Url } from '../src/shared/recordSignature.ts';
import { launchChromium } from '../tests/helpers/e2eBrowser.ts';
import { target } from './report.ts';
import { fmt, summarise, table } from './stats.ts';

/**
 * `npm run bench -- pin`: what one PIN guess costs someone who took a tablet. The tablet holds the
 * person's signing key only wrapped under a PBKDF2-SHA256 key of their PIN (signingKeyStore.ts),
 * so each guess is one full unwrap attempt: PBKDF2 at PIN_WRAP_ITERATIONS, then AES-GCM's tag
 * check. Timed on one core in Node and in Chromium (the tablet's own engine), with wrong PINs;
 * from Node's fastest attempt (an attacker's core is idle, ours is shared), the time to try every PIN the rules allow, of 6 digits and of 4 (the shortest
 * the Pin schema accepts). The same attempt is what an offline sign-in costs on the tablet: target,
 * under 1 s here (a cheap tablet is several times slower than this machine).
 *
 * BENCH_PIN_ATTEMPTS (default 20) attempts per engine; BENCH_PIN_BROWSER=0 leaves Chromium out.
 * Inside `npm test` (tests/api/benchPin.test.ts) it runs tiny: 2 attempts at few iterations.
 */

export interface PinGuessOptions {
  attempts?: number;
  iterations?: number;
  browser?: boolean;
}

export interface PinGuessFigures {
  iterations: number;
  nodeMs: number;
  nodeMinMs: number;
  chromiumMs: number | null;
  allowed6: number;
  allowed4: number;
  /** Seconds to try every allowed PIN on one core, at Node's fastest guess (the attacker's idle core, not this shared one). */
  all6Seconds: number;
  all4Seconds: number;
}

/** PINs of `digits` digits the rules let a person choose (isTrivialPin refuses runs and repeats). */
export function allowedPins(digits: number): number {
  let n = 0;
  const total = 10 ** digits;
  for (let i = 0; i < total; i++) if (!isTrivialPin(String(i).padStart(digits, '0'))) n++;
  return n;
}

async function wrappedSample(iterations: number): Promise<WrappedSigningKey> {
  const secret = toBase64Url(crypto.getRandomValues(new Uint8Array(SIGNING_KEY_BYTES)));
  return wrapSigningKey('bench-staff', '482915', { id: 'bench-key', secret }, new Date(), iterations);
}

async function nodeAttempts(wrapped: WrappedSigningKey, attempts: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < attempts; i++) {
    const guess = String(100_000 + i);
    const t0 = performance.now();
    const opened = await unwrapSigningKey(guess, wrapped);
    times.push(performance.now() - t0);
    if (opened !== null) throw new Error(`bench: the wrong PIN ${guess} opened the key`);
  }
  return times;
}

/**
 * The same attempt in Chromium. WebCrypto needs a secure context, so the page comes from a
 * loopback server of its own; the steps are signingKeyStore.ts's unwrap, written out in the page.
 */
async function chromiumAttempts(wrapped: WrappedSigningKey, attempts: number): Promise<number[]> {
  const server = createServer((_req, res) => {
    res.setHeader('content-type', 'text/html');
    res.end('<!doctype html><title>pin bench</title>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    // tsx (esbuild's keepNames) wraps the page function's inner functions in a __name helper the page lacks.
    await page.evaluate('globalThis.__name = (f) => f');
    return await page.evaluate(
      async ({ w, n }) => {
        const bytes = (text: string) => Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
        const times: number[] = [];
        for (let i = 0; i < n; i++) {
          const t0 = performance.now();
          const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(String(100_000 + i)), 'PBKDF2', false, ['deriveKey']);
          const key = await crypto.subtle.deriveKey(
            { name: 'PBKDF2', hash: 'SHA-256', salt: bytes(w.salt), iterations: w.iterations },
            material,
            { name: 'AES-GCM', length: 256 },
            false,
            ['decrypt'],
          );
          const aad = new TextEncoder().encode(`talktrack-signing-key:${w.staffId}:${w.keyId}`);
          const opened = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: bytes(w.iv), additionalData: aad }, key, bytes(w.wrapped)).then(
            () => true,
            () => false,
          );
          times.push(performance.now() - t0);
          if (opened) throw new Error('a wrong PIN opened the key');
        }
        return times;
      },
      { w: wrapped, n: attempts },
    );
  } finally {
    await browser.close();
    server.close();
  }
}

const hours = (seconds: number): string => (seconds >= 3600 ? `${fmt(seconds / 3600, 1)} h` : `${fmt(seconds / 60, 1)} min`);

export async function pinGuessSection(options: PinGuessOptions = {}): Promise<PinGuessFigures> {
  const attempts = options.attempts ?? Number(process.env.BENCH_PIN_ATTEMPTS ?? 20);
  const iterations = options.iterations ?? PIN_WRAP_ITERATIONS;
  const useBrowser = options.browser ?? process.env.BENCH_PIN_BROWSER !== '0';
  console.log(`\n## pin: one PIN guess against a stolen tablet's wrapped key (PBKDF2-SHA256, ${iterations} iterations; ${attempts} wrong PINs per engine)\n`);
  const wrapped = await wrappedSample(iterations);
  const node = summarise(await nodeAttempts(wrapped, attempts));
  const chromium = useBrowser ? summarise(await chromiumAttempts(wrapped, attempts)) : null;
  const allowed6 = allowedPins(6);
  const allowed4 = allowedPins(4);
  const perGuess = node.min / 1000;
  const figures: PinGuessFigures = {
    iterations,
    nodeMs: node.median,
    nodeMinMs: node.min,
    chromiumMs: chromium?.median ?? null,
    allowed6,
    allowed4,
    all6Seconds: allowed6 * perGuess,
    all4Seconds: allowed4 * perGuess,
  };
  const rows = [{ engine: 'node (one core)', median_ms: fmt(node.median, 1), p95_ms: fmt(node.p95, 1), min_ms: fmt(node.min, 1) }];
  if (chromium) rows.push({ engine: 'chromium (one tab)', median_ms: fmt(chromium.median, 1), p95_ms: fmt(chromium.p95, 1), min_ms: fmt(chromium.min, 1) });
  console.log(table(rows));
  console.log(
    `summary: one guess ${fmt(node.median, 1)} ms in Node${chromium ? `, ${fmt(chromium.median, 1)} ms in Chromium` : ''}; ` +
      `at the fastest guess (${fmt(node.min, 1)} ms), every allowed 6-digit PIN (${allowed6}) on one core: ${hours(figures.all6Seconds)} (half that on average); ` +
      `every allowed 4-digit PIN (${allowed4}): ${hours(figures.all4Seconds)}`,
  );
  const signInMs = Math.max(node.median, chromium?.median ?? 0);
  target('pin', signInMs < 1000, `an offline sign-in (one unwrap) takes ${fmt(signInMs, 0)} ms here, under 1000 ms`);
  return figures;
}
