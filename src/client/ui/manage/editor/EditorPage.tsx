import { useEffect, useMemo, useReducer, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso/router';
import { localDate } from '../../../../shared/localDate.ts';
import { missingForPublish } from '../../../../shared/publishReadiness.ts';
import type { CampaignDraft } from '../../../../shared/schemas/manage.ts';
import { pick } from '../../../i18n/index.ts';
import { useManageI18n } from '../../../i18n/manage/index.ts';
import type { DraftIssue } from '../../../manage/draftCheck.ts';
import { emptyDraft } from '../../../manage/draftEdit.ts';
import { missingEnglish, type TextLang } from '../../../manage/draftText.ts';
import { addDays } from '../../../manage/format.ts';
import { type Problem, problemOf } from '../../../manage/problems.ts';
import { FocusWarnings } from '../common/FocusWarnings.tsx';
import { ProblemNote } from '../common/ProblemNote.tsx';
import { StatusBadges } from '../common/StatusBadges.tsx';
import { timeZoneOf, useHalls } from '../common/useHalls.ts';
import { useManage } from '../ManageContext.tsx';
import { Preview } from '../preview/Preview.tsx';
import { CampaignFields } from './CampaignFields.tsx';
import { ConflictNotice } from './ConflictNotice.tsx';
import { DraftIssues } from './DraftIssues.tsx';
import { EditLangSwitch } from './EditLangSwitch.tsx';
import { EditorActions } from './EditorActions.tsx';
import { editorReducer, isDirty } from './editorState.ts';
import { MissingList, focusField } from './MissingList.tsx';
import { TalkTrackFields } from './TalkTrackFields.tsx';
import { useEditorCommands } from './useEditorCommands.ts';
import { useLeaveGuard } from './useLeaveGuard.ts';

const issuePath = (issue: DraftIssue): string => {
  switch (issue.kind) {
    case 'no_hall':
      return 'hallIds';
    case 'bad_date':
      return `campaign.${issue.field}`;
    case 'end_before_start':
      return 'campaign.endDate';
    case 'offer_code_long':
      return 'campaign.offerCode';
    case 'too_many_objections':
      return 'talkTrack.objections';
    case 'other':
      return issue.path;
  }
};

/** New campaign (`/manage/campaigns/new`) or an existing one: the form, its live preview, save and publish. */
export function EditorPage() {
  const { params } = useRoute();
  const campaignId = params.campaignId ?? null;
  const { t, lang } = useManageI18n();
  const { api, isAdmin, me, enrolment } = useManage();
  const halls = useHalls();
  const [state, dispatch] = useReducer(editorReducer, null);
  const [loadProblem, setLoadProblem] = useState<Problem | null>(null);
  const [editLang, setEditLang] = useState<TextLang>('zh');
  // The text being edited, so the preview can scroll to it.
  const [focusPath, setFocusPath] = useState<string | null>(null);
  const commands = useEditorCommands(state, dispatch);
  const { outcome } = commands;

  // Start a new draft, or read the campaign; not again for the campaign just created here.
  useEffect(() => {
    if (campaignId !== null && state?.campaign?.id === campaignId) return;
    commands.clear();
    setLoadProblem(null);
    if (campaignId === null) {
      const today = localDate(new Date(), enrolment.hall.timeZone);
      dispatch({ type: 'start', draft: emptyDraft(isAdmin ? [] : [me.hallId], today, addDays(today, 30)) });
      return;
    }
    let current = true;
    api.detail(campaignId).then(
      (detail) => current && dispatch({ type: 'loaded', detail }),
      (cause: unknown) => current && setLoadProblem(problemOf(cause)),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [campaignId, api]);

  const edit = (change: (d: CampaignDraft) => CampaignDraft) => {
    dispatch({ type: 'edit', change });
    commands.editedAfterRefusal();
  };

  const draft = state?.draft;
  const missing = useMemo(() => (draft ? missingForPublish(draft) : []), [draft]);
  const enMissing = useMemo(() => (draft ? missingEnglish(draft).length : 0), [draft]);
  const campaign = state?.campaign ?? null;
  const readOnly = campaign !== null && (!campaign.canEdit || campaign.status === 'retired');
  const dirty = state !== null && isDirty(state);
  useLeaveGuard(dirty && !readOnly, t('manage.editor.leaveQ'));

  if (loadProblem) return <section class="m-page"><ProblemNote problem={loadProblem} /></section>;
  if (!state || !draft) return <p class="loading">{t('app.loading')}</p>;

  const flagged = new Set<string>(outcome.issues.map(issuePath));
  if (outcome.refused) for (const path of [...missing, ...outcome.serverMissing]) flagged.add(path);
  const timeZone = timeZoneOf(draft.hallIds, halls, enrolment.hall.timeZone);
  const title = pick(draft.campaign.title, lang).trim() || t('manage.editor.newTitle');
  const upToDate = campaign !== null && campaign.status === 'published' && !campaign.hasDraft && !dirty;
  const problem = outcome.problem;
  const shownMissing = outcome.refused ? [...new Set([...missing, ...outcome.serverMissing])] : missing;

  return (
    <section class="m-page m-editor-page" aria-labelledby="editor-title" data-testid="editor" data-campaign-id={campaign?.id ?? ''}>
      <div class="m-page-head">
        <a href="/manage" class="btn btn-quiet" data-testid="editor-back">
          {t('manage.editor.back')}
        </a>
        <h1 id="editor-title" class="text">
          {title}
        </h1>
        {campaign && <StatusBadges campaign={campaign} />}
        {campaign && (
          <a href={`/manage/campaigns/${campaign.id}/history`} class="btn btn-secondary" data-testid="editor-history">
            {t('manage.list.history')}
          </a>
        )}
      </div>
      {readOnly && (
        <p class="msg msg-info" data-testid="editor-read-only">
          {campaign?.status === 'retired' ? t('manage.editor.retiredReadOnly') : t('manage.editor.readOnly')}
        </p>
      )}
      <div class="m-editor-layout">
        <div class="m-editor-col">
          <EditorActions
            dirty={dirty}
            readOnly={readOnly}
            isNew={campaign === null}
            upToDate={upToDate}
            missingCount={missing.length}
            busy={outcome.busy}
            onSave={commands.onSave}
            onPublish={commands.onPublish}
          >
            {outcome.notice && (
              <p class="msg msg-info" role="status" data-testid="editor-notice" data-kind={outcome.notice.kind}>
                {outcome.notice.kind === 'saved'
                  ? t('manage.editor.savedNote')
                  : t('manage.editor.publishedNote', { version: outcome.notice.version ?? '' })}
              </p>
            )}
            {problem?.kind === 'conflict' && campaign && (
              <ConflictNotice conflict={problem} timeZone={timeZone} onReload={() => commands.reload(campaign.id)} onKeep={commands.dismissProblem} />
            )}
            {problem && problem.kind !== 'conflict' && <ProblemNote problem={problem} />}
            <DraftIssues issues={outcome.issues} />
            {!readOnly && <MissingList missing={shownMissing} refused={outcome.refused} onGo={focusField} />}
            <FocusWarnings warnings={outcome.warnings} halls={halls} />
          </EditorActions>
          <EditLangSwitch lang={editLang} enMissing={enMissing} onChange={setEditLang} />
          <fieldset
            class="m-form"
            disabled={readOnly}
            onFocusIn={(e) => setFocusPath((e.target as HTMLElement).dataset.path ?? null)}
          >
            <CampaignFields
              draft={draft}
              lang={editLang}
              halls={halls ?? [enrolment.hall]}
              chooseHalls={isAdmin}
              flagged={flagged}
              edit={edit}
            />
            <TalkTrackFields draft={draft} lang={editLang} flagged={flagged} edit={edit} />
          </fieldset>
        </div>
        <Preview
          draft={draft}
          campaignId={campaign?.id ?? null}
          nextVersion={(campaign?.currentVersion ?? 0) + (upToDate ? 0 : 1)}
          focusPath={focusPath}
        />
      </div>
    </section>
  );
}
