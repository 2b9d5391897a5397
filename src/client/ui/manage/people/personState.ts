import { credentialOf } from '../../../../shared/credential.ts';
import type { PersonAdmin } from '../../../../shared/schemas/people.ts';
import type { ManageKey, ManageTranslate } from '../../../i18n/manage/index.ts';

export type PersonState = 'inactive' | 'locked' | 'no_pin' | 'no_password' | 'must_change_pin' | 'active';

/** What a manager needs to know about a person's sign-in, most pressing first. */
export function personStates(person: PersonAdmin, now: Date): PersonState[] {
  if (!person.active) return ['inactive'];
  const states: PersonState[] = [];
  if (isLocked(person, now)) states.push('locked');
  if (!person.hasSecret) states.push(credentialOf(person.role) === 'password' ? 'no_password' : 'no_pin');
  else if (person.mustChangePin) states.push('must_change_pin');
  return states.length === 0 ? ['active'] : states;
}

export const isLocked = (person: PersonAdmin, now: Date): boolean => person.lockedUntil !== null && Date.parse(person.lockedUntil) > now.getTime();

const STATE_KEY: Record<Exclude<PersonState, 'locked'>, ManageKey> = {
  inactive: 'manage.staff.state.inactive',
  no_pin: 'manage.staff.state.noPin',
  no_password: 'manage.staff.state.noPassword',
  must_change_pin: 'manage.staff.state.mustChangePin',
  active: 'manage.staff.state.active',
};

export function stateText(state: PersonState, person: PersonAdmin, t: ManageTranslate, when: (instant: string) => string): string {
  return state === 'locked' ? t('manage.staff.state.locked', { time: when(person.lockedUntil!) }) : t(STATE_KEY[state]);
}
