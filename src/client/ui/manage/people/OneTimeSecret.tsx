import { passwordLink } from '../../../../shared/links.ts';
import type { OneTimeCode } from '../../../../shared/schemas/people.ts';
import { personName } from '../../../i18n/index.ts';
import { useManageI18n } from '../../../i18n/manage/index.ts';
import { formatDateTime } from '../../../manage/format.ts';
import { CopyableLink } from '../common/CopyableLink.tsx';
import { QrCode } from '../common/QrCode.tsx';

export interface NewSecret {
  person: { name: string; nameEn: string | null };
  pin: string | null;
  passwordCode: OneTimeCode | null;
}

/**
 * A person's new PIN or set-password code, shown this once: the server keeps only its hash and
 * the page forgets it when closed. Large, so it can be read out or copied, with the way to hand it over.
 */
export function OneTimeSecret({ secret, timeZone, onDone }: { secret: NewSecret; timeZone: string; onDone: () => void }) {
  const { t, lang } = useManageI18n();
  const { pin, passwordCode } = secret;
  const name = personName(secret.person, lang);
  return (
    <section class="card m-secret" role="status" aria-labelledby="secret-title" data-testid="one-time-secret">
      {pin !== null && (
        <>
          <h2 id="secret-title">{t('manage.secret.pinTitle', { name })}</h2>
          <p class="m-secret-value" data-testid="one-time-pin" lang="en">
            {pin}
          </p>
          <p>{t('manage.secret.pinNote', { name })}</p>
        </>
      )}
      {passwordCode !== null && (
        <>
          <h2 id="secret-title">{t('manage.secret.codeTitle', { name })}</h2>
          <div class="m-secret-code">
            <div>
              <p class="m-secret-value" data-testid="one-time-code" lang="en">
                {passwordCode.code}
              </p>
              <CopyableLink href={passwordLink(location.origin, passwordCode.code)} testId="one-time-code-link" />
              <p class="muted">{t('manage.secret.expires', { time: formatDateTime(passwordCode.expiresAt, lang, timeZone) })}</p>
              <p>{t('manage.secret.codeNote', { name })}</p>
            </div>
            <QrCode text={passwordLink(location.origin, passwordCode.code)} label={t('manage.secret.qr', { name })} testId="one-time-code-qr" />
          </div>
        </>
      )}
      <button type="button" class="btn btn-primary" data-testid="one-time-done" onClick={onDone}>
        {t('manage.secret.done')}
      </button>
    </section>
  );
}
