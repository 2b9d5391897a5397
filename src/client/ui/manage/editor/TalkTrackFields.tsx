import { MUST_SAY_KEYS } from '../../../../shared/mustSay.ts';
import type { CampaignDraft } from '../../../../shared/schemas/manage.ts';
import { useManageI18n } from '../../../i18n/manage/index.ts';
import { elementPath, setText, type TextLang, type TextPath } from '../../../manage/draftText.ts';
import { ObjectionsEditor } from './ObjectionsEditor.tsx';
import { TextInput } from './TextInput.tsx';

interface Props {
  draft: CampaignDraft;
  lang: TextLang;
  flagged: ReadonlySet<string>;
  edit: (change: (d: CampaignDraft) => CampaignDraft) => void;
}

/** The talk-track: the seven must-say elements, opening, pitch, objection answers, closing. */
export function TalkTrackFields({ draft, lang, flagged, edit }: Props) {
  const { t } = useManageI18n();
  const tt = draft.talkTrack;
  const free = (path: TextPath, label: string, text: (typeof tt)['opening']) => (
    <TextInput path={path} label={label} text={text} lang={lang} multiline onInput={(v) => edit((d) => setText(d, path, lang, v))} />
  );
  return (
    <>
      {/* A group of fields, not a landmark: the preview beside it has the counter's region of the same name. */}
      <section class="m-form-section" role="group" aria-labelledby="must-say-fields">
        <h2 id="must-say-fields">{t('talk.mustSay')}</h2>
        <p class="hint">{t('manage.editor.mustSayHint')}</p>
        {MUST_SAY_KEYS.map((key, i) => (
          <TextInput
            key={key}
            path={elementPath(key)}
            label={`${i + 1}. ${t(`element.${key}`)}`}
            text={tt.elements[key]}
            lang={lang}
            multiline
            required
            missing={flagged.has(`${elementPath(key)}.zh`)}
            onInput={(v) => edit((d) => setText(d, elementPath(key), lang, v))}
          />
        ))}
      </section>
      <section class="m-form-section" aria-labelledby="free-fields">
        <h2 id="free-fields">{t('manage.editor.freeSections')}</h2>
        {free('talkTrack.opening', t('talk.opening'), tt.opening)}
        {free('talkTrack.pitch', t('talk.pitch'), tt.pitch)}
      </section>
      <ObjectionsEditor draft={draft} lang={lang} flagged={flagged} edit={edit} />
      <section class="m-form-section" aria-labelledby="closing-fields">
        <h2 id="closing-fields" class="visually-hidden">
          {t('talk.closing')}
        </h2>
        {free('talkTrack.closing', t('talk.closing'), tt.closing)}
      </section>
    </>
  );
}
