import { randomInt } from 'node:crypto';
import { isTrivialPin } from '../../shared/pinRules.ts';

export const ONE_TIME_PIN_LENGTH = 6;

/** A PIN a manager hands over once (the person chooses their own at the next sign-in): random, never a trivial one. */
export function newOneTimePin(): string {
  for (;;) {
    const pin = String(randomInt(0, 10 ** ONE_TIME_PIN_LENGTH)).padStart(ONE_TIME_PIN_LENGTH, '0');
    if (!isTrivialPin(pin)) return pin;
  }
}
