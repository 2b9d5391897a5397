import { enrolLink } from '../../../../shared/links.ts';
import type { IssuedEnrolmentCode } from '../../../../shared/schemas/people.ts';
import { useManageI18n } from '../../../i18n/manage/index.ts';
import { CopyableLink } from '../common/CopyableLink.tsx';
import { QrCode } from '../common/QrCode.tsx';

/**
 * A new enrolment code, shown this once: as large text to type, and as a QR code of the enrolment
 * link that a tablet's camera or scanner opens to enrol in one step.
 */
export function IssuedCode({ code, expires, onDone }: { code: IssuedEnrolmentCode; expires: string; onDone: () => void }) {
  const { t } = useManageI18n();
  const link = enrolLink(location.origin, code.code);
  return (
    <section class="card m-secret" role="status" aria-labelledby="issued-code-title" data-testid="issued-code">
      <h3 id="issued-code-title">{t('manage.codes.issuedTitle', { device: code.deviceName ?? '' })}</h3>
      <div class="m-secret-code">
        <div>
          <p class="m-secret-value" lang="en" data-testid="issued-code-value">
            {code.code}
          </p>
          <CopyableLink href={link} testId="issued-code-link" />
          <p class="muted" data-testid="issued-code-expires">
            {t('manage.secret.expires', { time: expires })}
          </p>
          <p>{t('manage.codes.issuedNote')}</p>
        </div>
        <QrCode text={link} label={t('manage.codes.qr', { device: code.deviceName ?? '' })} testId="issued-code-qr" />
      </div>
      <button type="button" class="btn btn-primary" data-testid="issued-code-done" onClick={onDone}>
        {t('manage.codes.done')}
      </button>
    </section>
  );
}
