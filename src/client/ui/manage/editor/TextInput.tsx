import type { LocalizedText } from '../../../../shared/schemas/common.ts';
import { useManageI18n } from '../../../i18n/manage/index.ts';
import { fieldId, type TextLang, type TextPath } from '../../../manage/draftText.ts';

interface Props {
  path: TextPath;
  label: string;
  text: LocalizedText;
  lang: TextLang;
  multiline?: boolean;
  /** Chinese is needed before publishing. */
  required?: boolean;
  /** Named in the list of what is missing (shown after a publish was refused). */
  missing?: boolean;
  onInput: (value: string) => void;
}

const rowsFor = (value: string) => Math.min(12, Math.max(2, value.split('\n').length + 1));

/**
 * One text of the draft in the language being edited. In English an empty text says so, with the
 * Chinese as a placeholder: the counter falls back to Chinese there.
 */
export function TextInput({ path, label, text, lang, multiline = false, required = false, missing = false, onInput }: Props) {
  const { t } = useManageI18n();
  const value = (lang === 'zh' ? text.zh : text.en) ?? '';
  const enEmpty = lang === 'en' && value.trim() === '' && text.zh.trim() !== '';
  const id = fieldId(path);
  const common = {
    id,
    'data-testid': `edit-${path}`,
    'data-path': path,
    value,
    lang: lang === 'zh' ? 'zh-CN' : 'en',
    placeholder: lang === 'en' ? text.zh : '',
    'aria-invalid': missing || undefined,
    'aria-describedby': missing || enEmpty ? `${id}-note` : undefined,
    onInput: (e: Event) => onInput((e.currentTarget as HTMLInputElement | HTMLTextAreaElement).value),
  };
  const classes = ['m-field', missing && 'm-invalid', enEmpty && 'm-en-empty'].filter(Boolean).join(' ');
  return (
    <div class={classes} data-missing={missing || undefined}>
      <label for={id} class="m-label">
        {label}
        {required && lang === 'zh' && (
          <span class="m-required" aria-hidden="true">
            {' *'}
          </span>
        )}
        <span class="m-lang-tag">{lang === 'zh' ? t('manage.editor.tagZh') : t('manage.editor.tagEn')}</span>
      </label>
      {multiline ? <textarea rows={rowsFor(value || text.zh)} {...common} /> : <input type="text" {...common} />}
      {missing && (
        <span id={`${id}-note`} class="m-note m-note-missing">
          {t('manage.editor.needZh')}
        </span>
      )}
      {!missing && enEmpty && (
        <span id={`${id}-note`} class="m-note m-note-en" data-testid={`en-empty-${path}`}>
          {t('manage.editor.enEmpty')}
        </span>
      )}
    </div>
  );
}
