import { useManageI18n } from '../../../i18n/manage/index.ts';
import type { TextLang } from '../../../manage/draftText.ts';

/** Which language's texts the form shows; the English tab counts the texts still without English. */
export function EditLangSwitch({ lang, enMissing, onChange }: { lang: TextLang; enMissing: number; onChange: (lang: TextLang) => void }) {
  const { t } = useManageI18n();
  return (
    <div class="m-edit-lang" role="group" aria-label={t('manage.editor.editLang')}>
      <span class="m-label">{t('manage.editor.editLang')}</span>
      <div class="lang-switch">
        <button type="button" lang="zh-CN" data-testid="edit-lang-zh" aria-pressed={lang === 'zh'} onClick={() => onChange('zh')}>
          {t('manage.editor.langZh')}
        </button>
        <button type="button" lang="en" data-testid="edit-lang-en" aria-pressed={lang === 'en'} onClick={() => onChange('en')}>
          {t('manage.editor.langEn')}
          {enMissing > 0 && (
            <span class="m-count" data-testid="en-missing-count" data-count={enMissing}>
              {t('manage.editor.enMissing', { count: enMissing })}
            </span>
          )}
        </button>
      </div>
    </div>
  );
}
