/** The default "seven must-say elements" (营销必说七要素); order is the order they are said in. */
export const MUST_SAY_KEYS = [
  'name',
  'price',
  'content',
  'eligibility',
  'validity',
  'cancel',
  'restrictions',
] as const;

export type MustSayKey = (typeof MUST_SAY_KEYS)[number];
