import { useI18n } from '../../i18n/index.ts';
import { useLangStore } from '../../state/langStore.ts';

export function LangSwitch() {
  const { lang, t } = useI18n();
  const setLang = useLangStore((s) => s.setLang);
  return (
    <div class="lang-switch" role="group" aria-label={t('lang.switch')}>
      <button type="button" data-testid="lang-zh" lang="zh-CN" aria-pressed={lang === 'zh-CN'} onClick={() => setLang('zh-CN')}>
        {t('lang.zh')}
      </button>
      <button type="button" data-testid="lang-en" lang="en" aria-pressed={lang === 'en'} onClick={() => setLang('en')}>
        {t('lang.en')}
      </button>
    </div>
  );
}
