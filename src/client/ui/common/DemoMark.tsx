import { useI18n } from '../../i18n/index.ts';

/** While the hall still opens with the demo's published PINs and passwords, every screen says so. */
export function DemoMark({ demo }: { demo: boolean | undefined }) {
  const { t } = useI18n();
  if (!demo) return null;
  return (
    <span class="demo-mark" role="note" data-testid="demo-mark" title={t('demo.title')}>
      {t('demo.mark')}
    </span>
  );
}
