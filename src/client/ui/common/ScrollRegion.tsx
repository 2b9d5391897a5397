import type { ComponentChildren } from 'preact';
import { useI18n } from '../../i18n/index.ts';

/**
 * A table that may scroll sideways on a narrow screen: reachable and scrollable from the keyboard
 * (focusable, and named), as every office table must be. A named group, not a region: a page may
 * hold several such tables, and landmarks must each be unique.
 */
export function ScrollRegion({ class: className, children }: { class: string; children: ComponentChildren }) {
  const { t } = useI18n();
  return (
    <div class={className} tabIndex={0} role="group" aria-label={t('common.tableScroll')}>
      {children}
    </div>
  );
}
