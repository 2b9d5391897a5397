import { useEffect, useRef, useState } from 'preact/hooks';
import { useServices } from '../../app/ServicesContext.tsx';
import type { CodeFailure } from '../../auth/enrolment.ts';
import { errorText, type Refusal } from '../../i18n/errors/index.ts';
import { useI18n } from '../../i18n/index.ts';
import { LangSwitch } from '../common/LangSwitch.tsx';

interface Props {
  /** The code of an enrolment link (`/enrol#code=…`): enrolled with at once, the device taking the code's name. */
  linkCode?: string | null;
  onPasswordCode: () => void;
}

/** First run: make this browser a device of a hall with the manager's one-time code. */
export function EnrolScreen({ linkCode = null, onPasswordCode }: Props) {
  const { db, api, sync } = useServices();
  const { t, lang } = useI18n();
  const [code, setCode] = useState(linkCode ?? '');
  const [deviceName, setDeviceName] = useState('');
  const [busy, setBusy] = useState(false);
  // Kept as a code so the words follow a language switch; the server's English is never shown.
  const [failure, setFailure] = useState<{ kind: CodeFailure; refusal: Refusal | null } | null>(null);

  // A code that did not work has its own words; any other refusal (a hall deactivated since) is worded from its code.
  const failureText = (kind: CodeFailure, refusal: Refusal | null) => {
    if (kind === 'offline') return t('enrol.noNetwork');
    if (kind === 'other' && refusal !== null) return errorText(refusal, lang);
    return t(`code.error.${kind}`);
  };

  const send = async (withCode: string, label: string) => {
    if (busy || withCode.trim() === '') return;
    setBusy(true);
    setFailure(null);
    // The network layer is its own chunk: the first screen does not wait for it.
    const { enrol, codeFailureOf, codeRefusalOf } = await import('../../auth/enrolment.ts');
    try {
      await enrol(db, api, withCode, label);
      // Pull the hall's staff and campaigns right away; the screen moves on by itself.
      void sync.syncNow();
    } catch (cause) {
      setFailure({ kind: codeFailureOf(cause), refusal: codeRefusalOf(cause) });
      setBusy(false);
    }
  };

  // A link enrols in one step, once.
  const linkTried = useRef(false);
  useEffect(() => {
    if (linkCode && !linkTried.current) {
      linkTried.current = true;
      void send(linkCode, '');
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [linkCode]);

  return (
    <main class="screen screen-centre enrol">
      <div class="screen-top">
        <span class="brand">{t('app.name')}</span>
        <LangSwitch />
      </div>
      <form
        class="card enrol-card"
        onSubmit={(e) => {
          e.preventDefault();
          void send(code, deviceName);
        }}
      >
        <h1>{t('enrol.title')}</h1>
        <p class="lead">{busy && linkCode ? t('enrol.fromLink') : t('enrol.intro')}</p>
        <label class="field">
          <span>{t('enrol.codeLabel')}</span>
          <input
            data-testid="enrol-code"
            type="text"
            inputMode="text"
            autoComplete="one-time-code"
            autoCapitalize="characters"
            spellcheck={false}
            value={code}
            onInput={(e) => setCode(e.currentTarget.value)}
          />
        </label>
        <label class="field field-small">
          <span>{t('enrol.deviceNameLabel')}</span>
          <input
            data-testid="enrol-device-name"
            type="text"
            maxLength={80}
            aria-describedby="enrol-device-hint"
            value={deviceName}
            onInput={(e) => setDeviceName(e.currentTarget.value)}
          />
        </label>
        <p id="enrol-device-hint" class="hint">
          {t('enrol.deviceNameHint')}
        </p>
        {failure && (
          <p class="msg msg-error" role="alert" data-testid="enrol-error" data-kind={failure.kind} data-error={failure.refusal?.error}>
            {failureText(failure.kind, failure.refusal)}
          </p>
        )}
        <button type="submit" class="btn btn-primary btn-big" data-testid="enrol-submit" disabled={busy || code.trim() === ''}>
          {busy ? t('enrol.working') : t('enrol.submit')}
        </button>
        <button type="button" class="btn btn-quiet" data-testid="open-password-code" onClick={onPasswordCode}>
          {t('passwordCode.open')}
        </button>
      </form>
    </main>
  );
}
