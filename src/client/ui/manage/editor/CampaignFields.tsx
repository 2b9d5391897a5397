import { CampaignCategory, type Hall } from '../../../../shared/schemas/reference.ts';
import type { CampaignDraft } from '../../../../shared/schemas/manage.ts';
import { useManageI18n } from '../../../i18n/manage/index.ts';
import { setCampaignField } from '../../../manage/draftEdit.ts';
import { fieldId, setText, type TextLang } from '../../../manage/draftText.ts';
import { HallPicker } from '../common/HallPicker.tsx';
import { TextInput } from './TextInput.tsx';

interface Props {
  draft: CampaignDraft;
  lang: TextLang;
  halls: readonly Hall[];
  chooseHalls: boolean;
  /** Paths highlighted as missing or wrong (`campaign.title.zh`, `campaign.endDate`, `hallIds`). */
  flagged: ReadonlySet<string>;
  edit: (change: (d: CampaignDraft) => CampaignDraft) => void;
}

/** The campaign itself: title, offer code, category, dates, halls, segment note, focus. */
export function CampaignFields({ draft, lang, halls, chooseHalls, flagged, edit }: Props) {
  const { t } = useManageI18n();
  const c = draft.campaign;
  const plain = (path: string) => ({
    id: fieldId(path),
    'data-testid': `edit-${path}`,
    'data-path': path,
    'aria-invalid': flagged.has(path) || undefined,
  });
  const fieldClass = (path: string) => (flagged.has(path) ? 'm-field m-invalid' : 'm-field');
  return (
    <section class="m-form-section" aria-labelledby="campaign-fields">
      <h2 id="campaign-fields">{t('manage.editor.campaign')}</h2>
      <TextInput
        path="campaign.title"
        label={t('manage.field.title')}
        text={c.title}
        lang={lang}
        required
        missing={flagged.has('campaign.title.zh')}
        onInput={(v) => edit((d) => setText(d, 'campaign.title', lang, v))}
      />
      <div class="m-grid">
        <div class={fieldClass('campaign.offerCode')}>
          <label class="m-label" for={fieldId('campaign.offerCode')}>
            {t('manage.field.offerCode')}
            <span class="m-required" aria-hidden="true">
              {' *'}
            </span>
          </label>
          <input
            type="text"
            maxLength={40}
            autoComplete="off"
            spellcheck={false}
            value={c.offerCode}
            {...plain('campaign.offerCode')}
            onInput={(e) => edit((d) => setCampaignField(d, 'offerCode', e.currentTarget.value))}
          />
        </div>
        <div class="m-field">
          <label class="m-label" for={fieldId('campaign.category')}>
            {t('manage.field.category')}
          </label>
          <select
            value={c.category}
            {...plain('campaign.category')}
            onChange={(e) => edit((d) => setCampaignField(d, 'category', CampaignCategory.parse(e.currentTarget.value)))}
          >
            {CampaignCategory.options.map((cat) => (
              <option key={cat} value={cat}>
                {t(`category.${cat}`)}
              </option>
            ))}
          </select>
        </div>
        <div class={fieldClass('campaign.startDate')}>
          <label class="m-label" for={fieldId('campaign.startDate')}>
            {t('manage.field.startDate')}
          </label>
          <input
            type="date"
            value={c.startDate}
            {...plain('campaign.startDate')}
            onInput={(e) => edit((d) => setCampaignField(d, 'startDate', e.currentTarget.value))}
          />
        </div>
        <div class={fieldClass('campaign.endDate')}>
          <label class="m-label" for={fieldId('campaign.endDate')}>
            {t('manage.field.endDate')}
          </label>
          <input
            type="date"
            value={c.endDate}
            min={c.startDate}
            {...plain('campaign.endDate')}
            onInput={(e) => edit((d) => setCampaignField(d, 'endDate', e.currentTarget.value))}
          />
        </div>
      </div>
      <HallPicker
        halls={halls}
        selected={draft.hallIds}
        editable={chooseHalls}
        onChange={(hallIds) => edit((d) => ({ ...d, hallIds }))}
        testIdPrefix="edit-hall"
        legend={t('manage.field.halls')}
        invalid={flagged.has('hallIds')}
      />
      <label class="m-check m-focus">
        <input
          type="checkbox"
          checked={c.focus}
          data-testid="edit-campaign.focus"
          onChange={(e) => edit((d) => setCampaignField(d, 'focus', e.currentTarget.checked))}
        />
        <span>
          {t('manage.field.focus')}
          <span class="hint"> {t('manage.field.focusHint')}</span>
        </span>
      </label>
      <TextInput
        path="campaign.segmentNote"
        label={t('manage.field.segmentNote')}
        text={c.segmentNote ?? { zh: '' }}
        lang={lang}
        multiline
        onInput={(v) => edit((d) => setText(d, 'campaign.segmentNote', lang, v))}
      />
    </section>
  );
}
