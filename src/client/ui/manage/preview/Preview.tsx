import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CampaignDraft } from '../../../../shared/schemas/manage.ts';
import { LangOverride, pick } from '../../../i18n/index.ts';
import { translateManage, useManageI18n } from '../../../i18n/manage/index.ts';
import { previewOf } from '../../../manage/previewModel.ts';
import type { Lang } from '../../../state/langStore.ts';
import { CampaignList } from '../../campaigns/CampaignList.tsx';
import { TalkTrack } from '../../talktrack/TalkTrack.tsx';
import { type Orientation, PreviewFrame } from './PreviewFrame.tsx';
import { revealInPreview } from './revealInPreview.ts';
import { useIsolatedComposer } from './useIsolatedComposer.ts';

interface Props {
  draft: CampaignDraft;
  campaignId: string | null;
  /** The version number publishing would give it. */
  nextVersion: number;
  /** The text being edited (a draft path): the preview scrolls to it. */
  focusPath?: string | null;
}

/**
 * The draft as the counter will show it, drawn by the counter's own components at tablet size,
 * in the language chosen here (whatever the page's language), updated as the manager types.
 */
export function Preview({ draft, campaignId, nextVersion, focusPath = null }: Props) {
  const { t } = useManageI18n();
  const [orientation, setOrientation] = useState<Orientation>('landscape');
  const [lang, setLang] = useState<Lang>('zh-CN');
  const drawn = useMemo(() => previewOf(draft, campaignId, nextVersion), [draft, campaignId, nextVersion]);
  // The talk-track's heading is never empty: a draft with no title yet says so, in the preview's language.
  const shown = useMemo(() => {
    if (pick(drawn.campaign.title, lang).trim() !== '') return drawn;
    const untitled = translateManage(lang, 'manage.preview.untitled');
    return { ...drawn, campaign: { ...drawn.campaign, title: { zh: untitled, en: untitled } } };
  }, [drawn, lang]);
  useIsolatedComposer(shown.campaign.id);
  const frame = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (frame.current && focusPath) revealInPreview(frame.current, focusPath, lang);
  }, [focusPath, lang, orientation, shown]);

  return (
    <aside class="m-preview" aria-labelledby="preview-title" data-testid="preview" data-lang={lang}>
      <div class="m-preview-head">
        <h2 id="preview-title">{t('manage.preview.title')}</h2>
        <div class="lang-switch" role="group" aria-label={t('manage.preview.lang')}>
          <button type="button" lang="zh-CN" data-testid="preview-lang-zh" aria-pressed={lang === 'zh-CN'} onClick={() => setLang('zh-CN')}>
            {t('lang.zh')}
          </button>
          <button type="button" lang="en" data-testid="preview-lang-en" aria-pressed={lang === 'en'} onClick={() => setLang('en')}>
            {t('lang.en')}
          </button>
        </div>
        <div class="lang-switch" role="group" aria-label={t('manage.preview.orientation')}>
          <button type="button" data-testid="preview-landscape" aria-pressed={orientation === 'landscape'} onClick={() => setOrientation('landscape')}>
            {t('manage.preview.landscape')}
          </button>
          <button type="button" data-testid="preview-portrait" aria-pressed={orientation === 'portrait'} onClick={() => setOrientation('portrait')}>
            {t('manage.preview.portrait')}
          </button>
        </div>
      </div>
      <PreviewFrame orientation={orientation} lang={lang} frameRef={frame}>
        <LangOverride.Provider value={lang}>
          <div class="counter">
            <div class="counter-body">
              <CampaignList campaigns={[shown]} selectedId={shown.campaign.id} />
              <div class="talk-pane">
                <TalkTrack campaign={shown.campaign} talkTrack={shown.talkTrack} />
              </div>
            </div>
          </div>
        </LangOverride.Provider>
      </PreviewFrame>
      <p class="hint">{t('manage.preview.hint')}</p>
    </aside>
  );
}
