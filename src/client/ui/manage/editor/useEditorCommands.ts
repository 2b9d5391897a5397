import { useLocation } from 'preact-iso/router';
import { useState } from 'preact/hooks';
import { missingForPublish } from '../../../../shared/publishReadiness.ts';
import type { CampaignDraft, FocusWarning, ManagedCampaign } from '../../../../shared/schemas/manage.ts';
import { draftIssues, type DraftIssue } from '../../../manage/draftCheck.ts';
import { type Problem, problemOf } from '../../../manage/problems.ts';
import { useManage } from '../ManageContext.tsx';
import { type EditorAction, type EditorState, isDirty } from './editorState.ts';
import { focusField } from './MissingList.tsx';

export type Notice = { kind: 'saved' } | { kind: 'published'; version: number | null };

/** What saving and publishing left to show: the server's answer, or why it was not sent. */
export interface CommandOutcome {
  busy: 'save' | 'publish' | null;
  problem: Problem | null;
  issues: readonly DraftIssue[];
  /** A publish was refused for missing fields (here, or by the server: `serverMissing`). */
  refused: boolean;
  serverMissing: readonly string[];
  warnings: readonly FocusWarning[];
  notice: Notice | null;
}

const NONE: CommandOutcome = { busy: null, problem: null, issues: [], refused: false, serverMissing: [], warnings: [], notice: null };

/**
 * Save draft and publish. A save names the edit version it started from, so a save by someone
 * else in between is a 409 shown to the person, never overwritten. Publishing saves first when
 * there are unsaved changes, and is refused here while fields are missing.
 */
export function useEditorCommands(state: EditorState | null, dispatch: (a: EditorAction) => void) {
  const { api } = useManage();
  const { route } = useLocation();
  const [outcome, setOutcome] = useState<CommandOutcome>(NONE);
  const patch = (p: Partial<CommandOutcome>) => setOutcome((o) => ({ ...o, ...p }));

  const save = async (current: EditorState): Promise<ManagedCampaign | null> => {
    const draft: CampaignDraft = current.draft;
    const issues = draftIssues(draft);
    if (issues.length > 0) {
      patch({ issues, problem: null, notice: null });
      return null;
    }
    try {
      const answer = current.campaign ? await api.saveDraft(current.campaign.id, current.campaign.editVersion, draft) : await api.create(draft);
      dispatch({ type: 'saved', campaign: answer.campaign, draft });
      patch({ issues: [], problem: null, warnings: answer.focusWarnings });
      // A new campaign now has an address of its own (the editor stays as it is).
      if (!current.campaign) route(`/manage/campaigns/${answer.campaign.id}`, true);
      return answer.campaign;
    } catch (cause) {
      patch({ problem: problemOf(cause), notice: null });
      return null;
    }
  };

  const run = async (kind: 'save' | 'publish', work: () => Promise<void>) => {
    if (outcome.busy) return;
    patch({ busy: kind, notice: null, problem: null });
    try {
      await work();
    } finally {
      patch({ busy: null });
    }
  };

  const onSave = () =>
    run('save', async () => {
      if (state && (await save(state))) patch({ notice: { kind: 'saved' } });
    });

  const onPublish = () => {
    if (!state) return;
    const missing = missingForPublish(state.draft);
    if (missing.length > 0) {
      patch({ refused: true, serverMissing: [], notice: null, problem: null });
      focusField(missing[0]!);
      return;
    }
    return run('publish', async () => {
      const stored = state.campaign && !isDirty(state) ? state.campaign : await save(state);
      if (!stored) return;
      try {
        const answer = await api.publish(stored.id, stored.editVersion);
        dispatch({ type: 'published', campaign: answer.campaign });
        patch({ refused: false, serverMissing: [], warnings: answer.focusWarnings, notice: { kind: 'published', version: answer.campaign.currentVersion } });
      } catch (cause) {
        const problem = problemOf(cause);
        if (problem.kind === 'incomplete') {
          patch({ refused: true, serverMissing: problem.missing });
          if (problem.missing[0]) focusField(problem.missing[0]);
        } else patch({ problem });
      }
    });
  };

  /** The stored campaign again, dropping what was typed here (after a conflict, when the person chose it). */
  const reload = async (campaignId: string) => {
    try {
      dispatch({ type: 'loaded', detail: await api.detail(campaignId) });
      setOutcome(NONE);
    } catch (cause) {
      patch({ problem: problemOf(cause) });
    }
  };

  return {
    outcome,
    onSave: () => void onSave(),
    onPublish: () => void onPublish(),
    reload: (campaignId: string) => void reload(campaignId),
    dismissProblem: () => patch({ problem: null }),
    clear: () => setOutcome(NONE),
    editedAfterRefusal: () => outcome.serverMissing.length > 0 && patch({ serverMissing: [] }),
  };
}
