import type { SigningKey } from '../../shared/schemas/auth.ts';
import { fromBase64Url, importSigningKey, toBase64Url } from '../../shared/recordSignature.ts';
import type { WrappedSigningKey } from '../db/db.ts';

/**
 * The signing key the server gave a person on this tablet, kept for offline sign-in only wrapped
 * (AES-GCM) under a key derived from their PIN with PBKDF2-SHA256. A wrong PIN fails to unwrap, so
 * the tablet needs no PIN verifier: what a thief finds is the wrapped key, and each guess costs one
 * full PBKDF2 run (bench: "pin guess").
 *
 * 600,000 iterations (OWASP's figure for PBKDF2-SHA256): measured at about 110 ms per unwrap in Node
 * and 100 ms in Chromium on the 2-core server this was built on, so a cheap tablet several times
 * slower still signs in offline within about a second.
 */
export const PIN_WRAP_ITERATIONS = 600_000;

const SALT_BYTES = 16;
const IV_BYTES = 12;

function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(new ArrayBuffer(length)));
}

/** The wrapped key is bound to its person and key id, so a row copied onto another person's fails to open. */
function boundTo(staffId: string, keyId: string): Uint8Array<ArrayBuffer> {
  const text = new TextEncoder().encode(`talktrack-signing-key:${staffId}:${keyId}`);
  const bytes = new Uint8Array(new ArrayBuffer(text.length));
  bytes.set(text);
  return bytes;
}

async function wrappingKey(pin: string, salt: Uint8Array<ArrayBuffer>, iterations: number, usage: 'encrypt' | 'decrypt'): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, { name: 'AES-GCM', length: 256 }, false, [usage]);
}

/** Wraps the signing key's secret under the PIN (the secret itself is kept nowhere else on the tablet). */
export async function wrapSigningKey(
  staffId: string,
  pin: string,
  signingKey: SigningKey,
  now = new Date(),
  iterations = PIN_WRAP_ITERATIONS,
): Promise<WrappedSigningKey> {
  const salt = randomBytes(SALT_BYTES);
  const iv = randomBytes(IV_BYTES);
  const key = await wrappingKey(pin, salt, iterations, 'encrypt');
  const wrapped = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: boundTo(staffId, signingKey.id) },
    key,
    fromBase64Url(signingKey.secret),
  );
  return {
    staffId,
    keyId: signingKey.id,
    salt: toBase64Url(salt),
    iv: toBase64Url(iv),
    iterations,
    wrapped: toBase64Url(new Uint8Array(wrapped)),
    createdAt: now.toISOString(),
  };
}

/**
 * The signing key, usable to sign and never readable again, when the PIN is the one it was wrapped
 * under; null when it is not (AES-GCM's tag does not check: a wrong PIN, or a damaged row).
 */
export async function unwrapSigningKey(pin: string, stored: WrappedSigningKey): Promise<{ id: string; key: CryptoKey } | null> {
  const key = await wrappingKey(pin, fromBase64Url(stored.salt), stored.iterations, 'decrypt');
  let secret: ArrayBuffer;
  try {
    secret = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64Url(stored.iv), additionalData: boundTo(stored.staffId, stored.keyId) },
      key,
      fromBase64Url(stored.wrapped),
    );
  } catch {
    return null;
  }
  return { id: stored.keyId, key: await importSigningKey(toBase64Url(new Uint8Array(secret))) };
}
