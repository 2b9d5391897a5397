/**
 * How a field record is signed, the same on the tablet and the server. The payload is the record's
 * canonical JSON (object keys sorted at every level, arrays in order, no spaces, undefined keys left
 * out), so both sides compute it from the parsed record whatever order the keys travelled in. The
 * MAC is HMAC-SHA256 with the key the server gave this person on this tablet at an online sign-in,
 * written base64url without padding. Kept free of zod: the counter's first load carries it.
 */

export const SIGNING_KEY_BYTES = 32;

/** One record's signature: which key, and the MAC. */
export interface RecordSig {
  keyId: string;
  mac: string;
}

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    if (text === undefined) throw new TypeError(`canonicalJson: ${typeof value} has no JSON form`);
    return text;
  }
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The signing key as WebCrypto holds it: usable to sign, never readable again (not extractable). */
export function importSigningKey(secret: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', fromBase64Url(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}

export async function macOf(key: CryptoKey, record: unknown): Promise<string> {
  const payload = new TextEncoder().encode(canonicalJson(record));
  return toBase64Url(new Uint8Array(await crypto.subtle.sign('HMAC', key, payload)));
}
