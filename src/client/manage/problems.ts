import { z } from 'zod';
import type { FileProblem } from '../../shared/fileProblems.ts';
import { EditConflictError, IncompleteError, InvalidFileError, type PersonRef } from '../../shared/schemas/manage.ts';
import { type RosterIssue, RosterRefusal } from '../../shared/schemas/people.ts';
import { ApiFailure, NetworkFailure } from '../api/http.ts';
import type { Refusal } from '../i18n/errors/index.ts';

/** What went wrong with a manager request, as data: the words are chosen where it is shown. */
export type Problem =
  | { kind: 'network' }
  | { kind: 'expired' }
  | ({ kind: 'device' } & Refusal)
  | ({ kind: 'forbidden' } & Refusal)
  | ({ kind: 'not_found' } & Refusal)
  | { kind: 'conflict'; editVersion: number; editedBy: PersonRef | null; editedAt: string | null }
  | { kind: 'incomplete'; missing: string[] }
  | { kind: 'invalid_file'; line: number; field: string; problem: FileProblem; message: string }
  /** A roster file refused row by row: every issue is worded on the page. */
  | { kind: 'roster'; issues: RosterIssue[] }
  /** A hall that cannot be deactivated yet: what still belongs to it. */
  | ({ kind: 'hall_in_use'; people: number; devices: number } & Refusal)
  /** Any other refusal: worded from its code and params (errorCodes.ts). */
  | ({ kind: 'server' } & Refusal)
  | { kind: 'unexpected'; message: string };

export function problemOf(cause: unknown): Problem {
  if (cause instanceof NetworkFailure) return { kind: 'network' };
  if (!(cause instanceof ApiFailure)) return { kind: 'unexpected', message: cause instanceof Error ? cause.message : String(cause) };
  const refusal = { error: cause.error, message: cause.message, params: cause.params };
  if (cause.status === 401) return cause.error === 'session_expired' ? { kind: 'expired' } : { kind: 'device', ...refusal };
  // The role rule's refusal has its own words; other 403s are the plain refusal.
  if (cause.status === 403 && cause.error === 'ask_an_admin') return { kind: 'server', ...refusal };
  if (cause.status === 403) return { kind: 'forbidden', ...refusal };
  if (cause.status === 404) return { kind: 'not_found', ...refusal };
  const conflict = EditConflictError.safeParse(cause.body);
  if (conflict.success) {
    const { editVersion, editedBy, editedAt } = conflict.data;
    return { kind: 'conflict', editVersion, editedBy, editedAt };
  }
  const incomplete = IncompleteError.safeParse(cause.body);
  if (incomplete.success) return { kind: 'incomplete', missing: incomplete.data.missing };
  const invalidFile = InvalidFileError.safeParse(cause.body);
  if (invalidFile.success) {
    const { line, field, problem, message } = invalidFile.data;
    return { kind: 'invalid_file', line, field, problem, message };
  }
  const roster = RosterRefusal.safeParse(cause.body);
  if (roster.success) return { kind: 'roster', issues: roster.data.issues };
  const inUse = HallInUse.safeParse(cause.body);
  if (inUse.success) return { kind: 'hall_in_use', people: inUse.data.people, devices: inUse.data.devices, ...refusal };
  return { kind: 'server', ...refusal };
}

const HallInUse = z.object({ error: z.literal('hall_in_use'), people: z.number().int(), devices: z.number().int() });

/** A 401 that means the staff session is gone: the gate asks the person to sign in again. */
export function isSessionExpired(cause: unknown): boolean {
  return cause instanceof ApiFailure && cause.status === 401 && cause.error === 'session_expired';
}
