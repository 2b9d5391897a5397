import { MAX_OBJECTIONS, type CampaignDraft } from '../../../../shared/schemas/manage.ts';
import { useManageI18n } from '../../../i18n/manage/index.ts';
import { addObjection, moveObjection, removeObjection } from '../../../manage/draftEdit.ts';
import { objectionPath, setText, type TextLang } from '../../../manage/draftText.ts';
import { TextInput } from './TextInput.tsx';

interface Props {
  draft: CampaignDraft;
  lang: TextLang;
  flagged: ReadonlySet<string>;
  edit: (change: (d: CampaignDraft) => CampaignDraft) => void;
}

/** Question → answer pairs, in the order the counter lists them: add, remove, move up and down. */
export function ObjectionsEditor({ draft, lang, flagged, edit }: Props) {
  const { t } = useManageI18n();
  const list = draft.talkTrack.objections;
  return (
    <section class="m-form-section" aria-labelledby="objections-title" data-testid="objections-editor">
      <h2 id="objections-title">{t('talk.objections')}</h2>
      {list.length === 0 && <p class="muted">{t('manage.objections.none')}</p>}
      <ol class="m-objections">
        {list.map((o, i) => {
          const n = i + 1;
          return (
            <li key={i} class="m-objection" data-testid={`objection-${i}`}>
              <div class="m-objection-head">
                <strong>{t('manage.field.objection', { n })}</strong>
                <div class="m-objection-tools">
                  <button
                    type="button"
                    class="btn btn-secondary"
                    data-testid={`objection-up-${i}`}
                    aria-label={t('manage.objections.up', { n })}
                    disabled={i === 0}
                    onClick={() => edit((d) => moveObjection(d, i, -1))}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    class="btn btn-secondary"
                    data-testid={`objection-down-${i}`}
                    aria-label={t('manage.objections.down', { n })}
                    disabled={i === list.length - 1}
                    onClick={() => edit((d) => moveObjection(d, i, 1))}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    class="btn btn-outline m-danger"
                    data-testid={`objection-remove-${i}`}
                    aria-label={t('manage.objections.remove', { n })}
                    onClick={() => edit((d) => removeObjection(d, i))}
                  >
                    {t('manage.objections.removeShort')}
                  </button>
                </div>
              </div>
              <TextInput
                path={objectionPath(i, 'question')}
                label={t('manage.objections.question')}
                text={o.question}
                lang={lang}
                multiline
                required
                missing={flagged.has(`${objectionPath(i, 'question')}.zh`)}
                onInput={(v) => edit((d) => setText(d, objectionPath(i, 'question'), lang, v))}
              />
              <TextInput
                path={objectionPath(i, 'answer')}
                label={t('manage.objections.answer')}
                text={o.answer}
                lang={lang}
                multiline
                required
                missing={flagged.has(`${objectionPath(i, 'answer')}.zh`)}
                onInput={(v) => edit((d) => setText(d, objectionPath(i, 'answer'), lang, v))}
              />
            </li>
          );
        })}
      </ol>
      <button type="button" class="btn btn-secondary" data-testid="objection-add" disabled={list.length >= MAX_OBJECTIONS} onClick={() => edit(addObjection)}>
        {t('manage.objections.add')}
      </button>
    </section>
  );
}
