import type { Campaign, TalkTrackVersion } from '../../../shared/schemas/reference.ts';
import { pick, useI18n } from '../../i18n/index.ts';
import { MustSayChecklist } from './MustSayChecklist.tsx';

/**
 * The talk-track, large enough to read at arm's length. All text is plain text rendered as text
 * nodes (white-space: pre-wrap keeps its line breaks); it is never parsed as HTML.
 */
export function TalkTrack({ campaign, talkTrack }: { campaign: Campaign; talkTrack: TalkTrackVersion }) {
  const { t, lang } = useI18n();
  const segment = campaign.segmentNote ? pick(campaign.segmentNote, lang) : '';
  return (
    <article class="talk-track" data-testid="talk-track" data-version={talkTrack.id}>
      <header class="talk-head">
        <h2 class="talk-title">{pick(campaign.title, lang)}</h2>
        <span class="muted offer-code">
          {campaign.offerCode} · v{talkTrack.version}
        </span>
        {segment && (
          <p class="segment">
            <strong class="segment-label">{t('talk.segment')}</strong>
            <span class="text">{segment}</span>
          </p>
        )}
      </header>
      <MustSayChecklist campaignId={campaign.id} elements={talkTrack.elements} />
      <Section title={t('talk.opening')} text={pick(talkTrack.opening, lang)} />
      <Section title={t('talk.pitch')} text={pick(talkTrack.pitch, lang)} />
      {talkTrack.objections.length > 0 && (
        <section class="talk-section">
          <h3>{t('talk.objections')}</h3>
          <div class="objections">
            {talkTrack.objections.map((o, i) => (
              <details key={i} class="objection">
                <summary class="text">{pick(o.question, lang)}</summary>
                <p class="text">{pick(o.answer, lang)}</p>
              </details>
            ))}
          </div>
        </section>
      )}
      <Section title={t('talk.closing')} text={pick(talkTrack.closing, lang)} />
    </article>
  );
}

function Section({ title, text }: { title: string; text: string }) {
  if (text.trim() === '') return null;
  return (
    <section class="talk-section">
      <h3>{title}</h3>
      <p class="text">{text}</p>
    </section>
  );
}
