import type { ComponentChildren } from 'preact';
import { useI18n } from '../../i18n/index.ts';

/**
 * A table that may scroll sideways on a narrow screen: reachable and scrollable from the keyboard
 * (focusable, a named region), as every office table must be.
 */
export function ScrollRegion({ class: className, children }: { class: string; children: ComponentChildren }) {
  const { t } = useI18n();
  return (
    <div class={className} tabIndex={0} role="region" aria-label={t('common.tableScroll')}>
      {children}
    </div>
  );
}
