import type { SignInResult } from '../../auth/session.ts';
import { errorText } from '../../i18n/errors/index.ts';
import { formatTime } from '../../i18n/format.ts';
import type { Translate } from '../../i18n/index.ts';
import type { Lang } from '../../state/langStore.ts';

/** Why the last try failed; kept as data so the message follows a language switch. */
export type Failure =
  | Exclude<SignInResult, { ok: true }>
  | { ok: false; reason: 'error'; message: string }
  /** The new PIN typed twice differed (checked on the tablet). */
  | { ok: false; reason: 'pin_mismatch' };

export function messageOf(result: Failure, usesPassword: boolean, t: Translate, lang: Lang): string {
  switch (result.reason) {
    case 'error':
      return t('signin.failed', { message: result.message });
    case 'refused':
      return errorText(result.refusal, lang);
    case 'wrong_secret':
      if (result.attemptsLeft === null) return t(usesPassword ? 'signin.wrongPasswordNoCount' : 'signin.wrongPinNoCount');
      return t(usesPassword ? 'signin.wrongPassword' : 'signin.wrongPin', { count: result.attemptsLeft });
    case 'locked':
      return t('signin.locked', { time: formatTime(result.until, lang) });
    case 'rate_limited':
      return t('signin.rateLimited', { seconds: result.seconds });
    case 'first_signin_needs_network':
      return t('signin.firstOnThisTablet');
    case 'no_secret':
      return t('signin.noSecret');
    case 'online_only':
      return t('signin.onlineOnly');
    case 'first_signin_online':
      return t('signin.firstOnline');
    case 'pin_change_required':
      return t('signin.newPinIntro');
    case 'pin_too_simple':
      return t('signin.pinTooSimple');
    case 'pin_unchanged':
      return t('signin.pinUnchanged');
    case 'pin_mismatch':
      return t('signin.pinMismatch');
    case 'unknown_staff':
      return t('signin.unknownStaff');
    case 'signed_out_everywhere':
      return t('signin.signedOutEverywhere');
    case 'not_enrolled':
      return t('signin.notEnrolled');
  }
}
