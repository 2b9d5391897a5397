import { useState } from 'preact/hooks';
import { useManageI18n } from '../../../i18n/manage/index.ts';

type Copied = 'copied' | 'failed';

/**
 * A one-time link (enrolment, set password): a full-height tap target, and beside it a button that
 * copies it, where the browser offers the clipboard (pages served over HTTPS or on localhost).
 */
export function CopyableLink({ href, testId }: { href: string; testId: string }) {
  const { t } = useManageI18n();
  // Kept as what happened, worded when shown: the confirmation follows a language switch.
  const [copied, setCopied] = useState<Copied | null>(null);
  const clipboard: Clipboard | undefined = navigator.clipboard;

  const copy = async (to: Clipboard) => {
    try {
      await to.writeText(href);
      setCopied('copied');
    } catch {
      // Refused (no permission, page in the background): the link is still there to press and hold.
      setCopied('failed');
    }
  };

  return (
    <div class="m-link-row">
      <span class="m-label">{t('manage.secret.link')}</span>
      <div class="m-link-line">
        <a href={href} class="m-link" data-testid={testId}>
          {href}
        </a>
        {clipboard && (
          <button type="button" class="btn btn-secondary" data-testid={`${testId}-copy`} onClick={() => void copy(clipboard)}>
            {t('manage.secret.copy')}
          </button>
        )}
      </div>
      {copied && (
        <p class="m-copied" role="status" data-testid={`${testId}-copied`} data-kind={copied}>
          {t(copied === 'copied' ? 'manage.secret.copied' : 'manage.secret.copyFailed')}
        </p>
      )}
    </div>
  );
}
