import { z } from 'zod';
import { Id, Instant, Password, Pin } from './common.ts';
import { Hall, StaffRole } from './reference.ts';

export const EnrolRequest = z.object({
  code: z.string().trim().min(6, 'enrolment code is too short').max(64),
  label: z.string().trim().max(80).optional(),
});
export type EnrolRequest = z.infer<typeof EnrolRequest>;

export const EnrolResponse = z.object({
  deviceId: Id,
  deviceToken: z.string(),
  hall: Hall,
});
export type EnrolResponse = z.infer<typeof EnrolResponse>;

/** A PIN for consultants and floor marketers, a password for managers and admins (see credential.ts). */
export const SessionRequest = z
  .object({ staffId: Id, pin: Pin.optional(), password: Password.optional() })
  .refine((body) => (body.pin === undefined) !== (body.password === undefined), {
    message: 'send exactly one of pin (consultants and floor marketers) or password (managers and admins)',
  });
export type SessionRequest = z.infer<typeof SessionRequest>;

export const SessionResponse = z.object({
  sessionToken: z.string(),
  expiresAt: Instant,
  staff: z.object({ id: Id, name: z.string(), role: StaffRole, hallId: Id }),
});
export type SessionResponse = z.infer<typeof SessionResponse>;

export const ApiError = z.object({ error: z.string(), message: z.string() });
export type ApiError = z.infer<typeof ApiError>;

export const Health = z.object({
  status: z.enum(['ok', 'degraded']),
  engine: z.enum(['sqlite', 'postgres']),
  schemaVersion: z.number().int(),
  database: z.boolean(),
});
export type Health = z.infer<typeof Health>;
