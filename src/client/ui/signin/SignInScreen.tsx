import { useEffect, useRef, useState } from 'preact/hooks';
import { credentialOf } from '../../../shared/credential.ts';
import { isTrivialPin } from '../../../shared/pinRules.ts';
import type { StaffMember } from '../../../shared/schemas/reference.ts';
import { useServices } from '../../app/ServicesContext.tsx';
import type { Enrolment } from '../../db/db.ts';
import { personName, pick, useI18n } from '../../i18n/index.ts';
import { LangSwitch } from '../common/LangSwitch.tsx';
import { useOnline } from '../common/useOnline.ts';
import { useLiveQuery } from '../../db/useLiveQuery.ts';
import { SyncNowButton } from '../status/SyncNowButton.tsx';
import { PasswordForm } from './PasswordForm.tsx';
import { PinPad } from './PinPad.tsx';
import { type Failure, messageOf } from './signInMessage.ts';
import { activeStaffOf, staffWithKeysHere } from '../../db/staffQueries.ts';

/** Everyone of the hall signs in here; managers and admins go on from the counter to the manager pages. */
const ROLE_ORDER: readonly StaffMember['role'][] = ['consultant', 'floor_marketer', 'manager', 'admin'];

/**
 * The shared kiosk: tap your name, then your PIN (or, for managers and admins, your password).
 * Works offline against the pulled verifiers.
 */
interface Props {
  enrolment: Enrolment;
  /** Choose this person as soon as they are on the list (after setting a password with a code). */
  initialStaffId?: string | null;
  onPasswordCode: () => void;
}

/** A PIN a manager set is being replaced: the PIN they typed, and the new one once typed the first time. */
interface PinChange {
  setPin: string;
  first: string | null;
}

export function SignInScreen({ enrolment, initialStaffId = null, onPasswordCode }: Props) {
  const { db, api, sync } = useServices();
  const { t, lang } = useI18n();
  const online = useOnline();
  const hallId = enrolment.hall.id;
  const staff = useLiveQuery(
    () => activeStaffOf(db, hallId, (a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role)),
    [db, hallId],
  );
  // Who can sign in here offline: those whose signing key an online sign-in left on this tablet.
  const keptHere = useLiveQuery(() => staffWithKeysHere(db), [db]);
  const [chosen, setChosen] = useState<StaffMember | null>(null);
  // The PIN, or a manager's password: cleared after every try and on every change of person.
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [change, setChange] = useState<PinChange | null>(null);
  const [passwordSet, setPasswordSet] = useState(false);

  // Names are Chinese: pinyin order, whatever the UI language, so tiles never move under a finger.
  const sorted = staff ? [...staff].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')) : undefined;

  const choose = (s: StaffMember | null) => {
    setChosen(s);
    setSecret('');
    setFailure(null);
    setChange(null);
    setPasswordSet(false);
  };

  // The person who just set their password is chosen once their row has arrived (the pull after enrolment).
  const initialDone = useRef(false);
  useEffect(() => {
    const person = initialStaffId ? staff?.find((s) => s.id === initialStaffId) : undefined;
    if (person && !initialDone.current) {
      initialDone.current = true;
      choose(person);
      setPasswordSet(true);
    }
  }, [staff, initialStaffId]);

  const usesPassword = chosen !== null && credentialOf(chosen.role) === 'password';

  const fail = (f: Failure) => {
    setFailure(f);
    setSecret('');
  };

  /** The new PIN typed once, then again; sent with the manager's PIN when both agree. */
  const nextPinStep = (current: PinChange): PinChange | Failure | 'send' => {
    if (current.first === null) {
      if (isTrivialPin(secret)) return { ok: false, reason: 'pin_too_simple' };
      if (secret === current.setPin) return { ok: false, reason: 'pin_unchanged' };
      return { ...current, first: secret };
    }
    return secret === current.first ? 'send' : { ok: false, reason: 'pin_mismatch' };
  };

  const submit = async () => {
    if (!chosen || busy) return;
    setFailure(null);
    setPasswordSet(false);
    let newPin: string | undefined;
    if (change) {
      const step = nextPinStep(change);
      if (step !== 'send') {
        if ('setPin' in step) {
          setChange(step);
          setSecret('');
        } else {
          setChange({ ...change, first: null });
          fail(step);
        }
        return;
      }
      newPin = secret;
    }
    setBusy(true);
    try {
      const { signIn } = await import('../../auth/session.ts');
      const result = await signIn(db, api, chosen.id, change?.setPin ?? secret, new Date(), newPin === undefined ? {} : { newPin });
      if (result.ok) {
        // The new PIN's verifier comes with the next pull, so this tablet can check it offline.
        if (newPin !== undefined) void sync.syncNow();
        return; // the app moves to the counter by itself
      }
      if (result.reason === 'pin_change_required' && !change) {
        setChange({ setPin: secret, first: null });
        setSecret('');
        return;
      }
      const choosingAgain = result.reason === 'pin_too_simple' || result.reason === 'pin_unchanged';
      setChange(change && choosingAgain ? { ...change, first: null } : null);
      fail(result);
    } catch (cause) {
      setChange(null);
      fail({ ok: false, reason: 'error', message: cause instanceof Error ? cause.message : String(cause) });
    } finally {
      setBusy(false);
    }
  };

  const heading = () => {
    const name = personName(chosen!, lang);
    if (usesPassword) return t('signin.passwordFor', { name });
    if (!change) return t('signin.pinFor', { name });
    return t(change.first === null ? 'signin.newPinFor' : 'signin.newPinRepeat', { name });
  };
  const offlineNote = usesPassword
    ? 'signin.onlineOnly'
    : chosen?.mustChangePin
      ? 'signin.firstOnline'
      : chosen && keptHere && !keptHere.has(chosen.id)
        ? 'signin.firstOnThisTablet'
        : 'signin.offlineNote';

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
                <span class="staff-name">{personName(s, lang)}</span>
                <span class="staff-role">{t(`role.${s.role}`)}</span>
              </button>
            ))}
          </div>
          <div>
            <button type="button" class="btn btn-quiet" data-testid="open-password-code" onClick={onPasswordCode}>
              {t('passwordCode.open')}
            </button>
          </div>
        </section>
      )}
      {chosen && (
        <section class="signin-pin card">
          <div class="pin-head">
            <button type="button" class="btn btn-quiet" data-testid="pin-back" onClick={() => choose(null)}>
              ← {t('signin.back')}
            </button>
            <h1 data-testid="signin-heading">{heading()}</h1>
          </div>
          {passwordSet && (
            <p class="msg msg-info" role="status" data-testid="signin-password-set">
              {t('signin.passwordSet')}
            </p>
          )}
          {change && (
            <p class="msg msg-info" data-testid="signin-new-pin">
              {t('signin.newPinIntro')}
            </p>
          )}
          {!online && <p class="msg msg-info">{t(offlineNote)}</p>}
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
