import { z } from 'zod';
import { PASSWORD_MIN_LENGTH } from '../credential.ts';

export const Id = z.uuid({ message: 'must be a UUID' });
export type Id = z.infer<typeof Id>;

/** An instant, always with its offset, as the device's clock saw it. */
export const Instant = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time with offset' });

/** A calendar date in the hall's time zone. */
export const LocalDate = z.iso.date({ message: 'must be a date YYYY-MM-DD' });

/** Text shown to staff: Chinese is required, English optional. Plain text, never HTML. */
export const LocalizedText = z.object({
  zh: z.string().max(4000),
  en: z.string().max(4000).optional(),
});
export type LocalizedText = z.infer<typeof LocalizedText>;

export const Pin = z.string().regex(/^\d{4,8}$/, 'PIN must be 4 to 8 digits');

/** Managers' and admins' secret: they reach every record of a hall, so a PIN is too weak. */
export const Password = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `password must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(128, 'password must be at most 128 characters');

/** The values a refusal's message carries, by name (errorCodes.ts lists each code's names). */
export const ErrorParams = z
  .record(z.string(), z.union([z.string(), z.number()]))
  .describe('The values the message carries, by name (e.g. { "line": 12, "field": "campaigns.0.campaign.offerCode" }), so a client can word the error code in its own language; present when the code carries any');
