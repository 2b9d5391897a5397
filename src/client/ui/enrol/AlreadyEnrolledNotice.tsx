import { useState } from 'preact/hooks';
import { useI18n } from '../../i18n/index.ts';

/**
 * An enrolment link opened on a browser that is already a device of a hall: the code is not used
 * (it stays valid until it expires), and the person is told so instead of seeing nothing happen.
 */
export function AlreadyEnrolledNotice({ hallName }: { hallName: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(true);
  if (!open) return null;
  return (
    <div class="banner banner-warn" role="status" data-testid="already-enrolled">
      <p>{t('enrol.alreadyEnrolled', { hall: hallName })}</p>
      <button type="button" class="btn btn-quiet" onClick={() => setOpen(false)}>
        {t('warn.dismiss')}
      </button>
    </div>
  );
}
