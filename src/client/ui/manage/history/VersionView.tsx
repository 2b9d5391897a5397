import type { TalkTrackVersion } from '../../../../shared/schemas/reference.ts';
import { useManageI18n } from '../../../i18n/manage/index.ts';
import { contentFields } from '../../../manage/versionDiff.ts';
import { fieldLabel } from '../editor/fieldLabel.ts';

/** One published version, read-only: every text in Chinese and English, as plain text. */
export function VersionView({ version }: { version: TalkTrackVersion }) {
  const { t } = useManageI18n();
  const fields = [...contentFields(version)];
  return (
    <dl class="m-version-view" data-testid={`version-view-${version.version}`}>
      {fields.map(([path, text]) => (
        <div key={path} class="m-version-field">
          <dt>{fieldLabel(path, t)}</dt>
          <dd>
            <p class="text" lang="zh-CN">
              {text.zh || '—'}
            </p>
            {text.en && text.en.trim() !== '' ? (
              <p class="text m-en" lang="en">
                {text.en}
              </p>
            ) : (
              <p class="hint">{t('manage.history.noEn')}</p>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
