import { useState } from 'preact/hooks';
import { credentialOf } from '../../../shared/credential.ts';
import type { StaffMember } from '../../../shared/schemas/reference.ts';
import { useServices } from '../../app/ServicesContext.tsx';
import type { SignInResult } from '../../auth/session.ts';
import type { Enrolment } from '../../db/db.ts';
import { formatTime } from '../../i18n/format.ts';
import { pick, useI18n, type Translate } from '../../i18n/index.ts';
import type { Lang } from '../../state/langStore.ts';
import { LangSwitch } from '../common/LangSwitch.tsx';
import { useOnline } from '../common/useOnline.ts';
import { useLiveQuery } from '../hooks/useLiveQuery.ts';
import { SyncNowButton } from '../status/SyncNowButton.tsx';
import { PasswordForm } from './PasswordForm.tsx';
import { PinPad } from './PinPad.tsx';

/** Everyone of the hall signs in here; managers and admins go on from the counter to the manager pages. */
const ROLE_ORDER: readonly StaffMember['role'][] = ['consultant', 'floor_marketer', 'manager', 'admin'];

/** Why the last try failed; kept as data so the message follows a language switch. */
type Failure = Exclude<SignInResult, { ok: true }> | { ok: false; reason: 'error'; message: string };

function messageOf(result: Failure, usesPassword: boolean, t: Translate, lang: Lang): string {
  switch (result.reason) {
    case 'error':
      return t('signin.failed', { message: result.message });
    case 'wrong_secret':
      return t(usesPassword ? 'signin.wrongPassword' : 'signin.wrongPin', { count: result.attemptsLeft });
    case 'locked':
      return t('signin.locked', { time: formatTime(result.until, lang) });
    case 'rate_limited':
      return t('signin.rateLimited', { seconds: result.seconds });
    case 'no_verifier':
      return t('signin.noVerifier');
    case 'online_only':
      return t('signin.onlineOnly');
    case 'unknown_staff':
      return t('signin.unknownStaff');
    case 'not_enrolled':
      return t('signin.notEnrolled');
  }
}

/**
 * The shared kiosk: tap your name, then your PIN (or, for managers and admins, your password).
 * Works offline against the pulled verifiers.
 */
export function SignInScreen({ enrolment }: { enrolment: Enrolment }) {
  const { db, api } = useServices();
  const { t, lang } = useI18n();
  const online = useOnline();
  const hallId = enrolment.hall.id;
  const staff = useLiveQuery(
    async () => (await db.staff.where('hallId').equals(hallId).toArray())
        .filter((s) => s.active)
        .sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role)),
    [db, hallId],
  );
  const [chosen, setChosen] = useState<StaffMember | null>(null);
  // The PIN, or a manager's password: cleared after every try and on every change of person.
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);

  // Names are Chinese: pinyin order, whatever the UI language, so tiles never move under a finger.
  const sorted = staff ? [...staff].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')) : undefined;

  const choose = (s: StaffMember | null) => {
    setChosen(s);
    setSecret('');
    setFailure(null);
  };

  const usesPassword = chosen !== null && credentialOf(chosen.role) === 'password';

  const submit = async () => {
    if (!chosen || busy) return;
    setBusy(true);
    setFailure(null);
    try {
      const { signIn } = await import('../../auth/session.ts');
      const result = await signIn(db, api, chosen.id, secret);
      if (result.ok) return; // the app moves to the counter by itself
      setFailure(result);
      setSecret('');
    } catch (cause) {
      setFailure({ ok: false, reason: 'error', message: cause instanceof Error ? cause.message : String(cause) });
      setSecret('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="screen signin">
      <div class="screen-top">
        <span class="brand">{t('app.name')}</span>
        <span class="hall-name">{pick(enrolment.hall.name, lang)}</span>
        <LangSwitch />
      </div>
      {!chosen && (
        <section class="signin-tiles">
          <h1>{t('signin.title')}</h1>
          {sorted && sorted.length === 0 && (
            <div class="card">
              <p class="lead">{t('signin.noStaff')}</p>
              <SyncNowButton />
            </div>
          )}
          <div class="staff-grid">
            {sorted?.map((s) => (
              <button key={s.id} type="button" class="staff-tile" data-testid={`staff-tile-${s.id}`} onClick={() => choose(s)}>
                <span class="staff-name">{s.name}</span>
                <span class="staff-role">{t(`role.${s.role}`)}</span>
              </button>
            ))}
          </div>
        </section>
      )}
      {chosen && (
        <section class="signin-pin card">
          <div class="pin-head">
            <button type="button" class="btn btn-quiet" data-testid="pin-back" onClick={() => choose(null)}>
              ← {t('signin.back')}
            </button>
            <h1>{t(usesPassword ? 'signin.passwordFor' : 'signin.pinFor', { name: chosen.name })}</h1>
          </div>
          {!online && <p class="msg msg-info">{t(usesPassword ? 'signin.onlineOnly' : 'signin.offlineNote')}</p>}
          {failure && (
            <p class="msg msg-error" role="alert" data-testid="signin-error" data-reason={failure.reason}>
              {messageOf(failure, usesPassword, t, lang)}
            </p>
          )}
          {usesPassword ? (
            <PasswordForm password={secret} busy={busy} onChange={setSecret} onSubmit={() => void submit()} />
          ) : (
            <PinPad pin={secret} busy={busy} onChange={setSecret} onSubmit={() => void submit()} />
          )}
        </section>
      )}
    </main>
  );
}
