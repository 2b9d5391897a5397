import { describe, expect, it } from 'vitest';
import { allowedPins, pinGuessSection } from '../../bench/pinGuess.ts';

/** The bench's "pin" section at tiny size (`npm run bench -- pin` runs it at full size). */
describe('bench: the cost of guessing a PIN from a stolen tablet', () => {
  it('times wrong-PIN unwraps in Node and Chromium and scales them to every allowed PIN', async () => {
    const figures = await pinGuessSection({ attempts: 2, iterations: 1_000, browser: true });
    expect(figures.iterations).toBe(1_000);
    expect(figures.nodeMs).toBeGreaterThan(0);
    expect(figures.chromiumMs).toBeGreaterThan(0);
    expect(figures.all6Seconds).toBeGreaterThan(0);
    expect(figures.all4Seconds / figures.all6Seconds).toBeCloseTo(figures.allowed4 / figures.allowed6, 9);
  }, 60_000);

  it('counts the PINs the rules allow: all but the repeated digits and the straight runs', () => {
    // 6 digits: 10 repeats, 5 runs up (012345 … 456789), 5 runs down (987654 … 543210).
    expect(allowedPins(6)).toBe(1_000_000 - 20);
    // 4 digits: 10 repeats, 7 runs up, 7 runs down.
    expect(allowedPins(4)).toBe(10_000 - 24);
  });
});
