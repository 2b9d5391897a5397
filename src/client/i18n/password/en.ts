import type { PasswordMessageKey } from './zh-CN.ts';

/** English for the set-password screen: must have every key of the Chinese catalogue (the compiler checks it). */
export const passwordEn: Record<PasswordMessageKey, string> = {
  'password.title': 'Set your password',
  'password.intro': 'Managers and admins set their own password with a one-time set-password code. A code works once, within 24 hours.',
  'password.codeLabel': 'Set-password code',
  'password.newLabel': 'New password',
  'password.repeatLabel': 'New password again',
  'password.hint': 'At least {count} characters, known only to you.',
  'password.tooShort': 'The password needs at least {count} characters.',
  'password.mismatch': 'The two passwords differ.',
  'password.deviceNameLabel': 'Name of this device',
  'password.deviceNameHint': 'This browser is not enrolled yet: setting your password also enrols it as a device of your hall. For example “Manager’s office PC”.',
  'password.submit': 'Set password',
  'password.working': 'Setting…',
  'password.back': 'Back',
};
