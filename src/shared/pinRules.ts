/**
 * PINs a person may not choose: one digit repeated (000000) or a straight run up or down (123456,
 * 98765). They are the first ones anyone guesses. Kept free of zod: the sign-in screen checks a
 * new PIN with it before sending, and the server refuses the same ones (400 `pin_too_simple`).
 */
export function isTrivialPin(pin: string): boolean {
  if (!/^\d+$/.test(pin)) return false;
  const digits = [...pin].map(Number);
  const steps = digits.slice(1).map((d, i) => d - digits[i]!);
  return [0, 1, -1].some((step) => steps.every((s) => s === step));
}
