import { useEffect, useRef } from 'preact/hooks';
import { PASSWORD_MIN_LENGTH } from '../../../shared/credential.ts';
import { useI18n } from '../../i18n/index.ts';

interface Props {
  password: string;
  busy: boolean;
  onChange: (password: string) => void;
  onSubmit: () => void;
}

/**
 * Managers and admins type a password (at least 10 characters) instead of tapping a PIN: they can
 * read a whole hall and revoke its tablets. The field is focused at once for the on-screen keyboard.
 */
export function PasswordForm({ password, busy, onChange, onSubmit }: Props) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const tooShort = password.length < PASSWORD_MIN_LENGTH;

  return (
    <form
      class="password-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!busy && !tooShort) onSubmit();
      }}
    >
      <label class="field">
        <span>{t('signin.passwordLabel')}</span>
        <input
          ref={input}
          type="password"
          autocomplete="current-password"
          data-testid="password-input"
          value={password}
          maxLength={128}
          disabled={busy}
          aria-describedby="password-hint"
          onInput={(e) => onChange(e.currentTarget.value)}
        />
      </label>
      <p id="password-hint" class="hint">
        {t('signin.passwordHint', { count: PASSWORD_MIN_LENGTH })}
      </p>
      <button type="submit" class="btn btn-primary btn-big" data-testid="password-submit" disabled={busy || tooShort}>
        {busy ? t('signin.working') : t('signin.submit')}
      </button>
    </form>
  );
}
