import { pbkdf2, randomBytes, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import type { PinVerifier } from '../../shared/schemas/reference.ts';

const pbkdf2Async = promisify(pbkdf2);

/** Must match what devices compute offline with WebCrypto (PBKDF2, SHA-256, deriveBits 256). */
export const PIN_ITERATIONS = 100_000;
const SALT_BYTES = 16;
const HASH_BYTES = 32;

async function derive(pin: string, salt: Buffer, iterations: number): Promise<Buffer> {
  return pbkdf2Async(Buffer.from(pin, 'utf8'), salt, iterations, HASH_BYTES, 'sha256');
}

export async function hashPin(pin: string): Promise<PinVerifier> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(pin, salt, PIN_ITERATIONS);
  return {
    algorithm: 'pbkdf2-sha256',
    iterations: PIN_ITERATIONS,
    salt: salt.toString('base64'),
    hash: hash.toString('base64'),
  };
}

export async function verifyPin(pin: string, verifier: PinVerifier): Promise<boolean> {
  const expected = Buffer.from(verifier.hash, 'base64');
  const actual = await derive(pin, Buffer.from(verifier.salt, 'base64'), verifier.iterations);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
