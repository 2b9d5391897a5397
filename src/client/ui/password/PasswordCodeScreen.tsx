import { useState } from 'preact/hooks';
import { PASSWORD_MIN_LENGTH } from '../../../shared/credential.ts';
import { useServices } from '../../app/ServicesContext.tsx';
import { type CodeFailure, codeFailureOf, codeRefusalOf, redeemPasswordCode } from '../../auth/enrolment.ts';
import { errorText, type Refusal } from '../../i18n/errors/index.ts';
import { usePasswordI18n } from '../../i18n/password/index.ts';
import { LangSwitch } from '../common/LangSwitch.tsx';

interface Props {
  /** The code of a set-password link (`/password#code=…`), or empty. */
  initialCode: string;
  /** The browser is already a device: no name is asked, the server knows it by its token. */
  enrolled: boolean;
  onDone: (staffId: string) => void;
  onBack: () => void;
}

type Check = 'too_short' | 'mismatch' | null;

/**
 * A manager or admin sets their own password with the one-time code a manager (or `npm run setup`)
 * gave them. A browser that is not enrolled yet becomes a device of their hall by the same step,
 * so they can sign in on it at once. A chunk of its own: counter staff never need it.
 */
export default function PasswordCodeScreen({ initialCode, enrolled, onDone, onBack }: Props) {
  const { db, api, sync } = useServices();
  const { t, lang } = usePasswordI18n();
  const [code, setCode] = useState(initialCode);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [deviceName, setDeviceName] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ kind: CodeFailure; refusal: Refusal | null } | null>(null);
  const [check, setCheck] = useState<Check>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy || code.trim() === '') return;
    const problem: Check = password.length < PASSWORD_MIN_LENGTH ? 'too_short' : password !== repeat ? 'mismatch' : null;
    setCheck(problem);
    setFailure(null);
    if (problem) return;
    setBusy(true);
    try {
      const { staffId } = await redeemPasswordCode(db, api, { code, password, ...(enrolled ? {} : { deviceName }) });
      // The person's row (and a new hall's whole list) comes with the pull; sign-in waits for it.
      void sync.syncNow();
      onDone(staffId);
    } catch (cause) {
      setFailure({ kind: codeFailureOf(cause), refusal: codeRefusalOf(cause) });
      setBusy(false);
    }
  };

  return (
    <main class="screen screen-centre password-code">
      <div class="screen-top">
        <span class="brand">{t('app.name')}</span>
        <LangSwitch />
      </div>
      <form class="card enrol-card" onSubmit={(e) => void submit(e)} data-testid="password-code-form">
        <div class="pin-head">
          <button type="button" class="btn btn-quiet" data-testid="password-code-back" onClick={onBack}>
            ← {t('password.back')}
          </button>
          <h1>{t('password.title')}</h1>
        </div>
        <p class="lead">{t('password.intro')}</p>
        <label class="field">
          <span>{t('password.codeLabel')}</span>
          <input
            data-testid="password-code"
            type="text"
            autoComplete="one-time-code"
            autoCapitalize="characters"
            spellcheck={false}
            value={code}
            onInput={(e) => setCode(e.currentTarget.value)}
          />
        </label>
        <label class={check === 'too_short' ? 'field field-small field-invalid' : 'field field-small'}>
          <span>{t('password.newLabel')}</span>
          <input
            data-testid="password-new"
            type="password"
            autoComplete="new-password"
            maxLength={128}
            aria-describedby="password-new-hint"
            aria-invalid={check === 'too_short' || undefined}
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </label>
        <p id="password-new-hint" class="hint">
          {t('password.hint', { count: PASSWORD_MIN_LENGTH })}
        </p>
        <label class={check === 'mismatch' ? 'field field-small field-invalid' : 'field field-small'}>
          <span>{t('password.repeatLabel')}</span>
          <input
            data-testid="password-repeat"
            type="password"
            autoComplete="new-password"
            maxLength={128}
            aria-invalid={check === 'mismatch' || undefined}
            value={repeat}
            onInput={(e) => setRepeat(e.currentTarget.value)}
          />
        </label>
        {!enrolled && (
          <>
            <label class="field field-small">
              <span>{t('password.deviceNameLabel')}</span>
              <input
                data-testid="password-device-name"
                type="text"
                maxLength={80}
                aria-describedby="password-device-hint"
                value={deviceName}
                onInput={(e) => setDeviceName(e.currentTarget.value)}
              />
            </label>
            <p id="password-device-hint" class="hint">
              {t('password.deviceNameHint')}
            </p>
          </>
        )}
        {check && (
          <p class="msg msg-error" role="alert" data-testid="password-check" data-kind={check}>
            {check === 'too_short' ? t('password.tooShort', { count: PASSWORD_MIN_LENGTH }) : t('password.mismatch')}
          </p>
        )}
        {failure && (
          <p class="msg msg-error" role="alert" data-testid="password-code-error" data-kind={failure.kind} data-error={failure.refusal?.error}>
            {/* A code that did not work has its own words; any other refusal (a person deactivated) is worded from its code. */}
            {failure.kind === 'other' && failure.refusal !== null ? errorText(failure.refusal, lang) : t(`code.error.${failure.kind}`)}
          </p>
        )}
        <button type="submit" class="btn btn-primary btn-big" data-testid="password-code-submit" disabled={busy || code.trim() === ''}>
          {busy ? t('password.working') : t('password.submit')}
        </button>
      </form>
    </main>
  );
}
