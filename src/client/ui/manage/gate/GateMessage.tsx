import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso/router';
import { useServices } from '../../../app/ServicesContext.tsx';
import { signOut } from '../../../auth/session.ts';
import { readMeta } from '../../../db/db.ts';
import { openVisitOf } from '../../../db/queries.ts';
import { useManageI18n } from '../../../i18n/manage/index.ts';
import { useComposerStore } from '../../../state/composerStore.ts';
import { LangSwitch } from '../../common/LangSwitch.tsx';
import type { Gate } from './gateDecision.ts';

/**
 * Why the manager pages are closed, and the way on: back to the counter, or sign out and in again.
 * `inline`: shown above the pages instead of them (an expired session: unsaved text stays readable).
 */
export function GateMessage({ gate, inline = false }: { gate: Exclude<Gate, { kind: 'open' }>; inline?: boolean }) {
  const { t } = useManageI18n();
  if (gate.kind === 'loading') return <p class="loading">{t('app.loading')}</p>;
  const needsFreshSignIn = gate.kind === 'offline_session' || gate.kind === 'expired';
  const body =
    gate.kind !== 'not_manager'
      ? t(`manage.gate.${gate.kind}.body`)
      : gate.staff
        ? t('manage.gate.not_manager.body', { role: t(`role.${gate.staff.role}`) })
        : t('manage.gate.not_manager.unknown');
  const card = (
    <div class={inline ? 'msg msg-error m-gate-inline' : 'card m-gate-card'} role="alert" data-testid="manage-gate" data-reason={gate.kind}>
      {inline ? <h2>{t(`manage.gate.${gate.kind}.title`)}</h2> : <h1>{t(`manage.gate.${gate.kind}.title`)}</h1>}
      <p class={inline ? undefined : 'lead'}>{body}</p>
      <div class="actions">
        {needsFreshSignIn && <SignOutButton />}
        <a class="btn btn-secondary" href="/" data-testid="manage-gate-back">
          {gate.kind === 'not_enrolled' ? t('manage.gate.toEnrol') : gate.kind === 'signed_out' ? t('manage.gate.toSignIn') : t('manage.backToCounter')}
        </a>
      </div>
    </div>
  );
  if (inline) return card;
  return (
    <main class="manage-gate screen screen-centre">
      <div class="screen-top">
        <span class="brand">{t('manage.title')}</span>
        <LangSwitch />
      </div>
      {card}
    </main>
  );
}

/** Sign out here (not while a customer is being served at this counter), then the sign-in screen. */
function SignOutButton() {
  const { db, api } = useServices();
  const { t } = useManageI18n();
  const { route } = useLocation();
  const [blocked, setBlocked] = useState(false);
  const run = async () => {
    const signedIn = await readMeta(db, 'signedIn');
    if (signedIn && (await openVisitOf(db, signedIn.staffId))) {
      setBlocked(true);
      return;
    }
    await signOut(db, api);
    useComposerStore.getState().resetAll();
    route('/');
  };
  return (
    <>
      <button type="button" class="btn btn-primary" data-testid="manage-gate-sign-out" onClick={() => void run()}>
        {t('status.signOut')}
      </button>
      {blocked && (
        <p class="msg msg-error" role="alert">
          {t('status.signOutBlocked')}
        </p>
      )}
    </>
  );
}
