import { useState } from 'preact/hooks';
import { useServices } from '../../app/ServicesContext.tsx';
import { useI18n } from '../../i18n/index.ts';
import { LangSwitch } from '../common/LangSwitch.tsx';

/** First run: make this browser a device of a hall with the manager's one-time code. */
export function EnrolScreen() {
  const { db, api, sync } = useServices();
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  // Kept as data so the words follow a language switch; the server's own message is shown as sent.
  const [error, setError] = useState<{ kind: 'server' | 'network' | 'other'; message: string } | null>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy || code.trim() === '') return;
    setBusy(true);
    setError(null);
    // The network layer is its own chunk: the first screen does not wait for it.
    const [{ enrol }, { ApiFailure, NetworkFailure }] = await Promise.all([import('../../auth/session.ts'), import('../../api/http.ts')]);
    try {
      await enrol(db, api, code);
      // Pull the hall's staff and campaigns right away; the screen moves on by itself.
      void sync.syncNow();
    } catch (cause) {
      const message = cause instanceof Error ? cause.message : String(cause);
      if (cause instanceof ApiFailure) setError({ kind: 'server', message });
      else if (cause instanceof NetworkFailure) setError({ kind: 'network', message });
      else setError({ kind: 'other', message });
      setBusy(false);
    }
  };

  return (
    <main class="screen screen-centre enrol">
      <div class="screen-top">
        <span class="brand">{t('app.name')}</span>
        <LangSwitch />
      </div>
      <form class="card enrol-card" onSubmit={submit}>
        <h1>{t('enrol.title')}</h1>
        <p class="lead">{t('enrol.intro')}</p>
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
        {error && (
          <p class="msg msg-error" role="alert" data-testid="enrol-error" data-kind={error.kind}>
            {error.kind === 'server'
              ? error.message
              : error.kind === 'network'
                ? t('enrol.noNetwork')
                : t('enrol.unexpected', { message: error.message })}
          </p>
        )}
        <button type="submit" class="btn btn-primary btn-big" data-testid="enrol-submit" disabled={busy || code.trim() === ''}>
          {busy ? t('enrol.working') : t('enrol.submit')}
        </button>
      </form>
    </main>
  );
}
