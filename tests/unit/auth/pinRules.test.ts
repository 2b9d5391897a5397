import { describe, expect, it } from 'vitest';
import { isTrivialPin } from '../../../src/shared/pinRules.ts';

describe('PINs nobody may choose', () => {
  it.each([
    ['000000', true],
    ['7777', true],
    ['123456', true],
    ['0123', true],
    ['987654', true],
    ['56789', true],
    ['123457', false],
    ['121212', false],
    ['901234', false],
    ['482916', false],
    ['135790', false],
  ])('%s → %s', (pin, trivial) => {
    expect(isTrivialPin(pin)).toBe(trivial);
  });
});
